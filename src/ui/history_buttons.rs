//! Undo and Redo as buttons, beside the keyboard mode's in the side panel: every change can be
//! undone (and redone) by touch and by mouse, not only with `Ctrl+Z` and `Ctrl+Shift+Z`.

use crate::core::annotations::state::State;
use crate::i18n::Lang;
use crate::ui::annotator::Edits;
use crate::ui::clicks::send;
use yew::prelude::*;

/// Where the focus goes when an undo or redo took it away and the annotation it changed is not
/// drawn (a tag taken away; the button itself disabled): the first of Undo and Redo still enabled.
pub const HISTORY_ENABLED: &str = ".hamish-history button:enabled";

/// Undo and Redo, each disabled while there is nothing to undo or redo.
pub fn history_buttons(state: &State, edits: &Edits, lang: Lang) -> Html {
    let h = lang.history();
    html! {
        <span class="hamish-history" role="group" aria-label={h.undo}>
            <button type="button" aria-keyshortcuts="Control+Z" disabled={state.undo.is_empty()}
                    onclick={send(&edits.on_undo, ())}>{ h.undo }</button>
            <button type="button" aria-keyshortcuts="Control+Shift+Z" disabled={state.redo.is_empty()}
                    onclick={send(&edits.on_redo, ())}>{ h.redo }</button>
        </span>
    }
}
