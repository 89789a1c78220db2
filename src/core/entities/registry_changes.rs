//! Changes to the entity registry entity by entity: a change from one list to another carried onto a
//! third (undo and redo over a list another tab has changed since; a tab's edits merged into what is
//! stored), and whether a list still holds what a change left. Entities carry no times, so the
//! change itself says what is whose: what it did not touch — an entity, or a field of one — is left
//! as the third list has it.

use crate::core::entities::registry::{find, Entity};

/// The ids of the entities that differ between `from` and `to` (added, removed or edited).
fn touched<'a>(from: &'a [Entity], to: &'a [Entity]) -> impl Iterator<Item = &'a str> {
    let edited = to
        .iter()
        .filter(|e| find(from, &e.id) != Some(e))
        .map(|e| e.id.as_str());
    let removed = from
        .iter()
        .filter(|e| find(to, &e.id).is_none())
        .map(|e| e.id.as_str());
    edited.chain(removed)
}

/// `onto` with the change from `from` to `to` made in it, entity by entity and field by field:
/// - an entity the change edited keeps `onto`'s value of every field the change did not touch (another
///   tab's recolour survives this tab's rename); one `onto` no longer has (deleted elsewhere since)
///   stays deleted;
/// - an entity the change added goes in after the one it follows in `to` (at the end when it is last
///   there); if `onto` meanwhile got another entity
///   of the same id (another tab added one of the same name), the added one gets a fresh id beside it;
/// - an entity the change removed is gone;
/// - every other entity is as `onto` has it.
pub fn carry(onto: &[Entity], from: &[Entity], to: &[Entity]) -> Vec<Entity> {
    let mut out = onto.to_vec();
    for id in touched(from, to) {
        let here = out.iter().position(|e| e.id == id);
        match (find(from, id), find(to, id), here) {
            (Some(was), Some(now), Some(i)) => out[i] = fields_carried(&out[i], was, now),
            (None, Some(added), there) => {
                let mut added = added.clone();
                if let Some(i) = there {
                    if out[i] == added {
                        continue;
                    }
                    added.id = fresh_id(&out, &added.id);
                }
                // After the entity it follows in `to` (last when it is last there, so that another
                // tab's entities keep their keys).
                let place = to.iter().position(|x| x.id == id).unwrap_or(0);
                let at = match place.checked_sub(1).and_then(|p| to.get(p)) {
                    _ if place + 1 == to.len() => out.len(),
                    Some(before) => out
                        .iter()
                        .position(|e| e.id == before.id)
                        .map_or(out.len(), |i| i + 1),
                    None => 0,
                };
                out.insert(at, added);
            }
            (Some(_), None, Some(i)) => {
                out.remove(i);
            }
            _ => {}
        }
    }
    out
}

/// `there` with each field that `was` → `now` changed taken from `now`.
fn fields_carried(there: &Entity, was: &Entity, now: &Entity) -> Entity {
    fn pick<T: PartialEq + Clone>(there: &T, was: &T, now: &T) -> T {
        if now == was { there } else { now }.clone()
    }
    Entity {
        id: there.id.clone(),
        label_en: pick(&there.label_en, &was.label_en, &now.label_en),
        label_ar: pick(&there.label_ar, &was.label_ar, &now.label_ar),
        color: pick(&there.color, &was.color, &now.color),
        wikidata: pick(&there.wikidata, &was.wikidata, &now.wikidata),
        forms: pick(&there.forms, &was.forms, &now.forms),
    }
}

/// `id` with the first suffix `-2`, `-3`, … that no entity of `list` has.
fn fresh_id(list: &[Entity], id: &str) -> String {
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| find(list, candidate).is_none())
        .unwrap_or_else(|| id.to_string())
}

/// Whether `now` holds what the change from `from` to `to` left: `to`'s version (or absence) of
/// every entity the change touched.
pub fn holds(now: &[Entity], from: &[Entity], to: &[Entity]) -> bool {
    touched(from, to).all(|id| find(now, id) == find(to, id))
}
