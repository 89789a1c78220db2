//! Another browser's entities brought in by a restore: ids are made per browser, so an incoming id
//! may name a different entity here; its tags must keep their own entity.

use crate::common::{annotate, article};
use hamish::core::annotations::model::Kind;
use hamish::core::entities::adopt::{adopt, rename_in, Adopted};
use hamish::core::entities::registry::{
    custom_entity, decode_custom, default_registry, fresh_id, Entity,
};
use hamish::core::entities::suggestions::{Quote, Rejected};
use hamish::core::storage::entry::Stored;
use hamish::core::text::span::Span;
use hamish::core::w3c::import::entity_for;

fn entity(id: &str, en: &str, ar: &str) -> Entity {
    Entity {
        id: id.into(),
        label_en: en.into(),
        label_ar: ar.into(),
        color: "#0f766e".into(),
        wikidata: None,
        forms: vec![ar.into()],
    }
}

#[test]
fn arabic_only_names_get_different_ids_in_every_browser() {
    let new = |ar: &str, taken: &[Entity]| {
        custom_entity(None, "", ar, "#0f766e", "", "", taken).map(|e| e.id)
    };
    let registry = default_registry();
    let opposition = new("المعارضة السورية", &registry).unwrap_or_default();
    let hezbollah = new("حزب الله", &registry).unwrap_or_default();
    assert!(
        opposition.starts_with("entity-") && opposition.len() == 15,
        "{opposition}"
    );
    assert_ne!(opposition, hezbollah);
    // The same name gives the same id (in another browser too); an id taken here gets a suffix.
    assert_eq!(new("المعارضة السورية", &registry), Ok(opposition.clone()));
    let mut with = registry.clone();
    with.push(entity(&opposition, "المعارضة", "المعارضة"));
    assert_eq!(
        fresh_id("", "المعارضة السورية", &with),
        format!("{opposition}-2")
    );
}

#[test]
fn an_incoming_entity_never_takes_over_another_entitys_id() {
    let hezbollah = entity("entity", "حزب الله", "حزب الله");
    let opposition = entity("entity", "المعارضة السورية", "المعارضة السورية");
    let opposition_here = entity("entity-2", "المعارضة السورية", "المعارضة السورية");
    let syrian = entity("syrian-opposition", "Syrian opposition", "المعارضة السورية");
    let syrian_lower = entity("syrian-opposition", "syrian opposition", "المعارضة السورية");
    let syrian_renamed = entity("syrian-opposition", "Syrian opposition", "المعارضة");
    let new_one = entity("kurds", "Kurds", "الأكراد");
    let with_qid = |mut e: Entity| {
        e.wikidata = Some("http://www.wikidata.org/entity/Q1".into());
        e
    };
    let kurds_qid = with_qid(new_one.clone());
    let kurds_renamed = with_qid(entity("kurds", "Kurdish people", "الكرد"));
    let georgia = entity("georgia", "Georgia", "جورجيا");
    let mut georgia_state = entity("georgia", "Georgia", "ولاية جورجيا");
    georgia_state.wikidata = Some("http://www.wikidata.org/entity/Q1428".into());
    // (here, incoming, added ids, renamed)
    let cases: Vec<(Vec<Entity>, Vec<Entity>, Vec<&str>, Vec<(&str, &str)>)> = vec![
        // Free id: added as it is.
        (
            vec![hezbollah.clone()],
            vec![new_one.clone()],
            vec!["kurds"],
            vec![],
        ),
        // The same entity under the same id (a name in any case, or the same Wikidata item; one
        // name changed since): left as it is here.
        (vec![syrian.clone()], vec![syrian_lower], vec![], vec![]),
        (vec![syrian.clone()], vec![syrian_renamed], vec![], vec![]),
        (vec![kurds_qid.clone()], vec![kurds_renamed], vec![], vec![]),
        // Another entity under the same id: added under a fresh id, its tags renamed.
        (
            vec![hezbollah.clone()],
            vec![opposition.clone()],
            vec!["entity-3b57ea1c"],
            vec![("entity", "entity-3b57ea1c")],
        ),
        // The same entity here under another id (a restore made before): that id is used.
        (
            vec![hezbollah.clone(), opposition_here],
            vec![opposition.clone()],
            vec![],
            vec![("entity", "entity-2")],
        ),
        // The same names but another Wikidata item (Georgia the state, Georgia the country): apart.
        (
            vec![with_qid(georgia.clone())],
            vec![georgia_state.clone()],
            vec!["georgia-2"],
            vec![("georgia", "georgia-2")],
        ),
        // Nothing here: all added.
        (
            vec![],
            vec![opposition, new_one],
            vec!["entity", "kurds"],
            vec![],
        ),
    ];
    for (here, incoming, added, renamed) in cases {
        let Adopted {
            added: got_added,
            renamed: got_renamed,
        } = adopt(&here, incoming.clone());
        let ids: Vec<&str> = got_added.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, added, "{incoming:?} into {here:?}");
        let renamed: Vec<(String, String)> = renamed
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got_renamed, renamed, "{incoming:?} into {here:?}");
        for e in &got_added {
            assert!(incoming
                .iter()
                .any(|i| i.label_ar == e.label_ar && i.color == e.color));
        }
    }
}

#[test]
fn renamed_ids_follow_into_tags_and_rejections() {
    let a = article();
    let mut stored = Stored {
        annotations: vec![
            annotate(&a, "سوريا", Kind::Entity("entity".into()), "a"),
            annotate(&a, "الأسد", Kind::Entity("iran".into()), "b"),
            annotate(&a, "روسيا", Kind::Claim, "c"),
        ],
        rejected: vec![Rejected {
            entity: "entity".into(),
            span: Span { start: 0, end: 5 },
            at: String::new(),
            quote: Quote::default(),
        }],
        deleted: vec![],
    };
    rename_in(&mut stored, &[("entity".into(), "entity-3b57ea1c".into())]);
    let kinds: Vec<Kind> = stored.annotations.iter().map(|x| x.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            Kind::Entity("entity-3b57ea1c".into()),
            Kind::Entity("iran".into()),
            Kind::Claim
        ]
    );
    assert_eq!(stored.rejected[0].entity, "entity-3b57ea1c");
}

#[test]
fn an_entity_stored_without_a_name_in_one_language_is_named_by_the_other_and_an_empty_tag_names_none(
) {
    let raw = r##"[{"id":"entity-01837f0e","label_en":"","label_ar":"المعارضة","color":"#0f766e","wikidata":null,"forms":[]},
                 {"id":"entity-aaaa0001","label_en":" ","label_ar":"حزب الله","color":"#0f766e","wikidata":null,"forms":[]},
                 {"id":"x","label_en":"","label_ar":"","color":"#0f766e","wikidata":null,"forms":[]}]"##;
    let (entities, whole) = decode_custom(Some(raw));
    assert!(whole);
    let names: Vec<(&str, &str)> = entities
        .iter()
        .map(|e| (e.label_en.as_str(), e.label_ar.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("المعارضة", "المعارضة"),
            ("حزب الله", "حزب الله"),
            ("x", "x")
        ]
    );
    assert_eq!(entity_for(&entities, ""), None);
    assert_eq!(
        entity_for(&entities, "حزب الله").map(|e| e.id.as_str()),
        Some("entity-aaaa0001")
    );
}

#[test]
fn a_second_entity_of_one_name_is_refused_and_an_arabic_only_name_edits_as_itself() {
    let registry = default_registry();
    let new = |en: &str, ar: &str, id: Option<&str>, taken: &[Entity]| {
        custom_entity(id, en, ar, "#0f766e", "", "", taken)
    };
    let opposition = new("", "المعارضة", None, &registry).expect("an Arabic-only entity");
    let mut with = registry.clone();
    with.push(opposition.clone());
    // The same name again, in either language, or a default's name: refused, naming the other.
    for (en, ar) in [
        ("", "المعارضة"),
        ("المعارضة", ""),
        ("Russia", ""),
        ("", "روسيا"),
        ("russia", ""),
    ] {
        let err = new(en, ar, None, &with).expect_err(ar);
        assert!(err.contains("already"), "{err}");
    }
    // Editing an entity under its own name is not a duplicate.
    assert!(new("", "المعارضة", Some(&opposition.id), &with).is_ok());
    // An Arabic-only name shows in the Arabic field only, so renaming it renames it in both.
    assert_eq!(opposition.given_names(), ("المعارضة", ""));
    let renamed = new("", "المعارضة السورية", Some(&opposition.id), &with).expect("renamed");
    assert_eq!(
        (renamed.label_en.as_str(), renamed.label_ar.as_str()),
        ("المعارضة السورية", "المعارضة السورية")
    );
    assert_eq!(renamed.forms, ["المعارضة السورية"]);
    assert_eq!(renamed.id, opposition.id);
    // An English-only name shows in the English field only; two names, each in its own.
    let kurds = new("Kurds", "", None, &with).expect("an English-only entity");
    assert_eq!(kurds.given_names(), ("", "Kurds"));
    let both = new("Hezbollah", "حزب الله", None, &with).expect("both names");
    assert_eq!(both.given_names(), ("حزب الله", "Hezbollah"));
}
