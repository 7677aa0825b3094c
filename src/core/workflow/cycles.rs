//! Loops between workflows: A enrolls in B, B enrolls in A.
//!
//! A workflow cannot loop on itself endlessly: a record enrolls in a workflow at most once per
//! firing of its trigger, and a re-enrollment needs a new firing after the previous run. What
//! remains is workflows that enroll records in each other; such an "enroll in" step is
//! reported by [`in_cycle`] and refused at run time.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Action, AutoId, StepKind};
use super::steps::visit;
use super::Automation;

/// Which workflows each workflow's steps enroll records in.
fn edges(automation: &Automation) -> BTreeMap<AutoId, BTreeSet<AutoId>> {
    automation
        .workflows()
        .map(|w| {
            let mut targets = BTreeSet::new();
            visit(&w.steps, &mut |s| {
                if let StepKind::Action(Action::EnrollIn { workflow }) = &s.kind {
                    targets.insert(workflow.clone());
                }
            });
            (w.id.clone(), targets)
        })
        .collect()
}

/// Whether `from` enrolling records in `to` closes a loop (`to` leads back to `from`).
pub fn in_cycle(automation: &Automation, from: &AutoId, to: &AutoId) -> bool {
    let graph = edges(automation);
    let mut seen = BTreeSet::new();
    let mut stack = vec![to.clone()];
    while let Some(at) = stack.pop() {
        if &at == from {
            return true;
        }
        if seen.insert(at.clone()) {
            stack.extend(graph.get(&at).into_iter().flatten().cloned());
        }
    }
    false
}

/// The workflows that take part in some loop, for the list page to flag.
pub fn workflows_in_cycles(automation: &Automation) -> BTreeSet<AutoId> {
    let graph = edges(automation);
    graph.iter().filter(|(from, targets)| targets.iter().any(|to| in_cycle(automation, from, to))).map(|(id, _)| id.clone()).collect()
}
