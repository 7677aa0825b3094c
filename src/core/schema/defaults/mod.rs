//! The objects every workspace starts with, using HubSpot's internal property names so that
//! a HubSpot export maps one to one.
//!
//! One file per family: the CRM objects ([`crm`]), commerce ([`commerce`]), activities
//! ([`activities`]), and the objects an administrator switches on when the business needs
//! them ([`services`], [`billing`], [`marketing`]), which start disabled. Every object also
//! gets the [`system_properties`] the core maintains.

mod activities;
mod billing;
mod build;
mod commerce;
mod crm;
mod marketing;
mod services;

pub use activities::ACTIVITY_TIMESTAMP;

use super::{PropertyDef, PropertyType, Schema};

/// The lifecycle stages HubSpot contacts and companies share.
const LIFECYCLE_STAGES: [(&str, &str); 8] = [
    ("subscriber", "Subscriber"),
    ("lead", "Lead"),
    ("marketingqualifiedlead", "Marketing qualified lead"),
    ("salesqualifiedlead", "Sales qualified lead"),
    ("opportunity", "Opportunity"),
    ("customer", "Customer"),
    ("evangelist", "Evangelist"),
    ("other", "Other"),
];

const LEAD_STATUSES: [(&str, &str); 8] = [
    ("NEW", "New"),
    ("OPEN", "Open"),
    ("IN_PROGRESS", "In progress"),
    ("OPEN_DEAL", "Open deal"),
    ("UNQUALIFIED", "Unqualified"),
    ("ATTEMPTED_TO_CONTACT", "Attempted to contact"),
    ("CONNECTED", "Connected"),
    ("BAD_TIMING", "Bad timing"),
];

/// The lower-case priorities deals, projects and leads use.
const PRIORITIES: [(&str, &str); 3] = [("low", "Low"), ("medium", "Medium"), ("high", "High")];

/// HubSpot's billing frequencies for recurring products and line items.
const BILLING_FREQUENCIES: [(&str, &str); 6] = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("per_six_months", "Semi-annually"),
    ("annually", "Annually"),
    ("per_two_years", "Every two years"),
    ("per_three_years", "Every three years"),
];

/// The description of a billing term, which HubSpot writes as an ISO 8601 duration.
const TERM_DESCRIPTION: &str = "How long the product is billed, as an ISO 8601 duration such as P12M for twelve months.";

/// The system property holding a record's id, by which imports deduplicate any object.
pub const RECORD_ID: &str = "hs_object_id";

/// Properties every record has, maintained by the core.
pub(super) fn system_properties(group: &str) -> Vec<PropertyDef> {
    let mut created = PropertyDef::new("createdate", "Create date", group, PropertyType::DateTime);
    created.read_only = true;
    let mut modified = PropertyDef::new("lastmodifieddate", "Last modified date", group, PropertyType::DateTime);
    modified.read_only = true;
    let mut id = PropertyDef::new(RECORD_ID, "Record ID", group, PropertyType::SingleLineText);
    id.read_only = true;
    vec![PropertyDef::new("hubspot_owner_id", "Owner", group, PropertyType::Owner), created, modified, id]
}

/// The schema of a new workspace.
pub fn default_schema() -> Schema {
    let mut objects = vec![crm::contacts(), crm::companies(), crm::deals(), crm::tickets()];
    objects.extend([commerce::products(), commerce::line_items(), commerce::quotes()]);
    objects.extend(activities::all());
    objects.extend(services::all());
    objects.extend(billing::all());
    objects.extend(marketing::all());
    Schema { objects, currency: Default::default() }
}

#[cfg(test)]
mod tests;
