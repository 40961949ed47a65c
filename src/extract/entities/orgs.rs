//! Organisations: jieba's organisation names, and a grammar of
//! `[place]* [name] [descriptors] suffix` (臺山市金橋鋁型材廠有限公司,
//! 大江鎮人民政府), brand + trade (六和飼料, 伍氏興隆明清家具), and the short
//! forms a text uses after the full name (金橋鋁型材廠, 金橋輕合金).

use super::doc::{Doc, Heads};
use super::lexicon::{INDUSTRY, ORG_BODY, ORG_GOV, ORG_LEGAL, ORG_SUFFIX, ORG_WEAK, SPEECH};
use std::ops::Range;

/// How far left of its suffix an organisation's name may reach.
const MAX_NAME: usize = 20;

/// An organisation found, with the places its name starts with.
#[derive(Debug, Clone)]
pub(super) struct Org {
    pub span: Range<usize>,
    pub places: Vec<Range<usize>>,
    /// The name is a brand with a trade: a place it starts with (江口 in
    /// 江口電器) names the brand, not where it is.
    pub brand: bool,
}

/// The organisations of `doc`, left to right, not overlapping.
pub(super) fn find(doc: &Doc<'_>, places: &[Range<usize>]) -> Vec<Org> {
    // (Starts and indices as `u32`: these arrays are as long as the
    // document.)
    let mut place_by_end: Vec<Option<u32>> = vec![None; doc.len() + 1];
    let mut inside_place = vec![false; doc.len() + 1];
    for p in places {
        if let Some(slot) = place_by_end.get_mut(p.end) {
            *slot = u32::try_from(p.start).ok();
        }
        for inside in inside_place.iter_mut().take(p.end).skip(p.start + 1) {
            *inside = true;
        }
    }
    let place_ending = |j: usize| place_by_end.get(j).copied().flatten().map(|s| s as usize..j);
    let mut found = Found { orgs: Vec::new(), by_end: vec![None; doc.len() + 1] };
    for i in 0..doc.len() {
        if let Some(org) = suffixed(doc, i, &place_ending, &found) {
            found.push(org);
        } else if let Some(org) = branded(doc, i, &place_ending) {
            found.push(org);
        } else if let Some(w) = doc.longest(i, |w| w.info.org > 0) {
            // Not from inside a place (中國發展 has no 國發).
            if !inside_place.get(i).copied().unwrap_or(false) && !doc.word_across(i, w.info.org.max(100)) {
                found.push(Org { span: w.start..w.end, places: Vec::new(), brand: false });
            }
        }
    }
    let found = found.orgs;
    let mut found = outermost(found);
    short_forms(doc, &mut found);
    outermost(found)
}

/// The organisations found so far, indexed by where they end.
struct Found {
    orgs: Vec<Org>,
    /// The first organisation found that ends at each position.
    by_end: Vec<Option<u32>>,
}

impl Found {
    fn push(&mut self, org: Org) {
        if let Some(slot @ None) = self.by_end.get_mut(org.span.end) {
            *slot = u32::try_from(self.orgs.len()).ok();
        }
        self.orgs.push(org);
    }

    fn ending(&self, j: usize) -> Option<&Org> {
        self.by_end.get(j).copied().flatten().and_then(|k| self.orgs.get(k as usize)).filter(|o| o.span.start < j)
    }
}

/// An organisation whose suffix (有限公司, 協會, 人民政府, 局) starts at `i`.
fn suffixed(
    doc: &Doc<'_>,
    i: usize,
    place_ending: &dyn Fn(usize) -> Option<Range<usize>>,
    found: &Found,
) -> Option<Org> {
    let suffix = doc.longest_cued(i, ORG_SUFFIX)?;
    // 社會, 部分, 中心城區: the suffix characters begin a longer word.
    if doc.starting(i).iter().any(|w| w.end > suffix.end && w.info.word > 0 && w.info.cues & ORG_SUFFIX == 0) {
        return None;
    }
    let cues = suffix.info.cues;
    let mut places = Vec::new();
    // Places and organisations directly before the suffix (大江鎮 + 人民政府,
    // 得寶食品有限公司 + 研發部), leftwards while they chain.
    let mut start = i;
    loop {
        if let Some(p) = place_ending(start) {
            start = p.start;
            places.insert(0, p);
        } else if let Some(o) = found.ending(start) {
            start = o.span.start;
            places.splice(0..0, o.places.iter().cloned());
        } else {
            break;
        }
    }
    if cues & ORG_GOV != 0 {
        if start < i {
            return Some(Org { span: start..suffix.end, places, brand: false });
        }
        // 江門 + 市委: the gazetteer's word, not the unit, before the suffix.
        let stem = doc.ending(i).find(|w| w.info.place > 0 && w.end - w.start >= 2)?;
        return Some(Org { span: stem.start..suffix.end, places: Vec::new(), brand: false });
    }
    if start < i {
        // Chained: the name is the places or organisation before it.
        return Some(Org { span: start..suffix.end, places, brand: false });
    }
    // A name between a boundary and the suffix: it needs something proper
    // in it (a place, a brand nobody's dictionary knows, 某氏).
    let from = name_start(doc, i)?;
    if cues & ORG_WEAK != 0 && cues & (ORG_LEGAL | ORG_BODY) == 0 {
        return None;
    }
    let mut places = Vec::new();
    let mut k = from;
    let mut proper = false;
    while k < i {
        if let Some(p) = places_starting(k, place_ending, i) {
            k = p.end;
            places.push(p);
            proper = true;
            continue;
        }
        if places.is_empty() && k == from && is_brand(doc, k, i) {
            proper = true;
        }
        k += doc.longest(k, |w| w.end <= i && w.info.word > 0).map_or(1, |w| w.end - w.start);
    }
    // The name starts at its first place: words before it are the
    // sentence's (依託臺山市...基地).
    let start = places.first().map_or(from, |p| p.start);
    // A name that starts with a place may hold verbs (江門市扶貧開發協會,
    // 職業介紹服務中心); a brand's may not (彭楚政帶領工作組: a person's
    // name reads as a brand).
    let clause = places.is_empty() && has_clause(doc, start, i, suffix.end - i);
    (proper && i - start >= 2 && !clause).then_some(Org { span: start..suffix.end, places, brand: false })
}

/// Whether a speech verb, or a frequent verb that is no noun, lies in
/// `start..end` before a suffix of `suffix_len` characters: a clause, not
/// a name (王啟民開始...研究院, 彭楚政帶領工作組). A verb right before a
/// one-character suffix names what the body does (促進會).
fn has_clause(doc: &Doc<'_>, start: usize, end: usize, suffix_len: usize) -> bool {
    (start..end).any(|k| {
        doc.starting(k).iter().any(|w| {
            let describes = w.end == end && suffix_len == 1;
            w.end - w.start >= 2
                && w.end <= end
                && (w.info.cues & SPEECH != 0 || !describes && w.info.verb && !w.info.noun && w.info.word >= 300)
        })
    })
}

/// A place starting at `k` and ending by `limit`.
fn places_starting(
    k: usize,
    place_ending: &dyn Fn(usize) -> Option<Range<usize>>,
    limit: usize,
) -> Option<Range<usize>> {
    (k + 2..=limit.min(k + 8)).rev().find_map(|e| place_ending(e).filter(|p| p.start == k))
}

/// Where a name ending at `i` can start: after the nearest boundary on the
/// left (punctuation, a function character, a number with its unit, the
/// start), at most [`MAX_NAME`] characters away.
fn name_start(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 && i - k < MAX_NAME && doc.is_name_char(k - 1) && !is_unit_after_number(doc, k - 1) {
        k -= 1;
    }
    (k < i).then_some(k)
}

/// Whether `k` is the unit of a number (300萬元, 46名): a name does not
/// reach back over it.
fn is_unit_after_number(doc: &Doc<'_>, k: usize) -> bool {
    const UNITS: &str = "元万亿千百个名人家次项所座宗户年月日号位种批";
    const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两";
    UNITS.contains(doc.at(k)) && (1..=3).any(|d| k >= d && NUMERALS.contains(doc.at(k - d)))
}

/// Whether `k..k+2` is a brand: two name characters that no dictionary
/// knows as a word (得寶, 金橋, 六和), or a surname with 氏 (伍氏).
fn is_brand(doc: &Doc<'_>, k: usize, limit: usize) -> bool {
    if k + 2 > limit || !doc.is_name_char(k) || !doc.is_han(k + 1) {
        return false;
    }
    if doc.at(k + 1) == '氏' {
        return doc.starting(k).iter().any(|w| w.info.cues & super::lexicon::SURNAME != 0);
    }
    let known = doc.starting(k).iter().any(|w| w.end <= limit && w.end >= k + 2 && w.info.word > 0)
        || doc.info(k, k + 2).is_some_and(|w| w.place >= 1000 || w.org > 0);
    !known
}

/// A brand with its trade at `i` (六和飼料, 江口電器, 伍氏興隆明清傢俱).
fn branded(doc: &Doc<'_>, i: usize, place_ending: &dyn Fn(usize) -> Option<Range<usize>>) -> Option<Org> {
    if !doc.left_boundary(i) && place_ending(i).is_none() {
        return None;
    }
    // 某氏 + up to four characters + trade.
    if doc.at(i + 1) == '氏' && is_brand(doc, i, i + 2) {
        let trade = (i + 2..=i + 6).find_map(|k| doc.longest_cued(k, INDUSTRY))?;
        return Some(Org { span: i..trade.end, places: Vec::new(), brand: true });
    }
    let trade = doc.longest_cued(i + 2, INDUSTRY)?;
    is_brand(doc, i, i + 2).then_some(Org { span: i..trade.end, places: Vec::new(), brand: true })
}

/// Short forms of the companies found: the name without its places and
/// legal suffix (金橋鋁型材廠), and its brand with another trade (金橋輕合金).
fn short_forms(doc: &Doc<'_>, found: &mut Vec<Org>) {
    let mut cores: Vec<Vec<char>> = Vec::new();
    let mut brands: Vec<Vec<char>> = Vec::new();
    for org in found.iter() {
        let from = org.places.last().map_or(org.span.start, |p| p.end);
        let legal = (from..org.span.end)
            .find(|&k| doc.starting(k).iter().any(|w| w.end == org.span.end && w.info.cues & ORG_LEGAL != 0));
        let Some(to) = legal else { continue };
        if to - from >= 3 && !org.places.is_empty() {
            cores.push(doc.chars.get(from..to).unwrap_or_default().to_vec());
        }
        if to - from >= 3 && is_brand(doc, from, to) {
            brands.push(doc.chars.get(from..from + 2).unwrap_or_default().to_vec());
        }
    }
    cores.sort_unstable();
    brands.sort_unstable();
    // (Indexed: a document may name many companies, and this runs at every
    // position.)
    let (mut core_heads, mut brand_heads) = (Heads::default(), Heads::default());
    for core in &cores {
        core_heads.add(core);
    }
    for brand in &brands {
        brand_heads.add(brand);
    }
    for i in 0..doc.len() {
        for core in core_heads.at(doc, i) {
            found.push(Org { span: i..i + core.len(), places: Vec::new(), brand: false });
        }
        for brand in brand_heads.at(doc, i) {
            if doc.left_boundary(i) {
                if let Some(trade) = doc.longest_cued(i + brand.len(), INDUSTRY) {
                    found.push(Org { span: i..trade.end, places: Vec::new(), brand: true });
                }
            }
        }
    }
    found.sort_by_key(|o| (o.span.start, std::cmp::Reverse(o.span.end)));
}

/// Keeps the outermost of overlapping organisations, left to right.
fn outermost(mut found: Vec<Org>) -> Vec<Org> {
    found.sort_by_key(|o| (o.span.start, std::cmp::Reverse(o.span.end)));
    let mut kept: Vec<Org> = Vec::new();
    for org in found {
        match kept.last_mut() {
            Some(last) if org.span.start < last.span.end => {
                if org.span.end > last.span.end && org.span.len() > last.span.len() {
                    *last = org;
                }
            }
            _ => kept.push(org),
        }
    }
    kept
}
