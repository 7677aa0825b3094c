//! The side-by-side benchmark's data set and operations (`bench/compare/`).
//!
//! Cairn is measured against other in-browser stores on the *same* data: the deterministic
//! sample generator's contacts, companies and deals, flattened into a [`Dataset`] of plain
//! rows that any engine can load. Rows name each other by natural keys (a contact's email,
//! a company's domain, a deal's position), never by Cairn ids, so every engine builds its
//! own ids. [`import`] loads a data set through Cairn's command path (validated, indexed,
//! with history) and the functions in [`ops`] are the benchmark's operations, each
//! answering with a [`Checked`] summary that the harness compares across engines.

pub mod ops;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::board::BoardSpec;
use super::command::{Command, CommandError, Context};
use super::id::RecordId;
use super::record::{Record, Source};
use super::sample::{generate, SampleSize};
use super::schema::Schema;
use super::time::Millis;
use super::value::Value;
use super::workspace::Workspace;

/// One contact as every engine stores it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactRow {
    pub firstname: String,
    pub lastname: String,
    pub email: String,
    pub company: String,
    pub city: String,
    /// Milliseconds since the Unix epoch.
    pub createdate: i64,
    pub lifecyclestage: String,
    pub owner: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompanyRow {
    pub name: String,
    pub domain: String,
    pub city: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealRow {
    pub dealname: String,
    /// In minor units (cents).
    pub amount: i64,
    pub dealstage: String,
    /// `YYYY-MM-DD`.
    pub closedate: String,
    /// The domain of the deal's company, if it has one.
    pub company: String,
}

/// The benchmark's data: rows plus the links between them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// The moment the data looks current at; filters such as "created in the last year"
    /// count from here, so every engine agrees whatever day the benchmark runs.
    pub now: i64,
    /// Deal stages in board order with their win probability in percent.
    pub stages: Vec<(String, u8)>,
    pub companies: Vec<CompanyRow>,
    pub contacts: Vec<ContactRow>,
    pub deals: Vec<DealRow>,
    /// Contact email → company domain.
    pub contact_company: Vec<(String, String)>,
}

fn text(record: &Record, name: &str) -> String {
    match record.get(name) {
        Some(Value::Text(t)) => t.clone(),
        Some(other) => other.display(),
        None => String::new(),
    }
}

/// The data set of `contacts` contacts (and a tenth as many companies, a fifth as many
/// deals), the same for a given seed and `now` on every machine.
pub fn dataset(schema: &Schema, contacts: usize, seed: u64, now: Millis) -> Dataset {
    let size = SampleSize { contacts, companies: (contacts / 10).max(1), deals: contacts / 5, activities: 0 };
    let sample = generate(schema, seed, size, now);
    let by_id: HashMap<&RecordId, &Record> = sample.records.iter().map(|r| (&r.id, r)).collect();
    let mut data = Dataset {
        now: now.0,
        stages: BoardSpec::deals().stages,
        ..Dataset::default()
    };
    let mut deal_company: HashMap<&RecordId, String> = HashMap::new();
    for pair in &sample.associations {
        let (Some(from), Some(to)) = (by_id.get(&pair.from), by_id.get(&pair.to)) else { continue };
        match (&*from.object, &*to.object) {
            ("contacts", "companies") if pair.label == Some("primary") => {
                data.contact_company.push((text(from, "email"), text(to, "domain")));
            }
            ("deals", "companies") => {
                deal_company.entry(&from.id).or_insert_with(|| text(to, "domain"));
            }
            _ => {}
        }
    }
    for record in &sample.records {
        match &*record.object {
            "companies" => data.companies.push(CompanyRow { name: text(record, "name"), domain: text(record, "domain"), city: text(record, "city") }),
            "contacts" => data.contacts.push(ContactRow {
                firstname: text(record, "firstname"),
                lastname: text(record, "lastname"),
                email: text(record, "email"),
                company: text(record, "company"),
                city: text(record, "city"),
                createdate: record.created.0,
                lifecyclestage: text(record, "lifecyclestage"),
                owner: text(record, "hubspot_owner_id"),
            }),
            "deals" => data.deals.push(DealRow {
                dealname: text(record, "dealname"),
                amount: match record.get("amount") {
                    Some(Value::Int(minor)) => *minor,
                    _ => 0,
                },
                dealstage: text(record, "dealstage"),
                closedate: text(record, "closedate"),
                company: deal_company.get(&record.id).cloned().unwrap_or_default(),
            }),
            _ => {}
        }
    }
    data
}

fn input(name: &str, value: &str) -> Option<(String, String)> {
    (!value.is_empty()).then(|| (name.to_string(), value.to_string()))
}

/// Money in minor units as someone types it ("1234.50").
fn major(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
}

/// Why a data set given as JSON text was not imported.
#[derive(Debug, Error)]
pub enum DatasetError {
    #[error("the data set is not valid JSON: {0}")]
    Parse(String),
    #[error("a row was refused: {0}")]
    Refused(#[from] CommandError),
}

/// Imports a data set given as JSON text, as the benchmark's page receives it. The text is
/// dropped as soon as it is parsed and the rows once imported, so that at a million contacts
/// the text, the rows and the workspace are never all held at once.
pub fn import_text(ws: &mut Workspace, text: String) -> Result<usize, DatasetError> {
    let data: Dataset = serde_json::from_str(&text).map_err(|e| DatasetError::Parse(e.to_string()))?;
    drop(text);
    Ok(import(ws, &data)?)
}

/// Loads a data set through the command path, as an import would: every row validated,
/// indexed and given history, every link checked. Each contact is created at its
/// `createdate`. Stops at the first refused row.
pub fn import(ws: &mut Workspace, data: &Dataset) -> Result<usize, CommandError> {
    let ctx = Context { now: Millis(data.now), source: Source::Import };
    let mut created = 0;
    let mut create = |ws: &mut Workspace, object: &str, values: Vec<(String, String)>, ctx: &Context| -> Result<RecordId, CommandError> {
        let commit = ws.execute(Command::CreateRecord { object: object.to_string(), values }, ctx)?;
        created += 1;
        commit.subject.ok_or(CommandError::UnknownObject(object.to_string()))
    };
    let mut companies = HashMap::with_capacity(data.companies.len());
    for c in &data.companies {
        let values = [input("name", &c.name), input("domain", &c.domain), input("city", &c.city)].into_iter().flatten().collect();
        companies.insert(c.domain.as_str(), create(ws, "companies", values, &ctx)?);
    }
    let mut contacts = HashMap::with_capacity(data.contacts.len());
    for c in &data.contacts {
        let values = [
            input("firstname", &c.firstname),
            input("lastname", &c.lastname),
            input("email", &c.email),
            input("company", &c.company),
            input("city", &c.city),
            input("lifecyclestage", &c.lifecyclestage),
            input("hubspot_owner_id", &c.owner),
        ];
        let at = Context { now: Millis(c.createdate), source: Source::Import };
        contacts.insert(c.email.as_str(), create(ws, "contacts", values.into_iter().flatten().collect(), &at)?);
    }
    let mut deal_links = Vec::new();
    for d in &data.deals {
        let values = [input("dealname", &d.dealname), Some(("amount".into(), major(d.amount))), input("dealstage", &d.dealstage), input("closedate", &d.closedate)];
        let id = create(ws, "deals", values.into_iter().flatten().collect(), &ctx)?;
        if let Some(company) = companies.get(d.company.as_str()) {
            deal_links.push((id, company.clone()));
        }
    }
    let links = data.contact_company.iter().filter_map(|(email, domain)| Some((contacts.get(email.as_str())?.clone(), companies.get(domain.as_str())?.clone(), vec!["primary".to_string()])));
    let deal_links = deal_links.into_iter().map(|(deal, company)| (deal, company, Vec::new()));
    for (from, to, labels) in links.chain(deal_links) {
        ws.execute(Command::Associate { from, to, labels }, &ctx)?;
    }
    Ok(created)
}
