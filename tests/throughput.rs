//! Throughput guard: fails when conversion gets markedly slower.
//!
//! Absolute speed depends on the machine, so this measures zhtext against a
//! baseline in the same process, alternately, on the same input: for
//! conversion a plain character-by-character table lookup (the simplest
//! possible converter, written here), for extraction a scan for digit runs. The ratio zhtext / baseline must stay above the floor in
//! `tests/data/throughput-floor.txt`, set at about half of the ratio
//! measured when the floor was last raised.
//!
//! Run in release mode (CI does):
//! `cargo test --release --test throughput -- --ignored --nocapture`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use std::time::Instant;

use zhtext::{Config, Converter};

fn root() -> &'static str {
    env!("CARGO_MANIFEST_DIR")
}

/// The baseline: single-character entries of one OpenCC dictionary in a
/// flat table, converted character by character.
struct Baseline(Vec<u32>);

impl Baseline {
    fn new(dictionary: &str) -> Baseline {
        let text = std::fs::read_to_string(format!("{}/dictionaries/opencc/{dictionary}", root())).unwrap();
        let mut table = vec![0u32; 0x11_0000];
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((key, values)) = line.split_once('\t') else { continue };
            let mut k = key.chars();
            let (Some(k0), None) = (k.next(), k.next()) else { continue };
            if let Some(v0) = values.split(' ').next().and_then(|v| v.chars().next()) {
                table[k0 as usize] = v0 as u32;
            }
        }
        Baseline(table)
    }

    fn convert(&self, input: &str, out: &mut String) {
        for c in input.chars() {
            let m = self.0[c as usize];
            out.push(if m == 0 { c } else { char::from_u32(m).unwrap() });
        }
    }
}

fn best_of(reps: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..reps {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

/// How many times each timing of the extraction baseline runs it: the
/// baseline is about a hundred times faster, and timing both over spans of
/// the same length keeps the ratio steady (a best of a fraction of a
/// millisecond caught the shared machine's fast moments more often than a
/// best of tens).
const BASE_REPEATS: u32 = 64;

/// The extraction baseline: the simplest figure finder, digit runs followed
/// by a character, collected as strings.
fn digit_runs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else if !run.is_empty() {
            run.push(c);
            found.push(std::mem::take(&mut run));
        }
    }
    found
}

fn floor(name: &str) -> f64 {
    let text = std::fs::read_to_string(format!("{}/tests/data/throughput-floor.txt", root())).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.split_once('=').filter(|(k, _)| k.trim() == name).map(|(_, v)| v.trim().parse().unwrap()))
        .unwrap_or_else(|| panic!("no floor for {name}"))
}

#[test]
#[ignore = "timing: run in release mode, see the module docs"]
fn conversion_keeps_its_speed_relative_to_a_plain_table_lookup() {
    if cfg!(debug_assertions) {
        eprintln!("skipped: build with --release");
        return;
    }
    let hans = std::fs::read_to_string(format!("{}/tests/data/zuozhuan.txt", root())).unwrap().repeat(2);
    let hant = Converter::new(Config::S2t).convert(&hans).into_owned();
    let mut failures = Vec::new();
    for (config, input, dictionary) in
        [(Config::T2s, &hant, "TSCharacters.txt"), (Config::S2t, &hans, "STCharacters.txt")]
    {
        let converter = Converter::new(config);
        let baseline = Baseline::new(dictionary);
        let mut out = String::with_capacity(input.len() * 2);
        let (mut ours, mut base) = (f64::MAX, f64::MAX);
        for _ in 0..5 {
            ours = ours.min(best_of(2, || {
                out.clear();
                converter.convert_into(input, &mut out);
            }));
            base = base.min(best_of(2, || {
                out.clear();
                baseline.convert(input, &mut out);
            }));
        }
        let ratio = base / ours;
        let min = floor(config.name());
        let mb = input.len() as f64 / 1e6;
        println!(
            "{config}: zhtext {:.0} MB/s, baseline {:.0} MB/s, ratio {ratio:.2} (floor {min})",
            mb / ours,
            mb / base
        );
        if ratio < min {
            failures.push(format!("{config}: ratio {ratio:.2} below floor {min}"));
        }
    }
    // Extraction against its own baseline, on the seed article (figures
    // and contacts are dense there).
    let seed = std::fs::read_to_string(format!("{}/tests/data/seed-dajiang.txt", root())).unwrap().repeat(50);
    let extractor = zhtext::Extractor::new();
    let (mut ours, mut base) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        ours = ours.min(best_of(2, || {
            std::hint::black_box(extractor.extract(&seed));
        }));
        base = base.min(
            best_of(2, || {
                for _ in 0..BASE_REPEATS {
                    std::hint::black_box(digit_runs(std::hint::black_box(&seed)));
                }
            }) / f64::from(BASE_REPEATS),
        );
    }
    let ratio = base / ours;
    let min = floor("extract");
    let mb = seed.len() as f64 / 1e6;
    println!("extract: zhtext {:.1} MB/s, baseline {:.0} MB/s, ratio {ratio:.4} (floor {min})", mb / ours, mb / base);
    if ratio < min {
        failures.push(format!("extract: ratio {ratio:.2} below floor {min}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("; "));
}
