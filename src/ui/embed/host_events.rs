//! What the host page is told: a `hamish:change` event for each annotation the reader created,
//! updated or deleted, once the change settles (typing a note is one update, not one per key).

use crate::core::annotations::changes::{changes, Change};
use crate::core::annotations::model::Annotation;
use crate::core::w3c::export::annotation_json;
use crate::ui::embed::embedding::Embedding;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Milliseconds a change waits before the host page is told of it (later changes fold into it).
const ANNOUNCE_DELAY_MS: u32 = 300;

/// Tells the host page about a change: a `hamish:change` event on the mounted element whose `detail`
/// is `{type, article, annotation}` (the annotation as W3C JSON).
pub fn announce(embedding: &Embedding, change: &Change) {
    let article = embedding
        .bridge
        .current_host(&embedding.host)
        .article
        .clone();
    let detail = crate::json!({
        "type": change.kind.name(),
        "article": article.id,
        "annotation": annotation_json(&change.annotation, &article, &embedding.registry),
    });
    let Ok(detail) = js_sys::JSON::parse(&detail.to_string()) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("hamish:change", &init) {
        let _ = embedding.mount.dispatch_event(&event);
    }
}

/// Announces the changes to `annotations` after they settle; annotations loaded from storage (at the
/// start, or another tab's changes, counted by `loads`) become the new baseline unannounced, as the
/// other tab announced its own. Returns what tells the site at once of changes still waiting (also
/// done when the widget goes).
#[hook]
pub fn use_announcer(
    e: Rc<Embedding>,
    annotations: Rc<Vec<Annotation>>,
    loads: u32,
) -> Rc<dyn Fn()> {
    let baseline = use_mut_ref(|| None::<Rc<Vec<Annotation>>>);
    let waiting = use_mut_ref(|| None::<Rc<Vec<Annotation>>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let flush: Rc<dyn Fn()> = Rc::new({
        let (waiting, baseline) = (waiting.clone(), baseline.clone());
        move || {
            let Some(now) = waiting.borrow_mut().take() else {
                return;
            };
            if let Some(before) = baseline.borrow_mut().replace(now.clone()) {
                for change in changes(&before, &now) {
                    announce(&e, &change);
                }
            }
        }
    });
    let seen_loads = use_mut_ref(|| 0u32);
    {
        let flush = flush.clone();
        // Annotations loaded from storage (at the start, or another tab's changes) are the new
        // baseline: another tab announced its own changes.
        use_effect_with((annotations, loads), move |(now, loads)| {
            if std::mem::replace(&mut *seen_loads.borrow_mut(), *loads) != *loads {
                timer.borrow_mut().take();
                waiting.borrow_mut().take();
                *baseline.borrow_mut() = Some(now.clone());
            } else {
                *waiting.borrow_mut() = Some(now.clone());
                *timer.borrow_mut() = Some(Timeout::new(ANNOUNCE_DELAY_MS, move || flush()));
            }
        });
    }
    let last = flush.clone();
    use_effect_with((), move |_| move || last());
    flush
}
