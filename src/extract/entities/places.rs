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
        .filter(|w| !doc.word_across(i, w.info.place.max(100)))
        // Inside a foreign name (塔尼亞 in 內塔尼亞胡), it is the name's.
        .filter(|w| !inside_name(doc, i, w.end))
        // A place and a general word (香港 + 特區, 青藏 + 高原): the place.
        .map(|w| generic_tail(doc, i, w.end).map_or(w, |end| super::doc::Word { end, ..w }));
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
        if let Some(unit) = doc.longest_cued(stem_end, ADMIN) {
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

/// Whether a name of jieba's people list covers `i..end` and more.
fn inside_name(doc: &Doc<'_>, i: usize, end: usize) -> bool {
    (i.saturating_sub(3)..i).any(|s| doc.starting(s).iter().any(|w| w.info.person > 0 && w.end >= end))
}

/// Where a gazetteer word of three or more characters that is a shorter
/// place followed by a general word (香港特區, 天安門廣場, 西藏自治區)
/// should end: after the shorter place.
fn generic_tail(doc: &Doc<'_>, i: usize, end: usize) -> Option<usize> {
    if end - i < 3 {
        return None;
    }
    doc.starting(i).iter().rev().filter(|w| w.end < end && w.end - i >= 2 && w.info.place > 0).find_map(|p| {
        let tail = doc.starting(p.end).iter().any(|w| w.end == end && w.info.word > 0 && !w.info.place_like);
        tail.then_some(p.end)
    })
}
