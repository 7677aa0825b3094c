//! Owners: the people records are assigned to (HubSpot's `hubspot_owner_id`).
//!
//! Each owner is its own stored entity ([`crate::core::change::Entity::Owner`]) rather than
//! part of the schema: owners come and go with the team, independently of the data model,
//! each change is one small write instead of a rewrite of the whole schema, and two
//! devices that edit different owners sync without touching each other.
//!
//! Owners are never deleted, only deactivated: records keep pointing at a deactivated
//! owner (so history stays readable), but nothing can be newly assigned to one. A property
//! of type [`crate::core::schema::PropertyType::Owner`] stores an owner's id; the workspace
//! refuses an id that names nobody.
//!
//! [`plan`] is the pure rule: from the current owners and one [`OwnerEdit`] to the owner's
//! new state, or an [`OwnerError`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use thiserror::Error;

use super::validate::normalize_email;

/// An owner's identity, minted like record ids so devices never collide.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OwnerId(pub String);

impl fmt::Display for OwnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub id: OwnerId,
    pub name: String,
    /// Lower-cased, unique among owners.
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    pub active: bool,
}

/// The owners of a workspace by id, in a stable order.
pub type Owners = BTreeMap<OwnerId, Owner>;

/// One change to the owners, as the settings screen requests it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OwnerEdit {
    Create { name: String, email: String, team: Option<String> },
    Update { id: OwnerId, patch: OwnerPatch },
    /// Keeps the owner on the records it owns but allows no new assignment.
    Deactivate { id: OwnerId },
    Reactivate { id: OwnerId },
}

/// The owner details to change; `None` keeps the current one. `team: Some(None)` clears it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnerPatch {
    pub name: Option<String>,
    pub email: Option<String>,
    pub team: Option<Option<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum OwnerError {
    #[error("no owner {0}")]
    NotFound(OwnerId),
    #[error("an owner needs a name")]
    EmptyName,
    #[error("not a valid email address")]
    InvalidEmail,
    #[error("the email is already used by owner {0}")]
    EmailTaken(OwnerId),
}

/// The owner an edit is about, before and after. `before` is `None` for a new owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub before: Option<Owner>,
    pub after: Owner,
}

/// Applies one edit to a copy of the owner it concerns. `mint` gives a new owner its id; it
/// is called only once the edit is known to be valid.
pub fn plan(owners: &Owners, edit: &OwnerEdit, mint: impl FnOnce() -> OwnerId) -> Result<Planned, OwnerError> {
    match edit {
        OwnerEdit::Create { name, email, team } => {
            let name = clean_name(name)?;
            let email = clean_email(owners, email, None)?;
            let after = Owner { id: mint(), name, email, team: clean_team(team.as_deref()), active: true };
            Ok(Planned { before: None, after })
        }
        OwnerEdit::Update { id, patch } => {
            let before = find(owners, id)?;
            let mut after = before.clone();
            if let Some(name) = &patch.name {
                after.name = clean_name(name)?;
            }
            if let Some(email) = &patch.email {
                after.email = clean_email(owners, email, Some(id))?;
            }
            if let Some(team) = &patch.team {
                after.team = clean_team(team.as_deref());
            }
            Ok(Planned { before: Some(before.clone()), after })
        }
        OwnerEdit::Deactivate { id } | OwnerEdit::Reactivate { id } => {
            let before = find(owners, id)?;
            let after = Owner { active: matches!(edit, OwnerEdit::Reactivate { .. }), ..before.clone() };
            Ok(Planned { before: Some(before.clone()), after })
        }
    }
}

/// The owner a typed or imported value names: an owner id, or an owner's email (any case),
/// which is how HubSpot exports and imports write owners.
pub fn resolve<'a>(owners: &'a Owners, raw: &str) -> Option<&'a Owner> {
    let raw = raw.trim();
    owners.get(&OwnerId(raw.to_string())).or_else(|| {
        let email = raw.to_lowercase();
        owners.values().find(|o| o.email == email)
    })
}

fn find<'a>(owners: &'a Owners, id: &OwnerId) -> Result<&'a Owner, OwnerError> {
    owners.get(id).ok_or_else(|| OwnerError::NotFound(id.clone()))
}

fn clean_name(name: &str) -> Result<String, OwnerError> {
    let name = name.trim();
    if name.is_empty() {
        Err(OwnerError::EmptyName)
    } else {
        Ok(name.to_string())
    }
}

/// A valid email no other owner uses (deactivated owners included: reactivate them instead).
fn clean_email(owners: &Owners, email: &str, own: Option<&OwnerId>) -> Result<String, OwnerError> {
    let email = normalize_email(email).map_err(|_| OwnerError::InvalidEmail)?;
    match owners.values().find(|o| o.email == email && Some(&o.id) != own) {
        Some(holder) => Err(OwnerError::EmailTaken(holder.id.clone())),
        None => Ok(email),
    }
}

fn clean_team(team: Option<&str>) -> Option<String> {
    team.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests;
