//! What the settings screens show and build: object and property overviews with their
//! counts, internal names suggested from labels, drafts of custom objects, properties and
//! association labels turned into commands, and storage figures in a person's units.
//!
//! The screens only collect raw input; every check that can be made before dispatching
//! (a name already used, an option without a value) is made here, so a form shows all its
//! problems at once and a multi-command draft (a custom object with its properties) is
//! either valid as a whole or not sent at all.

mod bytes;
mod calculation_draft;
mod custom_object;
mod labels;
mod names;
mod overview;
mod property_form;
mod shown_labels;

pub use calculation_draft::{formula_inputs, parse_formula, rollup_inputs, rollup_objects, CalculationDraft, CalculationProblem, ROLLUP_FUNCTIONS};
pub use bytes::{format_bytes, format_percent, usage_share};
pub use custom_object::{CustomObjectDraft, DraftField, DraftProperty};
pub use labels::{add_label, parse_limit, LabelDraft};
pub use names::suggest_internal_name;
pub use overview::{object_rows, property_groups, refused_records, ObjectRow, PropertyRow, RefusedRecord};
pub use shown_labels::{keep_untouched_labels, shown_form};
pub use property_form::{editor_part, type_from_tag, type_tag, EditorPart, FormField, OptionDraft, PropertyForm, PICKABLE_TYPES};
