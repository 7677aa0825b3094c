use std::collections::{BTreeSet, HashSet};

use super::*;
use crate::core::command::Command;
use crate::core::i18n::Lang;
use crate::core::query::{Operator, Query, SEGMENT_PROPERTY};
use crate::core::segment::{Rule, SegmentEdit};
use crate::core::workspace::fixtures::Fixture;

fn contact(fx: &mut Fixture, first: &str, stage: &str) -> RecordId {
    let values = vec![("firstname".to_string(), first.to_string()), ("lifecyclestage".to_string(), stage.to_string())];
    fx.run(Command::CreateRecord { object: "contacts".into(), values }).expect("valid").subject.expect("created")
}

fn def(fx: &Fixture) -> crate::core::schema::ObjectDef {
    fx.ws.schema().object("contacts").cloned().expect("contacts")
}

#[test]
fn operators_and_inputs_follow_the_property_type() {
    let fx = Fixture::new();
    let def = def(&fx);
    assert!(operators(&def, "firstname").contains(&Operator::Contains));
    assert!(!operators(&def, "lifecyclestage").contains(&Operator::Contains));
    assert_eq!(operators(&def, SEGMENT_PROPERTY), [Operator::InSegment, Operator::NotInSegment]);
    assert_eq!(operand_input(&fx.ws, &def, "firstname", Operator::Is, Lang::En), OperandInput::Text);
    assert_eq!(operand_input(&fx.ws, &def, "firstname", Operator::IsKnown, Lang::En), OperandInput::None);
    assert_eq!(operand_input(&fx.ws, &def, "createdate", Operator::Before, Lang::En), OperandInput::Date);
    assert_eq!(operand_input(&fx.ws, &def, "createdate", Operator::InLastDays, Lang::En), OperandInput::Days);
    let OperandInput::Choice(options) = operand_input(&fx.ws, &def, "lifecyclestage", Operator::Is, Lang::En) else { panic!("a select") };
    assert!(options.contains(&("customer".into(), "Customer".into())));
    assert!(matches!(operand_input(&fx.ws, &def, "lifecyclestage", Operator::IsAnyOf, Lang::En), OperandInput::Choices(_)));
}

#[test]
fn operands_round_trip_through_the_builder() {
    let ops = [
        Op::Is { value: "a".into() },
        Op::Between { from: "1".into(), to: "9".into() },
        Op::IsAnyOf { values: vec!["a".into(), "b".into()] },
        Op::InLastDays { days: 7 },
        Op::IsUnknown,
        Op::InSegment { segment: "S".into() },
    ];
    for op in ops {
        assert_eq!(build_op(op.operator(), &operands(&op)), op);
    }
}

#[test]
fn half_typed_conditions_are_left_out_of_the_query_with_their_problem() {
    let mut fx = Fixture::new();
    contact(&mut fx, "Ada", "customer");
    let def = def(&fx);
    let filter = Filter {
        groups: vec![
            Group { conditions: vec![Condition::new("firstname", Op::Contains { value: " ".into() }), Condition::new("lifecyclestage", Op::Is { value: "martian".into() })] },
            Group { conditions: vec![Condition::new("lifecyclestage", Op::Is { value: "customer".into() })] },
        ],
    };
    let (run, problems) = runnable(&fx.ws, &def, &filter, Millis(fx.now));
    assert_eq!(run.groups, vec![filter.groups[1].clone()], "the empty first group is dropped");
    assert_eq!(problems.iter().map(|(at, _)| *at).collect::<Vec<_>>(), [(0, 1)]);
}

#[test]
fn chips_read_as_sentences_with_labels_and_names() {
    let mut fx = Fixture::new();
    let ada = contact(&mut fx, "Ada", "customer");
    fx.run(Command::EditSegment(SegmentEdit::Create { object: "contacts".into(), name: "VIPs".into(), rule: Rule::Static { members: BTreeSet::from([ada]) } })).expect("valid");
    let vip = fx.ws.segments().next().map(|s| s.id.to_string()).expect("stored");
    let def = def(&fx);
    let chip = |c: Condition| summary(&fx.ws, &def, &c, Lang::En);
    assert_eq!(chip(Condition::new("lifecyclestage", Op::Is { value: "customer".into() })), "Lifecycle stage is Customer");
    assert_eq!(chip(Condition::new("createdate", Op::InLastDays { days: 7 })), "Create date is in the last 7 days");
    assert_eq!(chip(Condition::new("firstname", Op::IsKnown)), "First name is known");
    assert_eq!(chip(Condition::new(SEGMENT_PROPERTY, Op::InSegment { segment: vip })), "Segment membership is member of segment VIPs");
    assert!(filter_properties(&fx.ws, &def, Lang::En).iter().any(|(name, _)| name == SEGMENT_PROPERTY));
    // Default labels and options read in the user's language, in the chip and the menus.
    let french = summary(&fx.ws, &def, &Condition::new("lifecyclestage", Op::Is { value: "customer".into() }), Lang::Fr);
    assert!(french.starts_with("Phase du cycle de vie") && french.ends_with("Client"), "{french}");
    assert!(filter_properties(&fx.ws, &def, Lang::Fr).iter().any(|(name, label)| name == "firstname" && label == "Prénom"));
    let OperandInput::Choice(options) = operand_input(&fx.ws, &def, "lifecyclestage", Operator::Is, Lang::Fr) else { panic!("a select") };
    assert!(options.iter().any(|(value, label)| value == "customer" && label == "Client"));
}

#[test]
fn export_writes_the_selection_or_the_whole_view_in_its_order() {
    let mut fx = Fixture::new();
    let ada = contact(&mut fx, "Ada", "customer");
    contact(&mut fx, "=cmd", "customer");
    contact(&mut fx, "Bob", "lead");
    let filter = Filter { groups: vec![Group { conditions: vec![Condition::new("lifecyclestage", Op::Is { value: "customer".into() })] }] };
    let query = Query { object: "contacts".into(), filter, sort: Some(crate::core::query::Sort { property: "firstname".into(), descending: false }) };
    let columns = vec!["firstname".to_string(), "lifecyclestage".to_string()];
    let all = export_view(&fx.ws, &query, "", &columns, None, Millis(fx.now)).expect("runs");
    assert_eq!(all, "\u{feff}First name,Lifecycle stage\r\n'=cmd,customer\r\nAda,customer\r\n");
    let picked = export_view(&fx.ws, &query, "", &columns, Some(&HashSet::from([ada])), Millis(fx.now)).expect("runs");
    assert_eq!(picked, "\u{feff}First name,Lifecycle stage\r\nAda,customer\r\n");
    assert_eq!(export_file_name("contacts", Millis(0)), "contacts-1970-01-01.csv");
}
