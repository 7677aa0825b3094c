use super::*;
use crate::core::command::{Command, CommandError, Context};
use crate::core::id::{IdGen, RecordId};
use crate::core::schema::default_schema;
use crate::core::time::Millis;
use crate::core::workspace::Workspace;

const DAY: i64 = Millis::DAY;

struct Bench {
    ws: Workspace,
    now: i64,
}

impl Bench {
    fn new() -> Self {
        Bench { ws: Workspace::new(default_schema(), IdGen::new(5, 0)), now: 1_767_225_600_000 } // 2026-01-01
    }
    fn at(&mut self, days: i64) -> Context {
        Context::user(Millis(1_767_225_600_000 + days * DAY))
    }
    fn run(&mut self, command: Command) -> Result<crate::core::change::Commit, CommandError> {
        self.now += 1_000;
        let ctx = Context::user(Millis(self.now));
        self.ws.execute(command, &ctx)
    }
    fn deal(&mut self, values: &[(&str, &str)]) -> Result<RecordId, CommandError> {
        let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Ok(self.run(Command::CreateRecord { object: "deals".into(), values })?.subject.unwrap_or_default())
    }
    fn update(&mut self, id: &RecordId, values: &[(&str, &str)]) -> Result<(), CommandError> {
        let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        self.run(Command::UpdateRecord { id: id.clone(), values }).map(|_| ())
    }
    fn edit(&mut self, edit: PipelineEdit) -> Result<crate::core::change::Commit, CommandError> {
        self.run(Command::EditPipeline(edit))
    }
    fn text(&self, id: &RecordId, property: &str) -> String {
        self.ws.record(id).map(|r| r.text(property)).unwrap_or_default()
    }
    fn sales(&self) -> Pipeline {
        self.ws.pipelines().get("default").cloned().expect("default pipeline")
    }
}

fn settings(probability: u8, state: StageState, required: &[&str]) -> StageSettings {
    StageSettings { probability, state, required: required.iter().map(|s| s.to_string()).collect(), category: None }
}

#[test]
fn defaults_are_hubspots_sales_and_support_pipelines() {
    let ws = Bench::new().ws;
    let sales = ws.pipelines().of_object("deals");
    assert_eq!(sales.len(), 1);
    assert_eq!(sales[0].label, "Sales Pipeline");
    let figures: Vec<(&str, u8, StageState)> = sales[0].stages.iter().map(|s| (s.label.as_str(), s.probability, s.state)).collect();
    use StageState::*;
    assert_eq!(
        figures,
        [
            ("Appointment scheduled", 20, Open),
            ("Qualified to buy", 40, Open),
            ("Presentation scheduled", 60, Open),
            ("Decision maker bought-in", 80, Open),
            ("Contract sent", 90, Open),
            ("Closed won", 100, Won),
            ("Closed lost", 0, Lost)
        ]
    );
    let support = ws.pipelines().of_object("tickets");
    let labels: Vec<(&str, StageState)> = support[0].stages.iter().map(|s| (s.label.as_str(), s.state)).collect();
    assert_eq!(support[0].label, "Support Pipeline");
    assert_eq!(labels, [("New", Open), ("Waiting on contact", Open), ("Waiting on us", Open), ("Closed", Closed)]);
}

#[test]
fn a_stage_must_belong_to_the_records_pipeline_and_labels_resolve_to_ids() {
    let mut b = Bench::new();
    let id = b.deal(&[("dealname", "A"), ("dealstage", "Qualified to buy")]).expect("a label is accepted");
    assert_eq!((b.text(&id, "dealstage").as_str(), b.text(&id, "pipeline").as_str()), ("qualifiedtobuy", "default"));
    assert_eq!(b.deal(&[("dealstage", "nowhere")]), Err(CommandError::Pipeline(PipelineError::UnknownStage("nowhere".into()))));
    assert_eq!(b.deal(&[("pipeline", "nope"), ("dealstage", "closedwon")]), Err(CommandError::Pipeline(PipelineError::UnknownPipeline("nope".into()))));
    let plain = b.deal(&[("dealname", "No stage")]).expect("a deal without a stage is fine");
    assert_eq!(b.text(&plain, "dealstage"), "");
    let only_pipeline = b.deal(&[("pipeline", "default")]).expect("valid");
    assert_eq!(b.text(&only_pipeline, "dealstage"), "appointmentscheduled", "a pipeline alone starts at its first stage");
}

#[test]
fn entering_a_stage_with_required_properties_refuses_without_them() {
    let mut b = Bench::new();
    b.edit(PipelineEdit::SetStage { pipeline: "default".into(), stage: "contractsent".into(), settings: settings(90, StageState::Open, &["amount", "closedate"]) }).expect("valid");
    let id = b.deal(&[("dealname", "A"), ("dealstage", "qualifiedtobuy")]).expect("valid");
    let refused = b.update(&id, &[("dealstage", "contractsent"), ("amount", "10")]);
    assert_eq!(refused, Err(CommandError::Pipeline(PipelineError::MissingRequired { stage: "Contract sent".into(), properties: vec!["closedate".into()] })));
    assert_eq!(b.text(&id, "dealstage"), "qualifiedtobuy", "a refused move changes nothing");
    b.update(&id, &[("dealstage", "contractsent"), ("amount", "10"), ("closedate", "2026-05-01")]).expect("given in the same write");
    assert_eq!(b.text(&id, "dealstage"), "contractsent");
    b.update(&id, &[("dealname", "B")]).expect("other edits in the stage are not checked again");
    let record = b.ws.record(&id).cloned().expect("kept");
    assert_eq!(record.get("hs_deal_stage_probability"), Some(&crate::core::value::Value::Number(0.9)), "the probability follows the stage");
    assert_eq!(record.get("hs_projected_amount"), Some(&crate::core::value::Value::Int(900)), "10.00 × 90 %");
}

#[test]
fn rules_forbid_skipping_and_moving_backwards_but_closing_is_always_allowed() {
    let mut b = Bench::new();
    let rules = PipelineRules { no_skipping: true, no_backwards: true };
    b.edit(PipelineEdit::SetRules { pipeline: "default".into(), rules, stalled_after_days: Some(14) }).expect("valid");
    let id = b.deal(&[("dealstage", "qualifiedtobuy")]).expect("valid");
    let skip = b.update(&id, &[("dealstage", "contractsent")]);
    assert_eq!(skip, Err(CommandError::Pipeline(PipelineError::SkipsStages { from: "Qualified to buy".into(), to: "Contract sent".into() })));
    let back = b.update(&id, &[("dealstage", "appointmentscheduled")]);
    assert_eq!(back, Err(CommandError::Pipeline(PipelineError::MovesBackwards { from: "Qualified to buy".into(), to: "Appointment scheduled".into() })));
    b.update(&id, &[("dealstage", "presentationscheduled")]).expect("the next stage");
    b.update(&id, &[("dealstage", "closedlost")]).expect("a deal can be lost from any stage");
    assert_eq!(b.sales().stalled_after_days, Some(14));
}

#[test]
fn entering_a_closed_stage_sets_an_empty_close_date_only() {
    let mut b = Bench::new();
    let id = b.deal(&[("dealstage", "contractsent")]).expect("valid");
    let ctx = b.at(40); // 2026-02-10
    let values = vec![("dealstage".to_string(), "closedwon".to_string())];
    b.ws.execute(Command::UpdateRecord { id: id.clone(), values }, &ctx).expect("valid");
    assert_eq!(b.text(&id, "closedate"), "2026-02-10");
    let dated = b.deal(&[("dealstage", "contractsent"), ("closedate", "2025-12-24")]).expect("valid");
    b.update(&dated, &[("dealstage", "closedlost")]).expect("valid");
    assert_eq!(b.text(&dated, "closedate"), "2025-12-24", "a close date already set is kept");
}

#[test]
fn moving_to_another_pipeline_maps_the_stage_by_id_or_label_else_the_first() {
    let mut b = Bench::new();
    let created = b.edit(PipelineEdit::Create { object: "deals".into(), label: "Renewals".into() }).expect("valid");
    let Some(crate::core::change::Entity::Pipeline(renewals)) = &created.changes[0].after else { panic!("a pipeline") };
    let rid = renewals.id.0.clone();
    for label in ["Talking", "Contract sent", "Closed won"] {
        let state = if label == "Closed won" { StageState::Won } else { StageState::Open };
        b.edit(PipelineEdit::AddStage { pipeline: rid.clone(), label: label.into(), settings: settings(50, state, &[]) }).expect("valid");
    }
    let renewals = b.ws.pipelines().get(&rid).cloned().expect("kept");
    assert_eq!(renewals.stages.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), ["Talking", "Contract sent", "Closed won"]);
    let sent = b.deal(&[("dealstage", "contractsent")]).expect("valid");
    b.update(&sent, &[("pipeline", &rid)]).expect("valid");
    assert_eq!(b.text(&sent, "dealstage"), renewals.stages[1].id, "same label");
    let early = b.deal(&[("dealstage", "qualifiedtobuy")]).expect("valid");
    b.update(&early, &[("pipeline", "Renewals")]).expect("a pipeline by its name");
    assert_eq!((b.text(&early, "pipeline"), b.text(&early, "dealstage")), (rid.clone(), renewals.stages[0].id.clone()), "no match: the first stage");
    assert_eq!(b.update(&early, &[("dealstage", "closedwon")]), Err(CommandError::Pipeline(PipelineError::UnknownStage("closedwon".into()))), "a stage of another pipeline");
}

#[test]
fn deleting_a_stage_moves_its_records_where_asked_and_reverts_exactly() {
    let mut b = Bench::new();
    let ids: Vec<RecordId> = (0..3).map(|_| b.deal(&[("dealstage", "presentationscheduled"), ("amount", "100")]).expect("valid")).collect();
    let refused = b.edit(PipelineEdit::DeleteStage { pipeline: "default".into(), stage: "presentationscheduled".into(), move_to: None });
    assert_eq!(refused, Err(CommandError::Pipeline(PipelineError::StageInUse(3))));
    let before = b.ws.entities();
    let commit = b
        .edit(PipelineEdit::DeleteStage { pipeline: "default".into(), stage: "presentationscheduled".into(), move_to: Some("qualifiedtobuy".into()) })
        .expect("valid");
    assert!(ids.iter().all(|id| b.text(id, "dealstage") == "qualifiedtobuy"));
    assert_eq!(b.sales().stages.len(), 6);
    let totals = crate::core::board::board_totals(&b.ws, &crate::core::board::BoardSpec::of(&b.sales()));
    assert_eq!(totals[1].count, 3);
    b.ws.revert(&commit);
    assert_eq!(b.ws.entities(), before);
}

#[test]
fn stage_edits_rename_reorder_and_delete_pipelines_only_when_empty() {
    let mut b = Bench::new();
    b.edit(PipelineEdit::RenameStage { pipeline: "default".into(), stage: "qualifiedtobuy".into(), label: " Qualified ".into() }).expect("valid");
    b.edit(PipelineEdit::MoveStage { pipeline: "default".into(), stage: "contractsent".into(), to: 0 }).expect("valid");
    let sales = b.sales();
    assert_eq!((sales.stages[0].id.as_str(), sales.stages[2].label.as_str()), ("contractsent", "Qualified"));
    assert_eq!(b.edit(PipelineEdit::Rename { pipeline: "default".into(), label: "  ".into() }), Err(CommandError::Pipeline(PipelineError::EmptyLabel)));
    assert_eq!(
        b.edit(PipelineEdit::SetStage { pipeline: "default".into(), stage: "closedwon".into(), settings: settings(101, StageState::Won, &[]) }),
        Err(CommandError::Pipeline(PipelineError::Probability))
    );
    assert_eq!(b.edit(PipelineEdit::Create { object: "contacts".into(), label: "X".into() }), Err(CommandError::Pipeline(PipelineError::NoPipelines("contacts".into()))));
    let id = b.deal(&[("dealstage", "closedwon")]).expect("valid");
    assert_eq!(b.edit(PipelineEdit::Delete { pipeline: "default".into() }), Err(CommandError::Pipeline(PipelineError::PipelineInUse(1))));
    b.run(Command::DeleteRecord { id }).expect("valid");
    b.edit(PipelineEdit::Delete { pipeline: "default".into() }).expect("empty now");
    assert!(b.ws.pipelines().of_object("deals").is_empty());
    assert!(b.ws.entities().iter().any(|e| matches!(e, crate::core::change::Entity::Pipeline(p) if p.deleted)), "kept as a tombstone");
}

#[test]
fn a_deleted_default_pipeline_stays_deleted_after_reloading_a_snapshot() {
    let mut b = Bench::new();
    b.edit(PipelineEdit::Delete { pipeline: "0".into() }).expect("valid");
    let mut fresh = Workspace::new(default_schema(), IdGen::new(6, 0));
    for entity in b.ws.entities() {
        fresh.put(entity.key(), Some(entity));
    }
    assert!(fresh.pipelines().of_object("tickets").is_empty());
}

#[test]
fn sync_unites_the_stages_of_both_sides_and_reports_differing_settings() {
    let base = default_pipelines().remove(0);
    let mut ours = base.clone();
    ours.stages.insert(2, Stage::new("demo", "Demo", 50, StageState::Open));
    ours.stages[0].probability = 10;
    let mut theirs = base.clone();
    theirs.stages.insert(5, Stage::new("legal", "Legal review", 95, StageState::Open));
    let (merged, conflicts) = merge_pipeline(&ours, &theirs);
    let ids: Vec<&str> = merged.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["appointmentscheduled", "qualifiedtobuy", "demo", "presentationscheduled", "decisionmakerboughtin", "contractsent", "legal", "closedwon", "closedlost"]);
    assert_eq!(conflicts, [PipelineConflict { pipeline: "default".into(), stage: "appointmentscheduled".into() }]);
    assert_eq!(merged.stages[0].probability, 10, "ours kept");
    theirs.deleted = true;
    assert!(merge_pipeline(&ours, &theirs).0.deleted, "a deletion wins");
}

#[test]
fn sync_of_a_backup_carries_pipelines_between_devices() {
    let mut phone = Bench::new();
    phone.edit(PipelineEdit::AddStage { pipeline: "default".into(), label: "Demo".into(), settings: settings(50, StageState::Open, &[]) }).expect("valid");
    let text = crate::core::backup::export(&phone.ws, Millis(1));
    let mut laptop = Bench::new();
    let report = crate::core::sync::merge_text(&mut laptop.ws, &text).expect("valid backup");
    assert!(laptop.sales().stages.iter().any(|s| s.label == "Demo"));
    assert!(report.pipeline_conflicts.is_empty());
    let mut restored = Workspace::new(default_schema(), IdGen::new(7, 0));
    crate::core::backup::import(&mut restored, &text).expect("the strict reader accepts pipelines");
    assert_eq!(restored.pipelines(), phone.ws.pipelines());
}

#[test]
fn stage_history_gives_entries_exits_latest_and_cumulative_time() {
    let mut b = Bench::new();
    let id = b.deal(&[("dealstage", "qualifiedtobuy")]).expect("valid");
    let start = b.now;
    let move_at = |b: &mut Bench, days: i64, stage: &str| {
        let ctx = Context::user(Millis(start + days * DAY));
        b.ws.execute(Command::UpdateRecord { id: id.clone(), values: vec![("dealstage".into(), stage.into())] }, &ctx).expect("valid");
    };
    move_at(&mut b, 3, "contractsent"); // 3 days qualified
    move_at(&mut b, 5, "qualifiedtobuy"); // 2 days contract
    move_at(&mut b, 9, "closedwon"); // 4 more days qualified
    let record = b.ws.record(&id).cloned().expect("kept");
    let times = stage_times(&record, Millis(start + 10 * DAY));
    let find = |s: &str| times.iter().find(|t| t.stage == s).cloned().expect("visited");
    let qualified = find("qualifiedtobuy");
    assert_eq!((qualified.latest, qualified.cumulative), (4 * DAY, 7 * DAY));
    assert_eq!((qualified.entered, qualified.exited), (Millis(start + 5 * DAY), Some(Millis(start + 9 * DAY))));
    let won = find("closedwon");
    assert_eq!((won.latest, won.exited), (DAY, None), "the current stay runs up to now");
    assert_eq!(entered_current_stage(&record), Some(Millis(start + 9 * DAY)));
    let now = Millis(start + 10 * DAY);
    let get = |name: &str| stage_history_value(&record, name, now);
    use crate::core::value::Value;
    // Qualified: 3 days, then 4 days; time is in days.
    assert_eq!(get("hs_v2_cumulative_time_in_qualifiedtobuy"), Some(Value::Number(7.0)));
    assert_eq!(get("hs_time_in_qualifiedtobuy"), Some(Value::Number(4.0)));
    assert_eq!(get("hs_time_in_contractsent"), Some(Value::Number(2.0)));
    assert_eq!(get("hs_time_in_closedwon"), Some(Value::Number(1.0)), "a running stay counts up to now");
    assert_eq!(get("hs_date_entered_closedwon"), Some(Value::Text(Millis(start + 9 * DAY).to_iso())));
    assert_eq!(get("hs_date_exited_contractsent"), Some(Value::Text(Millis(start + 5 * DAY).to_iso())));
    assert_eq!(get("hs_v2_date_entered_current_stage"), Some(Value::Text(Millis(start + 9 * DAY).to_iso())));
    assert_eq!(get("hs_date_exited_closedwon"), None);
    assert_eq!(get("hs_date_entered_appointmentscheduled"), None, "never entered");
    assert_eq!(get("dealname_history"), None);
    // 2026-01-01T00:00:01Z UTC: the ISO text is in UTC whatever the reader's zone.
    assert!(Millis(start).to_iso().starts_with("2026-01-01T00:00:01"));
}
