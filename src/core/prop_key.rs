//! Interned property names.
//!
//! Every record repeats the same dozen property names, so records store a 4-byte
//! [`PropKey`] instead of a `String` per value. The name ↔ key table is process-wide and
//! only grows: names come from schemas, so the table stays as small as the set of property
//! names ever defined. Hot loops (queries, search, board totals) resolve a name to its key
//! once and then compare integers.
//!
//! Keys are only meaningful inside one process; anything stored or sent uses the names.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

/// A property name, interned. Two keys are equal exactly when their names are equal.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PropKey(u32);

#[derive(Default)]
struct Table {
    names: Vec<&'static str>,
    keys: HashMap<&'static str, PropKey>,
}

fn table() -> std::sync::MutexGuard<'static, Table> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    // A panic while holding the lock cannot leave the table half-written (push and insert
    // are the only writes), so a poisoned lock is still safe to use.
    TABLE.get_or_init(Default::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl PropKey {
    /// The key of a name, interning it on first use.
    pub fn of(name: &str) -> PropKey {
        let mut table = table();
        if let Some(key) = table.keys.get(name) {
            return *key;
        }
        let key = PropKey(table.names.len() as u32);
        // Leaked on purpose: the set of property names is small and lives as long as the app.
        let name: &'static str = Box::leak(name.to_string().into_boxed_str());
        table.names.push(name);
        table.keys.insert(name, key);
        key
    }

    /// The key of a name that was interned before; `None` means no record can hold it.
    pub fn find(name: &str) -> Option<PropKey> {
        table().keys.get(name).copied()
    }

    pub fn name(self) -> &'static str {
        table().names.get(self.0 as usize).copied().unwrap_or("")
    }
}

impl fmt::Debug for PropKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PropKey({})", self.name())
    }
}

/// An object name kept once for the whole process: every record and both ends of every link
/// name their object, and a shared copy saves one allocation each (a cold start makes half a
/// million of them). Reads as a `str`; names read from JSON arrive owned, which is also fine.
pub type Name = Cow<'static, str>;

/// The shared copy of `name`, interned with the property names (the table only grows, and
/// object names are as few as the schema's objects).
pub fn shared_name(name: &str) -> Name {
    Cow::Borrowed(PropKey::of(name).name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_name_always_gets_the_same_key() {
        let a = PropKey::of("prop_key_test_city");
        assert_eq!(PropKey::of("prop_key_test_city"), a);
        assert_ne!(PropKey::of("prop_key_test_country"), a);
        assert_eq!(a.name(), "prop_key_test_city");
        assert_eq!(PropKey::find("prop_key_test_city"), Some(a));
        assert_eq!(PropKey::find("prop_key_test_never_interned"), None);
    }
}
