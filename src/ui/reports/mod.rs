//! Reports (`/reports`): forecast, conversion, time in stage and win rate of a pipeline,
//! each as a hand-drawn SVG chart with its data table.

mod chart;
mod page;

pub use page::ReportsPage;
