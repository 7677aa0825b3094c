//! The workspace currency: the one currency every currency property is kept in.
//!
//! It is part of the schema entity because it says what a currency property's minor units
//! are; so it is stored, undone, backed up and synced with the rest of the data model.
//! Changing it relabels amounts, it does not convert them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    #[default]
    Eur,
    Usd,
    Gbp,
    Pln,
    Cny,
    Chf,
}

impl Currency {
    /// Every currency a workspace can use, in the order settings list them.
    pub const ALL: [Currency; 6] = [Currency::Eur, Currency::Usd, Currency::Gbp, Currency::Pln, Currency::Cny, Currency::Chf];

    /// The ISO 4217 code, as `core::i18n::format::format_money` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Pln => "PLN",
            Currency::Cny => "CNY",
            Currency::Chf => "CHF",
        }
    }

    /// How settings list it: the code and, where it differs, the symbol ("USD ($)", "CHF").
    pub fn choice_text(self) -> String {
        let symbol = crate::core::i18n::format::currency_symbol(self.code());
        if symbol == self.code() {
            symbol.to_string()
        } else {
            format!("{} ({symbol})", self.code())
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Whether this is the currency of a workspace that never chose one (kept out of the
    /// stored schema, so older files and their digests stay the same).
    pub fn is_default(&self) -> bool {
        *self == Currency::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for currency in Currency::ALL {
            assert_eq!(Currency::from_code(currency.code()), Some(currency));
        }
        assert_eq!(Currency::from_code(" usd"), Some(Currency::Usd));
        assert_eq!(Currency::from_code("XYZ"), None);
        assert_eq!(Currency::Pln.choice_text(), "PLN (zł)");
        assert_eq!(Currency::Chf.choice_text(), "CHF");
    }

    #[test]
    fn a_schema_without_currency_reads_as_euro_and_a_chosen_one_is_kept() {
        let json = r#"{"objects":[]}"#;
        let schema: super::super::Schema = serde_json::from_str(json).expect("older schema reads");
        assert_eq!(schema.currency, Currency::Eur);
        assert_eq!(serde_json::to_string(&schema).expect("writes"), json);
        let usd = super::super::Schema { currency: Currency::Usd, ..schema };
        let text = serde_json::to_string(&usd).expect("writes");
        assert_eq!(text, r#"{"objects":[],"currency":"USD"}"#);
        let back: super::super::Schema = serde_json::from_str(&text).expect("reads");
        assert_eq!(back.currency, Currency::Usd);
    }
}
