//! Linking records: the associate, relabel, unassociate and define-association commands,
//! and the queries the record page reads its association cards and rollups from.

use std::collections::BTreeSet;

use super::Workspace;
use crate::core::association::{Associated, AssociationDef, AssociationError, Associations, Draft, Edge, End, Unlinked};
use crate::core::calculate;
use crate::core::change::{Change, Entity, EntityKey};
use crate::core::command::CommandError;
use crate::core::id::RecordId;
use crate::core::record::Record;
use crate::core::schema::{CalculatedType, Rollup};
use crate::core::time::Millis;
use crate::core::value::Value;

impl Workspace {
    /// Every definition and edge, with the adjacency index.
    pub fn associations(&self) -> &Associations {
        &self.associations
    }

    /// The records of `object` associated with `id`, each with the labels `id` gives it.
    pub fn associated<'a>(&'a self, id: &'a RecordId, object: &str) -> Vec<Associated<'a>> {
        self.associations.associated(id, object)
    }

    /// The value of each rollup property of a record, by name, aggregated over the records
    /// associated with it: what the record page shows for them. Rollups are computed when
    /// read rather than stored, since any link or linked record can change them.
    pub fn rollup_values(&self, id: &RecordId) -> Vec<(String, Option<Value>)> {
        let Some(def) = self.records.get(id).and_then(|r| self.schema.object(&r.object)) else { return Vec::new() };
        calculate::rollup_properties(def).map(|(property, rule, output)| (property.name.clone(), self.rollup_value(id, rule, output))).collect()
    }

    /// One rollup of one record, aggregated over the records linked to it.
    pub fn rollup_value(&self, id: &RecordId, rule: &Rollup, output: CalculatedType) -> Option<Value> {
        let linked = self.associations.associated(id, &rule.object).into_iter().filter_map(|a| {
            let labels = a.def.map(|d| a.edge.labels_from(d, id)).unwrap_or_default();
            Some((self.records.get(a.id)?, labels))
        });
        calculate::rollup(rule, output, linked)
    }

    fn live(&self, id: &RecordId) -> Result<&Record, CommandError> {
        self.records.get(id).ok_or_else(|| CommandError::NotFound(id.clone()))
    }

    /// Links `from` and `to`. With `replace` the link must exist and its labels become
    /// `labels`; otherwise the link is created if needed and `labels` are added to it.
    /// The link is stamped with `now` for device sync, and labels a replace drops are
    /// recorded as removed ([`Unlinked`]).
    pub(super) fn plan_associate(&self, from: &RecordId, to: &RecordId, labels: &[String], replace: bool, now: Millis) -> Result<Vec<Change>, CommandError> {
        let x = self.live(from)?;
        if from == to {
            return Err(AssociationError::WithItself.into());
        }
        let y = self.live(to)?;
        let def = self
            .associations
            .def(&x.object, &y.object)
            .ok_or_else(|| AssociationError::NotDefined(x.object.to_string(), y.object.to_string()))?;
        let mut views: BTreeSet<String> = labels.iter().cloned().collect();
        match self.associations.edge(from, to) {
            None if replace => return Err(AssociationError::NotAssociated.into()),
            Some(existing) if !replace => views.extend(existing.labels_from(def, from)),
            _ => {}
        }
        let (existing, removed) = (self.associations.edge(from, to), self.associations.unlinked(from, to));
        let edge = Edge::build(def, End { id: from, object: &x.object }, End { id: to, object: &y.object }, &views)?.stamp(existing, removed, now);
        let mut changes = match existing {
            Some(old) if old.labels.iter().any(|l| !edge.labels.contains(l)) => self.removal(old, Some(&edge), now),
            _ => Vec::new(),
        };
        let mut draft = Draft::new(&self.associations);
        draft.admit(def, edge)?;
        changes.splice(0..0, draft.changes());
        Ok(changes)
    }

    /// Removing a link records the removal, so another device's older copy of the link
    /// does not bring it back when the two merge.
    pub(super) fn plan_unassociate(&self, from: &RecordId, to: &RecordId, now: Millis) -> Result<Vec<Change>, CommandError> {
        let edge = self.associations.edge(from, to).ok_or(AssociationError::NotAssociated)?;
        let (x, y) = edge.key();
        let mut changes = vec![Change { key: EntityKey::Edge(x, y), before: Some(Entity::Edge(edge.clone())), after: None }];
        changes.extend(self.removal(edge, None, now));
        Ok(changes)
    }

    /// The tombstone change for `edge` losing its link (`kept` is `None`) or the labels
    /// `kept` lacks.
    fn removal(&self, edge: &Edge, kept: Option<&Edge>, now: Millis) -> Vec<Change> {
        let (x, y) = edge.key();
        let before = self.associations.unlinked(&x, &y).cloned();
        let after = before.clone().unwrap_or_else(|| Unlinked::new(&x, &y)).note(edge, kept, now);
        if before.as_ref() == Some(&after) {
            return Vec::new();
        }
        vec![Change { key: EntityKey::Unlinked(x, y), before: before.map(Entity::Unlinked), after: Some(Entity::Unlinked(after)) }]
    }

    /// Adds or replaces a definition. Refused when an existing link would not fit it (a
    /// label it drops, a limit it lowers below what is in use), naming the records to fix.
    pub(super) fn plan_define(&self, def: AssociationDef) -> Result<Vec<Change>, CommandError> {
        def.validate(&self.schema)?;
        // Stored edges are oriented by the existing definition: keep its sides.
        let def = match self.associations.def(&def.a, &def.b) {
            Some(old) if old.a != def.a => def.reversed(),
            _ => def,
        };
        let conflicts = self.definition_conflicts(&def);
        if !conflicts.is_empty() {
            return Err(AssociationError::Conflicts(conflicts).into());
        }
        let before = self.associations.defs().clone();
        let mut after = before.clone();
        after.upsert(def);
        if after == before {
            return Ok(Vec::new());
        }
        let change = Change {
            key: EntityKey::AssociationDefs,
            before: Some(Entity::AssociationDefs(before)),
            after: Some(Entity::AssociationDefs(after)),
        };
        Ok(vec![change])
    }

    /// The records whose current links break `def`, sorted.
    fn definition_conflicts(&self, def: &AssociationDef) -> Vec<RecordId> {
        // One definition per pair of objects, so a record's links to the other object are
        // exactly the links this definition governs.
        let draft = Draft::new(&self.associations);
        let mut conflicts = BTreeSet::new();
        for edge in self.associations.edges().filter(|e| def.links(&e.a_object, &e.b_object)) {
            if edge.labels.iter().any(|l| !def.stores(l)) {
                conflicts.insert(edge.a.clone());
            } else if let Err(AssociationError::TooMany { record, .. } | AssociationError::LabelTaken { record, .. }) = draft.check(def, edge) {
                conflicts.insert(record);
            }
        }
        conflicts.into_iter().collect()
    }
}

#[cfg(test)]
mod tests;
