//! Changes to the entity registry entity by entity: a change from one list to another carried onto a
//! third (undo and redo over a list another tab has changed since; a tab's edits merged into what is
//! stored), and whether a list still holds what a change left. Entities carry no times, so the
//! change itself says what is whose: what it did not touch is left as the third list has it.

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

/// `onto` with the change from `from` to `to` made in it: each entity the change added or edited is
/// `to`'s version (in its place in `onto`, or at its place in `to` when new), each it removed is
/// gone, and every other entity is as `onto` has it.
pub fn carry(onto: &[Entity], from: &[Entity], to: &[Entity]) -> Vec<Entity> {
    let mut out = onto.to_vec();
    for id in touched(from, to) {
        let here = out.iter().position(|e| e.id == id);
        match (find(to, id), here) {
            (Some(e), Some(i)) => out[i] = e.clone(),
            (Some(e), None) => {
                let at = to.iter().position(|x| x.id == id).unwrap_or(out.len());
                out.insert(at.min(out.len()), e.clone());
            }
            (None, Some(i)) => {
                out.remove(i);
            }
            (None, None) => {}
        }
    }
    out
}

/// Whether `now` holds what the change from `from` to `to` left: `to`'s version (or absence) of
/// every entity the change touched.
pub fn holds(now: &[Entity], from: &[Entity], to: &[Entity]) -> bool {
    touched(from, to).all(|id| find(now, id) == find(to, id))
}
