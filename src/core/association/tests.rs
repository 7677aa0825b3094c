use super::*;
use crate::core::schema::default_schema;

fn id(s: &str) -> RecordId {
    RecordId::from(s.to_string())
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn reports_to() -> AssociationDef {
    AssociationDef::new("contacts", "contacts")
        .with_label(LabelDef::paired(("manager", "Manager"), ("employee", "Employee")).max_from_a(1))
        .with_label(LabelDef::single("spouse", "Spouse"))
}

fn employment() -> AssociationDef {
    AssociationDef::new("contacts", "companies")
        .with_label(LabelDef::single("primary", "Primary").max_from_a(1))
        .with_label(LabelDef::paired(("employer", "Employer"), ("employee", "Employee")))
}

/// Builds the edge from `x` seeing `y` with `views`, then reads it from both ends.
fn check(def: &AssociationDef, x: (&str, &str), y: (&str, &str), views: &[&str], expect: Result<(&[&str], &[&str]), &str>) {
    let (xi, yi) = (id(x.0), id(y.0));
    let built = Edge::build(def, End { id: &xi, object: x.1 }, End { id: &yi, object: y.1 }, &names(views));
    match (built, expect) {
        (Ok(edge), Ok((from_x, from_y))) => {
            assert_eq!(edge.labels_from(def, &xi), names(from_x), "{views:?} seen from {}", x.0);
            assert_eq!(edge.labels_from(def, &yi), names(from_y), "{views:?} seen from {}", y.0);
            assert_eq!(edge.key(), pair_key(&yi, &xi));
        }
        (Err(AssociationError::UnknownLabel(label)), Err(expected)) => assert_eq!(label, expected),
        (got, expected) => panic!("{views:?}: got {got:?}, expected {expected:?}"),
    }
}

#[test]
fn labels_read_from_each_end() {
    let (r, e) = (reports_to(), employment());
    let none: &[&str] = &[];
    // Unlabeled, single and paired labels, from either side and in either id order.
    check(&e, ("C", "contacts"), ("K", "companies"), &[], Ok((none, none)));
    check(&e, ("C", "contacts"), ("K", "companies"), &["primary"], Ok((&["primary"], &["primary"])));
    check(&e, ("K", "companies"), ("C", "contacts"), &["employee"], Ok((&["employee"], &["employer"])));
    check(&e, ("C", "contacts"), ("K", "companies"), &["employer", "primary"], Ok((&["employer", "primary"], &["employee", "primary"])));
    check(&r, ("A", "contacts"), ("B", "contacts"), &["manager"], Ok((&["manager"], &["employee"])));
    check(&r, ("B", "contacts"), ("A", "contacts"), &["manager"], Ok((&["manager"], &["employee"])));
    check(&r, ("B", "contacts"), ("A", "contacts"), &["employee", "spouse"], Ok((&["employee", "spouse"], &["manager", "spouse"])));
    // A view belongs to one side between different objects, to both within one object.
    check(&e, ("C", "contacts"), ("K", "companies"), &["employee"], Err("employee"));
    check(&e, ("K", "companies"), ("C", "contacts"), &["employer"], Err("employer"));
    check(&r, ("A", "contacts"), ("B", "contacts"), &["boss"], Err("boss"));
}

#[test]
fn an_edge_has_one_orientation_whichever_end_creates_it() {
    let (r, e) = (reports_to(), employment());
    let (a, b, k) = (id("A"), id("B"), id("K"));
    let from_a = Edge::build(&r, End { id: &a, object: "contacts" }, End { id: &b, object: "contacts" }, &names(&["manager"]));
    let from_b = Edge::build(&r, End { id: &b, object: "contacts" }, End { id: &a, object: "contacts" }, &names(&["employee"]));
    assert_eq!(from_a, from_b);
    let from_k = Edge::build(&e, End { id: &k, object: "companies" }, End { id: &a, object: "contacts" }, &names(&["primary"]));
    assert_eq!(from_k.map(|e| (e.a, e.b_object)), Ok((a, "companies".into())));
}

#[test]
fn repointing_keeps_what_the_other_end_sees() {
    let r = reports_to();
    let (a, b, z) = (id("A"), id("B"), id("Z"));
    // B sees A as its manager; A is merged into Z, which sorts after B: the orientation flips.
    let edge = Edge::build(&r, End { id: &b, object: "contacts" }, End { id: &a, object: "contacts" }, &names(&["manager"])).expect("valid");
    let moved = edge.repoint(&r, &a, &z);
    assert_eq!(moved.labels_from(&r, &b), names(&["manager"]));
    assert_eq!(moved.labels_from(&r, &z), names(&["employee"]));
    assert_eq!((moved.a.to_string(), moved.b.to_string()), ("B".to_string(), "Z".to_string()));
}

#[test]
fn definitions_are_validated() {
    let schema = default_schema();
    let cases: Vec<(AssociationDef, bool)> = vec![
        (employment(), true),
        (reports_to(), true),
        (AssociationDef::new("contacts", "spaceships"), false),
        (AssociationDef::new("contacts", "deals").with_label(LabelDef::single("Bad Name", "x")), false),
        (AssociationDef::new("contacts", "deals").with_label(LabelDef::single("blank", " ")), false),
        (AssociationDef::new("contacts", "deals").with_label(LabelDef::single("x", "X")).with_label(LabelDef::paired(("y", "Y"), ("x", "X2"))), false),
        (AssociationDef::new("contacts", "deals").with_label(LabelDef { b: LabelView { text: "Other".into(), ..LabelDef::single("x", "X").a }, ..LabelDef::single("x", "X") }), false),
        // Within one object a single label and the link count read the same both ways.
        (AssociationDef::new("contacts", "contacts").with_label(LabelDef::single("spouse", "Spouse").max_from_a(1)), false),
        (AssociationDef { max_b_per_a: Some(1), ..AssociationDef::new("contacts", "contacts") }, false),
        (AssociationDef { max_b_per_a: Some(1), ..AssociationDef::new("contacts", "deals") }, true),
    ];
    for (def, valid) in cases {
        assert_eq!(def.validate(&schema).is_ok(), valid, "{def:?}");
    }
}

#[test]
fn reversing_a_definition_swaps_sides_and_limits() {
    let def = AssociationDef { max_a_per_b: Some(3), ..employment() };
    let reversed = def.reversed();
    assert_eq!((reversed.a.as_str(), reversed.max_b_per_a, reversed.max_a_per_b), ("companies", Some(3), None));
    assert_eq!(reversed.view("contacts", "primary").and_then(|v| v.max), Some(1));
    assert_eq!(reversed.reversed(), def);
}

#[test]
fn definitions_and_edges_round_trip_through_json() {
    let defs = AssociationDefs { defs: vec![reports_to(), employment()] };
    let json = serde_json::to_string(&defs).expect("serializes");
    assert_eq!(serde_json::from_str::<AssociationDefs>(&json).expect("parses"), defs);
    let (a, k) = (id("A"), id("K"));
    let edge = Edge::build(&employment(), End { id: &a, object: "contacts" }, End { id: &k, object: "companies" }, &names(&["primary"])).expect("valid");
    let json = serde_json::to_string(&edge).expect("serializes");
    assert_eq!(serde_json::from_str::<Edge>(&json).expect("parses"), edge);
}
