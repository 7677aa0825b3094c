//! The one translation layer: every string a user reads comes from here.
//!
//! Messages are an enum and every language is an exhaustive `match`, so a message that is
//! missing in any language does not compile. This costs nothing at run time and keeps the
//! wasm small (no parser, no bundled ICU data), which is why Cairn does not use Fluent.
//! Record data and labels that users type are never translated.

pub mod format;
mod en;
mod fr;
mod it;
mod pl;
mod problems;
mod zh;

use super::command::FieldProblem;
use super::owner::OwnerError;
use super::schema::{ObjectDef, ObjectKind, PropertyType, SchemaError};
use super::validate::Invalid;

pub use problems::{association_problem, command_problem, merge_problem, undo_problem};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    It,
    Pl,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Fr, Lang::It, Lang::Pl, Lang::Zh];

    /// The language for a BCP 47 tag such as `fr-CA` or `zh-Hans-CN`; English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Lang::Fr,
            "it" => Lang::It,
            "pl" => Lang::Pl,
            "zh" => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The first supported language among the browser's preferences.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .map(|t| (t, Lang::from_tag(t)))
            .find(|(t, l)| *l != Lang::En || t.to_ascii_lowercase().starts_with("en"))
            .map(|(_, l)| l)
            .unwrap_or(Lang::En)
    }

    /// The language's own name, as its speakers write it (never translated).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::It => "Italiano",
            Lang::Pl => "Polski",
            Lang::Zh => "中文（简体）",
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::It => "it",
            Lang::Pl => "pl",
            Lang::Zh => "zh",
        }
    }
}

/// Every fixed text of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    AppName,
    MainNavigation,
    NavContacts,
    NavTasks,
    NavSettings,
    NavSearch,
    ObjCompanies,
    ObjDeals,
    ObjTickets,
    CreateContact,
    NewContact,
    FirstName,
    LastName,
    Email,
    Save,
    Saving,
    Saved,
    Loading,
    NoContactsYet,
    StorageUnavailable,
    StorageDamaged,
    SaveFailed,
    NotFound,
    StorageFull,
    StorageWriteFailed,
    NewerVersionOpened,
    UpdateAvailable,
    ReloadNow,
    ErrEmail,
    ErrUrl,
    ErrPhone,
    ErrNumber,
    ErrBelowMin,
    ErrAboveMax,
    ErrDate,
    ErrDateTime,
    ErrUnknownOption,
    ErrCheckbox,
    ErrReadOnly,
    ErrRequired,
    ErrDuplicate,
    ErrUnknownProperty,
    ErrUnknownObject,
    ErrUnknownGroup,
    ErrInvalidName,
    ErrNameTaken,
    ErrEmptyLabel,
    ErrStandardObject,
    ErrStandardProperty,
    ErrReadOnlyProperty,
    ErrPrimaryProperty,
    ErrGroupNotEmpty,
    ErrLastGroup,
    ErrCalculated,
    ErrOptionsNotAllowed,
    ErrNoOptions,
    ErrInvalidOption,
    ErrDuplicateOption,
    ErrNumberSettings,
    ErrCannotBeUnique,
    ErrCannotBePrimary,
    ErrDomain,
    ErrUnknownOwner,
    ErrInactiveOwner,
    ErrCalculationInput,
    ErrOwnerNotFound,
    ErrOwnerName,
    ErrOwnerEmailTaken,
    TypeSingleLineText,
    TypeMultiLineText,
    TypeNumber,
    TypeCurrency,
    TypeDate,
    TypeDateTime,
    TypeDropdown,
    TypeRadio,
    TypeCheckbox,
    TypeCheckboxes,
    TypeEmail,
    TypePhone,
    TypeUrl,
    TypeDomain,
    TypeOwner,
    TypeCalculated,
    // Associations, merge and undo.
    ErrNotAssociable,
    ErrAssociateWithItself,
    ErrNotAssociated,
    ErrUnknownLabel,
    ErrTooManyAssociations,
    ErrLabelTaken,
    ErrInvalidAssociationDef,
    ErrAssociationConflicts,
    ErrMergeSameRecord,
    ErrMergeDifferentObjects,
    ErrNothingToUndo,
    ErrUndoChanged,
    OpIs,
    OpIsNot,
    OpContains,
    OpStartsWith,
    OpIsKnown,
    OpIsUnknown,
    OpEq,
    OpNe,
    OpLt,
    OpGt,
    OpBetween,
    OpIsAnyOf,
    OpBefore,
    OpAfter,
    OpInLastDays,
    OpInNextDays,
    ErrFilterProperty,
    ErrFilterOperator,
    IdxSearch,
    IdxCreate,
    IdxCreateRecord,
    IdxLoadSample,
    IdxSampleLoaded,
    IdxEmpty,
    IdxNoMatches,
    IdxPrevPage,
    IdxNextPage,
    IdxPage,
    IdxColumns,
    IdxSortBy,
    IdxCancel,
    IdxClose,
    IdxRequired,
    IdxNoOwner,
    IdxDuplicateOf,
    IdxOpenExisting,
    IdxSelectRow,
    IdxSelectAll,
    IdxDelete,
    IdxDeleteConfirmTitle,
    IdxDeleteConfirmText,
    IdxDeleted,
    IdxUndo,
    IdxUndone,
    IdxBin,
    IdxBinEmpty,
    IdxRestore,
    IdxRestored,
    IdxDeletedOn,
    IdxRecord,
    IdxSearchAll,
    IdxSearchHint,
    IdxNoResults,
    IdxActionFailed,
    // Index pages, views, search, bin (ui/records, ui/search): add above this line.
    // ---
    RecordNotFound,
    AboutRecord,
    ViewAllProperties,
    ViewKeyProperties,
    Edit,
    Cancel,
    History,
    NoValue,
    ValueCleared,
    SourceUser,
    SourceImport,
    SourceWorkflow,
    SourceMerge,
    SourceSync,
    Activity,
    TabAll,
    TabNotes,
    TabEmails,
    TabCalls,
    TabTasks,
    TabMeetings,
    NoActivity,
    CreateNote,
    LogCall,
    LogEmail,
    LogMeeting,
    CreateTask,
    ActivityDetails,
    ActivityWhen,
    TaskTitle,
    Associations,
    NoAssociations,
    AddExisting,
    CreateNew,
    SearchByName,
    NoMatches,
    RecordName,
    Labels,
    EditLabels,
    Remove,
    Add,
    Actions,
    DeleteRecord,
    DeleteRecordConfirm,
    Deleted,
    MergeRecord,
    MergeWith,
    MergeKeep,
    MergePreview,
    MergeFilled,
    ConfirmMerge,
    Close,
    Overdue,
    DueToday,
    Upcoming,
    NothingHere,
    CompleteTask,
    Untitled,
    Yes,
    No,
    NavAutomation,
    NavOutbox,
    WfNotifications,
    WfNoNotifications,
    WfMarkRead,
    WfTitle,
    WfNew,
    WfCreate,
    WfName,
    WfObject,
    WfEmpty,
    WfOn,
    WfOff,
    WfTurnOn,
    WfTurnOff,
    WfEnrollExisting,
    WfEnrolledNow,
    WfLoop,
    WfBack,
    WfTriggers,
    WfNoTriggers,
    WfAddTrigger,
    WfTriggerType,
    TrCreated,
    TrPropertyChanged,
    TrMeetsFilter,
    TrStageEntered,
    TrDateReached,
    TrTimeInStage,
    WfReenroll,
    WfProperty,
    WfToValue,
    WfFromValue,
    WfValue,
    WfStage,
    WfDays,
    WfSteps,
    WfNoSteps,
    WfAddStep,
    WfAddTo,
    WfMainFlow,
    WfStepKind,
    StDelay,
    StBranch,
    DlFor,
    DlUntilProperty,
    DlUntilWeekday,
    DlAmount,
    UnitMinutes,
    UnitHours,
    UnitDays,
    WfWeekday,
    WfTimeOfDay,
    DayMon,
    DayTue,
    DayWed,
    DayThu,
    DayFri,
    DaySat,
    DaySun,
    BrIf,
    BrOtherwise,
    BrName,
    AcSetProperty,
    AcClearProperty,
    AcCopyProperty,
    AcIncrement,
    AcCreateTask,
    AcCreateRecord,
    AcCopyToPipeline,
    AcMoveToStage,
    AcAssociate,
    AcLogNote,
    AcSendEmail,
    AcNotify,
    AcEnrollIn,
    AcUnenrollFrom,
    FdCopyTo,
    FdIncrementBy,
    FdTaskTitle,
    FdBody,
    FdDueInBusinessDays,
    FdPipeline,
    FdRecordId,
    FdLabels,
    FdSubject,
    FdValues,
    FdWorkflow,
    WfTokensHint,
    WfGoal,
    WfNoGoal,
    WfSetGoal,
    WfRemove,
    WfDelete,
    WfSaved,
    WfUnsaved,
    WfHistory,
    WfNoHistory,
    WfDryRun,
    WfDryRunHint,
    WfDryRunGo,
    OcEnrolled,
    OcDone,
    OcWaiting,
    OcBranched,
    OcGoalMet,
    OcUnenrolled,
    OcFailed,
    OcActive,
    OcFinished,
    PrRecordGone,
    PrNoEmail,
    PrUnknownWorkflow,
    PrCycle,
    PrBadFilter,
    PrRefused,
    WfEnrollIn,
    WfEnroll,
    WfEnrolledOk,
    WfAlreadyEnrolled,
    WfNameRequired,
    ObTitle,
    ObHint,
    ObEmpty,
    ObOpen,
    ObMarkSent,
    ObSent,
    ObTo,
    DlUnit,
    // Record page, tasks, settings (ui/record, ui/tasks, ui/settings): add above this line.
    // ---
    Language,
    ObjProducts,
    ObjQuotes,
    ErrBackupTooLarge,
    ErrBackupTooDeep,
    ErrBackupNotJson,
    ErrBackupTruncated,
    ErrBackupDuplicateKey,
    ErrBackupNotCairn,
    ErrBackupVersion,
    ErrBackupInvalid,
    ErrBackupDuplicateEntity,
    ErrBackupDanglingAssociation,
    ErrBackupNoSchema,
    ErrBackupNotEmpty,
    ErrCsvEmpty,
    ErrCsvBinary,
    ErrCsvUnclosedQuote,
    ErrCsvTooLarge,
    ErrCsvRaggedRow,
    ErrCsvInvalidValue,
    ErrCsvNoCompany,
    ErrSyncTypeConflict,
    CsvRow,
    CsvColumn,
    CsvValue,
    CsvReason,
    NavData,
    DataTitle,
    ExportBackup,
    ExportHint,
    MergeBackup,
    MergeHint,
    MergeDone,
    SummaryCreated,
    SummaryUpdated,
    SummaryDeleted,
    SummaryConflicts,
    OverwrittenTitle,
    ColRecord,
    ColProperty,
    ColOld,
    ColNew,
    // Storage, sync, languages (ui/store, ui/shell): add above this line.
}

/// Messages that depend on a count; `{n}` stands for the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted {
    Contacts,
    /// Records whose value a schema edit would make invalid.
    RecordsWithRefusedValues,
    /// Records sharing a value that a schema edit would make unique.
    RecordsSharingValues,
    /// Records, live or binned, that keep an object from being deleted.
    RecordsInObject,
    /// Records of an object shown by an index page.
    Records,
    /// Records ticked for a bulk action.
    Selected,
}

/// CLDR plural categories used by Cairn's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

/// The CLDR plural category of an integer count in a language.
pub fn plural(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En | Lang::It => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        // French treats 0 and 1 as singular.
        Lang::Fr => {
            if n <= 1 {
                Plural::One
            } else {
                Plural::Many.min_other()
            }
        }
        Lang::Pl => {
            let (ten, hundred) = (n % 10, n % 100);
            if n == 1 {
                Plural::One
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                Plural::Few
            } else {
                Plural::Many
            }
        }
        Lang::Zh => Plural::Other,
    }
}

impl Plural {
    // French "many" applies only to large round numbers in CLDR; Cairn writes them as "other".
    fn min_other(self) -> Plural {
        Plural::Other
    }
}

pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => en::text(msg),
        Lang::Fr => fr::text(msg),
        Lang::It => it::text(msg),
        Lang::Pl => pl::text(msg),
        Lang::Zh => zh::text(msg),
    }
}

/// A counted message with the number filled in, e.g. "5 kontaktów".
pub fn tr_count(lang: Lang, msg: Counted, n: u64) -> String {
    let category = plural(lang, n);
    let pattern = match lang {
        Lang::En => en::counted(msg, category),
        Lang::Fr => fr::counted(msg, category),
        Lang::It => it::counted(msg, category),
        Lang::Pl => pl::counted(msg, category),
        Lang::Zh => zh::counted(msg, category),
    };
    pattern.replace("{n}", &n.to_string())
}

/// The plural label of an object: translated for Cairn's own objects, as typed for custom ones.
pub fn object_plural(lang: Lang, object: &ObjectDef) -> String {
    let msg = match (object.kind, object.name.as_str()) {
        (ObjectKind::Custom, _) => None,
        (_, "contacts") => Some(Msg::NavContacts),
        (_, "companies") => Some(Msg::ObjCompanies),
        (_, "deals") => Some(Msg::ObjDeals),
        (_, "tickets") => Some(Msg::ObjTickets),
        (_, "products") => Some(Msg::ObjProducts),
        (_, "quotes") => Some(Msg::ObjQuotes),
        _ => None,
    };
    msg.map(|m| tr(lang, m).to_string()).unwrap_or_else(|| object.plural.clone())
}

/// The message that explains a field problem.
pub fn field_problem(problem: &FieldProblem) -> Msg {
    match problem {
        FieldProblem::Invalid(reason) => match reason {
            Invalid::Email => Msg::ErrEmail,
            Invalid::Url => Msg::ErrUrl,
            Invalid::Domain => Msg::ErrDomain,
            Invalid::Phone => Msg::ErrPhone,
            Invalid::Number => Msg::ErrNumber,
            Invalid::BelowMin => Msg::ErrBelowMin,
            Invalid::AboveMax => Msg::ErrAboveMax,
            Invalid::Date => Msg::ErrDate,
            Invalid::DateTime => Msg::ErrDateTime,
            Invalid::UnknownOption => Msg::ErrUnknownOption,
            Invalid::Checkbox => Msg::ErrCheckbox,
            Invalid::ReadOnly => Msg::ErrReadOnly,
        },
        FieldProblem::Required => Msg::ErrRequired,
        FieldProblem::Duplicate(_) => Msg::ErrDuplicate,
        FieldProblem::UnknownProperty => Msg::ErrUnknownProperty,
        FieldProblem::UnknownOwner => Msg::ErrUnknownOwner,
        FieldProblem::InactiveOwner => Msg::ErrInactiveOwner,
    }
}

/// Why an owner change was refused.
pub fn owner_error(error: &OwnerError) -> Msg {
    match error {
        OwnerError::NotFound(_) => Msg::ErrOwnerNotFound,
        OwnerError::EmptyName => Msg::ErrOwnerName,
        OwnerError::InvalidEmail => Msg::ErrEmail,
        OwnerError::EmailTaken(_) => Msg::ErrOwnerEmailTaken,
    }
}

/// Why a schema edit was refused, in words, with any record count filled in.
pub fn schema_error(lang: Lang, error: &SchemaError) -> String {
    let count = |ids: &[super::id::RecordId]| ids.len() as u64;
    let msg = match error {
        SchemaError::ValuesRefused(ids) => return tr_count(lang, Counted::RecordsWithRefusedValues, count(ids)),
        SchemaError::DuplicateValues(ids) => return tr_count(lang, Counted::RecordsSharingValues, count(ids)),
        SchemaError::ObjectHasRecords(n) => return tr_count(lang, Counted::RecordsInObject, *n as u64),
        SchemaError::UnknownObject(_) => Msg::ErrUnknownObject,
        SchemaError::UnknownProperty(_) => Msg::ErrUnknownProperty,
        SchemaError::UnknownGroup(_) => Msg::ErrUnknownGroup,
        SchemaError::InvalidName(_) => Msg::ErrInvalidName,
        SchemaError::NameTaken(_) => Msg::ErrNameTaken,
        SchemaError::EmptyLabel => Msg::ErrEmptyLabel,
        SchemaError::StandardObject(_) => Msg::ErrStandardObject,
        SchemaError::StandardProperty(_) => Msg::ErrStandardProperty,
        SchemaError::ReadOnlyProperty(_) => Msg::ErrReadOnlyProperty,
        SchemaError::PrimaryProperty(_) => Msg::ErrPrimaryProperty,
        SchemaError::GroupNotEmpty(_) => Msg::ErrGroupNotEmpty,
        SchemaError::LastGroup => Msg::ErrLastGroup,
        SchemaError::Calculated => Msg::ErrCalculated,
        SchemaError::CalculationInput(_) => Msg::ErrCalculationInput,
        SchemaError::OptionsNotAllowed => Msg::ErrOptionsNotAllowed,
        SchemaError::NoOptions => Msg::ErrNoOptions,
        SchemaError::InvalidOption(_) => Msg::ErrInvalidOption,
        SchemaError::DuplicateOption(_) => Msg::ErrDuplicateOption,
        SchemaError::NumberSettings => Msg::ErrNumberSettings,
        SchemaError::CannotBeUnique => Msg::ErrCannotBeUnique,
        SchemaError::CannotBePrimary => Msg::ErrCannotBePrimary,
    };
    tr(lang, msg).to_string()
}

/// The name of a property type, for the type picker of the property editor.
pub fn property_type(kind: &PropertyType) -> Msg {
    match kind {
        PropertyType::SingleLineText => Msg::TypeSingleLineText,
        PropertyType::MultiLineText => Msg::TypeMultiLineText,
        PropertyType::Number { .. } => Msg::TypeNumber,
        PropertyType::Currency => Msg::TypeCurrency,
        PropertyType::Date => Msg::TypeDate,
        PropertyType::DateTime => Msg::TypeDateTime,
        PropertyType::Dropdown => Msg::TypeDropdown,
        PropertyType::Radio => Msg::TypeRadio,
        PropertyType::Checkbox => Msg::TypeCheckbox,
        PropertyType::Checkboxes => Msg::TypeCheckboxes,
        PropertyType::Email => Msg::TypeEmail,
        PropertyType::Phone => Msg::TypePhone,
        PropertyType::Url => Msg::TypeUrl,
        PropertyType::Domain => Msg::TypeDomain,
        PropertyType::Owner => Msg::TypeOwner,
        PropertyType::Calculated => Msg::TypeCalculated,
    }
}

#[cfg(test)]
mod tests;
