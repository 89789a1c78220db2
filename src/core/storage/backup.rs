//! A backup of everything a reader keeps in this browser — every article's entry (annotations,
//! rejections, tombstones), the reader's own entities, the recent-articles list, the texts of
//! articles without a URL, the settings and the entries kept aside because they could not be read —
//! in one JSON file, so they can move to
//! another browser or survive "clear site data". Restoring merges each article's entry with what is
//! stored (see [`merge`]): a backup never writes over newer work.

use crate::core::annotations::time::{ahead, clamp, parse as parse_time, Instant, EPOCH};
use crate::core::collections::index::Index;
use crate::core::json::Value;
use crate::core::storage::entry::{decode, encode, readable, salvage, Decoded, Stored};
use crate::core::storage::json::{pretty, write_list, Fields, Object};
use crate::core::storage::keys::{backup_key, is_set_aside, restored_where_free, text_article};
use crate::core::storage::merge::{merge, merge_since};
use crate::core::storage::recent::{Recent, TEXT_MAX};

/// What a backup file says it is.
pub const FORMAT: &str = "hamish-backup";

/// The backup format's version this build writes and reads.
pub const VERSION: u32 = 1;

/// Why a file could not be restored (nothing changed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// It is not JSON (the parser's message).
    NotJson(String),
    /// It is JSON but not a Hamish backup of a version this build reads.
    NotABackup,
}

/// A backup read from a file.
#[derive(Debug, PartialEq)]
pub struct Backup {
    /// Each article's id and what could be read of its entry, item by item (see [`salvage`]).
    pub articles: Vec<(String, Stored)>,
    /// The reader's own entities as stored (`None` when the backup had none).
    pub entities: Option<String>,
    /// The recent-articles list (empty when the backup had none).
    pub recent: Vec<Recent>,
    /// Other stored values, each key and its text as stored, written back only where the key is free
    /// (see [`restored_where_free`]): texts, settings, entries kept aside.
    pub keys: Vec<(String, String)>,
    /// What could not be read and was left out (only its `unread` counts are set).
    pub left_out: Restored,
}

/// What restoring a backup did (a backup only adds and updates: it never deletes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Articles whose annotations changed.
    pub articles: usize,
    /// Annotations added.
    pub added: usize,
    /// Annotations replaced by the backup's later version.
    pub updated: usize,
    /// Articles (or entries kept aside) that could not be written (storage full).
    pub refused: usize,
    /// Annotations of the backup that could not be read and were left out.
    pub unread: usize,
    /// Articles of the backup of which anything could not be read and was left out.
    pub unread_articles: usize,
}

impl Restored {
    /// Both counts together.
    pub fn and(self, other: Restored) -> Restored {
        Restored {
            articles: self.articles + other.articles,
            added: self.added + other.added,
            updated: self.updated + other.updated,
            refused: self.refused + other.refused,
            unread: self.unread + other.unread,
            unread_articles: self.unread_articles + other.unread_articles,
        }
    }
}

/// Whether `text` looks like a backup (so Import can tell it from annotations).
pub fn is_backup(text: &str) -> bool {
    crate::core::json::from_str(text)
        .is_ok_and(|v| v.get("format").and_then(Value::as_str) == Some(FORMAT))
}

/// `entries` (each article's id and raw stored entry, as [`write`] takes them) with the work in
/// `unsaved` (article id, work, the entry it was made from) that storage does not hold yet — the open
/// article's, or work no save could write (storage full, saving paused) — merged in (field by field
/// since the entry it was made from: [`merge_since`]), so a backup made now carries it. An entry
/// that cannot be read (or is of a newer schema) gives its place to the work and goes, as stored,
/// into `keys` under [`backup_key`] stamped `now`: a restore writes it back only where that key is free.
pub fn with_unsaved(
    mut entries: Vec<(String, String)>,
    keys: &mut Vec<(String, String)>,
    unsaved: &[(String, Stored, Stored)],
    prune_before: Instant,
    now: &str,
) -> Vec<(String, String)> {
    for (id, work, base) in unsaved
        .iter()
        .filter(|(_, work, _)| *work != Stored::default())
    {
        match entries.iter_mut().find(|(e, _)| e == id) {
            Some((_, raw)) => {
                let merged = match decode(Some(raw)) {
                    Decoded::Stored(stored) => merge_since(base, work, &stored, prune_before, now),
                    Decoded::Unusable(_) => {
                        keys.push((backup_key(id, now), raw.clone()));
                        work.clone()
                    }
                };
                *raw = encode(id, &merged);
            }
            None => entries.push((id.clone(), encode(id, work))),
        }
    }
    entries
}

/// The backup file of `entries` (each article's id and raw stored entry), the raw stored entities,
/// the raw recent list and other stored values (`keys`: each key and its text), made at time
/// `exported`: `{"format","version","exported","entities","articles":[{"id","entry"}],"recent":[…],
/// "keys":[[key, text]]}` (`recent` and `keys` only when there are any), laid out on lines; an entry,
/// the entities or the list that are not JSON are left out.
pub fn write(
    entries: &[(String, String)],
    entities: Option<&str>,
    recent: Option<&str>,
    keys: &[(String, String)],
    exported: &str,
) -> String {
    let json = |raw: &str| crate::core::json::from_str(raw).ok();
    let mut articles = String::from("[");
    for (id, entry) in entries
        .iter()
        .filter_map(|(id, raw)| Some((id, json(raw)?)))
    {
        if articles.len() > 1 {
            articles.push(',');
        }
        Object::new(&mut articles)
            .str("id", id)
            .field("entry", &entry)
            .end();
    }
    articles.push(']');
    let mut out = String::new();
    let mut o = Object::new(&mut out);
    o.str("format", FORMAT)
        .num("version", VERSION.into())
        .str("exported", exported)
        .field("entities", &entities.and_then(json).unwrap_or(Value::Null))
        .raw("articles", &articles);
    if let Some(recent) = recent.and_then(json) {
        o.field("recent", &recent);
    }
    if !keys.is_empty() {
        let mut list = String::new();
        write_list(&mut list, keys);
        o.raw("keys", &list);
    }
    o.end();
    pretty(&out)
}

/// A backup file's fields (see [`Backup`]): its `articles` items, the entities (`null` when none),
/// when it was exported, the `recent` items and the `keys` pairs that read on their own — only those
/// naming a key a backup restores (the others are never written); `set_aside`, as files of
/// 2026-12-06 name `keys`, is read as well.
type FileFields = (
    Vec<Value>,
    Value,
    String,
    Vec<Recent>,
    Vec<(String, String)>,
);

/// Reads a backup file's fields (see [`FileFields`]).
fn read_file(file: Value) -> Option<FileFields> {
    let mut f = Fields::of(file).ok()?;
    let format: String = f.get("format").ok()?;
    let version = f.take("version").ok()?.as_u64()?;
    let exported: String = f.get("exported").ok()?;
    if format != FORMAT || version != u64::from(VERSION) {
        return None;
    }
    let entities = f.or("entities", || Value::Null).ok()?;
    let Value::Array(articles) = f.take("articles").ok()? else {
        return None;
    };
    let mut recent: Vec<Recent> = readable(&mut f, "recent");
    // Like every time in a backup, none later than its export (nor unreadable: then the oldest), so
    // that a forged list cannot sort itself before the reader's own.
    for r in &mut recent {
        if parse_time(&r.opened).is_none() {
            r.opened = EPOCH.into();
        }
        clamp(&mut r.opened, &exported);
    }
    let mut keys: Vec<(String, String)> = readable(&mut f, "keys");
    keys.extend(readable(&mut f, "set_aside"));
    keys.retain(|(key, _)| restored_where_free(key));
    Some((articles, entities, exported, recent, keys))
}

/// Which of a backup's `keys` a restore writes (each only where its key is free), in order: texts —
/// of articles in `list`, the recent list after the restore (no other is ever opened or removed),
/// none longer than one Hamish keeps — and the settings, then the copies kept aside, which must not
/// take the room the articles and entities need.
pub fn keys_to_restore<'a>(
    keys: &'a [(String, String)],
    list: &[Recent],
) -> Vec<&'a (String, String)> {
    let listed = Index::new(list.iter().map(|r| r.id.as_str()));
    let wanted = |(key, text): &&(String, String)| match text_article(key) {
        Some(id) => listed.find(id).is_some() && text.chars().count() <= TEXT_MAX,
        None => true,
    };
    let (aside, rest): (Vec<_>, Vec<_>) = keys.iter().partition(|(k, _)| is_set_aside(k));
    rest.into_iter().filter(wanted).chain(aside).collect()
}

/// Every time in `stored` no later than `limit` (see [`clamp`]).
fn clamp_all(stored: &mut Stored, limit: &str) {
    for a in &mut stored.annotations {
        clamp(&mut a.created, limit);
        clamp(&mut a.modified, limit);
        if let Some(at) = &mut a.claim.verdict_at {
            clamp(at, limit);
        }
    }
    // A rejection kept before its time was (an empty time) stays so.
    for r in stored.rejected.iter_mut().filter(|r| !r.at.is_empty()) {
        clamp(&mut r.at, limit);
    }
    for t in &mut stored.deleted {
        clamp(&mut t.deleted, limit);
    }
}

/// Reads a backup file. Each article is read item by item, as a stored entry is (see [`salvage`]):
/// what cannot be read — an annotation, a whole entry of a newer schema, an `articles` item without
/// a string `id` — is left out and counted in `left_out`, and the rest is read. Nothing in it can be
/// later than when it was exported: later times are clamped to its `exported` time (so restoring it
/// twice changes nothing).
pub fn read(text: &str) -> Result<Backup, BackupError> {
    let file =
        crate::core::json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    let (items, entities, exported, recent, keys) =
        read_file(file).ok_or(BackupError::NotABackup)?;
    let mut backup = Backup {
        articles: Vec::new(),
        entities: (!entities.is_null()).then(|| entities.to_string()),
        recent,
        keys,
        left_out: Restored::default(),
    };
    for item in items {
        let entry = item.get("entry");
        let raw = entry.map(Value::to_string).unwrap_or_default();
        let id = item.get("id").and_then(Value::as_str);
        let (mut stored, whole) = match id.map(|_| decode(Some(&raw))) {
            Some(Decoded::Stored(stored)) => (stored, true),
            Some(Decoded::Unusable(_)) => (salvage(&raw), false),
            None => (Stored::default(), false),
        };
        if !whole {
            let all = entry
                .and_then(|e| e.get("annotations")?.as_array())
                .map_or(0, Vec::len);
            backup.left_out.unread += all.saturating_sub(stored.annotations.len());
            backup.left_out.unread_articles += 1;
        }
        if let Some(id) = id.filter(|_| whole || stored != Stored::default()) {
            clamp_all(&mut stored, &exported);
            backup.articles.push((id.to_string(), stored));
        }
    }
    Ok(backup)
}

/// `current` with `backed_up` (a backup's entry for the same article) restored into it at time
/// `now`, tombstones older than `prune_before` dropped, and what changed (one article when
/// anything did). The backup's times are clamped to `now` (a fast clock's cannot beat later work);
/// its tombstones never remove an annotation or rejection `current` holds — they only keep away
/// copies of what is not here — so a restore adds, or updates with a later version, and never
/// deletes.
pub fn restore_into(
    current: &Stored,
    backed_up: &Stored,
    now: &str,
    prune_before: Instant,
) -> (Stored, Restored) {
    let mut incoming = backed_up.clone();
    // A time ahead of now is added where there is none here, never put over one (see `ahead`).
    let known = Index::new(
        current
            .annotations
            .iter()
            .map(|a| a.id.as_str())
            .chain(current.deleted.iter().map(|t| t.id.as_str())),
    );
    incoming
        .annotations
        .retain(|a| !ahead(&a.modified, now) || known.find(&a.id).is_none());
    clamp_all(&mut incoming, now);
    let keys: Vec<String> = current.rejected.iter().map(|r| r.key()).collect();
    let live = Index::new(
        current
            .annotations
            .iter()
            .map(|a| a.id.as_str())
            .chain(keys.iter().map(String::as_str)),
    );
    incoming.deleted.retain(|t| live.find(&t.id).is_none());
    let merged = merge(current, &incoming, prune_before);
    let old = Index::new(current.annotations.iter().map(|a| a.id.as_str()));
    let mut done = Restored::default();
    for a in &merged.annotations {
        match old.find(&a.id).and_then(|i| current.annotations.get(i)) {
            None => done.added += 1,
            Some(was) if was != a => done.updated += 1,
            Some(_) => {}
        }
    }
    done.articles = usize::from(done.added + done.updated > 0);
    (merged, done)
}

/// The entry to store for `article` after restoring `backed_up` over what is stored (`stored`, if
/// any) at time `now` (see [`restore_into`]), and what changed; `None` when nothing changes.
pub fn restore(
    article: &str,
    backed_up: &Stored,
    stored: Option<&Stored>,
    now: &str,
    prune_before: Instant,
) -> Option<(String, Restored)> {
    let empty = Stored::default();
    let (merged, done) = restore_into(stored.unwrap_or(&empty), backed_up, now, prune_before);
    (Some(&merged) != stored).then(|| (encode(article, &merged), done))
}
