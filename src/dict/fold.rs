//! Character-level folding to Simplified, for lookups that must see
//! Traditional, Simplified and mixed text alike.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The single-character entries of an embedded OpenCC dictionary: each key
/// with its single-character values, first (preferred) value first.
pub(crate) fn single_char_entries(file: &str) -> Vec<(char, Vec<char>)> {
    let Some((_, text)) = super::embedded::lookup(file) else { return Vec::new() };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(k, v)| {
            let key = single(k)?;
            Some((key, v.split(' ').filter_map(single).collect()))
        })
        .collect()
}

fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `c` as Simplified: the first candidate of OpenCC's `TSCharacters`, or
/// `c` itself. One character for one, so offsets carry over unchanged.
pub(crate) fn to_simplified(c: char) -> char {
    static MAP: OnceLock<Folding> = OnceLock::new();
    if c.is_ascii() {
        return c;
    }
    let folding = MAP.get_or_init(|| {
        let rest: HashMap<char, char> =
            single_char_entries("TSCharacters.txt").into_iter().filter_map(|(k, v)| Some((k, *v.first()?))).collect();
        let block = (BLOCK_START..BLOCK_END)
            .map(|cp| char::from_u32(cp).map_or('\0', |c| rest.get(&c).copied().unwrap_or(c)))
            .collect();
        Folding { block, rest }
    });
    let cp = u32::from(c);
    if (BLOCK_START..BLOCK_END).contains(&cp) {
        folding.block.get((cp - BLOCK_START) as usize).copied().unwrap_or(c)
    } else {
        folding.rest.get(&c).copied().unwrap_or(c)
    }
}

/// The main CJK block, where almost every lookup falls, as a table.
const BLOCK_START: u32 = 0x4E00;
const BLOCK_END: u32 = 0xA000;

struct Folding {
    block: Vec<char>,
    rest: HashMap<char, char>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_traditional_and_keeps_the_rest() {
        let folded: String = "臺山市陳健宇說 abc 于".chars().map(super::to_simplified).collect();
        assert_eq!(folded, "台山市陈健宇说 abc 于");
    }
}
