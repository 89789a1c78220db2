//! Messages for the reader: storage problems, export and import results, failures to open.

use crate::core::annotations::state::Notice;
use crate::i18n::Lang;
use yew::prelude::*;

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices, oldest first.
    pub notices: Vec<Notice>,
    /// Interface language.
    pub lang: Lang,
    /// Called with the index of a notice to dismiss.
    pub on_dismiss: Callback<usize>,
}

/// The text of a notice, and whether it is a warning (an alert) rather than a status.
pub fn notice_text(notice: &Notice, lang: Lang) -> (String, bool) {
    let s = lang.strings();
    match notice {
        Notice::StorageUnavailable => (s.storage_unavailable.into(), true),
        Notice::StoredEntryBackedUp { reason, backup_key } => (
            s.entry_backed_up
                .replace("{key}", backup_key)
                .replace("{reason}", reason),
            true,
        ),
        Notice::StoredEntryKept { reason } => (s.entry_kept.replace("{reason}", reason), true),
        Notice::SaveFailed => (s.save_failed.into(), true),
        Notice::Exported(n) => (s.exported.replace("{n}", &n.to_string()), false),
        Notice::Reanchored { moved, orphaned } => (
            s.reanchored
                .replace("{moved}", &moved.to_string())
                .replace("{orphaned}", &orphaned.to_string()),
            *orphaned > 0,
        ),
        Notice::Imported {
            anchored,
            orphaned,
            rejected,
            merged,
        } => {
            let mut text = s
                .imported
                .replace(
                    "{total}",
                    &(anchored + orphaned + rejected.len()).to_string(),
                )
                .replace("{anchored}", &anchored.to_string())
                .replace("{orphaned}", &orphaned.to_string())
                .replace("{rejected}", &rejected.len().to_string())
                .replace("{added}", &merged.added.to_string())
                .replace("{updated}", &merged.updated.to_string())
                .replace("{kept}", &merged.kept.to_string());
            for r in rejected {
                text.push('\n');
                text.push_str(
                    &s.rejected_item
                        .replace("{index}", &r.index.to_string())
                        .replace("{reason}", &lang.reject_reason(&r.reason)),
                );
            }
            (text, !rejected.is_empty())
        }
        Notice::ImportFailed(e) => (
            s.import_failed.replace("{reason}", &lang.import_error(e)),
            true,
        ),
        Notice::LoadFailed(e) => (s.load_failed.replace("{reason}", &lang.open_error(e)), true),
        Notice::OpenFailed(e) => (s.open_failed.replace("{reason}", &lang.open_error(e)), true),
        Notice::HighlightsUnsupported => (s.no_highlights.into(), true),
    }
}

/// The list of notices, each with a dismiss button.
#[function_component]
pub fn Notices(p: &NoticesProps) -> Html {
    let items = p.notices.iter().enumerate().map(|(i, notice)| {
        let (text, warning) = notice_text(notice, p.lang);
        let on_dismiss = p.on_dismiss.clone();
        let class = classes!("notice", warning.then_some("warning"));
        html! {
            <div {class} role={if warning { "alert" } else { "status" }}>
                <p>{ text }</p>
                <button type="button" onclick={move |_| on_dismiss.emit(i)}>{ p.lang.strings().dismiss }</button>
            </div>
        }
    });
    html! { <div class="hamish-notices">{ for items }</div> }
}
