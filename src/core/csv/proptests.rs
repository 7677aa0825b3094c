//! Random bytes and mutated files never panic the CSV importer, and whatever it does is
//! exactly its commit: reverting the commit gives back the workspace as it was.

use proptest::prelude::*;

use super::*;
use crate::core::command::{Command, Context};
use crate::core::id::IdGen;
use crate::core::schema::default_schema;
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

const SEED: &str = "Record ID,First Name,Email,Associated Company,Phone Number\n\
    ,Ada,ada@example.com,Acme,+33 1 23 45 67 89\n\
    \"\",\"Grace \"\"G\"\"\",grace@example.com,acme.com,\n\
    ,Linus,\"linus@\nexample.com\",Initech,x\n";

fn workspace() -> Workspace {
    let mut ws = Workspace::new(default_schema(), IdGen::new(4, 0));
    let create = Command::CreateRecord { object: "contacts".into(), values: vec![("email".into(), "ada@example.com".into())] };
    ws.execute(create, &Context::user(Millis(1))).expect("valid");
    ws
}

fn check_import(bytes: &[u8], create_missing: bool) {
    let Ok(table) = parse_csv(bytes) else { return };
    let mut ws = workspace();
    let before = ws.entities();
    let options = ImportOptions { object: "contacts".into(), columns: auto_map(ws.schema(), "contacts", &table.header), create_missing, dedup: Dedup::Update };
    let report = import_table(&mut ws, &table, &options, &Context::user(Millis(5)));
    if report.commit.changes.is_empty() {
        assert_eq!(ws.entities(), before, "changed without a commit");
    }
    assert!(report.created + report.updated + report.problems.len() >= table.rows.len().min(1) || table.rows.is_empty());
    ws.revert(&report.commit);
    assert_eq!(ws.entities(), before, "the commit is not all the import did");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_import(&bytes, true);
    }

    #[test]
    fn mutated_files_never_panic(edits in prop::collection::vec((any::<usize>(), prop::sample::select(vec![b'"', b',', b';', b'\t', b'\n', b'\r', b'x', b'@', b'=', 0xff])), 0..6), create in any::<bool>()) {
        let mut bytes = SEED.as_bytes().to_vec();
        for (at, byte) in edits {
            let at = at % bytes.len();
            if byte == b'x' { bytes.remove(at); } else { bytes[at] = byte; }
        }
        check_import(&bytes, create);
    }

    #[test]
    fn written_cells_read_back(cells in prop::collection::vec(prop::collection::vec("[a-z,;\"\\n\\r\\t =+-@é]{0,8}", 3), 1..5)) {
        let header = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let table = parse_csv(write_csv(&header, &cells, true).as_bytes()).expect("own output parses");
        prop_assert_eq!(table.delimiter, ',');
        let expect: Vec<Vec<String>> = cells.iter().map(|r| r.iter().map(|c| neutralize(c)).collect()).collect();
        let got: Vec<Vec<String>> = table.rows.iter().map(|r| r.cells.clone()).collect();
        // A row of only empty cells is still a row: it has delimiters.
        prop_assert_eq!(got, expect);
    }
}
