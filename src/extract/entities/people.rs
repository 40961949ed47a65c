//! People: a surname (single or compound) and one or two given-name
//! characters, scored by how often jieba's names use those characters, and
//! confirmed by context — a title before (董事長伍炳亮), a speech verb after
//! (陳健宇表示), a name already known — or by strong statistics at a clear
//! boundary. Foreign names are runs of transliteration characters with
//! context.

use super::doc::{Cover, Doc};
use super::lexicon::{SPEECH, SURNAME, SURNAME_AMBIGUOUS, TITLE};
use std::collections::HashMap;
use std::ops::Range;

/// A person found, with the title written before the name.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub span: Range<usize>,
    pub title: Option<Range<usize>>,
    /// A title or speech verb stands by the name.
    pub context: bool,
}

/// Words after a name at the start of a clause that make the name's
/// reading likely (”范世通是…, 蔡嘉俊也…).
const CLAUSE_VERBS: &str = "是也则就还曾又一已正将在";

/// Given-name characters below this (tenths of a log-odds) rule a reading out.
const FLOOR: i32 = -20;

/// The people of `doc` outside `taken` (character ranges of organisations);
/// a Chinese name overlaps one of `places` only with a title or speech verb
/// by it, a foreign name never.
pub(super) fn find(doc: &Doc<'_>, taken: &[Range<usize>], places: &[Range<usize>]) -> Vec<Person> {
    let taken = Cover::new(doc.len(), taken);
    let places = Cover::new(doc.len(), places);
    let mut found: Vec<Person> = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let chinese = chinese_name(doc, i).filter(|p| p.context || !places.overlaps(&p.span));
        let person = chinese
            .or_else(|| foreign_name(doc, i).filter(|p| !places.overlaps(&p.span)))
            .filter(|p| !taken.overlaps(&p.span));
        match person {
            Some(p) => {
                i = p.span.end;
                found.push(p);
            }
            None => i += 1,
        }
    }
    // A name confirmed once is a name everywhere in the document.
    let mut names: HashMap<char, Vec<&[char]>> = HashMap::new();
    for p in found.iter().filter(|p| p.span.len() >= 2) {
        if let Some(name) = doc.chars.get(p.span.clone()) {
            if let Some(&first) = name.first() {
                names.entry(first).or_default().push(name);
            }
        }
    }
    let mut people = Cover::new(doc.len(), found.iter().map(|p| &p.span));
    let mut more = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let candidates = names.get(&doc.at(i)).map_or(&[][..], Vec::as_slice);
        let known = candidates.iter().find(|n| doc.chars.get(i..i + n.len()) == Some(**n));
        match known {
            Some(n) if name_boundary(doc, i) => {
                let span = i..i + n.len();
                if !taken.overlaps(&span) && !people.overlaps(&span) {
                    people.add(&span);
                    more.push(Person { span: span.clone(), title: None, context: false });
                }
                i = span.end;
            }
            _ => i += 1,
        }
    }
    found.extend(more);
    found.sort_by_key(|p| p.span.start);
    found
}

/// A Chinese name starting at `i`.
fn chinese_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    let surname = doc.longest(i, |w| w.info.cues & SURNAME != 0)?;
    let ambiguous = surname.info.cues & SURNAME_AMBIGUOUS != 0;
    let title = doc.ending(i).find(|w| w.info.cues & TITLE != 0).map(|w| w.start..w.end);
    if title.is_none() && !name_boundary(doc, i) {
        return None;
    }
    let given_from = surname.end;
    // The surname alone before a title or form of address (毛主席, 孫先生):
    // the title is not part of the name.
    let title_after = |at: usize| doc.starting(at).iter().any(|w| w.info.cues & TITLE != 0);
    if title_after(given_from) && !ambiguous && surname.info.place == 0 {
        return Some(Person { span: i..given_from, title, context: true });
    }
    let mut best: Option<(i32, usize, bool)> = None;
    for len in [2usize, 1] {
        let end = given_from + len;
        if !(given_from..end).all(|k| super::doc::is_han(doc.at(k))) {
            continue;
        }
        // The name is the start of a longer word (鄧小平理論, 馬克思主義) or
        // of a title (黨委副書記).
        let longer = |w: &&super::doc::Word| {
            w.end > end && (w.info.word > 0 && !w.info.place_like || w.info.person > 0 || w.info.cues & TITLE != 0)
        };
        if doc.starting(i).iter().any(|w| longer(&w)) {
            continue;
        }
        let scores: Vec<i32> = (given_from..end).map(|k| doc.lexicon.given_score(doc.at(k))).collect();
        let sum: i32 = scores.iter().sum();
        // jieba's names of two characters are mostly everyday words (祝賀):
        // they count only with a given name that is a name's in most uses.
        let listed = doc.info(i, end).is_some_and(|w| w.person > 0);
        let known = listed && (len == 2 || doc.left_boundary(i) && sum >= 40);
        if scores.iter().any(|&s| s < FLOOR) && !known {
            continue;
        }
        // A speech verb or a title after the name (錢其琛說, 李鵬總理).
        let speech = doc.starting(end).iter().any(|w| w.info.cues & (SPEECH | TITLE) != 0);
        // The name itself is an everyday word (陳述 is not 陳 + 述 here).
        // jieba files some names as words (周恩來 as a time word): a word of
        // three characters is still a name when its given name reads as one.
        let word = doc.info(i, end).is_some_and(|w| w.word > 0) && (len == 1 || sum < 0);
        // A word runs on from the last given character (張明天氣).
        let runs_on = doc.starting(end - 1).iter().any(|w| w.end > end && w.info.word >= 1000);
        let clause = !doc.is_function(i.wrapping_sub(1)) && CLAUSE_VERBS.contains(doc.at(end)) && doc.left_boundary(i);
        let context = title.is_some() || speech;
        let confirmed = if word || runs_on {
            false
        } else if ambiguous {
            // 和, 時, 向 are mostly not surnames: only a title before the
            // name, or a speech verb after it at a clause start, makes them one.
            sum >= FLOOR && (title.is_some() || speech && doc.left_boundary(i))
        } else if context {
            sum >= FLOOR
        } else if known {
            sum >= 3 * FLOOR
        } else if clause {
            len == 2 && sum >= 0
        } else {
            len == 2 && sum >= 60
        };
        if confirmed && best.is_none_or(|(s, _, _)| sum > s) {
            best = Some((sum, end, context));
            if len == 2 {
                break;
            }
        }
    }
    best.map(|(_, end, context)| Person { span: i..end, title, context })
}

/// A foreign name (克林頓, 葉利欽) starting at `i`: three or more
/// transliteration characters, known as a name or with context.
fn foreign_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    if !name_boundary(doc, i) && !doc.ending(i).any(|w| w.info.cues & TITLE != 0) {
        return None;
    }
    let run = (i..doc.len().min(i + 7)).take_while(|&k| doc.lexicon.is_transliteration(doc.at(k))).count();
    if run < 3 {
        return None;
    }
    let title = doc.ending(i).find(|w| w.info.cues & TITLE != 0).map(|w| w.start..w.end);
    for end in (i + 3..=i + run).rev() {
        let known = doc.info(i, end).is_some_and(|w| w.person > 0);
        let speech = doc.starting(end).iter().any(|w| w.info.cues & (SPEECH | TITLE) != 0);
        let word = doc.info(i, end).is_some_and(|w| w.word > 0 || w.place > 0);
        if !word && (known || (speech || title.is_some()) && end == i + run) {
            let context = speech || title.is_some();
            return Some(Person { span: i..end, title, context });
        }
    }
    None
}

/// Whether a name may start at `i`: after a boundary character, or after a
/// word that ends there (會見 + 江澤民) without a word running across.
fn name_boundary(doc: &Doc<'_>, i: usize) -> bool {
    doc.left_boundary(i)
        || doc.ending(i).any(|w| w.info.word >= 100 || w.info.cues & TITLE != 0) && !doc.word_across(i, 100)
}
