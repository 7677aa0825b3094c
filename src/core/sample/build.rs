//! Builds the sample records: companies first, so contacts and deals can belong to them.

use std::collections::{HashMap, HashSet};

use super::locales::{Locale, LocaleKind, ACTIVITY_PHRASES, ALL, CHINESE_BRANDS, DEAL_PRODUCTS, INDUSTRIES};
use super::rng::Rng;
use super::{AssociationPair, Sample, SampleSize};
use crate::core::pipeline::default_pipelines;
use crate::core::fold::fold;
use crate::core::id::{IdGen, RecordId};
use crate::core::record::{Record, Source};
use crate::core::schema::{ObjectDef, ObjectKind, PropertyType, Schema};
use crate::core::time::Millis;
use crate::core::value::Value;

/// How far back create dates go.
const HISTORY_DAYS: i64 = 730;

/// Locale shares in percent: index into [`ALL`], weight.
const LOCALE_WEIGHTS: [(usize, usize); 5] = [(0, 30), (1, 20), (2, 20), (3, 15), (4, 15)];

const LIFECYCLE_WEIGHTS: [(&str, usize); 8] = [
    ("subscriber", 15),
    ("lead", 35),
    ("marketingqualifiedlead", 15),
    ("salesqualifiedlead", 10),
    ("opportunity", 10),
    ("customer", 12),
    ("evangelist", 2),
    ("other", 1),
];

struct Company {
    id: RecordId,
    name: String,
    domain: String,
    locale: usize,
    contacts: Vec<usize>,
}

pub struct Builder<'s> {
    schema: &'s Schema,
    rng: Rng,
    ids: IdGen,
    now: Millis,
    emails: HashSet<String>,
    domains: HashSet<String>,
    numbers: HashMap<String, u64>,
    companies: Vec<Company>,
    contacts: Vec<RecordId>,
    sample: Sample,
}

/// Lower-case ASCII letters and digits only: for email local parts and domains.
fn ascii_slug(text: &str) -> String {
    fold(text).chars().filter(char::is_ascii_alphanumeric).collect()
}

fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, usize)]) -> T {
    let total: usize = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total);
    for (item, weight) in items {
        if roll < *weight {
            return *item;
        }
        roll -= weight;
    }
    items[0].0
}

/// Polish surnames agree with the person: Kowalski → Kowalska.
fn inflect(last: &str, locale: &Locale, female: bool) -> String {
    if female && locale.kind == LocaleKind::Polish {
        for (male, fem) in [("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")] {
            if let Some(stem) = last.strip_suffix(male) {
                return format!("{stem}{fem}");
            }
        }
    }
    last.to_string()
}

impl<'s> Builder<'s> {
    pub fn new(schema: &'s Schema, seed: u64, now: Millis) -> Self {
        Builder {
            schema,
            rng: Rng::new(seed),
            ids: IdGen::new(seed ^ 0x5A4D_504C_4500, 0),
            now,
            emails: HashSet::new(),
            domains: HashSet::new(),
            numbers: HashMap::new(),
            companies: Vec::new(),
            contacts: Vec::new(),
            sample: Sample::default(),
        }
    }

    pub fn run(mut self, size: SampleSize) -> Sample {
        self.sample.records.reserve(size.companies + size.contacts + size.deals + size.activities);
        for i in 0..size.companies {
            self.company(i, size.companies);
        }
        for i in 0..size.contacts {
            self.contact(i, size.contacts);
        }
        for i in 0..size.deals {
            self.deal(i, size.deals);
        }
        let activity_objects: Vec<&ObjectDef> = self.schema.objects.iter().filter(|o| o.kind == ObjectKind::Activity && o.enabled).collect();
        if !activity_objects.is_empty() {
            for i in 0..size.activities {
                let def = activity_objects[self.rng.below(activity_objects.len())];
                self.activity(def, i, size.activities);
            }
        }
        self.sample
    }

    /// The create time of the `i`-th of `n` records: spread evenly over the history, so
    /// record numbers and ids follow time.
    fn created(&mut self, i: usize, n: usize) -> Millis {
        let span = HISTORY_DAYS * Millis::DAY;
        let step = span / n.max(1) as i64;
        Millis(self.now.0 - span + step * i as i64 + self.rng.range(0, (step - 1).max(0)))
    }

    /// A new, empty record of an object the schema has, numbered and with a fresh id.
    fn record(&mut self, object: &str, created: Millis) -> Option<Record> {
        self.schema.object(object)?;
        let number = self.numbers.entry(object.to_string()).or_default();
        *number += 1;
        Some(Record::new(self.ids.next(created), object, *number, created))
    }

    /// Sets the values the schema knows, in one go.
    fn fill(&self, record: &mut Record, values: Vec<(&str, Value)>) {
        let Some(def) = self.schema.object(&record.object) else { return };
        for (name, value) in values {
            if def.property(name).is_some_and(|p| !p.read_only) {
                record.set(name, Some(value), record.created, Source::Import);
            }
        }
    }

    fn locale(&mut self) -> usize {
        weighted(&mut self.rng, &LOCALE_WEIGHTS)
    }

    fn unique(set: &mut HashSet<String>, base: &str, rest: &str) -> String {
        let mut candidate = format!("{base}{rest}");
        let mut n = 2;
        while set.contains(&candidate) {
            candidate = format!("{base}{n}{rest}");
            n += 1;
        }
        set.insert(candidate.clone());
        candidate
    }

    fn phone(&mut self, locale: &Locale) -> String {
        let r = &mut self.rng;
        match locale.kind {
            LocaleKind::English => format!("{} 0{}", locale.phone_prefix, r.digits(3)),
            LocaleKind::French => format!("{} {} {} {} {}", locale.phone_prefix, r.digits(2), r.digits(2), r.digits(2), r.digits(2)),
            LocaleKind::Italian => format!("{}{} {} {}", locale.phone_prefix, r.digits(2), r.digits(3), r.digits(4)),
            LocaleKind::Polish => format!("{}{} {} {}", locale.phone_prefix, r.digits(2), r.digits(3), r.digits(3)),
            LocaleKind::Chinese => format!("{}{} {} {}", locale.phone_prefix, r.digits(1), r.digits(4), r.digits(4)),
        }
    }

    fn address(&mut self, locale: &Locale) -> (String, String, String) {
        let street = *self.rng.pick(locale.streets);
        let (city, zip_prefix) = *self.rng.pick(locale.cities);
        let n = self.rng.range(1, 180);
        let address = match locale.kind {
            LocaleKind::English | LocaleKind::French => format!("{n} {street}"),
            LocaleKind::Italian | LocaleKind::Polish => format!("{street} {n}"),
            LocaleKind::Chinese => format!("{street}{n}号"),
        };
        let zip = match locale.kind {
            LocaleKind::Polish => format!("{zip_prefix}-{}", self.rng.digits(3)),
            LocaleKind::Chinese => format!("{zip_prefix}{}", self.rng.digits(3)),
            _ => format!("{zip_prefix}{}", self.rng.digits(2)),
        };
        (address, city.to_string(), zip)
    }

    fn company(&mut self, i: usize, n: usize) {
        let created = self.created(i, n);
        let Some(mut record) = self.record("companies", created) else { return };
        let locale_index = self.locale();
        let locale = ALL[locale_index];
        let suffix = *self.rng.pick(locale.company_suffixes);
        let (name, slug) = if locale.kind == LocaleKind::Chinese {
            let (brand, pinyin) = *self.rng.pick(CHINESE_BRANDS);
            let (city, _) = *self.rng.pick(locale.cities);
            (format!("{city}{brand}{suffix}"), pinyin.to_string())
        } else {
            let (last, _) = *self.rng.pick(locale.last_names);
            let name = format!("{last} {suffix}");
            let slug = format!("{}-{}", ascii_slug(last), ascii_slug(suffix));
            (name, slug.trim_end_matches('-').to_string())
        };
        let domain = Self::unique(&mut self.domains, &slug, &format!(".{}", locale.tld));
        let (_, city, _) = self.address(locale);
        let employees = 1 + self.rng.below(12) * self.rng.below(400);
        let revenue = (employees as i64) * self.rng.range(40_000, 160_000) * 100;
        let stage = *self.rng.pick(&["lead", "opportunity", "customer", "customer"]);
        let values = vec![
            ("name", Value::Text(name.clone())),
            ("domain", Value::Text(domain.clone())),
            ("industry", Value::Text(self.rng.pick(INDUSTRIES).to_string())),
            ("phone", Value::Text(self.phone(locale))),
            ("city", Value::Text(city)),
            ("country", Value::Text(locale.country.to_string())),
            ("numberofemployees", Value::Number(employees as f64)),
            ("annualrevenue", Value::Int(revenue)),
            ("lifecyclestage", Value::Text(stage.to_string())),
        ];
        self.fill(&mut record, values);
        self.companies.push(Company { id: record.id.clone(), name, domain, locale: locale_index, contacts: Vec::new() });
        self.sample.records.push(record);
    }

    fn contact(&mut self, i: usize, n: usize) {
        let created = self.created(i, n);
        let Some(mut record) = self.record("contacts", created) else { return };
        let company = (!self.companies.is_empty()).then(|| self.rng.below(self.companies.len()));
        let locale_index = match company {
            Some(c) if self.rng.chance(80) => self.companies[c].locale,
            _ => self.locale(),
        };
        let locale = ALL[locale_index];
        let female = self.rng.chance(50);
        let first_index = if female { self.rng.below(locale.female_count) } else { locale.female_count + self.rng.below(locale.first_names.len() - locale.female_count) };
        let (first, first_pinyin) = locale.first_names[first_index];
        let (last, last_pinyin) = *self.rng.pick(locale.last_names);
        let last = inflect(last, locale, female);
        let local = if locale.kind == LocaleKind::Chinese {
            format!("{last_pinyin}.{first_pinyin}")
        } else {
            format!("{}.{}", ascii_slug(first), ascii_slug(&last))
        };
        let domain = match company {
            Some(c) if self.rng.chance(70) => self.companies[c].domain.clone(),
            _ => self.rng.pick(locale.free_mail).to_string(),
        };
        let email = Self::unique(&mut self.emails, &local, &format!("@{domain}"));
        let (address, city, zip) = self.address(locale);
        let lifecycle = weighted(&mut self.rng, &LIFECYCLE_WEIGHTS);
        let lead_status = *self.rng.pick(&["NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"]);
        let company_name = company.map(|c| self.companies[c].name.clone()).unwrap_or_default();
        let values = vec![
            ("firstname", Value::Text(first.to_string())),
            ("lastname", Value::Text(last)),
            ("email", Value::Text(email)),
            ("phone", Value::Text(self.phone(locale))),
            ("jobtitle", Value::Text(self.rng.pick(locale.job_titles).to_string())),
            ("company", Value::Text(company_name)),
            ("address", Value::Text(address)),
            ("city", Value::Text(city)),
            ("zip", Value::Text(zip)),
            ("country", Value::Text(locale.country.to_string())),
            ("lifecyclestage", Value::Text(lifecycle.to_string())),
            ("hs_lead_status", Value::Text(lead_status.to_string())),
        ];
        self.fill(&mut record, values.into_iter().filter(|(_, v)| v.as_text() != Some("")).collect());
        if let Some(c) = company {
            self.companies[c].contacts.push(self.contacts.len());
            let pair = AssociationPair { from_object: "contacts".into(), from: record.id.clone(), to_object: "companies".into(), to: self.companies[c].id.clone(), label: Some("primary") };
            self.sample.associations.push(pair);
        }
        self.contacts.push(record.id.clone());
        self.sample.records.push(record);
    }

    fn deal(&mut self, i: usize, n: usize) {
        let created = self.created(i, n);
        let Some(mut record) = self.record("deals", created) else { return };
        let company = (!self.companies.is_empty()).then(|| self.rng.below(self.companies.len()));
        let product = *self.rng.pick(DEAL_PRODUCTS);
        let name = match company {
            Some(c) => format!("{} – {product}", self.companies[c].name),
            None => product.to_string(),
        };
        // Mostly small deals, a few large ones; whole tens in the workspace currency.
        let amount = self.rng.range(50, 2_000) * self.rng.range(1, 120) * 10 * 100;
        let pipelines = default_pipelines();
        let sales = pipelines.iter().flat_map(|p| p.stages.iter().filter(|_| p.id.as_str() == "default"));
        let stages: Vec<((&str, u8), usize)> = sales.zip([20, 18, 15, 12, 10, 15, 10]).map(|(s, w)| ((s.id.as_str(), s.probability), w)).collect();
        let (stage, probability) = weighted(&mut self.rng, &stages);
        let closed = stage.starts_with("closed");
        let close = if closed { self.now.plus_days(-self.rng.range(0, 365)) } else { self.now.plus_days(self.rng.range(0, 180)) };
        let values = vec![
            ("dealname", Value::Text(name)),
            ("amount", Value::Int(amount)),
            ("pipeline", Value::Text("default".into())),
            ("dealstage", Value::Text(stage.to_string())),
            ("hs_deal_stage_probability", Value::Number(f64::from(probability) / 100.0)),
            ("closedate", Value::Text(close.to_date())),
            ("dealtype", Value::Text(self.rng.pick(&["newbusiness", "existingbusiness"]).to_string())),
        ];
        self.fill(&mut record, values);
        // The weighted amount, as the command path computes it from the stage's probability.
        if let Some(def) = self.schema.object("deals") {
            let at = record.created;
            crate::core::calculate::refresh(def, &mut record, at, Source::Import);
        }
        if let Some(c) = company {
            let pair = AssociationPair { from_object: "deals".into(), from: record.id.clone(), to_object: "companies".into(), to: self.companies[c].id.clone(), label: None };
            self.sample.associations.push(pair);
            // One or two of the company's people, never the same one twice.
            let people = self.companies[c].contacts.len();
            let mut picked: Vec<usize> = (0..people.min(1 + self.rng.below(2))).map(|_| self.rng.below(people)).collect();
            picked.dedup();
            for p in picked {
                let contact = self.contacts[self.companies[c].contacts[p]].clone();
                let pair = AssociationPair { from_object: "deals".into(), from: record.id.clone(), to_object: "contacts".into(), to: contact, label: None };
                self.sample.associations.push(pair);
            }
        }
        self.sample.records.push(record);
    }

    /// An activity filled by property type, so it works with whatever activity objects the
    /// schema defines, linked to one contact.
    fn activity(&mut self, def: &ObjectDef, i: usize, n: usize) {
        let created = self.created(i, n);
        let Some(mut record) = self.record(&def.name, created) else { return };
        let mut values = Vec::new();
        for p in def.properties.iter().filter(|p| !p.read_only) {
            let value = match &p.kind {
                PropertyType::SingleLineText | PropertyType::MultiLineText => Some(Value::Text(self.rng.pick(ACTIVITY_PHRASES).to_string())),
                PropertyType::Number { min, max, .. } => {
                    let n = self.rng.range(1, 120) as f64;
                    Some(Value::Number(n.clamp(min.unwrap_or(f64::MIN), max.unwrap_or(f64::MAX))))
                }
                PropertyType::Currency => Some(Value::Int(self.rng.range(1, 500) * 100)),
                PropertyType::Date => Some(Value::Text(created.to_date())),
                PropertyType::DateTime => Some(Value::Text(created.to_iso())),
                PropertyType::Dropdown | PropertyType::Radio if !p.options.is_empty() => Some(Value::Text(self.rng.pick(&p.options).value.clone())),
                PropertyType::Checkboxes if !p.options.is_empty() => Some(Value::List([self.rng.pick(&p.options).value.clone()].into())),
                PropertyType::Checkbox => Some(Value::Bool(self.rng.chance(50))),
                _ => None,
            };
            if let Some(value) = value {
                values.push((p.name.as_str(), value));
            }
        }
        self.fill(&mut record, values);
        if !self.contacts.is_empty() {
            let contact = self.contacts[self.rng.below(self.contacts.len())].clone();
            let pair = AssociationPair { from_object: def.name.clone(), from: record.id.clone(), to_object: "contacts".into(), to: contact, label: None };
            self.sample.associations.push(pair);
        }
        self.sample.records.push(record);
    }
}
