//! Which property each CSV column fills, guessed from the header.
//!
//! Headers are compared with property labels and internal names ignoring case, spaces and
//! punctuation, so `First Name`, `first_name` and `firstname` all fill `firstname`, and a
//! HubSpot export (`Record ID`, `First Name`, `Email`, …) needs no manual mapping. A header
//! `Associated <object>` (e.g. `Associated Company`) links each row to a record of that object
//! found by the cell's text. Anything else is skipped until the user maps it.

use crate::core::association::Associations;
use crate::core::schema::{Schema, RECORD_ID};

/// What one column does in an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Fills this property (internal name).
    Property(String),
    /// Links the row's record to a record of this object, found by name or unique value.
    Associate(String),
    /// Fills a new single-line text property with this label, created by the import.
    NewProperty(String),
    Skip,
}

/// Lower-case letters and digits only: how headers and labels are compared.
fn fold(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The automatic mapping of a header row for importing into `object`.
pub fn auto_map(schema: &Schema, object: &str, header: &[String]) -> Vec<Target> {
    let Some(def) = schema.object(object) else { return vec![Target::Skip; header.len()] };
    let mut used: Vec<String> = Vec::new();
    header
        .iter()
        .map(|column| {
            let key = fold(column);
            if key.is_empty() {
                return Target::Skip;
            }
            let property = def.properties.iter().find(|p| fold(&p.name) == key || fold(&p.label) == key);
            if let Some(p) = property.filter(|p| !used.contains(&p.name)) {
                // Two columns never fill the same property; the first one wins.
                used.push(p.name.clone());
                return Target::Property(p.name.clone());
            }
            let linked = key.strip_prefix("associated").and_then(|rest| {
                schema
                    .objects
                    .iter()
                    .filter(|o| o.enabled)
                    .find(|o| [&o.name, &o.singular, &o.plural].iter().any(|n| fold(n) == rest))
            });
            linked.map_or(Target::Skip, |o| Target::Associate(o.name.clone()))
        })
        .collect()
}

impl Target {
    /// A stable text form, e.g. the value of an option in a `<select>`.
    pub fn key(&self) -> String {
        match self {
            Target::Property(name) => format!("property:{name}"),
            Target::Associate(object) => format!("associate:{object}"),
            Target::NewProperty(_) => "new".to_string(),
            Target::Skip => "skip".to_string(),
        }
    }

    /// The target a [`Target::key`] stands for; a new property takes the column's header as
    /// its label. Anything unknown is skipped.
    pub fn from_key(key: &str, header: &str) -> Target {
        if let Some(name) = key.strip_prefix("property:") {
            Target::Property(name.to_string())
        } else if let Some(object) = key.strip_prefix("associate:") {
            Target::Associate(object.to_string())
        } else if key == "new" && !header.trim().is_empty() {
            Target::NewProperty(header.trim().to_string())
        } else {
            Target::Skip
        }
    }
}

/// What a column of an import into `object` may fill: the properties a person can write
/// (in the object's order), then the objects its records can be associated with. `Skip` and
/// `NewProperty` are always possible and not listed.
pub fn choices(schema: &Schema, associations: &Associations, object: &str) -> Vec<Target> {
    let Some(def) = schema.object(object) else { return Vec::new() };
    let properties = def.properties.iter().filter(|p| !p.read_only || p.name == RECORD_ID).map(|p| Target::Property(p.name.clone()));
    let linked = schema
        .objects
        .iter()
        .filter(|o| o.enabled && o.name != object && associations.def(object, &o.name).is_some())
        .map(|o| Target::Associate(o.name.clone()));
    properties.chain(linked).collect()
}
