//! The embedded OpenCC data is exactly what `scripts/fetch-opencc-data.py`
//! recorded in `dictionaries/README.md`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use sha2::{Digest, Sha256};

#[test]
fn dictionary_hashes_match_readme() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/dictionaries/README.md")).expect("README");
    let mut checked = 0;
    for line in readme.lines().filter(|l| l.starts_with("| `opencc/")) {
        let cells: Vec<&str> = line.split('|').map(|c| c.trim().trim_matches('`')).collect();
        let (file, size, hash) = (cells[1], cells[2], cells[3]);
        let bytes = std::fs::read(format!("{root}/dictionaries/{file}")).expect(file);
        assert_eq!(bytes.len().to_string(), size, "{file} size");
        let digest = hex(&Sha256::digest(&bytes));
        assert_eq!(digest, hash, "{file} SHA-256");
        checked += 1;
    }
    // 22 dictionaries, 16 configurations and the licence.
    assert_eq!(checked, 39);
}

#[test]
fn jieba_lexicon_hashes_match_readme() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/dictionaries/jieba/README.md")).expect("README");
    let mut checked = 0;
    for line in readme.lines().filter(|l| l.starts_with("| `") && l.contains(".txt`")) {
        let cells: Vec<&str> = line.split('|').map(|c| c.trim().trim_matches('`')).collect();
        let (file, entries, hash) = (cells[1], cells[2], cells[3]);
        let text = std::fs::read_to_string(format!("{root}/dictionaries/jieba/{file}")).expect(file);
        assert_eq!(text.lines().count().to_string(), entries, "{file} entries");
        let digest = hex(&Sha256::digest(text.as_bytes()));
        assert_eq!(digest, hash, "{file} SHA-256");
        checked += 1;
    }
    assert_eq!(checked, 5);
}

/// The extractor folds its input with t2s before looking words up, so a
/// word of our own lexicons that t2s would change could never match (三塚
/// folds to 三冢).
#[test]
fn own_lexicon_words_are_already_folded() {
    let root = env!("CARGO_MANIFEST_DIR");
    let t2s = zhtext::Converter::new(zhtext::Config::T2s);
    let mut checked = 0;
    for file in ["surnames.txt", "japanese-surnames.txt", "entities.txt", "places.txt", "transliteration.txt"] {
        let text = std::fs::read_to_string(format!("{root}/dictionaries/zhtext/{file}")).expect(file);
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let words = line.split('\t').next().unwrap_or_default();
            for word in words.split_whitespace() {
                assert_eq!(t2s.convert(word), word, "{file}: {word} is not in its folded form");
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    })
}
