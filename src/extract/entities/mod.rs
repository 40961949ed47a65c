//! People, organisations and places.
//!
//! The text is folded to Simplified character by character (one character
//! for one, so positions carry over), every lexicon word in it is found with
//! one trie walk per position, and three finders run in order: places
//! (gazetteer and administrative units), organisations (which may start with
//! places), then people outside organisations. Places inside an
//! organisation are kept only where they begin its name (臺山市 in
//! 臺山市金橋鋁型材廠有限公司, not 江門 in 江門市委).

mod doc;
mod lexicon;
mod orgs;
mod people;
mod places;

use std::ops::Range;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A person (陳健宇, 歐陽修, 克林頓).
    Person,
    /// An organisation: a company, a government or party body, an
    /// association, school, hospital, station or base.
    Org,
    /// A place: a country, region or administrative unit.
    Place,
}

/// A person, organisation or place found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    kind: EntityKind,
    start: usize,
    end: usize,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    title: Option<Range<usize>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    org: Option<Range<usize>>,
}

impl Entity {
    /// What it is.
    #[must_use]
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// Its byte range in the input.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// For a person: the byte range of the title written before the name
    /// (董事長 in 董事長伍炳亮).
    #[must_use]
    pub fn title(&self) -> Option<Range<usize>> {
        self.title.clone()
    }

    /// For a person: the byte range of the organisation or place the title
    /// belongs to (大江鎮黨委 in 大江鎮黨委副書記陳健宇).
    #[must_use]
    pub fn org(&self) -> Option<Range<usize>> {
        self.org.clone()
    }
}

/// The entities of a text (`chars` with their byte `offsets`, one more than
/// characters), in text order.
pub(super) fn entities(chars: &[char], offsets: &[usize]) -> Vec<Entity> {
    let folded: Vec<char> = chars.iter().map(|&c| crate::dict::fold::to_simplified(c)).collect();
    let doc = doc::Doc::new(lexicon::Lexicon::get(), folded);
    let all_places = places::find(&doc);
    let orgs = orgs::find(&doc, &all_places);
    let org_spans: Vec<Range<usize>> = orgs.iter().map(|o| o.span.clone()).collect();
    let people = people::find(&doc, &org_spans, &all_places);
    let byte = |i: usize| offsets.get(i).copied().unwrap_or(0);
    let bytes = |r: &Range<usize>| byte(r.start)..byte(r.end);
    let mut found = Vec::new();
    for person in &people {
        let title = person.title.clone();
        // The organisation the title belongs to ends where the title starts
        // or inside it (大江鎮黨委 + 黨委副書記).
        let org = title.as_ref().and_then(|t| {
            orgs.iter()
                .map(|o| &o.span)
                .chain(&all_places)
                .filter(|o| o.start < t.start && o.end >= t.start && o.end <= t.end)
                .max_by_key(|o| o.end - o.start)
        });
        found.push(Entity {
            kind: EntityKind::Person,
            start: byte(person.span.start),
            end: byte(person.span.end),
            title: title.as_ref().map(bytes),
            org: org.map(bytes),
        });
    }
    for org in &orgs {
        found.push(entity(EntityKind::Org, bytes(&org.span)));
        // The places an organisation's name starts with (臺山市 + 金橋...,
        // 中國 + 政府).
        let leading = all_places.iter().filter(|p| !org.brand && p.start == org.span.start && p.end < org.span.end);
        for place in org.places.iter().chain(leading) {
            let place = entity(EntityKind::Place, bytes(place));
            if !found.contains(&place) {
                found.push(place);
            }
        }
    }
    let taken: Vec<Range<usize>> = org_spans.iter().chain(people.iter().map(|p| &p.span)).cloned().collect();
    for place in &all_places {
        if !taken.iter().any(|t| place.start < t.end && t.start < place.end) {
            found.push(entity(EntityKind::Place, bytes(place)));
        }
    }
    found.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    found
}

fn entity(kind: EntityKind, range: Range<usize>) -> Entity {
    Entity { kind, start: range.start, end: range.end, title: None, org: None }
}
