use proptest::prelude::*;

use super::*;
use crate::core::change::{Entity, EntityKey};
use crate::core::command::{Command, Context};
use crate::core::fold::words;
use crate::core::id::{IdGen, RecordId};
use crate::core::schema::default_schema;
use crate::core::time::Millis;

fn create(ws: &mut Workspace, values: &[(&str, &str)]) -> RecordId {
    let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let commit = ws.execute(Command::CreateRecord { object: "contacts".into(), values }, &Context::user(Millis(1))).expect("valid");
    commit.subject.expect("created")
}

fn workspace() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(9, 0));
    let people: [&[(&str, &str)]; 6] = [
        &[("firstname", "Zoë"), ("lastname", "Müller"), ("email", "zoe.muller@acme.fr"), ("phone", "+33 6 12 34 56 78"), ("company", "Acme")],
        &[("firstname", "Łukasz"), ("lastname", "Nowak"), ("email", "lukasz@lodz.pl"), ("company", "Łódź Tekstylia")],
        &[("firstname", "小明"), ("lastname", "王"), ("company", "北京科技有限公司")],
        &[("firstname", "Jean-Pierre"), ("lastname", "D'Angelo"), ("company", "Mullins & Co")],
        &[("firstname", "Ann"), ("lastname", "Mullins")],
        &[("firstname", "Zoé"), ("lastname", "Martin")],
    ];
    for values in people {
        create(&mut ws, values);
    }
    ws
}

fn found(ws: &Workspace, text: &str, limit: usize) -> Vec<String> {
    search(ws, "contacts", text, limit).iter().map(|r| format!("{} {}", r.text("firstname"), r.text("lastname"))).collect()
}

#[test]
fn search_is_prefix_based_and_ignores_case_and_accents() {
    let ws = workspace();
    let check = |text: &str, expect: &[&str]| assert_eq!(found(&ws, text, 50), expect, "search({text:?})");
    // Results follow the matched word's alphabetical order: "muller" before "mullins".
    check("mull", &["Zoë Müller", "Jean-Pierre D'Angelo", "Ann Mullins"]);
    check("MÜL", &["Zoë Müller", "Jean-Pierre D'Angelo", "Ann Mullins"]);
    check("zoe", &["Zoë Müller", "Zoé Martin"]);
    check("zoe m", &["Zoë Müller", "Zoé Martin"]);
    check("zoë mar", &["Zoé Martin"]);
    check("mar zoe", &["Zoé Martin"]);
    check("zoe x", &[]);
    check("lod", &["Łukasz Nowak"]);
    check("ŁÓDŹ", &["Łukasz Nowak"]);
    check("d'ang", &["Jean-Pierre D'Angelo"]);
    check("angelo", &["Jean-Pierre D'Angelo"]);
    check("jean-p", &["Jean-Pierre D'Angelo"]);
    check("acme.fr", &["Zoë Müller"]);
    check("uller", &[]);
    check("", &[]);
    check(" - ", &[]);
}

#[test]
fn chinese_names_match_by_any_leading_characters() {
    let ws = workspace();
    let check = |text: &str, expect: &[&str]| assert_eq!(found(&ws, text, 50), expect, "search({text:?})");
    check("王", &["小明 王"]);
    check("小明", &["小明 王"]);
    check("小", &["小明 王"]);
    check("王小明", &["小明 王"]);
    check("王小", &["小明 王"]);
    check("科技", &["小明 王"]);
    check("北京", &["小明 王"]);
    check("上海", &[]);
    check("李", &[]);
}

#[test]
fn phone_numbers_match_by_digits_whatever_the_spacing() {
    let ws = workspace();
    let check = |text: &str, expect: &[&str]| assert_eq!(found(&ws, text, 50), expect, "search({text:?})");
    check("+33 6 12", &["Zoë Müller"]);
    check("33612345678", &["Zoë Müller"]);
    check("(33) 6-12", &["Zoë Müller"]);
    check("612", &[]);
}

#[test]
fn only_the_first_results_are_returned() {
    let ws = workspace();
    assert_eq!(found(&ws, "m", 2).len(), 2);
    assert_eq!(found(&ws, "m", 0).len(), 0);
    assert!(search(&ws, "companies", "zoe", 10).is_empty(), "other objects are separate");
}

#[test]
fn the_index_follows_updates_deletes_restores_and_reverts() {
    let mut ws = workspace();
    let zoe = search(&ws, "contacts", "muller", 1)[0].id.clone();
    let ctx = Context::user(Millis(5));
    let update = Command::UpdateRecord { id: zoe.clone(), values: vec![("lastname".into(), "Schmidt".into()), ("email".into(), "zoe@acme.fr".into())] };
    let commit = ws.execute(update, &ctx).expect("valid");
    assert!(found(&ws, "müller", 10).is_empty());
    assert_eq!(found(&ws, "schm", 10), ["Zoë Schmidt"]);
    ws.revert(&commit);
    assert_eq!(found(&ws, "müller", 10), ["Zoë Müller"]);
    assert!(found(&ws, "schm", 10).is_empty());
    ws.execute(Command::DeleteRecord { id: zoe.clone() }, &ctx).expect("deleted");
    assert!(found(&ws, "zoë mü", 10).is_empty());
    ws.execute(Command::RestoreRecord { id: zoe }, &ctx).expect("restored");
    assert_eq!(found(&ws, "zoë mü", 10), ["Zoë Müller"]);
}

#[test]
fn changing_the_searchable_properties_reindexes() {
    let mut ws = workspace();
    let id = create(&mut ws, &[("firstname", "Grace"), ("city", "Berlin")]);
    assert!(found(&ws, "berl", 10).is_empty());
    let mut schema = ws.schema().clone();
    for object in schema.objects.iter_mut().filter(|o| o.name == "contacts") {
        object.searchable.push("city".into());
    }
    ws.put(EntityKey::Schema, Some(Entity::Schema(schema)));
    assert_eq!(search(&ws, "contacts", "berl", 10).iter().map(|r| r.id.clone()).collect::<Vec<_>>(), [id]);
}

const NAMES: [&str; 8] = ["Zoë", "Zoe", "Müller", "Mull", "Łódź", "Anna-Maria", "Lodz", "Ann"];
const QUERIES: [&str; 10] = ["z", "zo", "mu", "mull", "lod", "ann", "an m", "maria", "zoe mu", "x"];

#[derive(Clone, Debug)]
enum Step {
    Create(usize, usize),
    Rename(usize, usize),
    Delete(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..NAMES.len(), 0..NAMES.len()).prop_map(|(f, l)| Step::Create(f, l)),
        (0usize..20, 0..NAMES.len()).prop_map(|(i, n)| Step::Rename(i, n)),
        (0usize..20).prop_map(Step::Delete),
    ]
}

proptest! {
    #[test]
    fn search_finds_exactly_what_a_full_scan_finds(steps in prop::collection::vec(step(), 1..30), q in 0..QUERIES.len()) {
        let mut ws = Workspace::new(default_schema(), IdGen::new(9, 0));
        let mut ids: Vec<RecordId> = Vec::new();
        let ctx = Context::user(Millis(2));
        for s in steps {
            match s {
                Step::Create(f, l) => ids.push(create(&mut ws, &[("firstname", NAMES[f]), ("lastname", NAMES[l])])),
                Step::Rename(i, n) if !ids.is_empty() => {
                    let id = ids[i % ids.len()].clone();
                    let _ = ws.execute(Command::UpdateRecord { id, values: vec![("lastname".into(), NAMES[n].into())] }, &ctx);
                }
                Step::Delete(i) if !ids.is_empty() => {
                    let _ = ws.execute(Command::DeleteRecord { id: ids[i % ids.len()].clone() }, &ctx);
                }
                _ => {}
            }
        }
        let text = QUERIES[q];
        let mut got: Vec<RecordId> = search(&ws, "contacts", text, usize::MAX).iter().map(|r| r.id.clone()).collect();
        let mut expected: Vec<RecordId> = ws
            .records_of("contacts")
            .filter(|r| {
                let own: Vec<String> = words(&format!("{} {}", r.text("firstname"), r.text("lastname")));
                words(text).iter().all(|w| own.iter().any(|t| t.starts_with(w.as_str())))
            })
            .map(|r| r.id.clone())
            .collect();
        got.sort();
        expected.sort();
        prop_assert_eq!(got, expected);
    }
}
