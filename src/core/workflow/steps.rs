//! Moving through a workflow's tree of steps.
//!
//! Steps are addressed by id, not position, so editing a workflow leaves running enrollments
//! pointing at the same steps. After the last step of a branch the flow continues with the
//! step after the branch; after the last top-level step the enrollment is finished.

use super::model::{Step, StepId, StepKind};

/// Calls `f` on every step of the tree, depth first.
pub fn visit<'a>(steps: &'a [Step], f: &mut impl FnMut(&'a Step)) {
    for step in steps {
        f(step);
        if let StepKind::Branch { branches, otherwise } = &step.kind {
            for b in branches {
                visit(&b.steps, f);
            }
            visit(otherwise, f);
        }
    }
}

pub fn find(steps: &[Step], id: StepId) -> Option<&Step> {
    let mut found = None;
    visit(steps, &mut |s| {
        if s.id == id && found.is_none() {
            found = Some(s);
        }
    });
    found
}

/// The lists that hold `id`, outermost first, each with the index of the step on the path.
fn path<'a>(steps: &'a [Step], id: StepId, out: &mut Vec<(&'a [Step], usize)>) -> bool {
    for (i, step) in steps.iter().enumerate() {
        out.push((steps, i));
        if step.id == id {
            return true;
        }
        if let StepKind::Branch { branches, otherwise } = &step.kind {
            for list in branches.iter().map(|b| b.steps.as_slice()).chain(std::iter::once(otherwise.as_slice())) {
                if path(list, id, out) {
                    return true;
                }
            }
        }
        out.pop();
    }
    false
}

/// The step that runs after `id` finished (not counting a branch's own children).
pub fn successor(steps: &[Step], id: StepId) -> Option<StepId> {
    let mut trail = Vec::new();
    if !path(steps, id, &mut trail) {
        return None;
    }
    while let Some((list, i)) = trail.pop() {
        if let Some(next) = list.get(i + 1) {
            return Some(next.id);
        }
    }
    None
}

/// Where a flow goes after entering a list of steps: its first step, or on past it.
pub fn enter(steps: &[Step], list: &[Step], after: StepId) -> Option<StepId> {
    list.first().map(|s| s.id).or_else(|| successor(steps, after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query::Filter;
    use crate::core::workflow::model::{Action, Branch, Delay};

    fn note(id: StepId) -> Step {
        Step { id, kind: StepKind::Action(Action::LogNote { body: String::new() }) }
    }

    fn tree() -> Vec<Step> {
        let branch = Branch { name: "a".into(), filter: Filter::default(), steps: vec![note(3), note(4)] };
        vec![
            Step { id: 1, kind: StepKind::Delay(Delay::Minutes { minutes: 5 }) },
            Step { id: 2, kind: StepKind::Branch { branches: vec![branch], otherwise: vec![] } },
            note(5),
        ]
    }

    #[test]
    fn the_flow_leaves_a_branch_at_the_step_after_it() {
        let steps = tree();
        assert_eq!(successor(&steps, 1), Some(2));
        assert_eq!(successor(&steps, 3), Some(4));
        assert_eq!(successor(&steps, 4), Some(5), "end of a branch rejoins the main flow");
        assert_eq!(successor(&steps, 5), None);
        assert_eq!(successor(&steps, 99), None);
    }

    #[test]
    fn entering_an_empty_branch_moves_past_it() {
        let steps = tree();
        let StepKind::Branch { branches, otherwise } = &steps[1].kind else { unreachable!() };
        assert_eq!(enter(&steps, &branches[0].steps, 2), Some(3));
        assert_eq!(enter(&steps, otherwise, 2), Some(5));
        assert_eq!(find(&steps, 4).map(|s| s.id), Some(4));
    }
}
