//! Messages for the reader: storage problems, export and import results, failures to open.

use crate::core::annotations::history::StepKind;
use crate::core::annotations::model::Kind;
use crate::core::annotations::reattach::Reworded;
use crate::core::annotations::state::{Notice, Said, Way};
use crate::core::claims::claim::{hidden, MAX_EVIDENCE};
use crate::core::entities::registry::Entity;
use crate::core::text::units::short_quote;
use crate::core::w3c::import::RejectReason;
use crate::i18n::Lang;
use crate::ui::article::kind_label;
use crate::ui::clicks::send;
use yew::prelude::*;

/// How many rejected items an import's notice names, each with its reason; the rest are counted.
const LISTED_REJECTIONS: usize = 20;

/// What [`notices`] shows and calls.
pub struct NoticesProps {
    /// The notices, oldest first.
    pub notices: Vec<Notice>,
    /// Called with the index of a notice to dismiss.
    pub on_dismiss: Callback<usize>,
    /// Undoes the latest change (offered after a destructive one).
    pub on_undo: Callback<()>,
    /// Exports the annotations (offered when they cannot be saved).
    pub on_export: Callback<MouseEvent>,
    /// Puts a reworded claim back on the words checked, as an orphan.
    pub on_detach: Callback<Reworded>,
    /// Keeps a reworded claim (by id) on the words it is on now.
    pub on_keep: Callback<String>,
    /// How many changes were made (`State::steps`): a change's notice in the words of the one before
    /// it is told apart from it, so that it is said again.
    pub steps: u32,
}

/// The text of a notice, and whether it is a warning (an alert) rather than a status.
pub fn notice_text(notice: &Notice, lang: Lang) -> (String, bool) {
    let s = lang.strings();
    match notice {
        Notice::StorageUnavailable => (s.storage_unavailable.into(), true),
        Notice::StoredEntryBackedUp {
            reason,
            backup_key,
            salvaged,
        } => (
            if *salvaged > 0 {
                s.entry_salvaged
            } else {
                s.entry_backed_up
            }
            .replace("{key}", backup_key)
            .replace("{n}", &salvaged.to_string())
            .replace("{reason}", reason),
            true,
        ),
        Notice::StoredEntryKept { reason } => (s.entry_kept.replace("{reason}", reason), true),
        Notice::EntitiesSetAside { backup_key } => {
            (s.entities_set_aside.replace("{key}", backup_key), true)
        }
        Notice::SettingsNotSaved => (s.settings_not_saved.into(), true),
        Notice::SettingsSaved => (s.settings_saved.into(), false),
        Notice::WikidataNotAdded(id) => (s.wikidata_not_added.replace("{id}", id), true),
        Notice::ReviewNotKept { url, refused } => (
            s.review_not_kept
                .replace("{why}", lang.claims().url_error(*refused))
                .replace("{url}", url),
            true,
        ),
        Notice::EvidenceNotAdded { url, refused } => (
            match refused {
                Some(why) => s
                    .evidence_not_added
                    .replace("{why}", lang.claims().url_error(*why)),
                None => s.evidence_not_added_full.to_string(),
            }
            .replace("{max}", &MAX_EVIDENCE.to_string())
            .replace("{url}", url),
            true,
        ),
        Notice::TextNotKept => (s.text_not_kept.into(), true),
        Notice::SettingsSetAside { backup_key } => {
            (s.settings_set_aside.replace("{key}", backup_key), true)
        }
        Notice::SaveFailed => (lang.history().save_failed_kept.into(), true),
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
            undated,
            links_left_out,
            ..
        } => {
            // Annotations past the most a file may hold count as rejected, each of them.
            let rejected_count = rejected.len()
                + rejected
                    .iter()
                    .map(|r| match r.reason {
                        RejectReason::TooMany { skipped } => skipped,
                        _ => 0,
                    })
                    .sum::<usize>();
            let mut text = s
                .imported
                .replace(
                    "{total}",
                    &(anchored + orphaned + rejected_count).to_string(),
                )
                .replace("{anchored}", &anchored.to_string())
                .replace("{orphaned}", &orphaned.to_string())
                .replace("{rejected}", &rejected_count.to_string())
                .replace("{added}", &merged.added.to_string())
                .replace("{updated}", &merged.updated.to_string())
                .replace("{kept}", &merged.kept.to_string());
            if merged.updated > 0 {
                text.push(' ');
                text.push_str(s.imported_replaced);
            }
            for (n, said) in [
                (merged.differing, s.imported_differing),
                (merged.deleted_here, s.imported_deleted_here),
                (merged.renamed, s.imported_renamed),
            ] {
                if n > 0 {
                    text.push(' ');
                    text.push_str(&said.replace("{n}", &n.to_string()));
                }
            }
            if *undated > 0 {
                text.push(' ');
                text.push_str(
                    &lang
                        .history()
                        .import_undated
                        .replace("{n}", &undated.to_string()),
                );
            }
            if *links_left_out > 0 {
                text.push(' ');
                text.push_str(
                    &lang
                        .history()
                        .import_links_left_out
                        .replace("{n}", &links_left_out.to_string())
                        .replace("{max}", &MAX_EVIDENCE.to_string()),
                );
            }
            // The first reasons, one per line: a file of thousands of bad items is not read out whole.
            for r in rejected.iter().take(LISTED_REJECTIONS) {
                text.push('\n');
                text.push_str(
                    &s.rejected_item
                        .replace("{index}", &r.index.to_string())
                        .replace("{reason}", &lang.reject_reason(&r.reason)),
                );
            }
            if let Some(more) = rejected.len().checked_sub(LISTED_REJECTIONS + 1) {
                text.push('\n');
                text.push_str(&s.rejected_more.replace("{n}", &(more + 1).to_string()));
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
        Notice::SavingPaused => (lang.history().saving_paused.into(), true),
        Notice::BackupRestored(r, _) => {
            let h = lang.history();
            let mut text = h
                .backup_restored
                .replace("{added}", &r.added.to_string())
                .replace("{updated}", &r.updated.to_string())
                .replace("{n}", &r.articles.to_string());
            if r.refused > 0 {
                text.push(' ');
                text.push_str(&h.backup_refused.replace("{n}", &r.refused.to_string()));
            }
            if r.unread_articles > 0 {
                text.push(' ');
                text.push_str(
                    &h.backup_unread
                        .replace("{n}", &r.unread.to_string())
                        .replace("{m}", &r.unread_articles.to_string()),
                );
            }
            (text, r.refused + r.unread_articles > 0)
        }
        // The claims themselves are listed under the text, each with its button (see [`reworded`]).
        Notice::Reworded(count, listed) => {
            let mut text = s.reworded.replace("{n}", &count.to_string());
            if *count > listed.len() {
                text.push_str(&format!(" (+{})", count - listed.len()));
            }
            (text, true)
        }
        Notice::ChangedElsewhere => (lang.history().changed_elsewhere.into(), true),
        Notice::DeletedElsewhere(n) => (
            (lang.history().deleted_elsewhere).replace("{n}", &n.to_string()),
            true,
        ),
        Notice::KeptElsewhere => (lang.history().kept_elsewhere.into(), true),
        Notice::BackupFailed(error) => (lang.backup_error(error), true),
        Notice::Done { kind, count } => (lang.done(*kind, *count), false),
    }
}

/// What screen readers are told of the last change (see [`Said`]): empty before any; the same words
/// for another change end in a zero-width space every other time, so that they are said again.
pub fn said_text(said: &Said, registry: &[Entity], lang: Lang) -> String {
    let h = lang.history();
    let Some(kind) = said.kind else {
        return String::new();
    };
    let label = || {
        said.tag
            .as_ref()
            .map(|t| kind_label(t, registry, lang))
            .unwrap_or_default()
    };
    let claim = said.tag == Some(Kind::Claim);
    let what = match kind {
        StepKind::Create if claim => h.said_claim.into(),
        StepKind::Create => h.said_tag.replace("{label}", &label()),
        StepKind::Retag if claim => h.said_retag_claim.into(),
        StepKind::Retag => h.said_retag.replace("{label}", &label()),
        StepKind::Reject => h.said_reject.into(),
        StepKind::Reattach => h.said_moved.into(),
        StepKind::Entities => h.said_entities.into(),
        StepKind::Settings => h.said_settings.into(),
        StepKind::Delete => h.done_delete.into(),
        StepKind::Accept => h.said_accept.into(),
        StepKind::Note => h.said_note.into(),
        StepKind::Claim => h.said_details.into(),
        StepKind::Import => h.said_import.into(),
    };
    let mut text = match said.way {
        Way::Made => what,
        Way::Undone => h.said_undone.replace("{what}", &what),
        Way::Redone => h.said_redone.replace("{what}", &what),
    };
    if said.count.is_multiple_of(2) {
        text.push('\u{200B}');
    }
    text
}

/// Where the focus goes when a change takes it away: the newest notice's Undo button, when the
/// newest notice offers one — or its text, when it says that another tab deleted what the reader had
/// open (they may be typing: a key must not press a button).
pub const NEWEST_UNDO: &str =
    ".notice:last-child > .notice-focus, .notice:last-child > .notice-undo";

/// Calls `rescue` whenever a step is made (`steps`, [`crate::core::annotations::state::State::steps`]) or the count of notices
/// offering Undo changes — after a Delete, an Accept, an import…, which may have taken the keyboard focus away with the element that had it (the
/// popover's button): the widget then moves it to [`NEWEST_UNDO`], not back to the page's start.
#[hook]
pub fn use_undo_offered(notices: &[Notice], steps: u32, rescue: impl Fn() + 'static) {
    let offered = notices.iter().filter(|n| n.offers_undo()).count();
    use_effect_with((offered, steps), move |_| rescue());
}

/// The claims of a [`Notice::Reworded`], each as the words checked and the words now, with a button
/// that puts the claim back on the words checked, as an orphan, when the words now are not its own,
/// and one that keeps it where it is, its verdict holding for the words now.
/// Each quote is isolated (FSI … PDI; the text's own direction controls left out, so that none
/// breaks out), so that Arabic words and the arrow keep their order; the arrow points the way the
/// interface reads, from the words checked to the words now.
fn reworded(listed: &[Reworded], p: &NoticesProps, lang: Lang) -> Html {
    let arrow = if lang.is_arabic() { "←" } else { "→" };
    let plain = |quote: &str| quote.chars().filter(|&c| !hidden(c)).collect::<String>();
    let (not_this, keep) = (lang.strings().not_this_claim, lang.strings().keep_words);
    let items = listed.iter().map(|r| {
        let was = plain(&short_quote(&r.was.exact, 100));
        let now = plain(&r.now);
        let label = format!("{not_this}: «\u{2068}{was}\u{2069}»");
        let keep_label = format!("{keep}: «\u{2068}{now}\u{2069}»");
        html! {
            <li>
                { format!("«\u{2068}{was}\u{2069}» {arrow} «\u{2068}{now}\u{2069}» ") }
                <button type="button" aria-label={label} onclick={send(&p.on_detach, r.clone())}>{ not_this }</button>
                <button type="button" aria-label={keep_label} onclick={send(&p.on_keep, r.id.clone())}>{ keep }</button>
            </li>
        }
    });
    html! { <ul class="notice-list">{ for items }</ul> }
}

/// The list of notices, each with a dismiss button. (A function, not a component: it has no state
/// of its own, and each component costs the bundle its own copy of yew's lifecycle code.)
pub fn notices(p: &NoticesProps, lang: Lang) -> Html {
    let items = p.notices.iter().enumerate().map(|(i, notice)| {
        let (mut text, warning) = notice_text(notice, lang);
        // (A zero-width space every other change, as [`said_text`] does: the same words changed.)
        if matches!(notice, Notice::Done { .. }) && p.steps.is_multiple_of(2) {
            text.push('\u{200B}');
        }
        let class = classes!("notice", warning.then_some("warning"));
        let h = lang.history();
        let action = match notice {
            n if n.offers_undo() => {
                html! { <button type="button" class="notice-undo" onclick={send(&p.on_undo, ())}>{ h.undo }</button> }
            }
            Notice::SaveFailed | Notice::SavingPaused => {
                html! { <button type="button" class="notice-export" onclick={p.on_export.clone()}>{ h.export_now }</button> }
            }
            _ => Html::default(),
        };
        let focus = matches!(notice, Notice::DeletedElsewhere(_));
        let list = match notice {
            Notice::Reworded(_, listed) => reworded(listed, p, lang),
            _ => Html::default(),
        };
        html! {
            <div {class} role={if warning { "alert" } else { "status" }}>
                <p class={focus.then_some("notice-focus")} tabindex={focus.then_some("-1")}>{ text }</p>
                { list }
                { action }
                <button type="button" onclick={send(&p.on_dismiss, i)}>{ lang.strings().dismiss }</button>
            </div>
        }
    });
    html! { <div class="hamish-notices">{ for items }</div> }
}
