//! Names in lists separated by 、 (魯迅、茅盾、巴金), with notes marking a
//! person (（女）, （藏族）), and names listed or joined with a person found
//! elsewhere (江澤民、李鵬, 雷恪生和方青卓).

use super::super::doc::{Cover, Doc};
use super::super::lexicon::SURNAME;
use super::foreign::DOTS;
use super::{
    drop_overlapping, name_boundary, name_shaped, rare_place_tag, single_surname, Person, AND, CLAUSE_VERBS, FLOOR,
    NEVER_LAST,
};
use std::ops::Range;

/// Lists of names (魯迅、茅盾、巴金; 王義明（女）、高曉宇為副主任): in a
/// list separated by 、 of three or more items where at least two thirds
/// have a name's shape, those items are people. The first item may follow
/// a title (委員傅全有、), the last may run on into the sentence
/// (盧家豐為副省長); an item may carry a note (（女）, （藏族）).
pub(super) fn name_lists(doc: &Doc<'_>, found: &mut Vec<Person>, taken: &Cover) {
    let mut i = 0;
    while i < doc.len() {
        if doc.at(i) != '、' {
            i += 1;
            continue;
        }
        let items = list_items(doc, i);
        let next = items.last().map_or(i + 1, |item| item.end.max(i + 1));
        // Each item's name: the whole item in the middle, a name-shaped end
        // of the first and start of the last.
        let last = items.len().saturating_sub(1);
        let names: Vec<Option<Range<usize>>> =
            items.iter().enumerate().map(|(k, item)| item_name(doc, item, k == 0 && k < last, k == last)).collect();
        let shaped = names.iter().filter(|n| n.is_some()).count();
        // Whole items led by a surname that is also a word (高占祥) count
        // with the name-shaped ones, once one item is name-shaped.
        let surname_led = |r: &Range<usize>| doc.longest(r.start, |w| w.info.cues & SURNAME != 0 && w.end < r.end);
        let loose = items
            .iter()
            .zip(&names)
            .filter(|(item, name)| {
                name.is_none() && item.whole && surname_led(&item.run).is_some() && loose_name(doc, &item.run)
            })
            .count();
        // Two items: both names, one of three characters that jieba lists
        // (夏衍、陽翰笙).
        let listed3 = |n: &Option<Range<usize>>| {
            n.as_ref()
                .is_some_and(|r| r.len() == 3 && doc.info(r.start, r.end).is_some_and(|w| w.person > 0 && w.word == 0))
        };
        let no_place = |n: &Option<Range<usize>>| {
            n.as_ref().is_some_and(|r| !doc.starting(r.start).iter().any(|w| w.info.place > 0 && w.end < r.end))
        };
        let pair = items.len() == 2 && names.iter().all(no_place) && names.iter().any(listed3);
        let of_names = items.len() >= 3 && shaped >= 2 && (shaped + loose) * 3 >= items.len() * 2 || pair;
        for (item, name) in items.iter().zip(names) {
            // An item noted as a person (卓瑪（藏族）) is one in any list.
            let span = match name {
                Some(span) if of_names || item.person_note => span,
                None if item.person_note && item.whole && (2..=8).contains(&item.run.len()) => item.run.clone(),
                // In a list of names, a whole item led by a surname (黃,
                // 范多富), or a short one that is no word (布赫), is one.
                None if of_names && item.whole && loose_name(doc, &item.run) => item.run.clone(),
                _ => continue,
            };
            // A note marking a person outweighs the lexicon (馬建國（回族）,
            // 蒙美路（女）).
            let listed = !item.person_note && doc.info(span.start, span.end).is_some_and(|w| w.place > 0 || w.org > 0);
            if !taken.overlaps(&span) && !listed {
                found.push(Person { span, title: None, foreign: false });
            }
        }
        i = next;
    }
    // The whole item over a shorter reading at its start (呂志和, not 呂志
    // before 和).
    found.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    drop_overlapping(found);
}

/// Whether `span`, an item in a list of names, may be a name without a
/// name's shape: a surname alone or with rare given characters, or two or
/// three characters that no lexicon lists.
pub(super) fn loose_name(doc: &Doc<'_>, span: &Range<usize>) -> bool {
    let surname = doc.longest(span.start, |w| w.info.cues & SURNAME != 0 && w.end <= span.end).is_some();
    let listed = doc
        .info(span.start, span.end)
        .is_some_and(|w| w.word > 0 && !rare_place_tag(w) || w.place | w.org != 0 || w.cues != 0);
    !listed && (span.len() <= 4 && surname || (2..=3).contains(&span.len()))
}

/// The name of a list item: the whole item in the middle, a name-shaped
/// end of the `first` (after a title) and start of the `last` (running on
/// into the sentence: a listed name first, 鄧小平 before 等, then one no
/// word runs out of).
pub(super) fn item_name(doc: &Doc<'_>, item: &ListItem, first: bool, last: bool) -> Option<Range<usize>> {
    // An item may say where the person is from (湖南 + 劉春平、江蘇 +
    // 許文量): the name follows the place.
    let run = item.run.clone();
    let from = doc
        .starting(run.start)
        .iter()
        .filter(|w| w.info.place > 0 && w.end + 2 <= run.end && !doc.word_across(w.end, 100))
        .map(|w| w.end)
        .find(|&end| {
            doc.longest_cued(end, SURNAME).is_some()
                && !doc.starting(end).iter().any(|w| w.info.word >= 100 && w.end - w.start >= 2)
        })
        .filter(|_| !item_shaped(doc, &(run.start..run.end.min(run.start + 4))));
    let span = from.map_or(run.clone(), |f| f..run.end);
    let whole_name = (span.len() <= 4 && item_shaped(doc, &span)).then(|| span.clone());
    // A whole first item that is no name may end with one, as after a
    // title (裏的 + 王偉、張革).
    if !first && !last || item.whole && span.len() <= 4 && (whole_name.is_some() || !first) {
        return whole_name;
    }
    let lengths = [3, 2, 4].into_iter().filter(|&n| n <= span.len());
    if first {
        return lengths
            .map(|n| span.end - n..span.end)
            .find(|r| item_shaped(doc, r) && (r.start == span.start || !doc.word_across(r.start, 100)));
    }
    let listed = |r: &Range<usize>| doc.info(r.start, r.end).is_some_and(|w| w.person > 0);
    let prefixes: Vec<Range<usize>> = lengths.map(|n| span.start..span.start + n).collect();
    // 等 closes the list even where it ends a word (黃華平等).
    let runs_out =
        |r: &Range<usize>| doc.is_function(r.end - 1) || doc.at(r.end) != '等' && doc.word_across(r.end, 100);
    // An adverb starting the clause is no surname (、曾創造優異戰績).
    if doc.is_function(span.start) {
        return None;
    }
    prefixes
        .iter()
        .find(|r| listed(r) && item_shaped(doc, r))
        .or_else(|| prefixes.iter().find(|r| item_shaped(doc, r) && !runs_out(r)))
        .cloned()
}

/// One item of a list separated by 、.
pub(super) struct ListItem {
    /// Its Han characters (with middle dots inside: 吐爾遜·尤努斯).
    run: Range<usize>,
    /// The item is all of the text between its delimiters (a note aside).
    whole: bool,
    /// A note after it marks a person: （女）, （蒙古族）, （女，土家族）.
    person_note: bool,
    /// Where the item ends, after its note.
    end: usize,
}

/// The items of the list whose first 、 is at `first`: the Han run before
/// it and every run after a 、, each with an optional note in brackets.
pub(super) fn list_items(doc: &Doc<'_>, first: usize) -> Vec<ListItem> {
    const MAX_RUN: usize = 8;
    let han = |k: usize| doc.is_han(k);
    let mut items = Vec::new();
    // The first item, backwards from the 、 past a note.
    let (note, before) = note_ending(doc, first);
    let start = (before.saturating_sub(MAX_RUN)..before).rev().take_while(|&k| han(k)).last();
    let Some(start) = start else { return items };
    let whole = start == 0 || !han(start - 1) && doc.at(start - 1) != '·';
    items.push(ListItem { run: start..before, whole, person_note: note, end: first });
    let mut at = first;
    while doc.at(at) == '、' {
        let from = at + 1;
        let mut end = from;
        while end < doc.len() && end - from < MAX_RUN {
            if han(end) || DOTS.contains(&doc.at(end)) && han(end + 1) && end > from {
                end += 1;
            } else {
                break;
            }
        }
        // 等 closes the list (楊春貴等。), not the name.
        if end - from >= 3 && doc.at(end - 1) == '等' && !han(end) {
            end -= 1;
        }
        if end == from {
            break;
        }
        let (person_note, after) = note_starting(doc, end);
        // A note marking a person closes the name whatever follows
        // (馬建國（回族）為).
        let whole = person_note
            || (!han(end) || doc.at(end) == '等')
                && matches!(doc.at(after), '、' | '，' | '。' | '；' | '等' | '\0' | '\n' | '）' | ')');
        items.push(ListItem { run: from..end, whole, person_note, end: after });
        at = after;
    }
    if items.len() < 2 {
        items.clear();
    }
    items
}

/// A bracketed note starting at `at`: whether it marks a person, and
/// where the text goes on after it (`at` itself when there is none).
pub(super) fn note_starting(doc: &Doc<'_>, at: usize) -> (bool, usize) {
    match bracket_at(doc, at, 12) {
        Some((note, after)) => (person_note(note), after),
        None => (false, at),
    }
}

/// The text of a bracket opening at `at` and closing within `limit`
/// characters, and where the text goes on after it.
pub(super) fn bracket_at<'d>(doc: &'d Doc<'_>, at: usize, limit: usize) -> Option<(&'d [char], usize)> {
    if !matches!(doc.at(at), '（' | '(') {
        return None;
    }
    let close = (at + 1..doc.len().min(at + limit)).find(|&k| matches!(doc.at(k), '）' | ')'))?;
    Some((doc.chars.get(at + 1..close).unwrap_or(&[]), close + 1))
}

/// A bracketed note ending right before `at`: whether it marks a person,
/// and where it starts (`at` itself when there is none).
pub(super) fn note_ending(doc: &Doc<'_>, at: usize) -> (bool, usize) {
    if at == 0 || !matches!(doc.at(at - 1), '）' | ')') {
        return (false, at);
    }
    let open = (at.saturating_sub(12)..at - 1).rev().find(|&k| matches!(doc.at(k), '（' | '('));
    match open {
        Some(open) => (person_note(doc.chars.get(open + 1..at - 1).unwrap_or(&[])), open),
        None => (false, at),
    }
}

/// Whether a note in brackets describes a person: a sex or a nationality
/// (女; 藏族; 女，蒙古族).
pub(super) fn person_note(note: &[char]) -> bool {
    !note.is_empty() && note_parts(note).all(person_part)
}

/// The parts of a note, between commas (女，蒙古族).
pub(super) fn note_parts(note: &[char]) -> impl Iterator<Item = &[char]> {
    note.split(|&c| matches!(c, '，' | ',' | '、'))
}

/// Whether a part of a note is a sex or a nationality (女, 藏族).
pub(super) fn person_part(part: &[char]) -> bool {
    matches!(part, ['女' | '男']) || (2..=5).contains(&part.len()) && part.last() == Some(&'族')
}

/// Names listed with a person (江澤民、李鵬、喬石): an item of a list
/// separated by 、 next to a person is a person when it has a name's shape.
pub(super) fn coordinated(doc: &Doc<'_>, found: &mut Vec<Person>, taken: &Cover) {
    let mut spans: std::collections::HashSet<(usize, usize)> =
        found.iter().map(|p| (p.span.start, p.span.end)).collect();
    let mut k = 0;
    while k < found.len() {
        let Some(person) = found.get(k) else { break };
        let mut items = Vec::new();
        // The item after the person.
        if doc.at(person.span.end) == '、' {
            // The whole item, or the name it starts with when it is the
            // last and runs on (吳邦國、羅幹出席, 喬石、榮毅仁等出席).
            let list = list_items(doc, person.span.end);
            if let Some(item) = list.get(1) {
                items.extend(item_name(doc, item, false, list.len() == 2));
            }
        }
        // The item before it.
        if person.span.start >= 2 && doc.at(person.span.start - 1) == '、' {
            let end = person.span.start - 1;
            let from = (end.saturating_sub(5)..end).rev().take_while(|&j| doc.is_han(j)).last();
            if let Some(from) = from {
                // The whole run, or a name ending it after a boundary
                // (還有羅幹、錢其琛).
                let name = [end - from, 3, 2]
                    .into_iter()
                    .filter(|&n| from + n <= end)
                    .map(|n| end - n..end)
                    .find(|r| item_shaped(doc, r) && (r.start == from || name_boundary(doc, r.start)));
                items.push(name.unwrap_or(from..end));
            }
        }
        // A name joined to the person by a conjunction (雷恪生和方青卓在,
        // 黃玉斌和陸善真): three or two characters with a name's shape that
        // no word runs across.
        // Of two readings, the one that ends where the clause goes on
        // (陸善真。), else the one whose last character is likelier in a
        // name (田亮 before 能).
        let last_score = |r: &Range<usize>| {
            let ends = !doc.is_name_char(r.end) || CLAUSE_VERBS.contains(&doc.at(r.end));
            (ends, doc.lexicon.given_score(doc.at(r.end - 1)))
        };
        let inside = |r: &Range<usize>| (r.start..r.end).any(|k| doc.starting(k).iter().any(|w| w.end > r.end));
        if AND.contains(&doc.at(person.span.end)) {
            let from = person.span.end + 1;
            let after = [3, 2]
                .into_iter()
                .map(|n| from..from + n)
                .filter(|r| item_shaped(doc, r) && !doc.is_function(r.end - 1) && !inside(r))
                .max_by_key(last_score);
            items.extend(after);
        }
        if person.span.start >= 3 && AND.contains(&doc.at(person.span.start - 1)) {
            let end = person.span.start - 1;
            let before = [3, 2]
                .into_iter()
                .map(|n| end.saturating_sub(n)..end)
                .filter(|r| item_shaped(doc, r) && name_boundary(doc, r.start) && !doc.word_across(r.start + 1, 100))
                .max_by_key(last_score);
            items.extend(before);
        }
        for item in items {
            if item_shaped(doc, &item) && !taken.overlaps(&item) && spans.insert((item.start, item.end)) {
                found.push(Person { span: item, title: None, foreign: false });
            }
        }
        k += 1;
    }
    found.sort_by_key(|p| p.span.start);
    drop_overlapping(found);
}

/// Whether `span`, an item listed with names, has a name's shape, or is
/// a name jieba lists with an ambiguous surname and two given characters
/// (程思遠, 齊如山): the list vouches for the surname.
pub(super) fn item_shaped(doc: &Doc<'_>, span: &Range<usize>) -> bool {
    name_shaped(doc, span)
        || span.len() == 3
            && single_surname(doc, span.start)
            && !NEVER_LAST.contains(&doc.at(span.end - 1))
            && doc.info(span.start, span.end).is_some_and(|w| w.person > 0 && w.word == 0 && w.place | w.org == 0)
            && (span.start + 1..span.end).all(|k| doc.lexicon.given_score(doc.at(k)) >= FLOOR)
}
