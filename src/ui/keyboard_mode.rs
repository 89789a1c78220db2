//! Selecting with the keyboard alone: a mode (entered with `k` or the side panel's button) in which
//! the arrow keys move a cursor through the article by word and by sentence, Shift extends it, and
//! the cursor is the window's selection — so the selection toolbar and its keys (`c`, `1`–`9`) work
//! as they do for a mouse selection. Enter moves the focus into the toolbar; Esc ends the mode.
//! Where the words and sentences are is decided by [`crate::core::text::cursor`].

use crate::core::annotations::state::{Action, Pending, State};
use crate::core::text::article::Article;
use crate::core::text::cursor::{Arrow, Cursor, Words};
use crate::core::text::span::Span;
use crate::core::text::units::{short_quote, slice_cp};
use crate::i18n::{entity_keys, Lang};
use crate::ui::reader_input::{inside, send_pending, Latest};
use crate::web::selection;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// How the widget draws and reads the keyboard cursor.
#[derive(Clone)]
pub struct KeyboardSetup {
    /// The article as it is now (the embed re-reads its host's text).
    pub article: Rc<dyn Fn() -> Rc<Article>>,
    /// Makes a span of the article the window's selection (scrolled into view); false when it cannot.
    pub select: Rc<dyn Fn(Span) -> bool>,
    /// The window's selection as a selection waiting for a tag, when it is in the article.
    pub read_selection: Rc<dyn Fn() -> Option<Pending>>,
    /// Whether a key press belongs to this widget (a page may hold several articles).
    pub owns_keys: Rc<dyn Fn() -> bool>,
    /// Moves the focus to the selection toolbar's first button.
    pub focus_toolbar: Rc<dyn Fn()>,
}

/// What the screen-reader status of the mode says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Said {
    /// Nothing yet.
    #[default]
    Nothing,
    /// The mode started, on this text.
    Started(String),
    /// The cursor selects this text.
    Selected(String),
    /// The mode ended.
    Stopped,
}

/// The keyboard mode as the widget shows it.
pub struct KeyboardMode {
    /// Whether the mode is on.
    pub active: bool,
    /// What the mode's `role=status` region says now.
    pub status: String,
    /// Starts the mode, or ends it when it is on (the side panel's button).
    pub on_toggle: Callback<MouseEvent>,
}

/// The mode's own state, read by the document listener.
#[derive(Default)]
struct Mode {
    active: bool,
    cursor: Cursor,
    /// The words of the article they were found in (compared by pointer).
    words: Option<(Rc<Article>, Rc<Words>)>,
}

impl Mode {
    /// The words of `article`, found again only when the article changed.
    fn words(&mut self, article: Rc<Article>) -> Rc<Words> {
        match &self.words {
            Some((seen, words)) if Rc::ptr_eq(seen, &article) => words.clone(),
            _ => {
                // The cursor stays on the word at the same place of the new text.
                let at = self
                    .words
                    .as_ref()
                    .map_or(0, |(_, old)| old.word(self.cursor.focus).start);
                let words = Rc::new(Words::new(&article.text));
                self.cursor = Cursor::on(words.at(at));
                self.words = Some((article, words.clone()));
                words
            }
        }
    }
}

/// The selected text as the status says it (shortened).
fn quote(article: &Article, span: Span) -> String {
    short_quote(slice_cp(&article.text, span.start, span.end), 80)
}

/// Whether a key press is a bare `k` (with an Arabic layout too: the physical key counts).
fn is_mode_key(e: &KeyboardEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.alt_key())
        && (e.key().eq_ignore_ascii_case("k") || e.code() == "KeyK")
}

/// Registers the keyboard mode for the widget's lifetime and says, in `lang`, what it does.
#[hook]
pub fn use_keyboard_mode(
    setup: KeyboardSetup,
    latest: Rc<RefCell<Latest>>,
    dispatcher: UseReducerDispatcher<State>,
    lang: Lang,
) -> KeyboardMode {
    let mode = use_mut_ref(Mode::default);
    let shown = use_state(|| (false, Said::Nothing));
    let entities = latest.borrow().registry.len();
    // Draws the cursor as the window's selection and shows its toolbar at once.
    let draw: Rc<dyn Fn(bool)> = {
        let (mode, setup, dispatcher, shown, latest) = (
            mode.clone(),
            setup.clone(),
            dispatcher.clone(),
            shown.setter(),
            latest.clone(),
        );
        Rc::new(move |starting: bool| {
            let article = (setup.article)();
            let mut m = mode.borrow_mut();
            let words = m.words(article.clone());
            if words.is_empty() {
                return;
            }
            let span = m.cursor.span(&words);
            drop(m);
            if (setup.select)(span) {
                // Keys pressed before this is drawn (a tag key, another move) find it at once.
                send_pending(&latest, &dispatcher, (setup.read_selection)());
            }
            let text = quote(&article, span);
            shown.set((
                true,
                if starting {
                    Said::Started(text)
                } else {
                    Said::Selected(text)
                },
            ));
        })
    };
    let start: Rc<dyn Fn()> = {
        let (mode, setup, latest, draw) =
            (mode.clone(), setup.clone(), latest.clone(), draw.clone());
        Rc::new(move || {
            let article = (setup.article)();
            let mut m = mode.borrow_mut();
            let words = m.words(article);
            // A selection the reader already made is where the cursor starts (the window's, else
            // the one waiting for a tag); else where it was.
            let pending = (setup.read_selection)().or_else(|| latest.borrow().pending.clone());
            if let Some(cursor) = pending.and_then(|p| words.covering(p.span)) {
                m.cursor = cursor;
            } else {
                m.cursor = Cursor::on(m.cursor.focus);
            }
            m.active = true;
            drop(m);
            // Started on a focused highlight or suggestion, whose own keys (arrows, Delete) would act
            // on it too: the focus goes to the mode's button, where the mode has its keys.
            let document = gloo::utils::document();
            let on_mark = document.active_element().is_some_and(|el| {
                el.closest("[data-sg], [data-sg-here], [data-ann]")
                    .ok()
                    .flatten()
                    .is_some()
            });
            let button = document
                .query_selector(".hamish-keyboard")
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = button.filter(|_| on_mark) {
                let _ = button.focus();
            }
            draw(true);
        })
    };
    let stop: Rc<dyn Fn()> = {
        let (mode, dispatcher, shown) = (mode.clone(), dispatcher.clone(), shown.setter());
        Rc::new(move || {
            mode.borrow_mut().active = false;
            selection::clear();
            dispatcher.dispatch(Action::SetPending(None));
            shown.set((false, Said::Stopped));
        })
    };
    {
        let (mode, start, stop, draw) = (mode.clone(), start.clone(), stop.clone(), draw.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let active = EventListenerOptions::enable_prevent_default();
            let on_key = EventListener::new_with_options(&document, "keydown", active, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                // While the mode is on its keys are its own (the focus may have gone to the page with a
                // toolbar that closed); else only when the focus or selection is in this article.
                if inside(e, "input, textarea, select, [contenteditable]")
                    || !(mode.borrow().active || (setup.owns_keys)())
                {
                    return;
                }
                if !mode.borrow().active {
                    if is_mode_key(e) && !inside(e, ".hamish-toolbar, .hamish-popover") {
                        e.prevent_default();
                        start();
                    }
                    return;
                }
                // The toolbar's and popover's own keys (Enter on a button, Esc) stay theirs.
                if inside(e, ".hamish-toolbar, .hamish-popover") {
                    return;
                }
                let now = latest.borrow().clone();
                match e.key().as_str() {
                    "Escape" => {
                        if !now.popover_open {
                            stop();
                        }
                    }
                    "Enter" if now.reattaching.is_none() => {
                        e.prevent_default();
                        draw(false);
                        let focus = setup.focus_toolbar.clone();
                        Timeout::new(50, move || focus()).forget();
                    }
                    key => {
                        let Some(arrow) = Arrow::from_key(key) else {
                            return;
                        };
                        e.prevent_default();
                        let article = (setup.article)();
                        let mut m = mode.borrow_mut();
                        let words = m.words(article.clone());
                        // A selection made meanwhile (with the mouse) is where the cursor goes on from.
                        // It is read from the window, not from the state: a key pressed before the
                        // last move was drawn would find that move's selection there and undo it.
                        if let Some(cursor) = (setup.read_selection)().and_then(|p| {
                            (p.span != m.cursor.span(&words))
                                .then(|| words.covering(p.span))
                                .flatten()
                        }) {
                            m.cursor = cursor;
                        }
                        let dir = article.dir_at(words.word(m.cursor.focus).start);
                        let step = arrow.step(dir, e.ctrl_key() || e.meta_key());
                        m.cursor = m.cursor.step(&words, step, e.shift_key());
                        drop(m);
                        draw(false);
                    }
                }
            });
            move || drop(on_key)
        });
    }
    let on_toggle = {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| {
            if mode.borrow().active {
                stop();
            } else {
                start();
            }
        })
    };
    let strings = lang.keyboard();
    let (active, said) = (*shown).clone();
    let status = match said {
        Said::Nothing => String::new(),
        Said::Started(text) => format!(
            "{} {}",
            strings.started.replace("{keys}", &entity_keys(entities)),
            strings.selected.replace("{text}", &text)
        ),
        Said::Selected(text) => strings.selected.replace("{text}", &text),
        Said::Stopped => strings.stopped.to_string(),
    };
    KeyboardMode {
        active,
        status,
        on_toggle,
    }
}

/// The side panel's button that starts and ends the mode.
pub fn mode_button(mode: &KeyboardMode, lang: Lang) -> Html {
    html! {
        <button type="button" class="hamish-keyboard" aria-pressed={if mode.active { "true" } else { "false" }}
                aria-keyshortcuts="k" onclick={mode.on_toggle.clone()}>
            { lang.keyboard().start }<kbd aria-hidden="true">{ "K" }</kbd>
        </button>
    }
}
