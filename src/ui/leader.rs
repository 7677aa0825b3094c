//! Whether this tab is the one that runs background work (workflows, scheduled jobs).
//!
//! Exactly one open tab of a profile is the leader, through the Web Locks API
//! (`storage::lock`); when it closes, a waiting tab takes over. Background features read
//! `is_leader` and run only while it is true. The state is also exposed as `data-leader` on
//! the app root, for tests and for the browser's inspector.

use leptos::prelude::*;

use crate::storage::lock::{hold_for_life, BACKGROUND_LOCK};

#[derive(Clone, Copy)]
pub struct Leader {
    pub is_leader: ReadSignal<bool>,
}

pub fn use_leader() -> Leader {
    expect_context::<Leader>()
}

impl Leader {
    /// Starts waiting for the lock; the signal turns true when this tab holds it.
    pub fn start() -> Leader {
        let (is_leader, set_leader) = signal(false);
        hold_for_life(BACKGROUND_LOCK, move || set_leader.set(true));
        Leader { is_leader }
    }
}
