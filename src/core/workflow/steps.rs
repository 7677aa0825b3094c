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

/// Where the editor adds a step: the main flow, or a branch of a branch step
/// (`None` for its "none matched" list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Main,
    Branch { step: StepId, branch: Option<usize> },
}

/// The step lists a new step can go into, with their places, in tree order.
pub fn places(steps: &[Step]) -> Vec<Place> {
    let mut out = vec![Place::Main];
    visit(steps, &mut |s| {
        if let StepKind::Branch { branches, .. } = &s.kind {
            out.extend((0..branches.len()).map(|i| Place::Branch { step: s.id, branch: Some(i) }));
            out.push(Place::Branch { step: s.id, branch: None });
        }
    });
    out
}

fn list_mut(steps: &mut Vec<Step>, place: Place) -> Option<&mut Vec<Step>> {
    let Place::Branch { step, branch } = place else { return Some(steps) };
    for s in steps.iter_mut() {
        if let StepKind::Branch { branches, otherwise } = &mut s.kind {
            if s.id == step {
                return match branch {
                    Some(i) => branches.get_mut(i).map(|b| &mut b.steps),
                    None => Some(otherwise),
                };
            }
            for list in branches.iter_mut().map(|b| &mut b.steps).chain(std::iter::once(otherwise)) {
                if let Some(found) = list_mut(list, place) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// Appends a step at the end of a list; returns whether the place exists.
pub fn add(steps: &mut Vec<Step>, place: Place, step: Step) -> bool {
    match list_mut(steps, place) {
        Some(list) => {
            list.push(step);
            true
        }
        None => false,
    }
}

/// Removes a step (with its branches) wherever it is.
pub fn remove(steps: &mut Vec<Step>, id: StepId) -> bool {
    if let Some(i) = steps.iter().position(|s| s.id == id) {
        steps.remove(i);
        return true;
    }
    steps.iter_mut().any(|s| match &mut s.kind {
        StepKind::Branch { branches, otherwise } => branches.iter_mut().any(|b| remove(&mut b.steps, id)) || remove(otherwise, id),
        _ => false,
    })
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
    fn steps_are_added_into_branches_and_removed_anywhere() {
        let mut steps = tree();
        assert_eq!(places(&steps), vec![Place::Main, Place::Branch { step: 2, branch: Some(0) }, Place::Branch { step: 2, branch: None }]);
        assert!(add(&mut steps, Place::Branch { step: 2, branch: None }, note(6)));
        assert_eq!(successor(&steps, 6), Some(5));
        assert!(!add(&mut steps, Place::Branch { step: 9, branch: None }, note(7)));
        assert!(remove(&mut steps, 3));
        assert_eq!(successor(&steps, 2).map(|_| find(&steps, 3).is_none()), Some(true));
        assert!(remove(&mut steps, 2), "a branch step goes with its branches");
        assert_eq!(steps.iter().map(|s| s.id).collect::<Vec<_>>(), vec![1, 5]);
        assert!(!remove(&mut steps, 2));
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
