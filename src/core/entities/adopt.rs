//! Bringing another browser's entities in (a restored backup) without giving its tags to a
//! different entity: ids are made per browser, so the same id may name another entity here.

use crate::core::annotations::model::Kind;
use crate::core::entities::registry::{default_registry, fresh_id, Entity};
use crate::core::storage::entry::Stored;

/// What a list of entities from elsewhere brings: those to add here, and the ids its tags must be
/// given instead (from, to).
#[derive(Debug, Default, PartialEq)]
pub struct Adopted {
    /// Entities not here yet, with the ids they will have here.
    pub added: Vec<Entity>,
    /// Ids of the incoming list that name another entity here: (incoming id, id here).
    pub renamed: Vec<(String, String)>,
}

/// Whether two entities are the same for a reader: the same Wikidata item when both name one (two
/// items are two entities, whatever their names); otherwise the same English name (in any case) or
/// the same Arabic name — so an entity renamed in one language since the backup is still itself,
/// while two readers' entities that share only an id are not.
fn same_entity(a: &Entity, b: &Entity) -> bool {
    let same = |x: &str, y: &str| !x.is_empty() && x.eq_ignore_ascii_case(y);
    match (&a.wikidata, &b.wikidata) {
        (Some(x), Some(y)) => x == y,
        _ => same(&a.label_en, &b.label_en) || same(&a.label_ar, &b.label_ar),
    }
}

/// Adopts `incoming` into `mine`: an entity already here under its id is left as it is here; one
/// here under another id lends its id; one whose id is free here is
/// added as it is; one whose id names a different entity here is added under a fresh id.
pub fn adopt(mine: &[Entity], incoming: Vec<Entity>) -> Adopted {
    let mut taken: Vec<Entity> = default_registry();
    taken.extend(mine.iter().cloned());
    taken.extend(incoming.iter().cloned());
    let mut adopted = Adopted::default();
    for mut entity in incoming {
        let here = mine.iter().chain(&adopted.added);
        let (by_id, by_names) = here.fold((None, None), |(by_id, by_names), e| {
            (
                by_id.or((e.id == entity.id).then_some(e)),
                by_names.or(same_entity(e, &entity).then_some(e)),
            )
        });
        match (by_id, by_names) {
            (Some(e), _) if same_entity(e, &entity) => {}
            (_, Some(e)) => adopted.renamed.push((entity.id, e.id.clone())),
            (None, None) => adopted.added.push(entity),
            (Some(_), None) => {
                let id = fresh_id(&entity.label_en, &entity.label_ar, &taken);
                adopted
                    .renamed
                    .push((std::mem::replace(&mut entity.id, id), entity.id.clone()));
                taken.push(entity.clone());
                adopted.added.push(entity);
            }
        }
    }
    adopted
}

/// Gives `stored`'s tags and rejected suggestions the ids `renamed` says.
pub fn rename_in(stored: &mut Stored, renamed: &[(String, String)]) {
    let to = |id: &str| {
        renamed
            .iter()
            .find(|(from, _)| from == id)
            .map(|(_, to)| to.clone())
    };
    for annotation in &mut stored.annotations {
        if let Kind::Entity(id) = &annotation.kind {
            if let Some(to) = to(id) {
                annotation.kind = Kind::Entity(to);
            }
        }
    }
    for rejected in &mut stored.rejected {
        if let Some(to) = to(&rejected.entity) {
            rejected.entity = to;
        }
    }
}
