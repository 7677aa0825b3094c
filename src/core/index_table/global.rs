//! Search across every object at once, for the global search dialog.

use crate::core::id::RecordId;
use crate::core::schema::ObjectKind;
use crate::core::search::search;
use crate::core::workspace::Workspace;

use super::cell_text;

/// One object's matches: its internal name, its plural label and up to `per_object` hits
/// as (id, primary text).
#[derive(Clone, Debug, PartialEq)]
pub struct SearchGroup {
    pub object: String,
    pub plural: String,
    pub hits: Vec<(RecordId, String)>,
}

/// The records matching `text` in every enabled object, grouped by object in schema order;
/// objects without a match are left out, and so is empty text.
pub fn global_search(ws: &Workspace, text: &str, per_object: usize) -> Vec<SearchGroup> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    ws.schema()
        .objects
        .iter()
        .filter(|o| o.enabled && o.kind != ObjectKind::Activity)
        .filter_map(|def| {
            let hits: Vec<(RecordId, String)> =
                search(ws, &def.name, text, per_object).into_iter().map(|r| (r.id.clone(), cell_text(ws, def, r, &def.primary_property))).collect();
            (!hits.is_empty()).then(|| SearchGroup { object: def.name.clone(), plural: def.plural.clone(), hits })
        })
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
    fn results_are_grouped_by_object_and_capped() {
        let mut ws = Workspace::new(default_schema(), IdGen::new(5, 0));
        let ctx = Context::user(Millis(1));
        for name in ["Acme one", "Acme two", "Acme three"] {
            ws.execute(Command::CreateRecord { object: "companies".into(), values: vec![("name".into(), name.into())] }, &ctx).expect("valid");
        }
        ws.execute(Command::CreateRecord { object: "contacts".into(), values: vec![("firstname".into(), "Acmeo".into())] }, &ctx).expect("valid");
        let groups = global_search(&ws, "acme", 2);
        let summary: Vec<(&str, usize)> = groups.iter().map(|g| (g.object.as_str(), g.hits.len())).collect();
        assert_eq!(summary, [("contacts", 1), ("companies", 2)]);
        assert_eq!(groups[0].hits[0].1, "Acmeo");
        assert!(global_search(&ws, "  ", 5).is_empty());
    }
}
