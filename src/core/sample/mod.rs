//! Deterministic sample data: realistic contacts, companies, deals and activities.
//!
//! The same seed always gives the same records, ids included, so tests and benchmarks are
//! repeatable and a "Load sample data" button fills every browser alike. People come from
//! five locales (English, French, Italian, Polish, Chinese) with their diacritics, phone
//! and postcode formats; companies have unique web domains; contacts are unique by email.
//!
//! Records are built directly from values that are valid by construction (a test runs
//! them all through the command path), which makes 100,000 contacts a fraction of a second.
//! Associations are plain pairs of ids; [`Sample::edges`] turns them into edges under a
//! workspace's association definitions, and [`Sample::load_into`] stores records and edges.

mod build;
mod locales;
mod rng;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use super::association::{AssociationDefs, Edge, End};
use super::command::{Command, Input};
use super::id::RecordId;
use super::record::Record;
use super::schema::{PropertyType, Schema};
use super::time::Millis;
use super::value::Value;
use super::workspace::Workspace;
use super::change::{Entity, EntityKey};

/// How many records of each kind to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleSize {
    pub contacts: usize,
    pub companies: usize,
    pub deals: usize,
    /// Spread over the schema's enabled activity objects (none if it has none).
    pub activities: usize,
}

impl SampleSize {
    /// A workspace to explore the app with.
    pub const DEMO: SampleSize = SampleSize { contacts: 250, companies: 40, deals: 60, activities: 400 };
    /// The size the performance targets are set at.
    pub const BENCH: SampleSize = SampleSize { contacts: 100_000, companies: 10_000, deals: 20_000, activities: 50_000 };
}

/// One association to create: `from` (of `from_object`) is linked to `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssociationPair {
    pub from_object: String,
    pub from: RecordId,
    pub to_object: String,
    pub to: RecordId,
    /// E.g. `primary` for a contact's main company.
    pub label: Option<&'static str>,
}

#[derive(Clone, Debug, Default)]
pub struct Sample {
    /// Companies, then contacts, deals and activities, each in creation order.
    pub records: Vec<Record>,
    pub associations: Vec<AssociationPair>,
}

/// Generates sample records for the objects and properties `schema` has; `now` is the
/// moment the data should look current at (create dates lie up to two years before it).
pub fn generate(schema: &Schema, seed: u64, size: SampleSize, now: Millis) -> Sample {
    build::Builder::new(schema, seed, now).run(size)
}

/// A value as someone would type it: amounts in major units.
fn as_input(kind: Option<&PropertyType>, value: &Value) -> String {
    match (kind, value) {
        (Some(PropertyType::Currency), Value::Int(minor)) => {
            let sign = if *minor < 0 { "-" } else { "" };
            format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
        }
        _ => value.display(),
    }
}

impl Sample {
    /// The commands that would create these records one by one, as typed input.
    pub fn commands(&self, schema: &Schema) -> Vec<Command> {
        self.records
            .iter()
            .map(|r| {
                let def = schema.object(&r.object);
                let values: Vec<Input> = r
                    .props
                    .current_values()
                    .filter_map(|(k, v)| {
                        let property = def.and_then(|d| d.property(k.name()));
                        // Calculated values (a deal's weighted amount) are the command path's to compute.
                        if property.is_some_and(|p| p.read_only) {
                            return None;
                        }
                        Some((k.name().to_string(), as_input(property.map(|p| &p.kind), v?)))
                    })
                    .collect();
                Command::CreateRecord { object: r.object.to_string(), values }
            })
            .collect()
    }

    /// The association pairs as edges under `defs`. A pair whose objects have no definition,
    /// or whose label the definition lacks, is left out. The pairs keep every default limit
    /// by construction (one primary company per contact, each pair once).
    pub fn edges(&self, defs: &AssociationDefs) -> Vec<Edge> {
        self.associations
            .iter()
            .filter_map(|pair| {
                let def = defs.get(&pair.from_object, &pair.to_object)?;
                let views: BTreeSet<String> = pair.label.map(str::to_string).into_iter().collect();
                let from = End { id: &pair.from, object: &pair.from_object };
                let to = End { id: &pair.to, object: &pair.to_object };
                Edge::build(def, from, to, &views).ok()
            })
            .collect()
    }

    /// Puts every record into a workspace, then links them as the pairs say, bypassing
    /// validation (the values and links are valid by construction) for speed. Returns the
    /// keys written, for storage.
    pub fn load_into(self, ws: &mut Workspace) -> Vec<EntityKey> {
        let edges = self.edges(ws.associations().defs());
        let mut keys = Vec::with_capacity(self.records.len() + edges.len());
        for record in self.records {
            let key = EntityKey::Record(record.id.clone());
            ws.put(key.clone(), Some(Entity::Record(record)));
            keys.push(key);
        }
        for edge in edges {
            let (a, b) = edge.key();
            let key = EntityKey::Edge(a, b);
            ws.put(key.clone(), Some(Entity::Edge(edge)));
            keys.push(key);
        }
        keys
    }
}
