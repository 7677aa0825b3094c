//! Undo of the last user commands.
//!
//! The workspace keeps the last [`UNDO_DEPTH`] commits of user commands. Undoing one applies
//! its inverse (every `after` back to its `before`) as a new commit, so storage persists the
//! undo like any other change.
//!
//! An inverse is only exact if nothing else wrote since: it then returns the workspace to
//! the very state before the command, which satisfied every invariant. For the same reason
//! an entry keeps only the `before` states: the `after` states are what the workspace holds
//! while the entry is undoable, so they are read back from it rather than copied. So the log counts
//! every entity write; an entry is undoable only while the count is the one it recorded.
//! A sync, an import or an automatic command in between makes the log stale, and undo is
//! refused rather than risk a dangling link or a broken limit.

use std::collections::{HashMap, VecDeque};

use super::Workspace;
use crate::core::change::{Change, Commit, Entity, EntityKey};
use crate::core::command::{Command, CommandError, Context, UndoError};
use crate::core::id::RecordId;
use crate::core::record::Source;

/// How many user commands can be undone in a row.
pub const UNDO_DEPTH: usize = 50;

/// What undoing one commit needs: each key it wrote with the state before, in order.
#[derive(Debug, PartialEq)]
struct Entry {
    befores: Vec<(EntityKey, Option<Entity>)>,
    subject: Option<RecordId>,
}

impl Entry {
    fn of(commit: &Commit) -> Entry {
        Entry { befores: commit.changes.iter().map(|c| (c.key.clone(), c.before.clone())).collect(), subject: commit.subject.clone() }
    }

    /// Whether this entry was made from `commit`.
    fn is_of(&self, commit: &Commit) -> bool {
        self.subject == commit.subject
            && self.befores.len() == commit.changes.len()
            && self.befores.iter().zip(&commit.changes).all(|((key, before), c)| *key == c.key && *before == c.before)
    }
}

#[derive(Debug, Default)]
pub(super) struct UndoLog {
    /// Undoable commits, oldest first, each with the write count right after it.
    entries: VecDeque<(Entry, u64)>,
    /// Entity writes so far.
    writes: u64,
}

/// What a successful command does to the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Effect {
    Remember,
    /// The command was an undo: its entry is used up.
    Undone,
    /// Not a user's edit (an import, a sync, housekeeping): not undoable.
    Ignore,
}

impl Effect {
    pub(super) fn of(command: &Command, ctx: &Context) -> Effect {
        match command {
            Command::Undo => Effect::Undone,
            Command::PurgeBin => Effect::Ignore,
            _ if ctx.source == Source::User => Effect::Remember,
            _ => Effect::Ignore,
        }
    }
}

impl UndoLog {
    pub(super) fn note_write(&mut self) {
        self.writes += 1;
    }

    /// The write count now: taken before a command runs, handed to [`UndoLog::record`].
    pub(super) fn mark(&self) -> u64 {
        self.writes
    }

    /// The commit an undo would revert, if nothing has been written since.
    fn last(&self) -> Option<&Entry> {
        self.entries.back().filter(|(_, at)| *at == self.writes).map(|(entry, _)| entry)
    }

    pub(super) fn is_last(&self, commit: &Commit) -> bool {
        self.last().is_some_and(|entry| entry.is_of(commit))
    }

    /// Updates the log after a command that started at write count `mark`.
    pub(super) fn record(&mut self, effect: Effect, commit: &Commit, mark: u64) {
        match effect {
            Effect::Remember if !commit.changes.is_empty() => {
                if self.entries.back().is_some_and(|(_, at)| *at != mark) {
                    // Stale entries can never become undoable again.
                    self.entries.clear();
                }
                self.entries.push_back((Entry::of(commit), self.writes));
                if self.entries.len() > UNDO_DEPTH {
                    self.entries.pop_front();
                }
            }
            Effect::Undone => self.drop_last(),
            _ => {}
        }
    }

    /// Forgets the last entry once its commit was reverted: the workspace is back to the
    /// state right after the entry beneath, which therefore becomes undoable.
    pub(super) fn drop_last(&mut self) {
        self.entries.pop_back();
        if let Some((_, at)) = self.entries.back_mut() {
            *at = self.writes;
        }
    }
}

impl Workspace {
    /// Whether [`Command::Undo`] would succeed: what the Undo button shows.
    pub fn can_undo(&self) -> bool {
        self.undo.last().is_some()
    }

    pub(super) fn plan_undo(&self) -> Result<(Vec<Change>, Option<RecordId>), CommandError> {
        let Some(entry) = self.undo.last() else {
            let error = if self.undo.entries.is_empty() { UndoError::Nothing } else { UndoError::Changed };
            return Err(error.into());
        };
        // Walking back, each key's state is what the workspace holds now, then what the
        // later steps of the inverse put back.
        let mut state: HashMap<&EntityKey, Option<Entity>> = HashMap::new();
        let inverse = entry
            .befores
            .iter()
            .rev()
            .map(|(key, before)| {
                let now = state.remove(key).unwrap_or_else(|| self.entity(key));
                state.insert(key, before.clone());
                Change { key: key.clone(), before: now, after: before.clone() }
            })
            .collect();
        Ok((inverse, entry.subject.clone()))
    }
}

#[cfg(test)]
mod tests;
