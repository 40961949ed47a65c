//! Repair on synthetic portal text: Simplified text converted the way
//! mainland portals do it (each character to its first `STCharacters`
//! candidate, except characters that are among their own candidates, which
//! stay: 于 干 系 制 后 ...), repaired, and compared position by position
//! with OpenCC's phrase-level s2t.
//!
//! Precision: of the characters the repair changed, how many now equal
//! OpenCC's. Recall: of the leftovers (characters the portal left that
//! OpenCC converts, and that neither Taiwan nor Hong Kong forms keep), how
//! many the repair fixed.
//! `cargo test --release --test repair_eval -- --nocapture` prints them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use std::collections::HashMap;

use zhtext::{repair, Config, Converter, RepairOptions};

fn st_candidates() -> HashMap<char, Vec<char>> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/dictionaries/opencc/STCharacters.txt")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(k, v)| {
            let mut k = k.chars();
            let (Some(key), None) = (k.next(), k.next()) else { return None };
            Some((key, v.split(' ').filter_map(|s| s.chars().next()).collect()))
        })
        .collect()
}

/// (precision, recall, changes, leftovers)
fn evaluate(simplified: &str) -> (f64, f64, usize, usize) {
    let st = st_candidates();
    let portal: String = simplified
        .chars()
        .map(|c| match st.get(&c) {
            Some(cands) if !cands.contains(&c) => cands[0],
            _ => c,
        })
        .collect();
    let reference = Converter::new(Config::S2t).convert(simplified).into_owned();
    // Where the Taiwan or Hong Kong form keeps the portal's character
    // (吃, 才, 台 ...), leaving it is right for those standards.
    let tw: Vec<char> = Converter::new(Config::T2tw).convert(&reference).chars().collect();
    let hk: Vec<char> = Converter::new(Config::T2hk).convert(&reference).chars().collect();
    let repaired = repair(&portal, &RepairOptions::new()).into_text();
    let (p, r, s): (Vec<char>, Vec<char>, Vec<char>) =
        (portal.chars().collect(), repaired.chars().collect(), reference.chars().collect());
    assert_eq!(p.len(), r.len());
    assert!(p.len() == s.len(), "reference not aligned");
    let (mut changed, mut right, mut leftovers, mut fixed) = (0, 0, 0, 0);
    let mut missed: HashMap<(char, char), usize> = HashMap::new();
    for i in 0..p.len() {
        if r[i] != p[i] {
            changed += 1;
            right += usize::from(r[i] == s[i]);
        }
        // A leftover: the portal kept the Simplified character where
        // OpenCC converts it.
        let regional = tw.get(i) == Some(&p[i]) || hk.get(i) == Some(&p[i]);
        if p[i] != s[i] && !regional && st.get(&p[i]).is_some_and(|c| c.contains(&p[i])) {
            leftovers += 1;
            fixed += usize::from(r[i] == s[i]);
            if r[i] != s[i] {
                *missed.entry((p[i], s[i])).or_default() += 1;
            }
        }
    }
    let mut missed: Vec<_> = missed.into_iter().collect();
    missed.sort_by_key(|m| std::cmp::Reverse(m.1));
    let top: Vec<String> = missed.iter().take(12).map(|((p, s), n)| format!("{p}→{s} {n}")).collect();
    println!("most missed: {}", top.join(", "));
    let precision = if changed == 0 { 1.0 } else { right as f64 / changed as f64 };
    let recall = if leftovers == 0 { 1.0 } else { fixed as f64 / leftovers as f64 };
    (precision, recall, changed, leftovers)
}

#[test]
fn synthetic_portal_text_precision_and_recall() {
    let zuozhuan = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/zuozhuan.txt")).unwrap();
    let sample: String = zuozhuan.chars().take(if cfg!(debug_assertions) { 60_000 } else { usize::MAX }).collect();
    let (precision, recall, changed, leftovers) = evaluate(&sample);
    println!("zuozhuan: precision {precision:.4} ({changed} changes), recall {recall:.4} ({leftovers} leftovers)");
    assert!(precision >= 0.95, "precision {precision}");
}

/// Do no harm: standard Traditional text (OpenCC's own s2t of zuozhuan)
/// must come back (almost) unchanged.
#[test]
fn standard_traditional_text_is_left_alone() {
    let zuozhuan = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/zuozhuan.txt")).unwrap();
    let sample: String = zuozhuan.chars().take(if cfg!(debug_assertions) { 60_000 } else { usize::MAX }).collect();
    let hant = Converter::new(Config::S2t).convert(&sample).into_owned();
    let repaired = repair(&hant, &RepairOptions::new());
    let han = hant.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count();
    let rate = repaired.edits().len() as f64 / han as f64;
    let examples: Vec<String> =
        repaired.edits().iter().take(8).map(|e| format!("{}→{} ({})", e.from(), e.to(), e.rule())).collect();
    println!(
        "standard Traditional: {} edits in {han} Han characters ({:.4}%): {examples:?}",
        repaired.edits().len(),
        rate * 100.0
    );
    assert!(rate <= 0.0001, "{rate}");
}

/// Do no harm on natural Hong Kong text (CTCPC sentences, CC0, sampled by
/// scripts/fetch-ctcpc-sample.py): at most 0.01 % of the Han characters
/// change, and colloquial characters (嘅 咗 喺) never do. OpenCC's t2s→s2t
/// round trip is printed for comparison.
#[test]
fn natural_hong_kong_text_is_left_alone() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ctcpc-sample.txt")).unwrap();
    let han = text.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count();
    let repaired = repair(&text, &RepairOptions::new());
    let round_trip = Converter::new(Config::S2t).convert(&Converter::new(Config::T2s).convert(&text)).into_owned();
    let trip_changes = text.chars().zip(round_trip.chars()).filter(|(a, b)| a != b).count();
    let examples: Vec<String> =
        repaired.edits().iter().take(10).map(|e| format!("{}→{} ({})", e.from(), e.to(), e.rule())).collect();
    let rate = repaired.edits().len() as f64 / han as f64;
    println!(
        "CTCPC sample: {} of {han} Han characters changed ({:.4}%), OpenCC round trip {trip_changes} ({:.2}%): {examples:?}",
        repaired.edits().len(),
        rate * 100.0,
        trip_changes as f64 / han as f64 * 100.0
    );
    assert!(repaired.edits().iter().all(|e| !matches!(e.from(), '嘅' | '咗' | '喺')));
    assert!(rate <= 0.0001, "{rate}");
}
