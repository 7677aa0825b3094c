//! The data model's description: objects, their typed properties and property groups.
//!
//! Internal names (`firstname`, `dealstage`, …) follow HubSpot's so that an export from one
//! maps one to one onto the other. Names are immutable once created; labels are free text.

pub mod calculation;
mod currency;
mod defaults;
pub mod edit;
mod error;
mod integrity;

use serde::{Deserialize, Serialize};

pub use currency::Currency;
pub use calculation::{Aggregate, Calculation, CalculatedType, Formula, Rollup, Rule};
pub use defaults::{default_schema, ACTIVITY_TIMESTAMP, RECORD_ID};
pub use edit::{plan, DataCheck, ObjectPatch, Planned, PropertyPatch, SchemaEdit};
pub use error::SchemaError;
pub use integrity::{check_object, check_schema};

/// What kind of input a property takes and how its values are validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PropertyType {
    SingleLineText,
    MultiLineText,
    Number {
        #[serde(default)]
        decimals: Option<u8>,
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
    },
    /// An amount in the workspace currency, stored in minor units.
    Currency,
    Date,
    DateTime,
    Dropdown,
    Radio,
    /// A single yes/no checkbox.
    Checkbox,
    /// Several options may be checked at once.
    Checkboxes,
    Email,
    Phone,
    Url,
    /// A web domain such as `example.com`: what companies are deduplicated by.
    Domain,
    /// Refers to an owner by id.
    Owner,
    /// Read-only, computed by the core from the property's [`Calculation`].
    Calculated,
}

impl PropertyType {
    /// Whether values must be one of the property's options.
    pub fn is_enumeration(&self) -> bool {
        matches!(self, PropertyType::Dropdown | PropertyType::Radio | PropertyType::Checkboxes)
    }

    /// Whether values of this type can be required to differ between records: only types
    /// whose values identify something (an address, a number, a code) make sense.
    pub fn can_be_unique(&self) -> bool {
        matches!(
            self,
            PropertyType::SingleLineText
                | PropertyType::Number { .. }
                | PropertyType::Email
                | PropertyType::Phone
                | PropertyType::Url
                | PropertyType::Domain
        )
    }

    /// Whether this type can name a record in tables and titles: text. Multi-line text is
    /// allowed because a note has nothing else to be named by; tables show its first line.
    pub fn can_be_primary(&self) -> bool {
        matches!(
            self,
            PropertyType::SingleLineText
                | PropertyType::MultiLineText
                | PropertyType::Email
                | PropertyType::Phone
                | PropertyType::Url
                | PropertyType::Domain
        )
    }
}

/// One choice of an enumeration property.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnumOption {
    pub value: String,
    pub label: String,
    #[serde(default)]
    pub hidden: bool,
}

impl EnumOption {
    pub fn new(value: &str, label: &str) -> Self {
        EnumOption { value: value.to_string(), label: label.to_string(), hidden: false }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropertyDef {
    /// Immutable internal name, `[a-z0-9_]+`.
    pub name: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub group: String,
    #[serde(flatten)]
    pub kind: PropertyType,
    /// Options of an enumeration, in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<EnumOption>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub unique: bool,
    #[serde(default)]
    pub hidden: bool,
    #[serde(default)]
    pub read_only: bool,
    /// How the core computes a [`PropertyType::Calculated`] property; `None` for every
    /// other type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation: Option<Calculation>,
    /// Created by a user rather than shipped with Cairn: only custom properties may change
    /// type or be archived.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub custom: bool,
}

impl PropertyDef {
    pub fn new(name: &str, label: &str, group: &str, kind: PropertyType) -> Self {
        PropertyDef {
            name: name.to_string(),
            label: label.to_string(),
            description: String::new(),
            group: group.to_string(),
            kind,
            options: Vec::new(),
            required: false,
            unique: false,
            hidden: false,
            read_only: false,
            calculation: None,
            custom: false,
        }
    }

    /// A read-only property the core computes.
    pub fn calculated(name: &str, label: &str, group: &str, calculation: Calculation) -> Self {
        let mut def = PropertyDef::new(name, label, group, PropertyType::Calculated);
        def.read_only = true;
        def.calculation = Some(calculation);
        def
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropertyGroup {
    pub name: String,
    pub label: String,
}

/// Where an object comes from, which decides whether it can be switched off or deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    Standard,
    Activity,
    /// Off until an administrator switches it on.
    AdminActivated,
    Custom,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectDef {
    /// Internal plural name, e.g. `contacts`; also the URL segment.
    pub name: String,
    pub singular: String,
    pub plural: String,
    pub kind: ObjectKind,
    pub enabled: bool,
    /// The property that names a record in tables and titles.
    pub primary_property: String,
    /// Properties matched by text search.
    pub searchable: Vec<String>,
    pub groups: Vec<PropertyGroup>,
    pub properties: Vec<PropertyDef>,
    /// Properties taken out of use. Records keep their values, which come back on restore;
    /// nothing reads, writes or indexes an archived property meanwhile.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archived: Vec<PropertyDef>,
}

impl ObjectDef {
    pub fn property(&self, name: &str) -> Option<&PropertyDef> {
        self.properties.iter().find(|p| p.name == name)
    }

    pub fn archived_property(&self, name: &str) -> Option<&PropertyDef> {
        self.archived.iter().find(|p| p.name == name)
    }

    pub fn group(&self, name: &str) -> Option<&PropertyGroup> {
        self.groups.iter().find(|g| g.name == name)
    }
}

/// Every object of a workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    pub objects: Vec<ObjectDef>,
    /// What currency properties are kept in.
    #[serde(default, skip_serializing_if = "Currency::is_default")]
    pub currency: Currency,
}

impl Schema {
    pub fn object(&self, name: &str) -> Option<&ObjectDef> {
        self.objects.iter().find(|o| o.name == name)
    }
}

/// Whether a name is a valid internal name: non-empty `[a-z0-9_]`, starting with a letter.
pub fn is_valid_internal_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_names_are_lowercase_ascii_words() {
        assert!(is_valid_internal_name("firstname"));
        assert!(is_valid_internal_name("green_lot_2"));
        assert!(!is_valid_internal_name(""));
        assert!(!is_valid_internal_name("First"));
        assert!(!is_valid_internal_name("2nd"));
        assert!(!is_valid_internal_name("a-b"));
    }

    #[test]
    fn property_definitions_round_trip_through_json() {
        let schema = default_schema();
        let json = serde_json::to_string(&schema).expect("serializes");
        let back: Schema = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, schema);
    }
}
