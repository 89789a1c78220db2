//! The entity registry changed entity by entity: a change carried onto a list another tab changed
//! since, and whether a list still holds what a change left.

use crate::common::own_entity;
use hamish::core::entities::registry::{default_registry, Entity};
use hamish::core::entities::registry_changes::{carry, holds};

/// A list written as `id=label` pairs.
fn list(spec: &str) -> Vec<Entity> {
    spec.split_whitespace()
        .map(|pair| {
            let (id, label) = pair.split_once('=').unwrap_or((pair, pair));
            own_entity(id, label)
        })
        .collect()
}

fn names(registry: &[Entity]) -> String {
    registry
        .iter()
        .map(|e| format!("{}={}", e.id, e.label_en))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_change_is_carried_onto_a_list_changed_since() {
    // (onto: what is stored now, from → to: this tab's change, expected)
    let cases = [
        // This tab added b; another added c: both are kept, the other tab's keeping its key.
        ("a=A c=C", "a=A", "a=A b=B", "a=A c=C b=B"),
        // This tab renamed a; another added c.
        ("a=A c=C", "a=A", "a=A2", "a=A2 c=C"),
        // This tab deleted a; another renamed b.
        ("a=A b=B2", "a=A b=B", "b=B", "b=B2"),
        // This tab renamed a; another deleted b.
        ("a=A", "a=A b=B", "a=A2 b=B", "a=A2"),
        // Both renamed a: this tab's change is the later one.
        ("a=A3", "a=A", "a=A2", "a=A2"),
        // This tab deleted a, which another tab had deleted too.
        ("b=B", "a=A b=B", "b=B", "b=B"),
        // Nothing changed here: the stored list as it is.
        ("x=X y=Y", "a=A", "a=A", "x=X y=Y"),
        // A new entity goes to its place in this tab's list.
        ("a=A c=C", "a=A c=C", "n=N a=A c=C", "n=N a=A c=C"),
    ];
    for (onto, from, to, expected) in cases {
        assert_eq!(
            names(&carry(&list(onto), &list(from), &list(to))),
            expected,
            "{from} → {to} onto {onto}"
        );
    }
}

#[test]
fn a_list_holds_what_a_change_left_only_in_the_entities_it_touched() {
    let (from, to) = (list("a=A b=B"), list("a=A2 b=B"));
    assert!(holds(&list("a=A2 b=B"), &from, &to));
    assert!(
        holds(&list("a=A2 c=C"), &from, &to),
        "b and c are not the change's"
    );
    assert!(
        !holds(&list("a=A3 b=B"), &from, &to),
        "a was renamed again since"
    );
    assert!(!holds(&list("b=B"), &from, &to), "a was deleted since");
    let (from, to) = (list("a=A"), list("a=A b=B"));
    assert!(
        !holds(&list("a=A"), &from, &to),
        "b, which the change added, was deleted since"
    );
    assert!(holds(&list("a=A b=B c=C"), &from, &to));
    assert!(
        holds(&list("a=A c=C"), &to, &from),
        "the addition undone: b is gone"
    );
}

#[test]
fn the_defaults_keep_their_order() {
    let defaults = default_registry();
    let mut mine = defaults.clone();
    mine.push(own_entity("custom-nato", "NATO"));
    let mut theirs = defaults.clone();
    theirs.push(own_entity("custom-un", "UN"));
    let merged = carry(&theirs, &defaults, &mine);
    assert_eq!(merged[..defaults.len()], defaults[..]);
    let custom: Vec<&str> = merged[defaults.len()..]
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        custom,
        ["custom-un", "custom-nato"],
        "what is stored keeps its keys"
    );
}

#[test]
fn an_edit_carries_only_the_fields_it_changed_and_never_brings_back_a_deleted_entity() {
    let x = own_entity("x", "Rebels");
    let recoloured = Entity {
        color: "#7c2d12".into(),
        ..x.clone()
    };
    let renamed = Entity {
        label_en: "Armed opposition".into(),
        ..x.clone()
    };
    // Another tab recoloured it; this tab renamed it from the old version.
    let merged = carry(&[recoloured.clone()], &[x.clone()], &[renamed.clone()]);
    assert_eq!(
        merged,
        vec![Entity {
            label_en: "Armed opposition".into(),
            ..recoloured.clone()
        }]
    );
    // Another tab deleted it: this tab's edit does not bring it back.
    assert!(carry(&[], &[x.clone()], &[renamed.clone()]).is_empty());
}

#[test]
fn an_entity_added_under_an_id_another_tab_took_meanwhile_gets_a_fresh_one() {
    let theirs = Entity {
        color: "#0f766e".into(),
        wikidata: Some("http://www.wikidata.org/entity/Q6500773".into()),
        ..own_entity("syrian-opposition", "Syrian opposition")
    };
    let mine = own_entity("syrian-opposition", "Syrian opposition");
    let taken = own_entity("syrian-opposition-2", "Other");
    let merged = carry(&[theirs.clone(), taken.clone()], &[], &[mine.clone()]);
    assert_eq!(merged.len(), 3);
    assert!(
        merged.contains(&theirs),
        "the other tab's entity is kept whole"
    );
    assert!(merged.contains(&taken));
    assert!(merged.contains(&Entity {
        id: "syrian-opposition-3".into(),
        ..mine.clone()
    }));
    // The same entity added in both: one.
    assert_eq!(carry(&[mine.clone()], &[], &[mine.clone()]), vec![mine]);
}
