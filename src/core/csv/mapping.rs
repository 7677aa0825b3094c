//! Which property each CSV column fills, guessed from the header.
//!
//! Headers are compared with property labels and internal names ignoring case, spaces and
//! punctuation, so `First Name`, `first_name` and `firstname` all fill `firstname`, and a
//! HubSpot export (`Record ID`, `First Name`, `Email`, …) needs no manual mapping. A header
//! `Associated <object>` (e.g. `Associated Company`) links each row to a record of that object
//! found by the cell's text. Anything else is skipped until the user maps it.

use crate::core::schema::Schema;

/// What one column does in an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Fills this property (internal name).
    Property(String),
    /// Links the row's record to a record of this object, found by name or unique value.
    Associate(String),
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
