//! The workspace side of owners: running owner edits as commits, and checking that an
//! owner-typed property names an owner.
//!
//! An owner value is written as an owner id or email and stored as the id. Records already
//! owned by a deactivated owner keep that owner, and writing the same owner again (a form
//! that sends every field) is accepted; only a new assignment to a deactivated owner is
//! refused.

use super::Workspace;
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::{CommandError, Context, FieldProblem};
use crate::core::owner::{plan, resolve, Owner, OwnerEdit, OwnerId, Owners};
use crate::core::record::Record;
use crate::core::schema::{PropertyDef, PropertyType};
use crate::core::value::Value;

impl Workspace {
    pub fn owner(&self, id: &OwnerId) -> Option<&Owner> {
        self.owners.get(id)
    }

    /// Every owner, deactivated ones included, in id order.
    pub fn owners(&self) -> impl Iterator<Item = &Owner> {
        self.owners.values()
    }

    /// The owner a typed value names: an id or an email.
    pub fn find_owner(&self, raw: &str) -> Option<&Owner> {
        resolve(&self.owners, raw)
    }

    pub(super) fn edit_owner(&mut self, edit: &OwnerEdit, ctx: &Context) -> Result<Commit, CommandError> {
        let Workspace { owners, ids, .. } = self;
        let planned = plan(owners, edit, || OwnerId(ids.next(ctx.now).to_string()))?;
        if planned.before.as_ref() == Some(&planned.after) {
            return Ok(Commit::default());
        }
        let key = EntityKey::Owner(planned.after.id.clone());
        let change = Change { key, before: planned.before.map(Entity::Owner), after: Some(Entity::Owner(planned.after)) };
        self.put(change.key.clone(), change.after.clone());
        Ok(Commit { changes: vec![change], subject: None })
    }
}

/// For an owner-typed property, the stored form of a normalized value: the id of the owner
/// it names. Other properties pass through unchanged.
pub(super) fn owner_reference(owners: &Owners, property: &PropertyDef, value: Option<Value>, record: &Record) -> Result<Option<Value>, FieldProblem> {
    let (PropertyType::Owner, Some(Value::Text(raw))) = (&property.kind, &value) else { return Ok(value) };
    let owner = resolve(owners, raw).ok_or(FieldProblem::UnknownOwner)?;
    let id = Value::Text(owner.id.0.clone());
    if !owner.active && record.get(&property.name) != Some(&id) {
        return Err(FieldProblem::InactiveOwner);
    }
    Ok(Some(id))
}

#[cfg(test)]
mod tests;
