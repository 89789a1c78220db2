//! The widget: wires the reducer, storage and the reader's input to the components.

use crate::core::annotations::model::Kind;
use crate::core::annotations::reattach::Reworded;
use crate::core::annotations::state::{
    Action, Notice, Pending, Popover as PopoverState, State, Way,
};
use crate::core::claims::settings::{Reviewer, Settings};
use crate::core::entities::registry::Entity;
use crate::core::storage::keys::DEFAULT_NAMESPACE;
use crate::core::text::article::Article;
use crate::core::text::open_error::OpenError;
use crate::i18n::{entity_keys, Lang};
use crate::ui::annotator::{export_as, use_annotator, Annotator, Setup, IMPORT_ACCEPT};
use crate::ui::article::ArticleView;
use crate::ui::context::Widget;
use crate::ui::entities_panel::EntitiesPanel;
use crate::ui::export_menu::export_menu;
use crate::ui::flash::use_flash;
use crate::ui::history_buttons::history_buttons;
use crate::ui::history_buttons::HISTORY_ENABLED;
use crate::ui::keyboard_mode::{mode_button, use_keyboard_mode, KeyboardSetup};
use crate::ui::notices::{notices, said_text, use_undo_offered, NoticesProps, NEWEST_UNDO};
use crate::ui::open_panel::{open_panel, OpenRequest};
use crate::ui::overlays::{overlays, Overlays};
use crate::ui::panel::Panel;
use crate::ui::popover::use_popover_ref;
use crate::ui::reader_input::{pending_at, use_reader_input, EDGE_MARGIN};
use crate::ui::reducer::make_callback;
use crate::ui::settings_panel::settings_panel;
use crate::ui::toolbar::use_toolbar_ref;
use crate::web::library::{self, NotDone, Removed};
use crate::web::{clock, page, registry_store, selection, settings_store};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article to annotate.
    pub article: Rc<Article>,
    /// The entities a reader can tag when the widget starts (the reader may add more).
    pub registry: Rc<Vec<Entity>>,
    /// The interface language to start in.
    pub lang: Lang,
    /// Notices to show from the start (e.g. a failed article load).
    #[prop_or_default]
    pub notices: Vec<Notice>,
    /// The latest failure to open another article (numbered, so each is shown once).
    #[prop_or_default]
    pub failure: Option<(u32, OpenError)>,
    /// Called with an article the reader asks to open.
    #[prop_or_default]
    pub on_open: Callback<OpenRequest>,
    /// Called with the number of annotations whenever they are saved; false when the article's text
    /// could not be kept.
    pub on_saved: Callback<usize, bool>,
    /// Whether the reader opened this article (the focus then goes to its title, which is read out).
    #[prop_or_default]
    pub opened: bool,
}

/// The annotator widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let article = props.article.clone();
    let root = use_node_ref();
    let lang = use_state(|| props.lang);
    let setup = Setup {
        article: article.clone(),
        registry: props.registry.clone(),
        namespace: DEFAULT_NAMESPACE.into(),
        notices: props.notices.clone(),
        follow_registry: true,
        on_saved: props.on_saved.clone(),
        load_settings: settings_store::load,
    };
    let Annotator {
        state,
        suggestions,
        latest,
        command,
        edits,
        on_export,
        on_import,
        ..
    } = use_annotator(&setup);
    let registry = state.registry.clone();
    let opening = use_state(|| false);
    let editing_settings = use_state(|| false);
    // What the settings form held when it was not saved, and why (a website that is not a web
    // address), while it is open.
    let settings_error = use_state(|| None::<(Settings, String)>);
    let editing_entities = use_state(|| false);
    {
        // Saved when it changes, not when the widget mounts (that would rewrite what was just read);
        // merged with another tab's changes, which are then shown here too.
        let mounted = use_mut_ref(|| false);
        let dispatcher = state.dispatcher();
        use_effect_with(registry.clone(), move |registry| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                match registry_store::save(registry) {
                    Ok(Some(merged)) => {
                        dispatcher.dispatch(Action::FollowRegistry(Rc::new(merged)))
                    }
                    Ok(None) => {}
                    Err(()) => dispatcher.dispatch(Action::Notify(Notice::SaveFailed)),
                }
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.failure.clone(), move |failure| {
            if let Some((_, reason)) = failure {
                dispatcher.dispatch(Action::Notify(Notice::OpenFailed(reason.clone())));
            }
        });
    }
    let read_selection: Rc<dyn Fn() -> Option<Pending>> = {
        let root = root.clone();
        let article = article.clone();
        Rc::new(move || {
            let root_el = root.cast::<Element>()?;
            let range = selection::current_range()?;
            let span = selection::range_to_offsets(&root_el, &article, &range)?;
            Some(pending_at(
                &root_el,
                span,
                &range.get_bounding_client_rect(),
            ))
        })
    };
    use_reader_input(
        read_selection.clone(),
        latest.clone(),
        state.dispatcher(),
        command.clone(),
        Rc::new(|| true),
    );
    let keyboard = {
        let (root_select, root_focus) = (root.clone(), root.clone());
        let (shown, drawn) = (article.clone(), article.clone());
        let setup = KeyboardSetup {
            article: Rc::new(move || shown.clone()),
            select: Rc::new(move |span| {
                root_select
                    .cast::<Element>()
                    .is_some_and(|root_el| selection::select_span(&root_el, &drawn, span))
            }),
            read_selection,
            owns_keys: Rc::new(|| true),
            focus_toolbar: Rc::new(move || {
                if let Some(root_el) = root_focus.cast::<Element>() {
                    page::focus_first(&root_el, ".hamish-toolbar button");
                }
            }),
        };
        use_keyboard_mode(setup, latest.clone(), state.dispatcher(), *lang)
    };

    let strings = lang.strings();
    let on_open = {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        // Stable callbacks (use_callback) keep the article from being redrawn on every selection.
        use_callback((), move |(run, claimant_first): (Element, bool), _| {
            let Some(root_el) = root.cast::<Element>() else {
                return;
            };
            let list = |name: &str| -> Vec<String> {
                run.get_attribute(name)
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(String::from)
                    .collect()
            };
            let (x, y) =
                page::anchor_point(&root_el, &run.get_bounding_client_rect(), true, EDGE_MARGIN);
            let popover = PopoverState {
                ids: list("data-ids"),
                suggestions: list("data-sgs"),
                x,
                y,
                claimant_first,
            };
            dispatcher.dispatch(Action::SetPopover(Some(popover)));
        })
    };
    let on_switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            page::set_query(&[("ui", Some(next.code()))], false);
            lang.set(next);
        })
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        let first = state.popover.as_ref().and_then(|p| p.ids.first().cloned());
        let suggestion = state
            .popover
            .as_ref()
            .and_then(|p| p.suggestions.first().cloned());
        Callback::from(move |()| {
            dispatcher.dispatch(Action::SetPopover(None));
            match (root.cast::<Element>(), first.as_deref()) {
                (Some(root_el), Some(id)) => drop(page::focus_highlight(&root_el, id)),
                _ => suggestion
                    .iter()
                    .for_each(|key| page::focus_suggestion(key)),
            }
        })
    };
    {
        let root = root.clone();
        use_undo_offered(&state.notices, state.steps, move || {
            if let Some(root_el) = root.cast::<Element>().filter(|_| page::focus_lost()) {
                page::focus_first(&root_el, NEWEST_UNDO);
            }
        });
    }
    // What the reader last focused in the article: a highlight's or suggestion's identity. Redrawn,
    // the same element may stand for another (yew reuses it): the focus did not follow the reader.
    let focused_mark = use_mut_ref(|| None::<String>);
    let on_focus_in = {
        let focused_mark = focused_mark.clone();
        Callback::from(move |e: FocusEvent| {
            *focused_mark.borrow_mut() = e.target_dyn_into::<Element>().and_then(|el| mark_of(&el));
        })
    };
    {
        // An undo or redo that took the focus away (the focused highlight, the notice's Undo, the
        // button itself disabled), or left it on an element now standing for something else, leaves
        // it on the annotation it changed, when that is drawn, else on Undo or Redo.
        let root = root.clone();
        let said = state.said.clone();
        let focused_mark = focused_mark.clone();
        use_effect_with(said.count, move |_| {
            if let (Some(root_el), false) = (root.cast::<Element>(), said.way == Way::Made) {
                let active = gloo::utils::document().active_element();
                let recorded = focused_mark.borrow().clone();
                // (It still stands for one of the same annotations: the focus followed the reader.)
                let now = active.as_ref().and_then(mark_of).unwrap_or_default();
                let was = recorded.unwrap_or_default();
                let moved = !was.is_empty()
                    && !was
                        .split_whitespace()
                        .any(|id| now.split_whitespace().any(|n| n == id));
                // The annotation changed, else one the reader was on that is still drawn.
                let mut ids = said
                    .id
                    .iter()
                    .map(String::as_str)
                    .chain(was.split_whitespace());
                if (page::focus_lost() || moved)
                    && !ids.any(|id| page::focus_highlight(&root_el, id))
                {
                    page::focus_first(&root_el, HISTORY_ENABLED);
                }
            }
        });
    }
    // In keyboard mode, or as it ends: a focus the toolbar or the selection took with it goes back to
    // the mode's button (where the mode keeps its keys), as in the embed.
    {
        let root = root.clone();
        let was_on = use_mut_ref(|| false);
        use_effect_with(
            (keyboard.active, state.pending.is_some(), state.steps),
            move |(on, _, _)| {
                let ended = std::mem::replace(&mut *was_on.borrow_mut(), *on) && !*on;
                if let Some(root_el) = root.cast::<Element>().filter(|_| page::focus_lost()) {
                    if *on || ended {
                        page::focus_first(&root_el, ".hamish-keyboard");
                    }
                }
            },
        );
    }
    // Focusing the panel scrolls it into view: the way there for the keyboard, and on a phone.
    let on_to_panel = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(root_el) = root.cast::<Element>() {
                page::focus_first(&root_el, ".hamish-panel");
            }
        })
    };
    // "Not this claim's words": the focus, if it went with the notice's line, to the orphan's
    // Re-attach in the panel, where the claim now is.
    let on_detach = {
        let (detach, root) = (edits.on_detach.clone(), root.clone());
        Callback::from(move |r: Reworded| {
            let selector = page::attribute_is("data-orphan", &r.id) + " button";
            detach.emit(r);
            let root = root.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(root_el) = root.cast::<Element>().filter(|_| page::focus_lost()) {
                    page::focus_first(&root_el, &selector);
                }
            })
            .forget();
        })
    };
    // "The verdict holds for these words": the focus, if it went with the notice's line, to the claim.
    let on_keep = {
        let (keep, root) = (edits.on_keep_words.clone(), root.clone());
        Callback::from(move |id: String| {
            keep.emit(id.clone());
            let root = root.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(root_el) = root.cast::<Element>().filter(|_| page::focus_lost()) {
                    if !page::focus_highlight(&root_el, &id) {
                        page::focus_first(&root_el, HISTORY_ENABLED);
                    }
                }
            })
            .forget();
        })
    };
    let (flash, start_flash) = use_flash();
    let on_choose = {
        let root = root.clone();
        let annotations = state.annotations.clone();
        Callback::from(move |id: String| {
            if let Some(root_el) = root.cast::<Element>() {
                page::reveal(&root_el, &id);
            }
            if let Some(a) = annotations.iter().find(|a| a.id == id) {
                start_flash(a.span());
            }
        })
    };
    let on_review = {
        let suggestions = suggestions.clone();
        Callback::from(move |entity: String| {
            if let Some(sg) = suggestions.iter().find(|s| s.entity == entity) {
                page::focus_suggestion(&sg.key());
            }
        })
    };
    let on_toggle_entities = {
        let editing_entities = editing_entities.clone();
        Callback::from(move |_| editing_entities.set(!*editing_entities))
    };
    let on_save_entity = {
        let registry = registry.clone();
        make_callback(&state.dispatcher(), move |entity: Entity| {
            let mut next: Vec<Entity> = registry.iter().cloned().collect();
            match next.iter_mut().find(|e| e.id == entity.id) {
                Some(slot) => *slot = entity,
                None => next.push(entity),
            }
            Action::SetRegistry(Rc::new(next))
        })
    };
    let on_delete_entity = {
        let here = article.id.clone();
        make_callback(
            &state.dispatcher(),
            move |(id, replacement): (String, Option<Kind>)| {
                let modified = clock::now_iso();
                let elsewhere =
                    registry_store::retag_everywhere(&id, replacement.as_ref(), &modified, &here);
                Action::DeleteEntity {
                    id,
                    replacement,
                    modified,
                    elsewhere,
                }
            },
        )
    };
    // Settings are saved whenever they change (a save, its undo or redo), and the reader told; ones
    // storage refused stay in the page (whichever article it opens), and are saved when it is shown
    // or focused again and there is room.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let retry = move || {
                if settings_store::retry() {
                    say_settings_saved(&dispatcher, true);
                    dispatcher.dispatch(Action::FollowSettings(settings_store::load()));
                }
            };
            let on = |target: &web_sys::EventTarget, name: &'static str| {
                let retry = retry.clone();
                gloo::events::EventListener::new(target, name, move |_| retry())
            };
            let listeners = [
                on(&gloo::utils::window(), "focus"),
                on(&gloo::utils::document(), "visibilitychange"),
            ];
            move || drop(listeners)
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.settings.clone(), move |settings| {
            if *settings != settings_store::stored() {
                say_settings_saved(&dispatcher, settings_store::save(settings));
            } else {
                // Back to what is stored (an undo after a refused save): nothing is unsaved.
                settings_store::forget_pending();
                dispatcher.dispatch(Action::Withdraw(Notice::SettingsNotSaved));
            }
        });
    }
    let on_save_settings = {
        let (current, editing_settings) = (state.settings.clone(), editing_settings.clone());
        let settings_error = settings_error.clone();
        let dispatcher = state.dispatcher();
        let root = root.clone();
        Callback::from(move |next: Result<Settings, (Settings, String)>| {
            let next = match next {
                Ok(next) => next,
                Err(refused) => return settings_error.set(Some(refused)),
            };
            settings_error.set(None);
            let next = next.carried_onto(&current, &settings_store::load());
            if next == current {
                say_settings_saved(&dispatcher, true);
            } else {
                dispatcher.dispatch(Action::SetSettings(next));
            }
            editing_settings.set(false);
            // The form goes: the focus back to the button that opened it.
            if let Some(root_el) = root.cast::<Element>() {
                page::focus_first(&root_el, ".hamish-settings-toggle");
            }
        })
    };
    // The form opens on the settings this page uses: another tab's saves are followed as they
    // happen, and ones storage refused here stay (they apply until the page closes).
    let on_toggle_settings = {
        let editing_settings = editing_settings.clone();
        let settings_error = settings_error.clone();
        Callback::from(move |_| {
            settings_error.set(None);
            editing_settings.set(!*editing_settings)
        })
    };
    let settings_panel = editing_settings.then(|| {
        let (shown, error) = match &*settings_error {
            Some((typed, message)) => (typed, Some(message.as_str())),
            None => (&state.settings, None),
        };
        settings_panel(*lang, shown, error, &on_save_settings)
    });
    let entities_panel = editing_entities.then(|| {
        html! {
            <EntitiesPanel annotations={state.annotations.clone()}
                           on_save={on_save_entity.clone()} on_delete={on_delete_entity.clone()} />
        }
    });
    let on_toggle_open = {
        let opening = opening.clone();
        Callback::from(move |_| opening.set(!*opening))
    };
    // The panel stays open until the article comes (a new annotator): a failure leaves it open, with
    // the address typed.
    let on_open_request = props.on_open.clone();
    {
        let (root, opened) = (root.clone(), props.opened);
        use_effect_with((), move |_| {
            let title = root
                .cast::<Element>()
                .filter(|_| opened)
                .and_then(|r| {
                    r.query_selector(".hamish-article [data-block='0']")
                        .ok()
                        .flatten()
                })
                .and_then(|t| t.dyn_into::<HtmlElement>().ok());
            if let Some(title) = title {
                let _ = title.set_attribute("tabindex", "-1");
                let _ = title.focus();
            }
        });
    }
    // Esc inside an open panel closes it and gives the focus back to the button that opened it (as
    // that button does; a field's own Esc — a select's list — comes first).
    let on_panel_key = {
        let panels = [
            (".hamish-open", ".hamish-open-toggle", opening.clone()),
            (
                ".hamish-entities",
                ".hamish-entities-toggle",
                editing_entities.clone(),
            ),
            (
                ".hamish-settings",
                ".hamish-settings-toggle",
                editing_settings.clone(),
            ),
        ];
        let (root, settings_error) = (root.clone(), settings_error.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Escape" || e.default_prevented() {
                return;
            }
            let Some(target) = e.target_dyn_into::<Element>() else {
                return;
            };
            for (panel, toggle, open) in &panels {
                if **open && target.closest(panel).ok().flatten().is_some() {
                    e.prevent_default();
                    settings_error.set(None);
                    open.set(false);
                    if let Some(root_el) = root.cast::<Element>() {
                        page::focus_first(&root_el, toggle);
                    }
                    return;
                }
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let on_open = on_open_request.clone();
        Callback::from(move |e: DragEvent| {
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                on_open.emit(OpenRequest::File(file));
            }
        })
    };
    // Everything stored, and what storage does not hold yet (storage full): this article's work
    // as shown, the reader's entities.
    let on_export_all = {
        let (state, id) = (state.clone(), article.id.clone());
        Callback::from(move |_: MouseEvent| {
            let now = clock::now_iso();
            let day = now.get(..10).unwrap_or("backup");
            let text = crate::web::backup::export_all(
                &now,
                (&id, &state.work()),
                &state.registry,
                &state.settings,
            );
            let _ = crate::web::download::download(
                &format!("hamish-backup-{day}.json"),
                "application/json",
                &text,
            );
        })
    };
    // The articles taken off the recent list, the last last (its Undo puts it back), and why the last
    // Remove or Undo did nothing.
    let forgotten = use_state(|| (Vec::<Removed>::new(), None::<NotDone>));
    let on_forget = {
        let forgotten = forgotten.clone();
        Callback::from(move |id: String| {
            let (mut removed, _) = (*forgotten).clone();
            let note = match library::forget(&id) {
                Ok(gone) => {
                    removed.extend(gone);
                    None
                }
                Err(why) => Some(why),
            };
            forgotten.set((removed, note));
        })
    };
    let on_put_back = {
        let forgotten = forgotten.clone();
        Callback::from(move |()| {
            let (mut removed, _) = (*forgotten).clone();
            let note = removed.pop().and_then(|last| {
                let failed = library::put_back(&last).err();
                if failed.is_some() {
                    removed.push(last);
                }
                failed
            });
            forgotten.set((removed, note));
        })
    };
    let opener = opening.then(|| {
        open_panel(
            *lang,
            &library::recent(),
            &on_open_request,
            &on_forget,
            (forgotten.0.last(), forgotten.1, &on_put_back),
        )
    });
    let on_dismiss = make_callback(&state.dispatcher(), Action::Dismiss);

    // The same scale from draw to draw while the settings stay (the panel's parts compare it by identity).
    let scale = use_memo(state.settings.clone(), |settings| settings.scale());
    let on_export_as = {
        // As stored when exporting: another tab may have saved other reviewer details.
        let reviewer: Rc<dyn Fn() -> Reviewer> = Rc::new(|| settings_store::load().reviewer);
        export_as(
            state.clone(),
            article.clone(),
            scale.clone(),
            reviewer,
            *lang,
        )
    };
    let toolbar_ref = use_toolbar_ref();
    let popover_ref = use_popover_ref(state.popover.as_ref().map(|p| {
        (
            p.ids.first().cloned(),
            p.suggestions.first().cloned(),
            p.claimant_first,
        )
    }));
    let widget = Widget {
        lang: *lang,
        registry: registry.clone(),
        edits: edits.clone(),
        scale: scale.clone(),
    };
    let Overlays {
        banner,
        toolbar,
        popover,
    } = overlays(
        &state,
        &suggestions,
        &widget,
        &on_close,
        false,
        &toolbar_ref,
        &popover_ref,
    );
    html! {
        <ContextProvider<Widget> context={widget}>
            <div class="hamish" lang={lang.code()} dir={lang.dir()} ref={root} ondragover={on_dragover} ondrop={on_drop} onkeydown={on_panel_key} onfocusin={on_focus_in}>
                <header class="hamish-bar">
                    <button type="button" class="hamish-to-panel" onclick={on_to_panel}>{ strings.panel_title }</button>
                    <span class="hamish-brand">{ strings.app_name }</span>
                    <p class="hamish-hint">{ strings.toolbar_hint }<span class="hamish-keys">{ strings.toolbar_keys.replace("{keys}", &entity_keys(registry.len())) }</span>{ "." }</p>
                    <button type="button" class="hamish-lang" lang={lang.other().code()} onclick={on_switch}>{ strings.switch_to }</button>
                    <button type="button" class="hamish-open-toggle" aria-expanded={if *opening { "true" } else { "false" }}
                            onclick={on_toggle_open}>{ strings.open_button }</button>
                    <button type="button" class="hamish-entities-toggle" aria-expanded={if *editing_entities { "true" } else { "false" }}
                            onclick={on_toggle_entities}>{ strings.entities_button }</button>
                    <button type="button" class="hamish-settings-toggle" aria-expanded={if *editing_settings { "true" } else { "false" }}
                            onclick={on_toggle_settings}>{ lang.claims().settings }</button>
                    <label class="hamish-import">
                        { strings.import_json }
                        <input type="file" accept={IMPORT_ACCEPT} onchange={on_import} />
                    </label>
                    <button type="button" class="hamish-export" onclick={on_export.clone()}>{ strings.export_json }</button>
                    { export_menu(*lang, &on_export_as) }
                    <button type="button" class="hamish-export-all" onclick={on_export_all}>{ lang.history().export_all }</button>
                </header>
                <main class="hamish-main">
                // Notices first: they stick to the window's top, and under an open panel they would
                // start below the window.
                { notices(&NoticesProps { notices: state.notices.clone(), on_dismiss, on_undo: edits.on_undo.clone(), on_export: on_export.clone(), on_detach, on_keep, steps: state.steps }, *lang) }
                { opener.unwrap_or_default() }
                { entities_panel.unwrap_or_default() }
                { settings_panel.unwrap_or_default() }
                { banner }
                <div class="hamish-layout">
                    <ArticleView article={article.clone()} annotations={state.annotations.clone()} {flash}
                                 registry={registry.clone()} lang={*lang} scale={scale.clone()} {on_open} suggestions={suggestions.clone()}
                                 on_accept={edits.on_accept.clone()} on_reject={edits.on_reject.clone()} />
                    <Panel annotations={state.annotations.clone()} filter={state.filter.clone()} {on_choose}
                           suggestions={suggestions.clone()} {on_review} tools={html! {<>{ mode_button(&keyboard, *lang) }{ history_buttons(&state, &edits, *lang) }</>}} />
                </div>
                // Always one child each (an empty fragment when closed): yew matches unkeyed children
                // from the end, so a child that comes and goes would make it rebuild the article and
                // lose the reader's selection.
                <p class="hamish-sr" role="status">{ said_text(&state.said, &state.registry, *lang) }</p>
                <p class="hamish-sr" role="status">{ if state.pending.is_some() { strings.selection_ready.replace("{keys}", &entity_keys(registry.len())) } else { String::new() } }</p>
                <p class="hamish-sr" role="status">{ keyboard.status.clone() }</p>
                { toolbar }
                { popover }
                </main>
            </div>
        </ContextProvider<Widget>>
    }
}

/// What a highlight or suggestion in the article stands for (its annotations' or suggestion's ids).
fn mark_of(el: &Element) -> Option<String> {
    ["data-ann", "data-sg", "data-sg-here"]
        .iter()
        .find_map(|name| el.get_attribute(name))
}

/// Tells the reader whether the settings were saved (`saved`), withdrawing the opposite notice.
fn say_settings_saved(dispatcher: &UseReducerDispatcher<State>, saved: bool) {
    let (said, withdrawn) = if saved {
        (Notice::SettingsSaved, Notice::SettingsNotSaved)
    } else {
        (Notice::SettingsNotSaved, Notice::SettingsSaved)
    };
    dispatcher.dispatch(Action::Withdraw(withdrawn));
    dispatcher.dispatch(Action::Notify(said));
}
