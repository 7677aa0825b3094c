//! Automation: the workflow list and editor, the runner that executes due steps, the outbox
//! of ready emails, notifications, and enrolling a record by hand.

mod bell;
mod editor;
mod enroll;
mod fields;
mod filter_field;
mod history;
mod list;
mod outbox;
mod runner;
mod tree;

pub use bell::NotificationBell;
pub use editor::WorkflowRoute;
pub use enroll::EnrollControl;
pub use list::WorkflowsPage;
pub use outbox::OutboxPage;
pub use runner::start_runner;

use crate::core::command::CommandError;
use crate::core::i18n::{command_problem, Msg};
use crate::core::workflow::display::automation_problem;
use crate::ui::i18n::I18n;
use crate::ui::store::{failure_message, DispatchError};

/// The sentence to show when an automation write failed.
fn failure_text(i18n: I18n, error: &DispatchError) -> String {
    match error {
        DispatchError::Command(CommandError::Automation(e)) => i18n.t(automation_problem(e)).to_string(),
        DispatchError::Command(e) => i18n.t(command_problem(e).unwrap_or(Msg::SaveFailed)).to_string(),
        e => format!("{} {}", i18n.t(Msg::SaveFailed), i18n.t(failure_message(e))),
    }
}
