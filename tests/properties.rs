//! Relations that must hold for every input (proptest).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use std::borrow::Cow;
use std::io::Read;

use proptest::prelude::*;
use zhtext::{Config, Converter};

fn cases(default: u32) -> u32 {
    std::env::var("ZHTEXT_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn converters() -> Vec<Converter> {
    Config::ALL.iter().map(|&c| Converter::new(c)).collect()
}

/// Characters from the seed article and zuozhuan's opening (both scripts),
/// with the awkward cases mixed in: IDS operators, compatibility
/// ideographs, astral characters, NUL, line breaks.
fn alphabet() -> Vec<char> {
    let seed = include_str!("data/seed-dajiang.txt");
    let mut chars: Vec<char> = seed.chars().take(3000).collect();
    chars.extend("⿰⿱⿲⿳豈更車\u{2F800}𠀀𪠟\0\n\r ，。「」PNSQL后干發髮臺台".chars());
    chars.sort_unstable();
    chars.dedup();
    chars
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(alphabet()), 0..64).prop_map(|v| v.into_iter().collect())
}

/// Text with everything normalisation deals with.
fn messy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "大江鎮",
        "臺山",
        "并",
        ",",
        ":",
        ";",
        "?",
        "!",
        "(",
        ")",
        "\"",
        " ",
        "  ",
        "\t",
        "\r\n",
        "\n",
        "\n\n\n",
        "\r",
        "１９",
        "ＡＢ",
        "\u{F900}",
        "1,820",
        "1.5",
        "0750-5524538",
        "ts686@126.com",
        "http://a.cn/x?y=1,2",
        "　",
        "abc",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303B
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// A reader that hands out its bytes in the given chunk sizes.
struct Chunked<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes.get(self.next % self.sizes.len().max(1)).copied().unwrap_or(1).max(1);
        self.next += 1;
        let n = size.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn stream(converter: &Converter, input: &str, sizes: Vec<usize>) -> String {
    let mut out = Vec::new();
    converter.convert_stream(Chunked { data: input.as_bytes(), sizes, next: 0 }, &mut out).expect("valid UTF-8");
    String::from_utf8(out).expect("output is UTF-8")
}

proptest! {
    // ZHTEXT_PROPTEST_CASES=10000 for a deep run.
    #![proptest_config(ProptestConfig { cases: cases(128), ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_strings(s in any::<String>()) {
        for c in converters() {
            let _ = c.convert(&s);
        }
    }

    #[test]
    fn text_without_han_is_unchanged_and_borrowed(s in any::<String>().prop_map(|s| s.chars().filter(|&c| !is_han(c)).collect::<String>())) {
        for c in converters() {
            prop_assert!(matches!(c.convert(&s), Cow::Borrowed(b) if b == s));
        }
    }

    #[test]
    fn convert_into_and_streaming_equal_convert(s in text(), sizes in prop::collection::vec(1usize..9, 1..6)) {
        for c in converters() {
            let whole = c.convert(&s).into_owned();
            let mut into = String::from("prefix:");
            c.convert_into(&s, &mut into);
            prop_assert_eq!(&into["prefix:".len()..], whole.as_str());
            prop_assert_eq!(stream(&c, &s, sizes.clone()), whole);
        }
    }

    /// Script detection accounts for every character and points into the
    /// text at character boundaries.
    #[test]
    fn detection_counts_every_character_and_spans_are_valid(s in prop_oneof![text(), any::<String>()]) {
        let p = zhtext::detect(&s);
        prop_assert_eq!(p.simplified_only() + p.traditional_only() + p.shared() + p.non_han(), s.chars().count());
        for r in p.leftovers() {
            prop_assert!(s.get(r.clone()).is_some_and(|t| t.chars().count() == 1));
        }
        prop_assert!((0.0..=1.0).contains(&p.confidence()));
    }

    /// Normalisation is idempotent and its offset map is monotone and
    /// lands on character boundaries.
    #[test]
    fn normalization_is_idempotent_with_a_sound_offset_map(
        s in prop_oneof![messy(), any::<String>()],
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        strip in any::<bool>(),
    ) {
        let normalizer = zhtext::Normalizer::builder().strip_boilerplate(strip).build();
        let once = normalizer.normalize(&s);
        let twice = normalizer.normalize(once.text());
        prop_assert_eq!(twice.text(), once.text());
        prop_assert!(twice.edits().is_empty(), "{:?}", twice.edits());
        let text = once.text();
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(text.len() + 1)).collect();
        bounds.retain(|&b| text.is_char_boundary(b));
        bounds.sort_unstable();
        let mut last = 0;
        for pair in bounds.windows(2) {
            let r = once.map().to_source(pair[0]..pair[1]);
            prop_assert!(r.start <= r.end && r.end <= s.len());
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            prop_assert!(r.start >= last);
            last = r.start;
        }
        let whole = once.map().to_source(0..text.len());
        prop_assert!(whole.start <= whole.end && whole.end <= s.len());
    }

    /// Repair keeps the text's length in characters, edits point at single
    /// characters, and applying them gives the text.
    #[test]
    fn repair_changes_characters_one_for_one(s in prop_oneof![text(), any::<String>()], force in any::<bool>()) {
        let r = zhtext::repair(&s, &zhtext::RepairOptions::new().force(force));
        prop_assert_eq!(r.text().chars().count(), s.chars().count());
        let mut rebuilt = String::new();
        let mut last = 0;
        for e in r.edits() {
            let from = e.from().to_string();
            prop_assert_eq!(s.get(e.range()), Some(from.as_str()));
            rebuilt.push_str(&s[last..e.range().start]);
            rebuilt.push(e.to());
            last = e.range().end;
        }
        rebuilt.push_str(&s[last..]);
        prop_assert_eq!(rebuilt, r.text());
    }

    /// Extraction never panics and its spans lie on character boundaries
    /// inside the input, in order and without overlap.
    #[test]
    fn extraction_spans_are_valid(s in prop_oneof![text(), messy(), any::<String>()]) {
        let found = zhtext::Extractor::new().extract(&s);
        let mut last = 0;
        for r in found.figures().iter().map(zhtext::Figure::range) {
            prop_assert!(r.start >= last && r.start < r.end && s.get(r.clone()).is_some());
            last = r.end;
        }
        let mut last = 0;
        for r in found.contacts().iter().map(zhtext::Contact::range) {
            prop_assert!(r.start >= last && r.start < r.end && s.get(r.clone()).is_some());
            last = r.end;
        }
        // Entities are in order of start; an organisation may contain the
        // place its name starts with, so they may nest.
        let mut last = 0;
        for e in found.entities() {
            let r = e.range();
            prop_assert!(r.start >= last && r.start < r.end && s.get(r.clone()).is_some());
            for attribute in [e.title(), e.org()].into_iter().flatten() {
                prop_assert!(s.get(attribute).is_some());
            }
            last = r.start;
        }
    }

    /// A line break ends every match. (OpenCC copies an ideographic
    /// description sequence whole, and one may span the break, so `a` has
    /// no IDS operator.)
    #[test]
    fn lines_convert_independently(a in text(), b in text()) {
        prop_assume!(!a.chars().any(|c| ('\u{2FF0}'..='\u{2FFF}').contains(&c)));
        for c in converters() {
            let joined = c.convert(&format!("{a}\n{b}")).into_owned();
            prop_assert_eq!(joined, format!("{}\n{}", c.convert(&a), c.convert(&b)));
        }
    }
}
