//! Segments (HubSpot's lists): the list of an object's segments with member counts, one
//! segment's member table, and the dialog that creates a segment from an index page.

mod create;
mod members;
mod page;
mod record;

pub use create::CreateSegmentDialog;
pub use members::SegmentRoute;
pub use page::SegmentsRoute;
pub use record::RecordSegments;
