//! Names a caller adds to an extractor: always reported, with the kind the
//! caller gave, and taking precedence over what the finders would say.

use super::EntityKind;
use std::collections::BTreeMap;
use std::ops::Range;

/// The caller's names, folded to Simplified, grouped by first character,
/// longest first within a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UserNames {
    by_first: BTreeMap<char, Vec<(Vec<char>, EntityKind)>>,
}

impl UserNames {
    /// Adds `name` as a `kind`; an empty name is ignored, a name added
    /// again takes the later kind.
    pub(crate) fn add(&mut self, kind: EntityKind, name: &str) {
        let folded: Vec<char> = name.chars().map(crate::dict::fold::to_simplified).collect();
        let Some(&first) = folded.first() else { return };
        let group = self.by_first.entry(first).or_default();
        group.retain(|(n, _)| *n != folded);
        group.push((folded, kind));
        group.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    }

    /// The caller's names in `chars` (folded), left to right, longest first
    /// where they overlap.
    pub(super) fn find(&self, chars: &[char]) -> Vec<(Range<usize>, EntityKind)> {
        let mut found = Vec::new();
        if self.by_first.is_empty() {
            return found;
        }
        let mut i = 0;
        while i < chars.len() {
            let group = chars.get(i).and_then(|c| self.by_first.get(c));
            let hit = group.and_then(|g| g.iter().find(|(n, _)| chars.get(i..i + n.len()) == Some(n.as_slice())));
            match hit {
                Some((name, kind)) => {
                    found.push((i..i + name.len(), *kind));
                    i += name.len();
                }
                None => i += 1,
            }
        }
        found
    }
}
