//! Places: the gazetteer (jieba's places) and administrative units
//! (place + 市/縣/鎮/鄉/村/區 ...).

use super::doc::Doc;
use super::lexicon::{ADMIN, ORG_SUFFIX};
use std::ops::Range;

/// Units that may follow a stem the gazetteer does not know (村, 鎮):
/// small places are too many to list.
const SMALL_UNITS: &str = "县镇乡村区";

/// The places of `doc`, left to right, not overlapping (character ranges).
pub(super) fn find(doc: &Doc<'_>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let after_place = found.last().is_some_and(|p: &Range<usize>| p.end == i);
        match place_at(doc, i, after_place) {
            Some(end) => {
                found.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The end of the place starting at `i`, if one does (`after_place`: a
/// place ends at `i`, as 臺山市 before 大江鎮).
fn place_at(doc: &Doc<'_>, i: usize, after_place: bool) -> Option<usize> {
    let known = doc
        // A word across the end means a shorter place (阿拉伯国 in
        // 阿拉伯国家 is 阿拉伯).
        .longest(i, |w| w.info.place > 0 && !doc.word_out_of(i + 1, w.end, w.info.place.max(1000)))
        // A commoner word across the start means the place is not one here
        // (长江南岸 has no 江南).
        .filter(|w| !doc.word_across(i, w.info.place.max(100)));
    let stem_end = match known {
        Some(w) => w.end,
        None if (after_place || doc.left_boundary(i))
            && doc.is_name_char(i)
            && doc.is_name_char(i + 1)
            && doc.info(i, i + 2).is_none_or(|info| info.word == 0 || info.place_like)
            && SMALL_UNITS.contains(doc.at(i + 2)) =>
        {
            i + 2
        }
        None => return None,
    };
    let ends_in_unit = doc.longest(stem_end.saturating_sub(1), |w| w.end == stem_end && w.info.cues & ADMIN != 0);
    if ends_in_unit.is_none() {
        if let Some(unit) = doc.longest(stem_end, |w| w.info.cues & ADMIN != 0) {
            // 市场 and 区别 are words, not units; 市委 is an organisation's
            // suffix, left to the organisation finder.
            let longer_word = doc.starting(stem_end).iter().any(|w| {
                w.end > unit.end && (w.info.word >= 100 && !w.info.place_like || w.info.cues & ORG_SUFFIX != 0)
            });
            if !longer_word {
                return Some(unit.end);
            }
        }
    }
    known.map(|w| w.end)
}
