//! Merging two devices' copies of one pipeline during sync.
//!
//! The union of both: every stage either side has, in our order with theirs inserted after
//! the stage that precedes it on their side. A stage both have keeps our settings; where
//! their settings differ, the difference is reported. A deletion on either side wins.

use super::{Pipeline, Stage};

/// A stage whose settings differ between the two devices; ours were kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineConflict {
    pub pipeline: String,
    pub stage: String,
}

/// Our pipeline with the stages only theirs has, and the stages that differ.
pub fn merge_pipeline(ours: &Pipeline, theirs: &Pipeline) -> (Pipeline, Vec<PipelineConflict>) {
    let mut out = ours.clone();
    out.deleted = ours.deleted || theirs.deleted;
    let mut conflicts = Vec::new();
    for (i, their_stage) in theirs.stages.iter().enumerate() {
        match out.stages.iter().find(|s| s.id == their_stage.id) {
            Some(our_stage) if our_stage != their_stage => conflicts.push(PipelineConflict { pipeline: ours.id.0.clone(), stage: their_stage.id.clone() }),
            Some(_) => {}
            None => {
                let after = i.checked_sub(1).and_then(|p| out.position(&theirs.stages[p].id));
                let at = after.map_or(0, |p| p + 1);
                out.stages.insert(at, Stage::clone(their_stage));
            }
        }
    }
    if ours.label != theirs.label || ours.rules != theirs.rules || ours.stalled_after_days != theirs.stalled_after_days {
        conflicts.push(PipelineConflict { pipeline: ours.id.0.clone(), stage: String::new() });
    }
    (out, conflicts)
}
