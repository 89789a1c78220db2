//! The "Open an article" panel: a URL, a file, pasted text, or a recently annotated article.

use crate::core::storage::recent::Recent;
use crate::core::text::article::BUNDLED_ID;
use crate::i18n::Lang;
use crate::ui::clicks::send;
use crate::web::library::{NotDone, Removed};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the reader asked to open.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenRequest {
    /// A URL (same origin or CORS-enabled), stored under `id` when given (else under the URL).
    Url { url: String, id: Option<String> },
    /// A file chosen or dropped.
    File(web_sys::File),
    /// Pasted text, with its HTML when rich text was pasted.
    Text { text: String, html: Option<String> },
    /// An article from the recent list.
    Recent(String),
    /// The bundled article.
    Bundled,
}

thread_local! {
    /// The HTML of the last rich-text paste into the panel's text box (the page has one panel), until
    /// the box is edited or its text opened.
    static PASTED_HTML: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The value of the first `selector` element in the form a submit event came from.
fn field_in<T: JsCast>(e: &SubmitEvent, selector: &str) -> Option<T> {
    e.target_dyn_into::<web_sys::Element>()?
        .query_selector(selector)
        .ok()??
        .dyn_into::<T>()
        .ok()
}

/// The panel, in `lang`: `recent` articles newest first; `on_open` gets what the reader asked to open,
/// `on_forget` the id of an article to remove from the list (with its stored text), `forgotten` what
/// the last removal did (the last article removed, why the last Remove or Undo did nothing, and the
/// callback that puts the last one back). Pasting rich text
/// keeps its HTML, which is read as a page (never inserted anywhere). (A function, not a component:
/// the fields hold what is typed, and each component costs the bundle its own copy of yew's
/// lifecycle code.)
pub fn open_panel(
    lang: Lang,
    recent: &[Recent],
    on_open: &Callback<OpenRequest>,
    on_forget: &Callback<String>,
    forgotten: (Option<&Removed>, Option<NotDone>, &Callback<()>),
) -> Html {
    let strings = lang.strings();
    let open_url = {
        let on_open = on_open.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = field_in::<HtmlInputElement>(&e, "input") {
                let value = input.value();
                if !value.trim().is_empty() {
                    on_open.emit(OpenRequest::Url {
                        url: value.trim().to_string(),
                        id: None,
                    });
                }
            }
        })
    };
    let open_file = {
        let on_open = on_open.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    on_open.emit(OpenRequest::File(file));
                }
                input.set_value("");
            }
        })
    };
    let on_paste = {
        Callback::from(move |e: Event| {
            let html = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text/html").ok())
                .filter(|h| !h.trim().is_empty());
            PASTED_HTML.with(|p| *p.borrow_mut() = html);
        })
    };
    // Rich text pasted and then edited: what the box now holds wins.
    let on_edit = Callback::from(move |e: InputEvent| {
        if e.input_type() != "insertFromPaste" {
            PASTED_HTML.with(|p| p.borrow_mut().take());
        }
    });
    let open_text = {
        let on_open = on_open.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = field_in::<HtmlTextAreaElement>(&e, "textarea") {
                let html = PASTED_HTML.with(|p| p.borrow_mut().take());
                on_open.emit(OpenRequest::Text {
                    text: area.value(),
                    html,
                });
            }
        })
    };
    let detail_of = |r: &Recent| {
        strings
            .recent_item
            .replace("{date}", r.opened.get(..10).unwrap_or_default())
            .replace("{count}", &r.count.to_string())
    };
    // The bundled article has its own button, with what the list says of it.
    let bundled_detail = recent.iter().find(|r| r.id == BUNDLED_ID).map(detail_of);
    let recent = recent.iter().filter(|r| r.id != BUNDLED_ID).enumerate().map(|(i, r)| {
        let title_id = format!("hamish-recent-{i}");
        let detail = detail_of(r);
        html! {
            <li>
                <button type="button" class="recent" onclick={send(on_open, OpenRequest::Recent(r.id.clone()))}>
                    <span class="recent-title" id={title_id.clone()} dir="auto">{ &r.title }</span>
                    <span class="recent-detail">{ detail }</span>
                </button>
                // An article with annotations stays: its stored text is the way back to them.
                if r.count == 0 {
                    <button type="button" class="recent-forget" aria-describedby={title_id}
                            title={lang.history().forget_label}
                            onclick={send(on_forget, r.id.clone())}>{ lang.history().forget }</button>
                }
            </li>
        }
    });
    // What the last Remove did (refused, or undoable), and the Undo of the last article removed,
    // which stays through a refusal.
    let h = lang.history();
    let (removed, note, on_put_back) = forgotten;
    let said = |when: NotDone, text: &'static str| if note == Some(when) { text } else { "" };
    let forgotten = html! {
        <p class="forgotten" role="status">
            { said(NotDone::Annotated, h.forget_refused) }
            if let Some(removed) = removed {
                { " " }{ h.forgotten.replace("{title}", &removed.entry.title) }
                { said(NotDone::NoRoom, h.put_back_failed) }
                <button type="button" onclick={send(on_put_back, ())}>{ h.undo }</button>
            }
        </p>
    };
    html! {
        <section class="hamish-open" aria-labelledby="hamish-open-title">
            <h2 id="hamish-open-title">{ strings.open_title }</h2>
            <form class="open-url" onsubmit={open_url}>
                <label for="hamish-open-url">{ strings.open_url_label }</label>
                <input id="hamish-open-url" type="text" inputmode="url" dir="ltr" placeholder="https://" />
                <button type="submit">{ strings.open_url }</button>
            </form>
            <label class="open-file">
                { strings.open_file }
                <input type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onchange={open_file} />
            </label>
            <p class="hint">{ strings.drop_hint }</p>
            <form class="open-text" onsubmit={open_text}>
                <label for="hamish-open-text">{ strings.paste_label }</label>
                <textarea id="hamish-open-text" rows="4" dir="auto" onpaste={on_paste} oninput={on_edit} />
                <button type="submit">{ strings.open_text }</button>
            </form>
            <h3>{ strings.recent_title }</h3>
            <ul class="recent-list">
                <li><button type="button" class="recent" onclick={send(on_open, OpenRequest::Bundled)}>
                    <span class="recent-title">{ strings.bundled }</span>
                    if let Some(detail) = bundled_detail {
                        <span class="recent-detail">{ detail }</span>
                    }
                </button></li>
                { for recent }
            </ul>
            { forgotten }
        </section>
    }
}
