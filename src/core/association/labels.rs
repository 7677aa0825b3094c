//! The label names stored on one link.
//!
//! Most links carry no label or one ("primary"), and a workspace holds hundreds of thousands of
//! links: a `BTreeSet<String>` took a tree node and a string for each (about 150 bytes on
//! wasm), a sorted list of shared names takes one small block. Stored as before, as a list of
//! names.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::prop_key::Name;

/// Label names in name order, each once; compared as the sorted lists they are, as a
/// `BTreeSet` was.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Labels(Vec<Name>);

impl Labels {
    pub fn new() -> Self {
        Labels(Vec::new())
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.into_iter()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Adds a label; `false` when it was there already.
    pub fn insert(&mut self, name: impl Into<Name>) -> bool {
        let name = name.into();
        match self.find(&name) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, name);
                true
            }
        }
    }

    /// Keeps the labels `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|name| keep(name));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|n| (**n).cmp(name))
    }
}

impl<N: Into<Name>> FromIterator<N> for Labels {
    fn from_iter<I: IntoIterator<Item = N>>(names: I) -> Self {
        let mut names: Vec<Name> = names.into_iter().map(Into::into).collect();
        names.sort_unstable();
        names.dedup();
        Labels(names)
    }
}

impl<'a> IntoIterator for &'a Labels {
    type Item = &'a str;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Name>, fn(&'a Name) -> &'a str>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|name| &**name)
    }
}

impl Serialize for Labels {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Labels {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<String>::deserialize(d)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_stay_sorted_and_unique_however_they_arrive() {
        let mut labels: Labels = ["primary", "billing", "primary"].into_iter().collect();
        assert_eq!(labels.iter().collect::<Vec<_>>(), ["billing", "primary"]);
        assert!(labels.insert("decider".to_string()));
        assert!(!labels.insert("billing"));
        assert_eq!(labels.iter().collect::<Vec<_>>(), ["billing", "decider", "primary"]);
        assert!(labels.contains("decider") && !labels.contains("other"));
        labels.retain(|l| l != "billing");
        assert_eq!(labels.len(), 2);
    }

    #[test]
    fn labels_are_stored_as_a_list_of_names() {
        let labels: Labels = ["primary", "billing"].into_iter().collect();
        let json = serde_json::to_string(&labels).expect("serializes");
        assert_eq!(json, r#"["billing","primary"]"#);
        let back: Labels = serde_json::from_str(r#"["primary","billing","billing"]"#).expect("parses");
        assert_eq!(back, labels);
    }
}
