//! The one translation layer: every string a user reads comes from here.
//!
//! Messages are an enum and every language is an exhaustive `match`, so a message that is
//! missing in any language does not compile. This costs nothing at run time and keeps the
//! wasm small (no parser, no bundled ICU data), which is why Cairn does not use Fluent.
//! Record data and labels that users type are never translated.

mod en;
mod fr;
mod it;
mod pl;
mod zh;

use super::command::FieldProblem;
use super::validate::Invalid;

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
}

/// Messages that depend on a count; `{n}` stands for the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted {
    Contacts,
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

/// The message that explains a field problem.
pub fn field_problem(problem: &FieldProblem) -> Msg {
    match problem {
        FieldProblem::Invalid(reason) => match reason {
            Invalid::Email => Msg::ErrEmail,
            Invalid::Url => Msg::ErrUrl,
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
    }
}

#[cfg(test)]
mod tests;
