use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::owner::OwnerEdit;
use crate::core::schema::default_schema;
use crate::core::value::Value;

fn empty() -> Workspace {
    Workspace::new(default_schema(), IdGen::new(7, 0))
}

/// A workspace with an owner, records with history, a float and a currency amount, an
/// association, a removed association, a binned record and a merge redirect.
pub(crate) fn sample() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(3, 0));
    let mut now = 0;
    let mut run = |ws: &mut Workspace, command: Command| {
        now += 1_000;
        ws.execute(command, &Context::user(Millis(now))).expect("valid").subject
    };
    let create = |object: &str, values: &[(&str, &str)]| Command::CreateRecord {
        object: object.into(),
        values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    };
    run(&mut ws, Command::EditOwner(OwnerEdit::Create { name: "Grace".into(), email: "grace@example.com".into(), team: None }));
    let ada = run(&mut ws, create("contacts", &[("email", "ada@example.com"), ("firstname", "Ada")])).expect("created");
    run(&mut ws, Command::UpdateRecord { id: ada.clone(), values: vec![("firstname".into(), "Augusta Ada".into())] });
    let dup = run(&mut ws, create("contacts", &[("firstname", "Augusta")])).expect("created");
    let acme = run(&mut ws, create("companies", &[("name", "Acme"), ("domain", "acme.com")])).expect("created");
    let big = run(&mut ws, create("deals", &[("dealname", "Big"), ("amount", "1234.56")])).expect("created");
    run(&mut ws, Command::Associate { from: big.clone(), to: acme.clone(), labels: vec![] });
    run(&mut ws, Command::Unassociate { from: big, to: acme.clone() });
    let gone = run(&mut ws, create("contacts", &[("email", "gone@example.com")])).expect("created");
    run(&mut ws, Command::Associate { from: ada.clone(), to: acme.clone(), labels: vec![] });
    run(&mut ws, Command::Associate { from: gone.clone(), to: acme, labels: vec![] });
    run(&mut ws, Command::MergeRecords { primary: ada, secondary: dup });
    run(&mut ws, Command::DeleteRecord { id: gone });
    ws
}

#[test]
fn export_import_export_is_byte_identical() {
    let ws = sample();
    let text = export(&ws, Millis(99));
    let mut fresh = empty();
    let commit = import(&mut fresh, &text).expect("imports");
    assert_eq!(fresh.entities(), ws.entities());
    assert_eq!(export(&fresh, Millis(99)), text);
    assert!(commit.changes.len() >= ws.entities().len());
    assert!(text.starts_with("{\"format\":\"cairn-backup\",\"version\":2,\"exported_at\":99,\"entities\":[\n"));
}

#[test]
fn exporting_from_references_writes_what_the_owned_entities_write() {
    let ws = sample();
    let kinds: BTreeSet<String> = ws.entities().iter().map(|e| format!("{:?}", e.key()).split('(').next().unwrap_or_default().to_string()).collect();
    for kind in ["Record", "Binned", "Edge", "Redirect", "Unlinked", "Owner", "Schema"] {
        assert!(kinds.contains(kind), "the sample holds a {kind}: {kinds:?}");
    }
    assert_eq!(export(&ws, Millis(7)), Backup::of(&ws, Millis(7)).encode());
    let refs: Vec<Entity> = ws.entity_refs().iter().map(EntityRef::to_entity).collect();
    assert_eq!(refs, ws.entities());
}

#[test]
fn the_same_workspace_exports_the_same_bytes() {
    let (a, b) = (sample(), sample());
    assert_eq!(export(&a, Millis(5)), export(&b, Millis(5)));
}

#[test]
fn numbers_survive_bit_for_bit() {
    let mut ws = sample();
    let id = ws.records().next().map(|r| r.id.clone()).expect("a record");
    let tricky = [0.1 + 0.2, f64::MIN_POSITIVE, 1e308, -0.0, 123456789.12345679, 5.0];
    let mut record = ws.record(&id).cloned().expect("exists");
    for (i, x) in tricky.iter().enumerate() {
        record.set(&format!("x{i}"), Some(Value::Number(*x)), Millis(50), crate::core::record::Source::User);
    }
    record.set("big", Some(Value::Int(i64::MAX)), Millis(50), crate::core::record::Source::User);
    ws.put(EntityKey::Record(id.clone()), Some(Entity::Record(record)));
    let mut fresh = empty();
    import(&mut fresh, &export(&ws, Millis(1))).expect("imports");
    let back = fresh.record(&id).expect("restored");
    for (i, x) in tricky.iter().enumerate() {
        match back.get(&format!("x{i}")) {
            Some(Value::Number(y)) => assert_eq!(y.to_bits(), x.to_bits(), "{x}"),
            other => panic!("{x} came back as {other:?}"),
        }
    }
    assert_eq!(back.get("big"), Some(&Value::Int(i64::MAX)));
}

#[test]
fn restoring_into_a_workspace_with_records_is_refused() {
    let mut ws = sample();
    let before = ws.entities();
    assert_eq!(import(&mut ws, &export(&sample(), Millis(1))), Err(BackupError::NotEmpty));
    assert_eq!(ws.entities(), before);
}

/// Replaces the first occurrence of `from` in a valid export.
fn mutate(from: &str, to: &str) -> String {
    let text = export(&sample(), Millis(1));
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

fn kind(result: Result<Backup, BackupError>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(e) => format!("{e:?}").split(['(', ' ', '{']).next().unwrap_or_default().to_string(),
    }
}

#[test]
fn every_bad_input_gets_its_own_error_and_changes_nothing() {
    let good = export(&sample(), Millis(1));
    // The ids of the sample are deterministic; its only live edge links ada to acme.
    let first_record = good.lines().find(|l| l.contains("\"kind\":\"record\"")).expect("a record line").trim_end_matches(',').to_string();
    let edge = good.lines().find(|l| l.contains("\"kind\":\"edge\"")).expect("an edge line").trim_end_matches(',').to_string();
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "Truncated"),
        ("hello".into(), "NotJson"),
        ("\u{0}\u{1}PK\u{3}\u{4}".into(), "NotJson"),
        (good[..good.len() / 2].to_string(), "Truncated"),
        ("[1, 2]".into(), "NotABackup"),
        (good.replacen("cairn-backup", "other-app", 1), "NotABackup"),
        (good.replacen("\"version\":2", "\"version\":3", 1), "UnsupportedVersion"),
        (good.replacen("\"version\":2", "\"version\":\"2\"", 1), "UnsupportedVersion"),
        (good.replacen("\"exported_at\":1", "\"exported_at\":\"today\"", 1), "WrongType"),
        (good.replacen("\"exported_at\":1", "\"exported_at\":1,\"extra\":true", 1), "UnknownField"),
        (good.replacen("\"exported_at\":1", "\"exported_at\":1,\"exported_at\":2", 1), "DuplicateKey"),
        (mutate("\"number\":", "\"numbr\":0,\"number\":"), "UnknownField"),
        (mutate("\"number\":", "\"number\":\"one\",\"x\":"), "WrongType"),
        (mutate("\"object\":", "\"object\":1,\"object\":"), "DuplicateKey"),
        (good.replacen(&first_record, &format!("{first_record},\n{first_record}"), 1), "DuplicateEntity"),
        (good.replacen(&edge, &edge.replace("00000001YG000000000C000002", "0000000000000000000C000999"), 1), "DanglingAssociation"),
        (good.replacen(good.lines().nth(1).expect("schema line"), "{\"kind\":\"redirect\",\"from\":\"Z\",\"to\":\"Y\"},", 1), "MissingSchema"),
        (format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000)), "TooDeep"),
        (format!("{{\"a\":{}}}", "{\"a\":".repeat(200) + "1" + &"}".repeat(200)), "TooDeep"),
    ];
    for (text, expected) in cases {
        let mut ws = empty();
        let before = ws.entities();
        let result = parse(&text);
        assert_eq!(kind(result.clone()), expected, "{:.200}", text);
        assert!(import(&mut ws, &text).is_err());
        assert_eq!(ws.entities(), before, "{expected}");
        if let Err(e) = result {
            assert!(!e.to_string().is_empty());
            let _ = e.msg();
        }
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let text = " ".repeat(MAX_BYTES + 1);
    assert_eq!(parse(&text), Err(BackupError::TooLarge { size: MAX_BYTES + 1 }));
}

#[test]
fn errors_read_as_translated_sentences() {
    use crate::core::i18n::{tr, Lang};
    assert_eq!(tr(Lang::En, BackupError::NotABackup.msg()), "This file is not a Cairn backup.");
    assert_eq!(tr(Lang::Fr, BackupError::NotEmpty.msg()), "Cet espace contient déjà des enregistrements. Fusionnez la sauvegarde au lieu de la restaurer.");
}

#[test]
fn the_documented_json_schema_describes_the_envelope() {
    let schema: serde_json::Value = serde_json::from_str(include_str!("../../../docs/cairn-backup.schema.json")).expect("valid JSON");
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
    assert_eq!(schema["properties"]["version"]["const"], VERSION);
    let kinds: BTreeSet<String> = schema["$defs"]["entity"]["oneOf"].as_array().expect("kinds").iter().filter_map(|k| k["properties"]["kind"]["const"].as_str().map(String::from)).collect();
    let exported: BTreeSet<String> = sample().entities().iter().map(|e| canonical(e)["kind"].as_str().unwrap_or_default().to_string()).collect();
    assert!(exported.is_subset(&kinds), "{exported:?} vs {kinds:?}");
}

#[test]
fn a_version_1_backup_still_imports_and_merges() {
    // Written by the first release: links without times, no tombstones.
    let text = include_str!("../../../tests/fixtures/backup-v1.json");
    assert!(text.contains("\"version\":1") && !text.contains("unlinked"));
    let mut ws = empty();
    import(&mut ws, text).expect("a version 1 file imports");
    let ada = ws.find_unique("contacts", "email", &crate::core::value::Value::Text("ada@example.com".into())).map(|r| r.id.clone()).expect("ada");
    assert_eq!(ws.associations().ids(&ada, "companies").count(), 1);
    assert!(ws.associations().edges().all(|e| e.at == Millis(0)), "links from version 1 have no time");
    assert_eq!(ws.binned().count(), 1);
    // Exported again, it is a version 2 file with the same entities.
    let again = export(&ws, Millis(99));
    assert!(again.starts_with("{\"format\":\"cairn-backup\",\"version\":2,"));
    // Version 1 had no pipelines; the defaults a workspace always has are exported now.
    let without_pipelines = |b: Backup| b.entities.into_iter().filter(|e| !matches!(e, Entity::Pipeline(_))).collect::<Vec<_>>();
    assert_eq!(parse(&again).map(without_pipelines), parse(text).map(|b| b.entities));
    // Merged into a workspace that removed that link since, the removal wins.
    let mut newer = empty();
    import(&mut newer, text).expect("imports");
    let acme = ws.associations().ids(&ada, "companies").next().cloned().expect("acme");
    newer.execute(Command::Unassociate { from: ada.clone(), to: acme }, &Context::user(Millis(50_000))).expect("unlinked");
    crate::core::sync::merge_text(&mut newer, text).expect("merges");
    assert_eq!(newer.associations().ids(&ada, "companies").count(), 0);
}
