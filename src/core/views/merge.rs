//! Merging two devices' saved views and segments (see [`crate::core::sync`]).
//!
//! Each view or segment is one small definition edited as a whole, so a field-by-field
//! merge would mix two people's intents. The union of both sides is kept; where both sides
//! hold the same one, the later change wins (ties broken by the smaller JSON text, so both
//! devices pick the same one).

use std::collections::BTreeMap;

use crate::core::change::Entity;
use crate::core::id::RecordId;
use crate::core::time::Millis;

fn later(a: &Entity, b: &Entity) -> Entity {
    let stamp = |e: &Entity| -> (Millis, String) {
        let updated = match e {
            Entity::View(v) => v.updated,
            Entity::Segment(s) => s.updated,
            _ => Millis(0),
        };
        // Smaller text wins a tie: negate by comparing in reverse below.
        (updated, serde_json::to_string(e).unwrap_or_default())
    };
    let (sa, sb) = (stamp(a), stamp(b));
    let a_wins = sa.0 > sb.0 || (sa.0 == sb.0 && sa.1 <= sb.1);
    if a_wins { a.clone() } else { b.clone() }
}

/// Views then segments, each by id, as [`crate::core::workspace::Workspace::entities`] lists them.
pub fn merge_lists(ours: &[Entity], theirs: &[Entity]) -> Vec<Entity> {
    let mut views: BTreeMap<RecordId, Entity> = BTreeMap::new();
    let mut segments: BTreeMap<RecordId, Entity> = BTreeMap::new();
    for entity in ours.iter().chain(theirs) {
        let (map, id) = match entity {
            Entity::View(v) => (&mut views, v.id.clone()),
            Entity::Segment(s) => (&mut segments, s.id.clone()),
            _ => continue,
        };
        let merged = match map.get(&id) {
            Some(existing) => later(existing, entity),
            None => entity.clone(),
        };
        map.insert(id, merged);
    }
    views.into_values().chain(segments.into_values()).collect()
}
