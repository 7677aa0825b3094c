//! The rules a well-formed schema obeys, checked after every schema edit.
//!
//! Each edit in [`super::edit`] applies its change to a copy of the object and then asks
//! [`check_object`] whether the result still holds together, so the rules below are the one
//! place that says what a valid property, option list or object is. The default schema obeys
//! them too (tested).

use std::collections::HashSet;

use super::{is_valid_internal_name, EnumOption, ObjectDef, PropertyDef, PropertyType, Rule, Schema, SchemaError};

/// Longest internal name accepted: names become URL segments and export column headers.
pub const MAX_NAME_LEN: usize = 64;

/// Most decimals a number property may round to; beyond this `f64` cannot hold them anyway.
pub const MAX_DECIMALS: u8 = 10;

/// A name a user may give to a new object, group or property.
pub fn check_name(name: &str) -> Result<(), SchemaError> {
    if is_valid_internal_name(name) && name.len() <= MAX_NAME_LEN {
        Ok(())
    } else {
        Err(SchemaError::InvalidName(name.to_string()))
    }
}

pub fn check_label(label: &str) -> Result<(), SchemaError> {
    if label.trim().is_empty() {
        Err(SchemaError::EmptyLabel)
    } else {
        Ok(())
    }
}

/// Checks every object and that no two objects share a name.
pub fn check_schema(schema: &Schema) -> Result<(), SchemaError> {
    let mut names = HashSet::new();
    for object in &schema.objects {
        if !names.insert(object.name.as_str()) {
            return Err(SchemaError::NameTaken(object.name.clone()));
        }
        check_object(object)?;
    }
    for object in &schema.objects {
        check_rollups(schema, object)?;
    }
    Ok(())
}

/// A rollup reads an object that exists and, unless it only counts, one of its live
/// properties.
fn check_rollups(schema: &Schema, object: &ObjectDef) -> Result<(), SchemaError> {
    for property in &object.properties {
        let Some(Rule::Rollup(rollup)) = property.calculation.as_ref().map(|c| &c.rule) else { continue };
        let target = schema.object(&rollup.object).ok_or_else(|| SchemaError::UnknownObject(rollup.object.clone()))?;
        if let Some(read) = rollup.aggregate.property() {
            if target.property(read).is_none() {
                return Err(SchemaError::CalculationInput(read.to_string()));
            }
        }
    }
    Ok(())
}

/// Checks one object: its labels, groups, properties (live and archived), primary property
/// and search list.
pub fn check_object(object: &ObjectDef) -> Result<(), SchemaError> {
    check_label(&object.singular)?;
    check_label(&object.plural)?;
    if object.groups.is_empty() {
        return Err(SchemaError::LastGroup);
    }
    let mut group_names = HashSet::new();
    for group in &object.groups {
        check_label(&group.label)?;
        if !group_names.insert(group.name.as_str()) {
            return Err(SchemaError::NameTaken(group.name.clone()));
        }
    }
    let mut property_names = HashSet::new();
    for property in object.properties.iter().chain(&object.archived) {
        if !property_names.insert(property.name.as_str()) {
            return Err(SchemaError::NameTaken(property.name.clone()));
        }
        if !group_names.contains(property.group.as_str()) {
            return Err(SchemaError::UnknownGroup(property.group.clone()));
        }
        check_property(property)?;
    }
    let primary = object.property(&object.primary_property).ok_or_else(|| SchemaError::UnknownProperty(object.primary_property.clone()))?;
    if !primary.kind.can_be_primary() {
        return Err(SchemaError::CannotBePrimary);
    }
    for name in &object.searchable {
        if object.property(name).is_none() {
            return Err(SchemaError::UnknownProperty(name.clone()));
        }
    }
    check_formulas(object)
}

/// A formula reads only live number and currency properties of its own object, which also
/// rules out one calculated property feeding another.
fn check_formulas(object: &ObjectDef) -> Result<(), SchemaError> {
    for property in &object.properties {
        let Some(Rule::Formula(formula)) = property.calculation.as_ref().map(|c| &c.rule) else { continue };
        for input in formula.inputs() {
            let numeric = object.property(input).is_some_and(|p| matches!(p.kind, PropertyType::Number { .. } | PropertyType::Currency));
            if !numeric {
                return Err(SchemaError::CalculationInput(input.to_string()));
            }
        }
    }
    Ok(())
}

/// Checks one property on its own: label, options, number settings and uniqueness.
pub fn check_property(property: &PropertyDef) -> Result<(), SchemaError> {
    check_label(&property.label)?;
    if property.kind.is_enumeration() {
        check_options(&property.options)?;
    } else if !property.options.is_empty() {
        return Err(SchemaError::OptionsNotAllowed);
    }
    if let PropertyType::Number { decimals, min, max } = property.kind {
        let finite = min.is_none_or(f64::is_finite) && max.is_none_or(f64::is_finite);
        let ordered = match (min, max) {
            (Some(lo), Some(hi)) => lo <= hi,
            _ => true,
        };
        if !finite || !ordered || decimals.is_some_and(|d| d > MAX_DECIMALS) {
            return Err(SchemaError::NumberSettings);
        }
    }
    if property.unique && !property.kind.can_be_unique() {
        return Err(SchemaError::CannotBeUnique);
    }
    // A calculated property says how it is computed, and only it does.
    if (property.kind == PropertyType::Calculated) != property.calculation.is_some() {
        return Err(SchemaError::Calculated);
    }
    Ok(())
}

/// An option list: at least one option, each with a value and a label, values distinct even
/// ignoring case (input matches options case-insensitively) and free of `;`, which separates
/// the choices of a multiple-checkbox value.
pub fn check_options(options: &[EnumOption]) -> Result<(), SchemaError> {
    if options.is_empty() {
        return Err(SchemaError::NoOptions);
    }
    let mut seen = HashSet::new();
    for option in options {
        let value = option.value.as_str();
        if value.trim().is_empty() || value.trim() != value || value.contains(';') || option.label.trim().is_empty() {
            return Err(SchemaError::InvalidOption(option.value.clone()));
        }
        if !seen.insert(value.to_lowercase()) {
            return Err(SchemaError::DuplicateOption(option.value.clone()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::default_schema;

    fn number(decimals: Option<u8>, min: Option<f64>, max: Option<f64>) -> PropertyDef {
        PropertyDef::new("n", "N", "g", PropertyType::Number { decimals, min, max })
    }

    fn dropdown(options: &[(&str, &str)]) -> PropertyDef {
        let mut def = PropertyDef::new("d", "D", "g", PropertyType::Dropdown);
        def.options = options.iter().map(|(v, l)| EnumOption::new(v, l)).collect();
        def
    }

    fn check(def: PropertyDef, expect: Result<(), SchemaError>) {
        assert_eq!(check_property(&def), expect, "{def:?}");
    }

    #[test]
    fn the_default_schema_is_well_formed() {
        assert_eq!(check_schema(&default_schema()), Ok(()));
    }

    #[test]
    fn names_are_short_internal_names() {
        assert_eq!(check_name("shoe_size"), Ok(()));
        let long = "a".repeat(MAX_NAME_LEN + 1);
        for bad in ["", "Shoe", "shoe size", "9lives", long.as_str()] {
            assert_eq!(check_name(bad), Err(SchemaError::InvalidName(bad.to_string())));
        }
    }

    #[test]
    fn option_lists_are_checked() {
        check(dropdown(&[("a", "A"), ("b", "B")]), Ok(()));
        check(dropdown(&[]), Err(SchemaError::NoOptions));
        check(dropdown(&[("a", "A"), ("A", "Other A")]), Err(SchemaError::DuplicateOption("A".into())));
        check(dropdown(&[("a;b", "A")]), Err(SchemaError::InvalidOption("a;b".into())));
        check(dropdown(&[(" a", "A")]), Err(SchemaError::InvalidOption(" a".into())));
        check(dropdown(&[("a", " ")]), Err(SchemaError::InvalidOption("a".into())));
        let mut text = dropdown(&[("a", "A")]);
        text.kind = PropertyType::SingleLineText;
        check(text, Err(SchemaError::OptionsNotAllowed));
    }

    #[test]
    fn number_settings_are_consistent() {
        check(number(Some(2), Some(0.0), Some(10.0)), Ok(()));
        check(number(None, Some(5.0), Some(5.0)), Ok(()));
        check(number(None, Some(6.0), Some(5.0)), Err(SchemaError::NumberSettings));
        check(number(Some(MAX_DECIMALS + 1), None, None), Err(SchemaError::NumberSettings));
        check(number(None, Some(f64::NAN), None), Err(SchemaError::NumberSettings));
        check(number(None, None, Some(f64::INFINITY)), Err(SchemaError::NumberSettings));
    }

    #[test]
    fn only_identifying_types_can_be_unique() {
        let mut def = PropertyDef::new("p", "P", "g", PropertyType::Email);
        def.unique = true;
        check(def.clone(), Ok(()));
        def.kind = PropertyType::MultiLineText;
        check(def, Err(SchemaError::CannotBeUnique));
    }

    #[test]
    fn an_object_needs_a_named_primary_text_property() {
        let mut contacts = default_schema().objects.remove(0);
        contacts.primary_property = "lifecyclestage".into();
        assert_eq!(check_object(&contacts), Err(SchemaError::CannotBePrimary));
        contacts.primary_property = "nickname".into();
        assert_eq!(check_object(&contacts), Err(SchemaError::UnknownProperty("nickname".into())));
    }

    #[test]
    fn a_formula_reads_only_number_and_currency_properties_of_its_object() {
        use crate::core::schema::{CalculatedType, Calculation, Formula};
        let deals = || default_schema().objects.into_iter().find(|o| o.name == "deals").expect("deals");
        let with = |formula: Formula| {
            let mut o = deals();
            let calculation = Calculation::formula(CalculatedType::Currency, formula);
            o.properties.push(PropertyDef::calculated("test_calc", "Test", "dealinformation", calculation));
            check_object(&o)
        };
        let cases = [
            (Formula::property("amount").times(Formula::property("hs_deal_stage_probability")), Ok(())),
            (Formula::property("amount").plus(Formula::property("dealname")), Err(SchemaError::CalculationInput("dealname".into()))),
            (Formula::property("nothing"), Err(SchemaError::CalculationInput("nothing".into()))),
            (Formula::property("hs_projected_amount"), Err(SchemaError::CalculationInput("hs_projected_amount".into()))),
        ];
        for (formula, expect) in cases {
            assert_eq!(with(formula.clone()), expect, "{formula:?}");
        }
    }

    #[test]
    fn calculated_properties_and_only_they_carry_a_calculation() {
        use crate::core::schema::{Aggregate, CalculatedType, Calculation};
        let count = Calculation::rollup(CalculatedType::Number, "contacts", None, Aggregate::Count);
        check(PropertyDef::calculated("n", "N", "g", count.clone()), Ok(()));
        check(PropertyDef::new("n", "N", "g", PropertyType::Calculated), Err(SchemaError::Calculated));
        let mut text = PropertyDef::new("n", "N", "g", PropertyType::SingleLineText);
        text.calculation = Some(count);
        check(text, Err(SchemaError::Calculated));
    }

    #[test]
    fn a_rollup_reads_an_existing_object_and_property() {
        use crate::core::schema::{Aggregate, CalculatedType, Calculation};
        let with = |object: &str, aggregate: Aggregate| {
            let mut schema = default_schema();
            let rollup = Calculation::rollup(CalculatedType::Number, object, None, aggregate);
            if let Some(companies) = schema.objects.iter_mut().find(|o| o.name == "companies") {
                companies.properties.push(PropertyDef::calculated("test_rollup", "Test", "companyinformation", rollup));
            }
            check_schema(&schema)
        };
        assert_eq!(with("deals", Aggregate::Sum("amount".into())), Ok(()));
        assert_eq!(with("deals", Aggregate::Sum("shoe_size".into())), Err(SchemaError::CalculationInput("shoe_size".into())));
        assert_eq!(with("spaceships", Aggregate::Count), Err(SchemaError::UnknownObject("spaceships".into())));
    }

    #[test]
    fn archived_properties_keep_their_name_taken() {
        let mut contacts = default_schema().objects.remove(0);
        let mut again = PropertyDef::new("jobtitle", "Job", "contactinformation", PropertyType::SingleLineText);
        again.custom = true;
        contacts.archived.push(again);
        assert_eq!(check_object(&contacts), Err(SchemaError::NameTaken("jobtitle".into())));
    }
}
