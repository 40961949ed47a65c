//! Inputs the fuzzers found, kept as tests (`tests/data/fuzz-regressions`;
//! the first byte is the fuzz target's flags, the rest the text).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use zhtext::Normalizer;

fn case(name: &str) -> (u8, String) {
    let bytes = std::fs::read(format!("{}/tests/data/fuzz-regressions/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    (bytes[0], String::from_utf8(bytes[1..].to_vec()).unwrap())
}

/// A lone \r split a long line into a short one that then looked like
/// boilerplate: normalising twice removed more than once.
#[test]
fn boilerplate_lines_end_at_lone_carriage_returns() {
    let (flags, text) = case("text-boilerplate-lone-cr.bin");
    let normalizer = Normalizer::builder().strip_boilerplate(flags & 1 != 0).build();
    let once = normalizer.normalize(&text);
    assert_eq!(normalizer.normalize(once.text()).text(), once.text());
}

/// Blank lines on both sides of a removed boilerplate line: the collapse
/// must see them as adjacent, or the second pass collapses again.
#[test]
fn blank_lines_around_removed_boilerplate_collapse_once() {
    let (flags, text) = case("text-blank-lines-around-boilerplate.bin");
    let normalizer = Normalizer::builder().strip_boilerplate(flags & 1 != 0).build();
    let once = normalizer.normalize(&text);
    assert_eq!(normalizer.normalize(once.text()).text(), once.text());
}
