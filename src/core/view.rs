//! What the record tables show, computed here so that the UI only renders.

use super::id::RecordId;
use super::record::Record;
use super::workspace::Workspace;

/// One row of a record table: the id and the display text of each requested column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub id: RecordId,
    pub cells: Vec<String>,
}

/// The records of an object as rows, newest first (ties broken by id so order is stable).
pub fn rows(ws: &Workspace, object: &str, columns: &[&str]) -> Vec<Row> {
    let mut records: Vec<&Record> = ws.records_of(object).collect();
    records.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
    records
        .into_iter()
        .map(|r| Row { id: r.id.clone(), cells: columns.iter().map(|c| r.text(c)).collect() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::{Command, Context};
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;
    use crate::core::time::Millis;

    #[test]
    fn rows_list_newest_first_with_requested_columns() {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        for (t, name) in [(1, "Ada"), (3, "Grace"), (2, "Linus")] {
            let cmd = Command::CreateRecord { object: "contacts".into(), values: vec![("firstname".into(), name.into())] };
            ws.execute(cmd, &Context::user(Millis(t))).expect("valid");
        }
        let names: Vec<String> = rows(&ws, "contacts", &["firstname", "email"]).into_iter().map(|r| r.cells.join("|")).collect();
        assert_eq!(names, ["Grace|", "Linus|", "Ada|"]);
    }
}
