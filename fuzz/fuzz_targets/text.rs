//! Script detection, normalisation, extraction (entities included) and
//! repair of arbitrary text: no panics, counts cover every character,
//! leftover spans, entities and edits lie on
//! character boundaries, normalisation is idempotent with a monotone
//! offset map, repair changes characters one for one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhtext::{detect, repair, Normalizer, RepairOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };

    let profile = detect(text);
    assert_eq!(
        profile.simplified_only() + profile.traditional_only() + profile.shared() + profile.non_han(),
        text.chars().count()
    );
    for r in profile.leftovers() {
        assert!(text.get(r.clone()).is_some());
    }

    let normalizer = Normalizer::builder().strip_boilerplate(flags & 1 != 0).build();
    let once = normalizer.normalize(text);
    let twice = normalizer.normalize(once.text());
    assert_eq!(once.text(), twice.text());
    let out = once.text();
    let mut last = 0;
    for (i, _) in out.char_indices() {
        let r = once.map().to_source(i..out.len());
        assert!(r.start >= last && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        last = r.start;
    }

    let found = zhtext::Extractor::new().extract(text);
    for r in found.figures().iter().map(|f| f.range()).chain(found.contacts().iter().map(|c| c.range())) {
        assert!(r.start < r.end && text.get(r).is_some());
    }
    for e in found.entities() {
        assert!(e.range().start < e.range().end && text.get(e.range()).is_some());
        for r in [e.title(), e.org()].into_iter().flatten() {
            assert!(text.get(r).is_some());
        }
    }

    let repaired = repair(text, &RepairOptions::new().force(flags & 2 != 0));
    assert_eq!(repaired.text().chars().count(), text.chars().count());
    for e in repaired.edits() {
        assert!(text.get(e.range()).is_some());
    }
});
