use super::*;
use crate::core::schema::{check_schema, is_valid_internal_name, Formula, ObjectDef, ObjectKind, Rule};

fn object(name: &str) -> ObjectDef {
    default_schema().object(name).cloned().unwrap_or_else(|| panic!("no default object {name}"))
}

fn kind_of(object: &str, property: &str) -> Option<PropertyType> {
    default_schema().object(object).and_then(|o| o.property(property)).map(|p| p.kind.clone())
}

#[test]
fn every_default_property_has_a_valid_name_and_a_known_group() {
    for object in default_schema().objects {
        for p in &object.properties {
            assert!(is_valid_internal_name(&p.name), "{}.{}", object.name, p.name);
            assert!(object.groups.iter().any(|g| g.name == p.group), "{}.{}", object.name, p.name);
        }
        assert!(object.property(&object.primary_property).is_some(), "{}", object.name);
    }
    assert_eq!(check_schema(&default_schema()), Ok(()));
}

#[test]
fn objects_have_the_expected_kind_and_start_on_unless_admin_activated() {
    use ObjectKind::{Activity, AdminActivated, Standard};
    let expected = [
        ("contacts", Standard),
        ("companies", Standard),
        ("deals", Standard),
        ("tickets", Standard),
        ("products", Standard),
        ("line_items", Standard),
        ("quotes", Standard),
        ("notes", Activity),
        ("calls", Activity),
        ("emails", Activity),
        ("meetings", Activity),
        ("tasks", Activity),
        ("leads", AdminActivated),
        ("appointments", AdminActivated),
        ("courses", AdminActivated),
        ("listings", AdminActivated),
        ("services", AdminActivated),
        ("projects", AdminActivated),
        ("invoices", AdminActivated),
        ("orders", AdminActivated),
        ("carts", AdminActivated),
        ("subscriptions", AdminActivated),
        ("payments", AdminActivated),
        ("marketing_events", AdminActivated),
        ("campaigns", AdminActivated),
    ];
    let schema = default_schema();
    let names: Vec<&str> = schema.objects.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, expected.map(|(name, _)| name), "every default object, in order");
    for (name, kind) in expected {
        let o = object(name);
        assert_eq!((o.kind, o.enabled), (kind, kind != AdminActivated), "{name}");
    }
}

#[test]
fn objects_carry_hubspot_internal_names() {
    let expected: [(&str, &[&str]); 12] = [
        (
            "contacts",
            &[
                "firstname", "lastname", "email", "phone", "mobilephone", "jobtitle", "company", "website", "address", "city", "state", "zip",
                "country", "lifecyclestage", "hs_lead_status", "hubspot_owner_id", "createdate", "lastmodifieddate", "hs_object_id",
            ],
        ),
        (
            "companies",
            &[
                "name", "domain", "industry", "phone", "city", "state", "country", "numberofemployees", "annualrevenue", "description",
                "lifecyclestage", "hubspot_owner_id",
            ],
        ),
        ("deals", &["dealname", "amount", "pipeline", "dealstage", "closedate", "dealtype", "hubspot_owner_id", "hs_deal_stage_probability", "hs_projected_amount"]),
        ("tickets", &["subject", "content", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority", "hs_ticket_category", "hubspot_owner_id"]),
        ("products", &["name", "price", "hs_sku", "description", "hs_recurring_billing_period"]),
        ("line_items", &["name", "hs_product_id", "quantity", "price", "hs_discount", "hs_recurring_billing_period", "amount"]),
        ("quotes", &["hs_title", "hs_expiration_date", "hs_status", "amount"]),
        ("notes", &["hs_note_body", "hs_timestamp"]),
        ("calls", &["hs_call_title", "hs_call_body", "hs_call_duration", "hs_call_direction", "hs_call_disposition", "hs_timestamp"]),
        ("emails", &["hs_email_subject", "hs_email_text", "hs_email_direction", "hs_timestamp"]),
        (
            "meetings",
            &["hs_meeting_title", "hs_meeting_body", "hs_meeting_start_time", "hs_meeting_end_time", "hs_meeting_location", "hs_meeting_outcome", "hs_timestamp"],
        ),
        ("tasks", &["hs_task_subject", "hs_task_body", "hs_timestamp", "hs_task_status", "hs_task_priority", "hs_task_type"]),
    ];
    for (name, properties) in expected {
        let o = object(name);
        for p in properties {
            assert!(o.property(p).is_some(), "{name}.{p}");
        }
    }
}

#[test]
fn every_admin_activated_object_has_its_own_properties_and_a_name() {
    for o in default_schema().objects.iter().filter(|o| o.kind == ObjectKind::AdminActivated) {
        let own = o.properties.len() - system_properties("g").len();
        assert!(own >= 4, "{} has only {own} properties of its own", o.name);
        assert!(o.searchable.contains(&o.primary_property), "{}", o.name);
    }
}

#[test]
fn every_activity_has_a_required_timestamp() {
    for o in default_schema().objects.iter().filter(|o| o.kind == ObjectKind::Activity) {
        let stamp = o.property(ACTIVITY_TIMESTAMP).unwrap_or_else(|| panic!("{} has no timestamp", o.name));
        assert_eq!((&stamp.kind, stamp.required), (&PropertyType::DateTime, true), "{}", o.name);
    }
    assert_eq!(object("tasks").property(ACTIVITY_TIMESTAMP).map(|p| p.label.as_str()), Some("Due date"));
}

#[test]
fn task_enumerations_use_hubspot_values() {
    let values = |property: &str| -> Vec<String> {
        object("tasks").property(property).map(|p| p.options.iter().map(|o| o.value.clone()).collect()).unwrap_or_default()
    };
    assert_eq!(values("hs_task_status"), ["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"]);
    assert_eq!(values("hs_task_priority"), ["LOW", "MEDIUM", "HIGH"]);
    assert_eq!(values("hs_task_type"), ["CALL", "EMAIL", "TODO"]);
}

#[test]
fn contacts_are_unique_by_email_and_companies_by_domain() {
    let schema = default_schema();
    let unique = |o: &str, p: &str| schema.object(o).and_then(|o| o.property(p)).map(|p| p.unique);
    assert_eq!(unique("contacts", "email"), Some(true));
    assert_eq!(unique("companies", "domain"), Some(true));
    assert_eq!(kind_of("companies", "domain"), Some(PropertyType::Domain));
}

#[test]
fn calculated_properties_are_read_only_and_say_how_they_are_computed() {
    for o in default_schema().objects {
        for p in &o.properties {
            let calculated = p.kind == PropertyType::Calculated;
            assert_eq!(calculated, p.calculation.is_some(), "{}.{}", o.name, p.name);
            assert!(!calculated || p.read_only, "{}.{}", o.name, p.name);
        }
    }
    let rule = |o: &str, p: &str| object(o).property(p).and_then(|p| p.calculation.clone()).map(|c| c.rule);
    let weighted = Formula::property("amount").times(Formula::property("hs_deal_stage_probability"));
    assert_eq!(rule("deals", "hs_projected_amount"), Some(Rule::Formula(weighted)));
    assert!(matches!(rule("line_items", "amount"), Some(Rule::Formula(_))));
    assert!(matches!(rule("quotes", "amount"), Some(Rule::Rollup(r)) if r.object == "line_items"));
}
