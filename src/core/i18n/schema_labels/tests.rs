use super::*;
use crate::core::schema::PropertyType;

const OTHERS: [Lang; 4] = [Lang::Fr, Lang::It, Lang::Pl, Lang::Zh];

fn contacts() -> ObjectDef {
    default_schema().object("contacts").cloned().expect("contacts are a default object")
}

#[test]
fn the_french_first_name_is_prenom() {
    let contacts = contacts();
    let firstname = contacts.property("firstname").expect("default property");
    assert_eq!(property_label(Lang::Fr, "contacts", firstname), "Prénom");
    assert_eq!(property_label(Lang::Zh, "contacts", firstname), "名");
    assert_eq!(property_label(Lang::En, "contacts", firstname), "First name");
    assert_eq!(object_label(Lang::Pl, &contacts, true), "Kontakty");
    assert_eq!(object_label(Lang::It, &contacts, false), "Contatto");
    let group = contacts.group("contactinformation").expect("default group");
    assert_eq!(group_label(Lang::Fr, "contacts", group), "Informations sur le contact");
}

#[test]
fn a_renamed_label_stays_as_typed() {
    let mut contacts = contacts();
    for def in contacts.properties.iter_mut().filter(|p| p.name == "firstname") {
        def.label = "Given name".into();
    }
    contacts.plural = "People".into();
    contacts.groups[0].label = "Basics".into();
    let renamed = contacts.property("firstname").expect("still there");
    for lang in Lang::ALL {
        assert_eq!(property_label(lang, "contacts", renamed), "Given name");
        assert_eq!(object_label(lang, &contacts, true), "People");
        assert_eq!(group_label(lang, "contacts", &contacts.groups[0]), "Basics");
    }
    // The singular was not renamed, so it is still translated.
    assert_eq!(object_label(Lang::Fr, &contacts, false), "Contact");
}

#[test]
fn custom_objects_and_properties_stay_as_typed() {
    // A custom property may reuse the label of a default one; it is still the user's text.
    let mut custom = PropertyDef::new("firstname_2", "First name", "contactinformation", PropertyType::SingleLineText);
    custom.custom = true;
    assert_eq!(property_label(Lang::Fr, "contacts", &custom), "First name");
    let mut object = contacts();
    object.name = "p_contacts".into();
    object.kind = ObjectKind::Custom;
    assert_eq!(object_label(Lang::Fr, &object, true), "Contacts");
    let firstname = object.property("firstname").expect("copied");
    assert_eq!(property_label(Lang::Fr, "p_contacts", firstname), "First name");
}

#[test]
fn options_are_translated_unless_edited() {
    let contacts = contacts();
    let stage = contacts.property("lifecyclestage").expect("default property");
    assert_eq!(value_label(Lang::Fr, "contacts", stage, "customer"), "Client");
    assert_eq!(value_label(Lang::Zh, "contacts", stage, "opportunity"), "商机");
    assert_eq!(value_label(Lang::Fr, "contacts", stage, "gone"), "gone");
    let edited = EnumOption::new("customer", "Paying customer");
    assert_eq!(option_label(Lang::Fr, "contacts", "lifecyclestage", &edited), "Paying customer");
    // One English word, agreed with the noun it describes.
    let schema = default_schema();
    let status = |object: &str, property: &str, value: &str| {
        let def = schema.object(object).and_then(|o| o.property(property)).expect("default property");
        value_label(Lang::Fr, object, def, value).into_owned()
    };
    assert_eq!(status("tasks", "hs_task_status", "COMPLETED"), "Terminée");
    assert_eq!(status("invoices", "hs_invoice_status", "open"), "Ouverte");
}

#[test]
fn association_labels_are_translated_unless_edited() {
    let primary = LabelView { name: "primary".into(), text: "Primary".into(), max: Some(1) };
    assert_eq!(association_label(Lang::Fr, &primary), "Principale");
    assert_eq!(association_label(Lang::En, &primary), "Primary");
    let typed = LabelView { text: "Main".into(), ..primary };
    assert_eq!(association_label(Lang::Pl, &typed), "Main");
}

/// The "no missing key" test of schema labels: every default object, group, property, option
/// and association label has a translation in every language.
#[test]
fn every_default_label_has_a_translation_in_every_language() {
    let schema = default_schema();
    let mut missing = Vec::new();
    for lang in OTHERS {
        let Some(table) = table(lang) else { continue };
        for object in &schema.objects {
            if (table.object)(&object.name).is_none() {
                missing.push(format!("{lang:?} object {}", object.name));
            }
            for group in &object.groups {
                if (table.group)(&group.name).is_none() {
                    missing.push(format!("{lang:?} group {}.{}", object.name, group.name));
                }
            }
            for def in &object.properties {
                if (table.property)(&object.name, &def.name).is_none() {
                    missing.push(format!("{lang:?} property {}.{}", object.name, def.name));
                }
                for option in &def.options {
                    if (table.option)(&object.name, &def.name, &option.value).is_none() {
                        missing.push(format!("{lang:?} option {}.{}.{}", object.name, def.name, option.value));
                    }
                }
            }
        }
        for def in &default_associations().defs {
            for view in def.labels.iter().flat_map(|l| [&l.a, &l.b]) {
                if (table.association)(&view.name).is_none() {
                    missing.push(format!("{lang:?} association label {}", view.name));
                }
            }
        }
    }
    assert!(missing.is_empty(), "missing translations:\n{}", missing.join("\n"));
}

/// Guards the `_` arms of the tables: two default properties with one internal name but
/// different English labels (a ticket's "Ticket status" and a project's "Stage" are both
/// `hs_pipeline_stage`) must not share one translation.
#[test]
fn one_internal_name_with_different_english_labels_reads_differently() {
    let schema = default_schema();
    let props: Vec<(&str, &PropertyDef)> = schema.objects.iter().flat_map(|o| o.properties.iter().map(move |p| (o.name.as_str(), p))).collect();
    for lang in OTHERS {
        for (i, (object, def)) in props.iter().enumerate() {
            for (other_object, other) in &props[i + 1..] {
                if def.name == other.name && def.label != other.label {
                    let (a, b) = (property_label(lang, object, def), property_label(lang, other_object, other));
                    assert_ne!(a, b, "{lang:?}: {object}.{} and {other_object}.{}", def.name, other.name);
                }
            }
        }
    }
}

#[test]
fn chinese_labels_are_not_left_in_english() {
    let schema = default_schema();
    let mut left = Vec::new();
    for object in &schema.objects {
        for def in &object.properties {
            let label = property_label(Lang::Zh, &object.name, def);
            // A stock-keeping unit is "SKU" in Chinese too.
            if label == def.label.as_str() && label != "SKU" {
                left.push(format!("{}.{}", object.name, def.name));
            }
        }
        for group in &object.groups {
            assert_ne!(group_label(Lang::Zh, &object.name, group), group.label.as_str());
        }
    }
    assert!(left.is_empty(), "left in English: {left:?}");
}
