//! Random and mutated documents never panic the backup reader and never change a workspace
//! when refused.

use std::sync::OnceLock;

use proptest::prelude::*;

use super::tests::sample;
use super::*;
use crate::core::id::IdGen;
use crate::core::schema::default_schema;

fn valid() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| export(&sample(), Millis(1)))
}

#[derive(Clone, Debug)]
enum Mutation {
    Cut(usize, usize),
    Insert(usize, char),
    Replace(usize, char),
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let len = chars.len().max(1);
        match *m {
            Mutation::Cut(at, n) => {
                let at = at % len;
                let end = (at + n).min(chars.len());
                chars.drain(at.min(chars.len())..end);
            }
            Mutation::Insert(at, c) => chars.insert((at % len).min(chars.len()), c),
            Mutation::Replace(at, c) => {
                if let Some(slot) = chars.get_mut(at % len) {
                    *slot = c;
                }
            }
        }
    }
    chars.into_iter().collect()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let c = prop::sample::select(vec!['"', '{', '}', '[', ']', ',', ':', '1', '-', 'e', '.', 'x', '\\', ' ', 'é', '\u{0}']);
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Mutation::Cut(a, n)),
        (any::<usize>(), c.clone()).prop_map(|(a, c)| Mutation::Insert(a, c)),
        (any::<usize>(), c).prop_map(|(a, c)| Mutation::Replace(a, c)),
    ]
}

fn check_import(text: &str) {
    let mut ws = Workspace::new(default_schema(), IdGen::new(9, 0));
    let before = ws.entities();
    match import(&mut ws, text) {
        Ok(_) => assert_eq!(export(&ws, Millis(1)), Backup { exported_at: Millis(1), entities: ws.entities() }.encode()),
        Err(e) => {
            assert_eq!(ws.entities(), before, "refused with {e} but changed");
            assert!(!e.to_string().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mutated_backups_never_panic_or_half_apply(mutations in prop::collection::vec(mutation(), 1..4)) {
        check_import(&mutate(valid(), &mutations));
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        check_import(&text);
    }

    #[test]
    fn random_json_never_panics(text in "[\\[\\]{}\":,0-9a-z ]{0,300}") {
        check_import(&text);
    }
}
