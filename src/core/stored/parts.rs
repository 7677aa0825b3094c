//! The parts a format-3 snapshot stores one after the other, so that a start-up can show a
//! table as soon as its records are in and load the rest behind it.
//!
//! A snapshot holds the settings first (schema, association definitions, owners, pipelines,
//! views, segments), then the records object by object (in the schema's order, contacts
//! first), then the rest: binned records, links, link tombstones, workflows and their runs,
//! merge redirects. A chunk never spans two parts, and each
//! chunk names the parts that are whole once it is applied.

use std::collections::HashMap;

use crate::core::calculate::rollup_properties;
use crate::core::change::Entity;
use crate::core::query::{Op as QueryOp, Query};
use crate::core::schema::Schema;
use crate::core::workspace::{Borrowed, EntityRef};

/// A part of a workspace that a snapshot stores whole before the next begins.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// What tables read besides records: schema, association definitions, owners,
    /// pipelines, views and segments.
    Settings,
    /// Every live record of one object.
    Records(String),
}

/// Which parts a restore in progress has applied whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    parts: Vec<Part>,
    whole: bool,
}

impl Loaded {
    /// Everything is loaded.
    pub fn whole() -> Loaded {
        Loaded { parts: Vec::new(), whole: true }
    }

    pub fn is_whole(&self) -> bool {
        self.whole
    }

    pub fn add(&mut self, part: Part) {
        if !self.parts.contains(&part) {
            self.parts.push(part);
        }
    }

    /// Whether the records of some object are whole: a table may be showing.
    pub fn has_records(&self) -> bool {
        self.whole || self.parts.iter().any(|p| matches!(p, Part::Records(_)))
    }

    pub fn has(&self, part: &Part) -> bool {
        self.whole || self.parts.contains(part)
    }

    /// Whether a table of `query.object` with `columns` already shows what it will once
    /// everything is loaded: the settings (views, owners, pipelines) and all of the object's
    /// records are in, and nothing the table reads needs other parts: no column, condition or
    /// sort on a property that rolls up associated records (those need the links), and no
    /// segment condition (a segment's filter may hold one).
    pub fn table_ready(&self, schema: &Schema, query: &Query, columns: &[String]) -> bool {
        if self.whole {
            return true;
        }
        let Some(def) = schema.object(&query.object) else { return false };
        if !self.has(&Part::Settings) || !self.has(&Part::Records(query.object.clone())) {
            return false;
        }
        let rollups: Vec<&str> = rollup_properties(def).map(|(p, _, _)| p.name.as_str()).collect();
        let conditions = query.filter.groups.iter().flat_map(|g| &g.conditions);
        let mut read = columns.iter().map(String::as_str).chain(query.sort.iter().map(|s| s.property.as_str()));
        !read.any(|name| rollups.contains(&name))
            && conditions.into_iter().all(|c| !rollups.contains(&c.property.as_str()) && !matches!(c.op, QueryOp::InSegment { .. } | QueryOp::NotInSegment { .. }))
    }
}

/// Where an entity goes in a snapshot: parts in the order they are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Settings,
    /// Records of the schema's object at this position (unknown objects after the known).
    Records(usize),
    /// Binned records, links, link tombstones, workflows and their runs, merge redirects:
    /// no table waits for them.
    Rest,
}

/// A run of snapshot entities to store as chunks, and the part it completes (none for the rest).
pub(super) struct Section<'a> {
    pub refs: Vec<EntityRef<'a>>,
    pub part: Option<Part>,
}

/// `refs` (every stored entity, [`Workspace::entity_refs`] order) grouped into the parts of a
/// format-3 snapshot, each keeping its entities' order. An object without records still has
/// its (empty) section, so that its part is announced.
///
/// [`Workspace::entity_refs`]: crate::core::workspace::Workspace::entity_refs
pub(super) fn sections<'a>(schema: &Schema, refs: Vec<EntityRef<'a>>) -> Vec<Section<'a>> {
    let position: HashMap<&str, usize> = schema.objects.iter().enumerate().map(|(i, o)| (o.name.as_str(), i)).collect();
    let mut unknown: Vec<String> = Vec::new();
    let mut ranked: Vec<(Rank, EntityRef<'a>)> = Vec::with_capacity(refs.len());
    for entity in refs {
        let rank = match &entity {
            EntityRef::Borrowed(Borrowed::Record(record)) => Rank::Records(match position.get(&*record.object) {
                Some(&i) => i,
                None => {
                    let at = unknown.iter().position(|o| *o == *record.object).unwrap_or_else(|| {
                        unknown.push(record.object.to_string());
                        unknown.len() - 1
                    });
                    schema.objects.len() + at
                }
            }),
            EntityRef::Borrowed(_) => Rank::Rest,
            // No table reads workflows, their runs or merge redirects, and runs can be many.
            EntityRef::Owned(Entity::Workflow(_) | Entity::Enrollment(_) | Entity::Outbox(_) | Entity::Notification(_) | Entity::Redirect(_)) => Rank::Rest,
            EntityRef::Owned(_) => Rank::Settings,
        };
        ranked.push((rank, entity));
    }
    // Stable: records stay in id order within their object.
    ranked.sort_by_key(|(rank, _)| *rank);
    let objects = schema.objects.iter().map(|o| o.name.clone()).chain(unknown);
    let mut out: Vec<Section<'a>> = std::iter::once(Part::Settings).chain(objects.map(Part::Records)).map(|part| Section { refs: Vec::new(), part: Some(part) }).collect();
    out.push(Section { refs: Vec::new(), part: None });
    let rest = out.len() - 1;
    for (rank, entity) in ranked {
        let at = match rank {
            Rank::Settings => 0,
            Rank::Records(i) => 1 + i,
            Rank::Rest => rest,
        };
        out[at].refs.push(entity);
    }
    out
}
