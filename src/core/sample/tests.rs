use std::collections::{HashMap, HashSet};

use super::*;
use crate::core::association::Draft;
use crate::core::command::Context;
use crate::core::id::IdGen;
use crate::core::schema::{default_schema, ObjectKind};
use crate::core::search::search;
use crate::core::timeline::timeline;

const NOW: Millis = Millis(1_795_392_000_000);
const SMALL: SampleSize = SampleSize { contacts: 300, companies: 40, deals: 80, activities: 120 };

/// The default schema, whose activity objects exercise activity generation.
fn schema() -> Schema {
    default_schema()
}

/// The default schema without its activity objects.
fn without_activities() -> Schema {
    let mut schema = default_schema();
    schema.objects.retain(|o| o.kind != ObjectKind::Activity);
    schema
}

fn count_by_object(sample: &Sample) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for r in &sample.records {
        *counts.entry(&*r.object).or_default() += 1;
    }
    counts
}

#[test]
fn the_same_seed_gives_the_same_data() {
    let a = generate(&schema(), 42, SMALL, NOW);
    let b = generate(&schema(), 42, SMALL, NOW);
    let c = generate(&schema(), 43, SMALL, NOW);
    assert_eq!(a.records, b.records);
    assert_eq!(a.associations, b.associations);
    assert_ne!(a.records, c.records);
}

#[test]
fn sizes_are_as_asked_and_contacts_have_twelve_properties() {
    let sample = generate(&schema(), 1, SMALL, NOW);
    let counts = count_by_object(&sample);
    assert_eq!(counts.get("contacts"), Some(&300));
    assert_eq!(counts.get("companies"), Some(&40));
    assert_eq!(counts.get("deals"), Some(&80));
    let activities = ["notes", "calls", "emails", "meetings", "tasks"];
    assert_eq!(activities.iter().filter_map(|a| counts.get(a)).sum::<usize>(), 120);
    assert!(activities.iter().all(|a| counts.get(a).is_some_and(|n| *n > 0)), "{counts:?}");
    assert!(sample.records.iter().filter(|r| r.object == "contacts").all(|r| r.props.len() == 12));
    // Without activity objects in the schema, no activities are made.
    let plain = generate(&without_activities(), 1, SMALL, NOW);
    assert_eq!(plain.records.len(), 420);
}

#[test]
fn emails_and_domains_are_unique_and_associations_point_at_real_records() {
    let sample = generate(&schema(), 7, SMALL, NOW);
    let texts = |object: &str, property: &str| -> Vec<String> {
        sample.records.iter().filter(|r| r.object == object).map(|r| r.text(property)).collect()
    };
    let emails = texts("contacts", "email");
    assert_eq!(emails.iter().collect::<HashSet<_>>().len(), emails.len());
    let domains = texts("companies", "domain");
    assert_eq!(domains.iter().collect::<HashSet<_>>().len(), domains.len());
    let objects: HashMap<&RecordId, &str> = sample.records.iter().map(|r| (&r.id, &*r.object)).collect();
    for pair in &sample.associations {
        assert_eq!(objects.get(&pair.from).copied(), Some(pair.from_object.as_str()), "{pair:?}");
        assert_eq!(objects.get(&pair.to).copied(), Some(pair.to_object.as_str()), "{pair:?}");
    }
    let primary = sample.associations.iter().filter(|p| p.label == Some("primary")).count();
    assert_eq!(primary, 300, "every contact has a primary company");
}

#[test]
fn names_come_from_several_languages_with_their_letters() {
    let sample = generate(&schema(), 3, SMALL, NOW);
    let names: Vec<String> = sample.records.iter().filter(|r| r.object == "contacts").map(|r| r.text("lastname")).collect();
    let has = |pred: &dyn Fn(char) -> bool| names.iter().any(|n| n.chars().any(pred));
    assert!(has(&|c| matches!(c, 'ł' | 'ś' | 'ą' | 'ż' | 'ź' | 'ó' | 'ń')), "Polish letters");
    assert!(has(&|c| matches!(c, 'é' | 'è' | 'ê' | 'â')), "French accents");
    assert!(has(&|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "Chinese names");
    assert!(names.iter().any(|n| n.ends_with("ska")), "Polish surnames agree with the person");
}

#[test]
fn every_generated_record_passes_validation() {
    let schema = schema();
    let sample = generate(&schema, 11, SMALL, NOW);
    let mut ws = Workspace::new(schema.clone(), IdGen::new(1, 0));
    for (command, original) in sample.commands(&schema).into_iter().zip(&sample.records) {
        let commit = ws.execute(command.clone(), &Context::user(NOW)).unwrap_or_else(|e| panic!("{command:?}: {e}"));
        let created = ws.record(&commit.subject.expect("created")).expect("stored");
        let values = |r: &Record| r.props.current_values().map(|(k, v)| (k, v.cloned())).collect::<Vec<_>>();
        assert_eq!(values(created), values(original), "{command:?}");
    }
}

#[test]
fn loading_puts_every_record_in_the_workspace_and_its_indexes() {
    let schema = schema();
    let sample = generate(&schema, 5, SMALL, NOW);
    let first = sample.records.iter().find(|r| r.object == "contacts").map(|r| (r.text("firstname"), r.text("email"))).expect("a contact");
    let mut ws = Workspace::new(schema, IdGen::new(1, 0));
    let pairs = sample.associations.len();
    let keys = sample.load_into(&mut ws);
    assert_eq!(keys.len(), 540 + pairs);
    assert_eq!(ws.len(), 540);
    assert!(!search(&ws, "contacts", &first.0, 5).is_empty());
    assert!(ws.find_unique("contacts", "email", &Value::Text(first.1)).is_some());
}

#[test]
fn loading_links_the_records_as_the_pairs_say() {
    let schema = schema();
    let sample = generate(&schema, 5, SMALL, NOW);
    let pairs = sample.associations.clone();
    let mut ws = Workspace::new(schema, IdGen::new(1, 0));
    sample.load_into(&mut ws);
    let store = ws.associations();
    assert_eq!(store.len(), pairs.len(), "every pair becomes one edge");
    let draft = Draft::new(store);
    for edge in store.edges() {
        let def = store.def(&edge.a_object, &edge.b_object).expect("defined");
        assert_eq!(draft.check(def, edge), Ok(()), "limit broken by {edge:?}");
    }
    let primary = pairs.iter().find(|p| p.label == Some("primary")).expect("a contact with a company");
    let labels: Vec<String> = ws.associated(&primary.from, "companies").iter().flat_map(|a| a.labels()).map(|l| l.name.clone()).collect();
    assert_eq!(labels, ["primary"]);
    let activity = pairs.iter().find(|p| p.to_object == "contacts" && p.from_object != "deals").expect("an activity");
    assert!(timeline(&ws, &activity.to, &[]).iter().any(|e| e.id == activity.from), "activities show on the contact's timeline");
}
