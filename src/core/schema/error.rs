//! Why a change to the schema was refused.
//!
//! The first group of variants comes from the schema alone; the last three from the records
//! the change would affect (found by the workspace, see [`super::DataCheck`]). The UI
//! translates each one through [`crate::core::i18n::schema_error`].

use thiserror::Error;

use crate::core::id::RecordId;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SchemaError {
    #[error("unknown object {0}")]
    UnknownObject(String),
    #[error("no property {0}")]
    UnknownProperty(String),
    #[error("no property group {0}")]
    UnknownGroup(String),
    #[error("{0:?} is not a valid internal name")]
    InvalidName(String),
    #[error("the name {0} is already used")]
    NameTaken(String),
    #[error("a label cannot be empty")]
    EmptyLabel,
    #[error("{0} is a standard object")]
    StandardObject(String),
    #[error("{0} is a standard property")]
    StandardProperty(String),
    #[error("{0} is maintained by Cairn")]
    ReadOnlyProperty(String),
    #[error("{0} is the primary property")]
    PrimaryProperty(String),
    #[error("group {0} still holds properties")]
    GroupNotEmpty(String),
    #[error("an object needs at least one property group")]
    LastGroup,
    #[error("calculated properties are defined by Cairn")]
    Calculated,
    #[error("{0} cannot be used in this calculation")]
    CalculationInput(String),
    #[error("only enumeration properties have options")]
    OptionsNotAllowed,
    #[error("an enumeration needs at least one option")]
    NoOptions,
    #[error("option {0:?} needs a value without ';' and a label")]
    InvalidOption(String),
    #[error("option {0:?} appears twice")]
    DuplicateOption(String),
    #[error("the number settings are inconsistent")]
    NumberSettings,
    #[error("this type cannot require unique values")]
    CannotBeUnique,
    #[error("this type cannot name records")]
    CannotBePrimary,
    #[error("{} records hold values the new definition refuses", .0.len())]
    ValuesRefused(Vec<RecordId>),
    #[error("{} records share a value that would have to be unique", .0.len())]
    DuplicateValues(Vec<RecordId>),
    #[error("the object still has {0} records")]
    ObjectHasRecords(usize),
}
