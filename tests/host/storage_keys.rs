//! Every localStorage key, as stored in readers' browsers: these strings must never change.

use hamish::core::storage::keys::{
    backup_key, backup_key_in, entities_backup_key, entry_article, entry_key, entry_key_in,
    is_set_aside, text_key, valid_namespace, DEFAULT_NAMESPACE, ENTITIES_KEY, PROBE_KEY,
    RECENT_KEY,
};

#[test]
fn every_key_is_spelled_as_before() {
    let stamp = "2026-11-29T10:15:30.123Z";
    let keys = [
        (entry_key("a1"), "hamish:v1:annotations:a1"),
        (entry_key_in("newsroom", "a1"), "newsroom:v1:annotations:a1"),
        (
            backup_key("a1", stamp),
            "hamish:backup:2026-11-29T10:15:30.123Z:a1",
        ),
        (
            backup_key_in("newsroom", "a1", stamp),
            "newsroom:backup:2026-11-29T10:15:30.123Z:a1",
        ),
        (
            entities_backup_key(stamp),
            "hamish:backup:2026-11-29T10:15:30.123Z:entities",
        ),
        (text_key("a1"), "hamish:v1:text:a1"),
        (ENTITIES_KEY.to_string(), "hamish:v1:entities"),
        (RECENT_KEY.to_string(), "hamish:v1:recent"),
        (PROBE_KEY.to_string(), "hamish:probe"),
        (DEFAULT_NAMESPACE.to_string(), "hamish"),
    ];
    for (built, expected) in keys {
        assert_eq!(built, expected);
    }
}

#[test]
fn entry_keys_name_their_article() {
    assert_eq!(
        entry_article("hamish:v1:annotations:https://example.com/a?b=1"),
        Some("https://example.com/a?b=1")
    );
    assert_eq!(entry_article("hamish:v1:annotations:"), Some(""));
    assert_eq!(entry_article("newsroom:v1:annotations:a1"), None);
    assert_eq!(entry_article("hamish:v1:entities"), None);
    assert_eq!(entry_article("hamish:backup:s:a1"), None);
}

#[test]
fn keys_kept_aside_are_known_by_their_prefix() {
    let stamp = "2026-11-29T10:15:30.123Z";
    assert!(is_set_aside(&backup_key("a1", stamp)));
    assert!(is_set_aside(&entities_backup_key(stamp)));
    for other in [
        backup_key_in("newsroom", "a1", stamp),
        entry_key("a1"),
        ENTITIES_KEY.to_string(),
        "hamishx:backup:1:a".to_string(),
        text_key("a1"),
    ] {
        assert!(!is_set_aside(&other), "{other}");
    }
}

#[test]
fn namespaces_are_short_ascii_words() {
    for good in ["hamish", "newsroom", "a", "A-b_9", &"x".repeat(40)] {
        assert!(valid_namespace(good), "{good:?}");
    }
    for bad in ["", "news room", "a:b", "عربي", &"x".repeat(41)] {
        assert!(!valid_namespace(bad), "{bad:?}");
    }
}
