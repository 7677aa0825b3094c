//! Saved views and segments: storing them, and the commands that change them.
//!
//! Both are small named definitions of one object, validated against the schema when they
//! are written (every property, operator and operand must make sense, so a saved view
//! always runs when it is opened) and stored as their own entities.

use std::collections::BTreeMap;

use super::Workspace;
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::{CommandError, Context};
use crate::core::id::RecordId;
use crate::core::query::{run, Filter, Op, Page, Query, QueryError};
use crate::core::segment::{Rule, Segment, SegmentEdit, SegmentError, MAX_NESTING};
use crate::core::views::{SavedView, TableState, ViewEdit, ViewError};

#[derive(Debug, Default)]
pub(super) struct Lists {
    views: BTreeMap<RecordId, SavedView>,
    segments: BTreeMap<RecordId, Segment>,
}

impl Lists {
    pub(super) fn put(&mut self, key: EntityKey, entity: Option<Entity>) {
        match (key, entity) {
            (EntityKey::View(id), Some(Entity::View(view))) => {
                self.views.insert(id, view);
            }
            (EntityKey::View(id), _) => {
                self.views.remove(&id);
            }
            (EntityKey::Segment(id), Some(Entity::Segment(segment))) => {
                self.segments.insert(id, segment);
            }
            (EntityKey::Segment(id), _) => {
                self.segments.remove(&id);
            }
            _ => {}
        }
    }

    /// Views then segments, each by id: the order of a snapshot.
    pub(super) fn entities(&self) -> impl Iterator<Item = Entity> + '_ {
        let views = self.views.values().cloned().map(Entity::View);
        views.chain(self.segments.values().cloned().map(Entity::Segment))
    }
}

impl Workspace {
    pub fn views(&self) -> impl Iterator<Item = &SavedView> {
        self.lists.views.values()
    }

    pub fn view(&self, id: &RecordId) -> Option<&SavedView> {
        self.lists.views.get(id)
    }

    pub fn segments(&self) -> impl Iterator<Item = &Segment> {
        self.lists.segments.values()
    }

    pub fn segment(&self, id: &RecordId) -> Option<&Segment> {
        self.lists.segments.get(id)
    }

    pub(super) fn edit_view(&mut self, edit: ViewEdit, ctx: &Context) -> Result<Commit, CommandError> {
        let changes = self.plan_view(edit, ctx)?;
        Ok(self.apply(changes, None))
    }

    pub(super) fn edit_segment(&mut self, edit: SegmentEdit, ctx: &Context) -> Result<Commit, CommandError> {
        let changes = self.plan_segment(edit, ctx)?;
        Ok(self.apply(changes, None))
    }

    /// Checks that a table state runs on `object`: known columns, filter and sort.
    fn check_state(&self, object: &str, state: &TableState, ctx: &Context) -> Result<(), QueryError> {
        let def = self.schema.object(object).filter(|o| o.enabled).ok_or_else(|| QueryError::UnknownObject(object.to_string()))?;
        if let Some(unknown) = state.columns.iter().find(|c| def.property(c).is_none()) {
            return Err(QueryError::UnknownProperty(unknown.clone()));
        }
        let query = Query { object: object.to_string(), filter: state.filter.clone(), sort: state.sort.clone() };
        run(self, &query, Page::first(0), ctx.now).map(|_| ())
    }

    fn plan_view(&mut self, edit: ViewEdit, ctx: &Context) -> Result<Vec<Change>, CommandError> {
        let existing = |id: &RecordId| self.lists.views.get(id).cloned().ok_or_else(|| ViewError::NotFound(id.clone()));
        let change = |before: Option<SavedView>, after: Option<SavedView>| {
            let key = EntityKey::View(before.as_ref().or(after.as_ref()).map(|v| v.id.clone()).unwrap_or_default());
            Change { key, before: before.map(Entity::View), after: after.map(Entity::View) }
        };
        let changes = match edit {
            ViewEdit::Create { object, name, state } => {
                let name = self.view_name(&object, &name, None)?;
                self.check_state(&object, &state, ctx).map_err(ViewError::from)?;
                let position = self.lists.views.values().filter(|v| v.object == object).map(|v| v.position + 1).max().unwrap_or(0);
                let view = SavedView { id: self.ids.next(ctx.now), object, name, state, position, updated: ctx.now };
                vec![change(None, Some(view))]
            }
            ViewEdit::Rename { id, name } => {
                let before = existing(&id)?;
                let name = self.view_name(&before.object, &name, Some(&id))?;
                vec![change(Some(before.clone()), Some(SavedView { name, updated: ctx.now, ..before }))]
            }
            ViewEdit::Update { id, state } => {
                let before = existing(&id)?;
                self.check_state(&before.object, &state, ctx).map_err(ViewError::from)?;
                vec![change(Some(before.clone()), Some(SavedView { state, updated: ctx.now, ..before }))]
            }
            ViewEdit::Delete { id } => vec![change(Some(existing(&id)?), None)],
            ViewEdit::Reorder { object, ids } => {
                let mut order: Vec<SavedView> = Vec::new();
                for id in &ids {
                    let view = existing(id)?;
                    if view.object == object && !order.iter().any(|v| v.id == view.id) {
                        order.push(view);
                    }
                }
                let rest = crate::core::views::views_of(self.lists.views.values(), &object);
                order.extend(rest.into_iter().filter(|v| !ids.contains(&v.id)).cloned());
                order
                    .into_iter()
                    .enumerate()
                    .filter(|(i, v)| v.position != *i as u32)
                    .map(|(i, v)| change(Some(v.clone()), Some(SavedView { position: i as u32, updated: ctx.now, ..v })))
                    .collect()
            }
        };
        Ok(changes)
    }

    /// A trimmed, non-empty name no other view of the object has (ignoring case).
    fn view_name(&self, object: &str, name: &str, own: Option<&RecordId>) -> Result<String, ViewError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ViewError::EmptyName);
        }
        let taken = self.lists.views.values().any(|v| v.object == object && Some(&v.id) != own && v.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(ViewError::DuplicateName(name.to_string()));
        }
        Ok(name.to_string())
    }

    fn plan_segment(&mut self, edit: SegmentEdit, ctx: &Context) -> Result<Vec<Change>, CommandError> {
        let existing = |id: &RecordId| self.lists.segments.get(id).cloned().ok_or_else(|| SegmentError::NotFound(id.clone()));
        let change = |before: Option<Segment>, after: Option<Segment>| {
            let key = EntityKey::Segment(before.as_ref().or(after.as_ref()).map(|s| s.id.clone()).unwrap_or_default());
            Change { key, before: before.map(Entity::Segment), after: after.map(Entity::Segment) }
        };
        let changes = match edit {
            SegmentEdit::Create { object, name, rule } => {
                let name = self.segment_name(&object, &name, None)?;
                let rule = match rule {
                    Rule::Active { filter } => {
                        self.check_filter(&object, &filter, None, ctx)?;
                        Rule::Active { filter }
                    }
                    Rule::Static { members } => {
                        self.check_members(&object, members.iter())?;
                        Rule::Static { members }
                    }
                };
                vec![change(None, Some(Segment { id: self.ids.next(ctx.now), object, name, rule, updated: ctx.now }))]
            }
            SegmentEdit::Rename { id, name } => {
                let before = existing(&id)?;
                let name = self.segment_name(&before.object, &name, Some(&id))?;
                vec![change(Some(before.clone()), Some(Segment { name, updated: ctx.now, ..before }))]
            }
            SegmentEdit::SetFilter { id, filter } => {
                let before = existing(&id)?;
                if !before.is_active() {
                    return Err(SegmentError::NotActive.into());
                }
                self.check_filter(&before.object, &filter, Some(&id), ctx)?;
                vec![change(Some(before.clone()), Some(Segment { rule: Rule::Active { filter }, updated: ctx.now, ..before }))]
            }
            SegmentEdit::AddMembers { id, records } => {
                let before = existing(&id)?;
                let Rule::Static { mut members } = before.rule.clone() else { return Err(SegmentError::NotStatic.into()) };
                self.check_members(&before.object, records.iter())?;
                let count = members.len();
                members.extend(records);
                if members.len() == count {
                    return Ok(Vec::new());
                }
                vec![change(Some(before.clone()), Some(Segment { rule: Rule::Static { members }, updated: ctx.now, ..before }))]
            }
            SegmentEdit::RemoveMembers { id, records } => {
                let before = existing(&id)?;
                let Rule::Static { mut members } = before.rule.clone() else { return Err(SegmentError::NotStatic.into()) };
                let count = members.len();
                members.retain(|m| !records.contains(m));
                if members.len() == count {
                    return Ok(Vec::new());
                }
                vec![change(Some(before.clone()), Some(Segment { rule: Rule::Static { members }, updated: ctx.now, ..before }))]
            }
            SegmentEdit::Delete { id } => vec![change(Some(existing(&id)?), None)],
        };
        Ok(changes)
    }

    fn segment_name(&self, object: &str, name: &str, own: Option<&RecordId>) -> Result<String, SegmentError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(SegmentError::EmptyName);
        }
        let taken = self.lists.segments.values().any(|s| s.object == object && Some(&s.id) != own && s.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(SegmentError::DuplicateName(name.to_string()));
        }
        Ok(name.to_string())
    }

    /// An active segment's filter runs, and does not lead back to the segment itself.
    fn check_filter(&self, object: &str, filter: &Filter, own: Option<&RecordId>, ctx: &Context) -> Result<(), SegmentError> {
        if let Some(own) = own {
            if self.refers_to(filter, own, 0) {
                return Err(QueryError::SegmentLoop.into());
            }
        }
        self.check_state(object, &TableState { filter: filter.clone(), ..TableState::default() }, ctx)?;
        Ok(())
    }

    fn refers_to(&self, filter: &Filter, target: &RecordId, depth: usize) -> bool {
        if depth > MAX_NESTING {
            return true;
        }
        filter.groups.iter().flat_map(|g| &g.conditions).any(|c| match &c.op {
            Op::InSegment { segment } | Op::NotInSegment { segment } => {
                let id = RecordId::from(segment.as_str());
                id == *target
                    || matches!(self.lists.segments.get(&id), Some(Segment { rule: Rule::Active { filter }, .. }) if self.refers_to(filter, target, depth + 1))
            }
            _ => false,
        })
    }

    fn check_members<'a>(&self, object: &str, records: impl Iterator<Item = &'a RecordId>) -> Result<(), SegmentError> {
        for id in records {
            // A record deleted meanwhile is refused too: it cannot be chosen.
            if !self.record(id).is_some_and(|r| r.object == object) {
                return Err(SegmentError::WrongRecord(id.clone(), object.to_string()));
            }
        }
        Ok(())
    }
}
