//! Reading the envelope without holding the whole file as a tree.
//!
//! A backup of a large workspace is well over 100 MB of text; parsed into one JSON tree it
//! would take several times that in memory. Here the top-level object is read field by field
//! and each element of `entities` is typed as soon as it is parsed, so only one entity's tree
//! is alive at a time. The checks stay those of [`super::strict`]: duplicate keys anywhere,
//! fields that do not read back as written.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::strict::{Unique, DUPLICATE_KEY};
use super::BackupError;
use crate::core::change::Entity;

/// The top-level object: its small fields as a tree, its entities already typed.
pub struct Envelope {
    pub fields: Map<String, Value>,
    pub entities: Option<Entities>,
}

/// The typed entities, or the first one that was refused (the rest are still parsed, so
/// that a syntax error further on is reported as such).
pub struct Entities {
    pub items: Vec<Entity>,
    pub refused: Option<BackupError>,
}

impl<'de> de::Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a backup object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut envelope = Envelope { fields: Map::new(), entities: None };
        while let Some(key) = map.next_key::<String>()? {
            let repeated = if key == "entities" {
                let repeated = envelope.entities.is_some();
                envelope.entities = Some(map.next_value_seed(EntitiesSeed)?);
                repeated
            } else {
                let Unique(value) = map.next_value()?;
                envelope.fields.insert(key.clone(), value).is_some()
            };
            if repeated {
                return Err(de::Error::custom(format!("{DUPLICATE_KEY} \"{key}\"")));
            }
        }
        Ok(envelope)
    }
}

struct EntitiesSeed;

impl<'de> DeserializeSeed<'de> for EntitiesSeed {
    type Value = Entities;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Entities, D::Error> {
        deserializer.deserialize_any(EntitiesVisitor)
    }
}

struct EntitiesVisitor;

impl<'de> Visitor<'de> for EntitiesVisitor {
    type Value = Entities;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of entities")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entities, A::Error> {
        let mut out = Entities { items: Vec::with_capacity(seq.size_hint().unwrap_or(0)), refused: None };
        let mut index = 0;
        while let Some(Unique(item)) = seq.next_element()? {
            if out.refused.is_none() {
                match super::entity(index, item) {
                    Ok(entity) => out.items.push(entity),
                    Err(e) => out.refused = Some(e),
                }
            }
            index += 1;
        }
        Ok(out)
    }

    // Anything but an array is read (for its syntax) and then refused as the wrong type.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entities, A::Error> {
        while map.next_entry::<String, Unique>()?.is_some() {}
        Ok(not_an_array())
    }
    fn visit_bool<E>(self, _: bool) -> Result<Entities, E> {
        Ok(not_an_array())
    }
    fn visit_i64<E>(self, _: i64) -> Result<Entities, E> {
        Ok(not_an_array())
    }
    fn visit_u64<E>(self, _: u64) -> Result<Entities, E> {
        Ok(not_an_array())
    }
    fn visit_f64<E>(self, _: f64) -> Result<Entities, E> {
        Ok(not_an_array())
    }
    fn visit_str<E>(self, _: &str) -> Result<Entities, E> {
        Ok(not_an_array())
    }
    fn visit_unit<E>(self) -> Result<Entities, E> {
        Ok(not_an_array())
    }
}

fn not_an_array() -> Entities {
    Entities { items: Vec::new(), refused: Some(BackupError::WrongType { path: "$.entities".into(), detail: "expected an array".into() }) }
}
