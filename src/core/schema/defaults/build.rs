//! A small builder that keeps the default object definitions short and readable: one line
//! per property, in display order, each added to the group opened last.

use super::super::{Calculation, EnumOption, ObjectDef, ObjectKind, PropertyDef, PropertyGroup, PropertyType};
use super::system_properties;

use PropertyType as T;

pub(super) struct ObjectBuilder {
    def: ObjectDef,
    group: String,
}

/// Starts an object. Admin-activated objects start switched off.
pub(super) fn object(name: &str, singular: &str, plural: &str, kind: ObjectKind) -> ObjectBuilder {
    let def = ObjectDef {
        name: name.to_string(),
        singular: singular.to_string(),
        plural: plural.to_string(),
        kind,
        enabled: kind != ObjectKind::AdminActivated,
        primary_property: String::new(),
        searchable: Vec::new(),
        groups: Vec::new(),
        properties: Vec::new(),
        archived: Vec::new(),
    };
    ObjectBuilder { def, group: String::new() }
}

pub(super) fn options(pairs: &[(&str, &str)]) -> Vec<EnumOption> {
    pairs.iter().map(|(value, label)| EnumOption::new(value, label)).collect()
}

fn number_kind(decimals: Option<u8>, min: Option<f64>, max: Option<f64>) -> PropertyType {
    T::Number { decimals, min, max }
}

impl ObjectBuilder {
    /// Opens a property group; the properties added next belong to it.
    pub fn group(mut self, name: &str, label: &str) -> Self {
        self.def.groups.push(PropertyGroup { name: name.to_string(), label: label.to_string() });
        self.group = name.to_string();
        self
    }

    /// Names records by `primary` and matches text search against `searchable`.
    pub fn named_by(mut self, primary: &str, searchable: &[&str]) -> Self {
        self.def.primary_property = primary.to_string();
        self.def.searchable = searchable.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn property(mut self, def: PropertyDef) -> Self {
        self.def.properties.push(def);
        self
    }

    fn add(self, name: &str, label: &str, kind: PropertyType) -> Self {
        let def = PropertyDef::new(name, label, &self.group, kind);
        self.property(def)
    }

    pub fn text(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::SingleLineText)
    }

    pub fn long_text(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::MultiLineText)
    }

    /// A whole number of at least zero: a count, a year, a duration.
    pub fn count(self, name: &str, label: &str) -> Self {
        self.add(name, label, number_kind(Some(0), Some(0.0), None))
    }

    /// A number of at least zero, with any decimals: a quantity.
    pub fn non_negative(self, name: &str, label: &str) -> Self {
        self.add(name, label, number_kind(None, Some(0.0), None))
    }

    /// A number between `min` and `max`, such as a probability or a percentage.
    pub fn ranged(self, name: &str, label: &str, min: f64, max: f64) -> Self {
        self.add(name, label, number_kind(None, Some(min), Some(max)))
    }

    pub fn currency(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::Currency)
    }

    pub fn date(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::Date)
    }

    pub fn datetime(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::DateTime)
    }

    pub fn email(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::Email)
    }

    pub fn phone(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::Phone)
    }

    pub fn url(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::Url)
    }

    pub fn domain(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::Domain)
    }

    pub fn checkbox(self, name: &str, label: &str) -> Self {
        self.add(name, label, T::Checkbox)
    }

    pub fn select(self, name: &str, label: &str, choices: &[(&str, &str)]) -> Self {
        let mut def = PropertyDef::new(name, label, &self.group, T::Dropdown);
        def.options = options(choices);
        self.property(def)
    }

    pub fn calculated(self, name: &str, label: &str, calculation: Calculation) -> Self {
        let def = PropertyDef::calculated(name, label, &self.group, calculation);
        self.property(def)
    }

    fn last(&mut self) -> Option<&mut PropertyDef> {
        self.def.properties.last_mut()
    }

    /// Makes the property added last unique across the object's records.
    pub fn unique(mut self) -> Self {
        if let Some(def) = self.last() {
            def.unique = true;
        }
        self
    }

    /// Makes the property added last required.
    pub fn required(mut self) -> Self {
        if let Some(def) = self.last() {
            def.required = true;
        }
        self
    }

    /// Describes the property added last.
    pub fn described(mut self, description: &str) -> Self {
        if let Some(def) = self.last() {
            def.description = description.to_string();
        }
        self
    }

    /// Finishes the object, adding the properties every record has to its first group.
    pub fn build(mut self) -> ObjectDef {
        let first = self.def.groups.first().map(|g| g.name.clone()).unwrap_or_default();
        self.def.properties.extend(system_properties(&first));
        self.def
    }
}
