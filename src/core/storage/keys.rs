//! Every localStorage key Hamish reads or writes, and the namespaces a host page may put them in:
//! the keys are built here and nowhere else.
//!
//! | Key | What it holds |
//! |---|---|
//! | `{namespace}:v1:annotations:{article}` | an article's entry ([`entry_key_in`]) |
//! | `{namespace}:backup:{stamp}:{article}` | an unusable entry, kept aside ([`backup_key_in`]; in a backup: [`is_set_aside`]) |
//! | `hamish:v1:entities` | the reader's own entities ([`ENTITIES_KEY`]) |
//! | `hamish:backup:{stamp}:entities` | a list of them that could not all be read, kept aside ([`entities_backup_key`]) |
//! | `hamish:v1:settings` | the reader's fact-checking settings ([`SETTINGS_KEY`]) |
//! | `hamish:backup:{stamp}:settings` | unreadable settings, kept aside ([`settings_backup_key`]) |
//! | `hamish:v1:recent` | the recent-articles list ([`RECENT_KEY`]) |
//! | `hamish:v1:text:{article}` | the text of an article without a URL ([`text_key`]) |
//! | `hamish:probe` | read to test that storage can be used ([`PROBE_KEY`]) |

/// The namespace of storage keys unless a host page chooses its own.
pub const DEFAULT_NAMESPACE: &str = "hamish";

/// Whether `namespace` can prefix storage keys: 1–40 ASCII letters, digits, `-` or `_`.
pub fn valid_namespace(namespace: &str) -> bool {
    (1..=40).contains(&namespace.len())
        && namespace
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Storage key of an article's entry.
pub fn entry_key(article_id: &str) -> String {
    entry_key_in(DEFAULT_NAMESPACE, article_id)
}

/// Storage key of an article's entry in `namespace`.
pub fn entry_key_in(namespace: &str, article_id: &str) -> String {
    format!("{namespace}:v1:annotations:{article_id}")
}

/// The article id of `key` when it is an entry's key in the default namespace ([`entry_key`]), with
/// every repetition of the key's prefix taken off its front.
pub fn entry_article(key: &str) -> Option<&str> {
    let prefix = entry_key("");
    key.starts_with(&prefix)
        .then(|| key.trim_start_matches(prefix.as_str()))
}

/// Storage key a bad entry is moved to before Hamish starts clean; `stamp` keeps backups apart.
pub fn backup_key(article_id: &str, stamp: &str) -> String {
    backup_key_in(DEFAULT_NAMESPACE, article_id, stamp)
}

/// [`backup_key`] in `namespace`.
pub fn backup_key_in(namespace: &str, article_id: &str, stamp: &str) -> String {
    format!("{namespace}:backup:{stamp}:{article_id}")
}

/// Whether `key` is one an unreadable entry or list was kept aside under in the default namespace
/// ([`backup_key`], [`entities_backup_key`], [`settings_backup_key`]).
pub fn is_set_aside(key: &str) -> bool {
    key.starts_with("hamish:backup:")
}

/// Whether a backup carries `key`'s value as stored and writes it back only where the key is free:
/// an entry or list kept aside ([`is_set_aside`]), an article's text ([`text_key`]) or the settings
/// ([`SETTINGS_KEY`]).
pub fn restored_where_free(key: &str) -> bool {
    is_set_aside(key) || text_article(key).is_some() || key == SETTINGS_KEY
}

/// The article id of `key` when it is a stored text's key ([`text_key`]).
pub fn text_article(key: &str) -> Option<&str> {
    key.strip_prefix(&text_key(""))
}

/// Storage key of the reader's own entities (shared by every article).
pub const ENTITIES_KEY: &str = "hamish:v1:entities";

/// Storage key a list of the reader's entities that could not all be read is copied to; `stamp` (the
/// list's hash) keeps copies apart.
pub fn entities_backup_key(stamp: &str) -> String {
    format!("{DEFAULT_NAMESPACE}:backup:{stamp}:entities")
}

/// Storage key unreadable settings are copied to; `stamp` (their hash) keeps copies apart.
pub fn settings_backup_key(stamp: &str) -> String {
    format!("{DEFAULT_NAMESPACE}:backup:{stamp}:settings")
}

/// Storage key of the reader's fact-checking settings (verdict scale, reviewer details), kept beside
/// their entities.
pub const SETTINGS_KEY: &str = "hamish:v1:settings";

/// Storage key of the recent-articles list.
pub const RECENT_KEY: &str = "hamish:v1:recent";

/// Storage key of the text of an article that has no URL (opened from a file or pasted).
pub fn text_key(article_id: &str) -> String {
    format!("{DEFAULT_NAMESPACE}:v1:text:{article_id}")
}

/// Storage key read to find out whether localStorage can be used.
pub const PROBE_KEY: &str = "hamish:probe";
