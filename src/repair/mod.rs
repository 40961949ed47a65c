//! Conservative repair of machine-converted Traditional text.
//!
//! Mainland portals produce "Traditional" pages with a character-level
//! converter that leaves ambiguous characters as they were (于 干 系 制 后
//! 范 余 里 托 扎 ...) and sometimes picks the wrong candidate (復合 for
//! 複合). A character is repaired only where a phrase of OpenCC's
//! `STPhrases` confirms it in context (see [`repair`] for the rules), only
//! on Traditional lines, and only in text that shows such a converter at
//! work: phrase-confirmed leftovers of characters it keeps, at least two
//! and one per 250 Han characters. Natural Traditional text, whose variant
//! choices (了解, 厘米, 家具) are not damage, is left alone.
//!
//! Glyph variants (臺/台, 鑒/鑑: `dictionaries/zhtext/variants.txt` plus
//! OpenCC's Taiwan and Hong Kong variant pairs) are never turned into each
//! other, keep-listed words (`dictionaries/zhtext/repair-keep.txt`) stay,
//! and a character no phrase covers keeps its form (范 in 范世通), except
//! 于 outside names, Simplified-only characters (并), and, in text a
//! converter evidently produced, 后 余 里 适 胜 丰 广 尸 愿 万 党 (whose own reading is
//! rare in Traditional: 鎮里 → 鎮裏).

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::engine::trie::Trie;
use crate::engine::utf8::decode;
use crate::script::{detect, Script};
use crate::{Config, Converter};

/// The Traditional standard repaired text follows.
///
/// ```
/// use zhtext::{repair, RepairOptions, RepairTarget};
///
/// let r = repair("聯系鎮里的人，位于大江鎮", &RepairOptions::new().target(RepairTarget::Taiwan));
/// assert_eq!(r.text(), "聯繫鎮裡的人，位於大江鎮");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum RepairTarget {
    /// OpenCC's standard forms (裏, 爲 where a phrase gives them).
    #[default]
    Opencc,
    /// Taiwan forms (裡).
    Taiwan,
    /// Hong Kong forms.
    HongKong,
}

/// Options for [`repair`].
///
/// ```
/// use zhtext::{repair, RepairOptions};
///
/// let r = repair("位于大江鎮", &RepairOptions::new().force(true));
/// assert_eq!(r.text(), "位於大江鎮");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepairOptions {
    target: RepairTarget,
    simplified_only: bool,
    force: bool,
}

impl RepairOptions {
    /// Defaults: OpenCC standard forms; Simplified-only characters in
    /// Traditional text repaired.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// // Without a sign of a converter at work, nothing changes.
    /// assert!(repair("位于", &RepairOptions::new()).edits().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> RepairOptions {
        RepairOptions { target: RepairTarget::Opencc, simplified_only: true, force: false }
    }

    /// The regional standard of the repaired characters.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions, RepairTarget};
    ///
    /// let hk = RepairOptions::new().target(RepairTarget::HongKong).force(true);
    /// assert_eq!(repair("說這里", &hk).text(), "說這裏");
    /// ```
    #[must_use]
    pub fn target(mut self, target: RepairTarget) -> RepairOptions {
        self.target = target;
        self
    }

    /// Repair even text that shows no sign of machine conversion (default
    /// false). Normally a text is repaired only when phrase-confirmed
    /// leftovers of characters a character-level converter keeps (聯系,
    /// 位于) appear at least twice and once per 250 Han characters;
    /// natural Traditional text has next to none, and its legitimate
    /// variant choices stay untouched.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// assert_eq!(repair("聯系", &RepairOptions::new()).text(), "聯系");
    /// assert_eq!(repair("聯系", &RepairOptions::new().force(true)).text(), "聯繫");
    /// ```
    #[must_use]
    pub fn force(mut self, on: bool) -> RepairOptions {
        self.force = on;
        self
    }

    /// Whether Simplified-only characters (并) that no phrase covers become
    /// their first Traditional candidate (default true; only in text
    /// [`detect`] finds Traditional).
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// let options = RepairOptions::new().force(true).simplified_only(false);
    /// assert_eq!(repair("多措并舉", &options).text(), "多措并舉");
    /// ```
    #[must_use]
    pub fn simplified_only(mut self, on: bool) -> RepairOptions {
        self.simplified_only = on;
        self
    }
}

/// One repaired character.
///
/// ```
/// use zhtext::{repair, RepairOptions};
///
/// let text = "位于大江鎮";
/// let r = repair(text, &RepairOptions::new().force(true));
/// let edit = &r.edits()[0];
/// assert_eq!((&text[edit.range()], edit.from(), edit.to()), ("于", '于', '於'));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairEdit {
    range: Range<usize>,
    from: char,
    to: char,
    rule: String,
}

impl RepairEdit {
    /// Byte range of the character in the input.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// let text = "聯系方式";
    /// let r = repair(text, &RepairOptions::new().force(true));
    /// assert_eq!(&text[r.edits()[0].range()], "系");
    /// ```
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// The character as written.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// let r = repair("聯系方式", &RepairOptions::new().force(true));
    /// assert_eq!(r.edits()[0].from(), '系');
    /// ```
    #[must_use]
    pub fn from(&self) -> char {
        self.from
    }

    /// The repaired character.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// let r = repair("聯系方式", &RepairOptions::new().force(true));
    /// assert_eq!(r.edits()[0].to(), '繫');
    /// ```
    #[must_use]
    pub fn to(&self) -> char {
        self.to
    }

    /// What justified the change: `phrase 联系→聯繫` or
    /// `simplified-only 并→並`.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// let r = repair("聯系方式", &RepairOptions::new().force(true));
    /// assert!(r.edits()[0].rule().starts_with("phrase"));
    /// ```
    #[must_use]
    pub fn rule(&self) -> &str {
        &self.rule
    }
}

/// A repaired text with its edits (in input order).
///
/// ```
/// use zhtext::{repair, RepairOptions};
///
/// let r = repair("位于大江鎮", &RepairOptions::new().force(true));
/// assert_eq!(r.text(), "位於大江鎮");
/// assert_eq!(r.edits().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    text: String,
    edits: Vec<RepairEdit>,
}

impl Repaired {
    /// The repaired text.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// assert_eq!(repair("預制菜", &RepairOptions::new().force(true)).text(), "預製菜");
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The repaired text, owned.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// let text: String = repair("聯系", &RepairOptions::new().force(true)).into_text();
    /// assert_eq!(text, "聯繫");
    /// ```
    #[must_use]
    pub fn into_text(self) -> String {
        self.text
    }

    /// Every change.
    ///
    /// ```
    /// use zhtext::{repair, RepairOptions};
    ///
    /// // Valid Traditional text and names stay.
    /// let r = repair("臺山市家具行，范世通表示", &RepairOptions::new().force(true));
    /// assert!(r.edits().is_empty());
    /// ```
    #[must_use]
    pub fn edits(&self) -> &[RepairEdit] {
        &self.edits
    }
}

/// Repairs Simplified leftovers in machine-converted Traditional text.
///
/// Only Traditional lines (and script-neutral lines of a Traditional
/// document) are touched, and only when the text shows a character-level
/// converter at work (see [`RepairOptions::force`]).
///
/// A leftover (于 干 系 制 后 范 余 里 托 扎 ...) changes only where a
/// phrase of OpenCC's `STPhrases` confirms it in context: the text is read
/// as Simplified character by character (`TSCharacters`), walked with
/// `STPhrases`, and a character changes when it is its own Simplified form
/// and the phrase gives one of its `STCharacters` candidates (聯系→聯繫,
/// 位于→位於), or when the converter picked another candidate of the same
/// Simplified character than the phrase (復合→複合) and the two are not
/// mere glyph variants (臺/台, 鑒/鑑). Nothing changes where the Taiwan or
/// Hong Kong form of the phrase keeps the character, in keep-listed words
/// (家具), or where no phrase covers the character (范 in 范世通). A
/// Simplified-only character (并) in Traditional text that no phrase
/// covers becomes its first candidate, and so does 于 (Traditional only as
/// a surname) unless a person word follows it (于先生, 于某某表示); in
/// text that passed the gate, so do 后 余 里 适 胜 丰 广 尸 愿 万 党, whose own readings
/// are rare in Traditional and covered by phrases where they occur (皇后,
/// 公里), unless a person word follows (余 is a surname). Every
/// edit replaces one character by one character, so the text keeps its
/// length in characters.
///
/// ```
/// use zhtext::{repair, RepairOptions};
///
/// let r = repair("鎮領導干部聯系高層次人才，位于大江鎮，范世通表示", &RepairOptions::new());
/// assert_eq!(r.text(), "鎮領導幹部聯繫高層次人才，位於大江鎮，范世通表示");
/// assert_eq!(r.edits().len(), 3);
/// ```
#[must_use]
pub fn repair(text: &str, options: &RepairOptions) -> Repaired {
    // Repair Traditional lines only (and script-neutral lines of a
    // Traditional document): a Simplified line is not a damaged
    // Traditional one.
    let document = detect(text).script();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let profile = detect(line);
        let eligible = match profile.script() {
            Script::Traditional => true,
            Script::Ambiguous => document == Script::Traditional,
            _ => false,
        };
        if eligible {
            lines.push((offset, line));
        }
        offset += line.len();
    }
    let mut edits: Vec<RepairEdit> = Vec::new();
    for &(offset, line) in &lines {
        repair_part(line, offset, options, false, &mut edits);
    }
    // Repair only text that shows a character-level converter at work:
    // phrase-confirmed leftovers of characters such a converter keeps
    // (those among their own STCharacters candidates: 系 制 于 后 ...).
    // Natural Traditional text has next to none; without this gate,
    // legitimate variant choices (了解, 厘米 in Hong Kong) would be
    // "repaired".
    let data = data();
    let han: usize =
        lines.iter().map(|(_, l)| l.chars().filter(|&c| crate::script::is_han(u32::from(c))).count()).sum();
    let evidence =
        edits.iter().filter(|e| e.rule.starts_with("phrase") && data.candidates(e.from).contains(&e.from)).count();
    // Natural Hong Kong text shows under one such edit per 1,000 Han
    // characters (CTCPC sample: 0.74); machine-converted pages well over
    // ten (the seed: 15).
    let machine_converted = evidence >= 2 && evidence * 250 >= han;
    if !machine_converted && !options.force {
        edits.clear();
    } else if machine_converted {
        // A converter was at work: also fix its wrong picks.
        edits.clear();
        for &(offset, line) in &lines {
            repair_part(line, offset, options, true, &mut edits);
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for e in &edits {
        out.push_str(text.get(last..e.range.start).unwrap_or(""));
        out.push(e.to);
        last = e.range.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    Repaired { text: out, edits }
}

/// Repairs one eligible line; `offset` is its position in the whole text.
fn repair_part(text: &str, offset: usize, options: &RepairOptions, wrong_picks: bool, edits: &mut Vec<RepairEdit>) {
    let data = data();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let projection: String = chars.iter().map(|&(_, c)| crate::dict::fold::to_simplified(c)).collect();
    let proj_chars: Vec<char> = projection.chars().collect();
    let proj_bytes = projection.as_bytes();
    let target = match options.target {
        RepairTarget::Opencc => None,
        RepairTarget::Taiwan => Some(&data.t2tw),
        RepairTarget::HongKong => Some(&data.t2hk),
    };

    let mut covered = vec![false; chars.len()];
    let (mut pos, mut index) = (0, 0);
    while pos < proj_bytes.len() {
        let m = data.phrases.as_ref().and_then(|t| t.match_at(proj_bytes, pos));
        let key_chars = m.map_or(0, |m| projection.get(pos..pos + m.len).map_or(0, |k| k.chars().count()));
        let Some(m) = m.filter(|_| key_chars >= 2) else {
            pos += decode(proj_bytes, pos).1;
            index += 1;
            continue;
        };
        let value: Vec<char> = m.value.chars().collect();
        let key: String = proj_chars.get(index..index + key_chars).unwrap_or_default().iter().collect();
        let written: String = chars.get(index..index + key_chars).unwrap_or_default().iter().map(|&(_, c)| c).collect();
        for k in index..index + key_chars {
            if let Some(flag) = covered.get_mut(k) {
                *flag = true;
            }
        }
        if value.len() == key_chars && !data.keep.iter().any(|w| written.contains(w.as_str())) {
            let value_text: String = value.iter().collect();
            let tw: Vec<char> = data.t2tw.convert(&value_text).chars().collect();
            let hk: Vec<char> = data.t2hk.convert(&value_text).chars().collect();
            let targeted: Vec<char> = match target {
                Some(conv) => conv.convert(&value_text).chars().collect(),
                None => value.clone(),
            };
            for j in 0..key_chars {
                let (Some(&(at, o)), Some(&p), Some(&v)) =
                    (chars.get(index + j), proj_chars.get(index + j), value.get(j))
                else {
                    continue;
                };
                let valid_regionally = tw.get(j) == Some(&o) || hk.get(j) == Some(&o);
                // A leftover: the character is its own projection and the
                // phrase gives one of its Traditional candidates. A wrong
                // pick: the converter chose another candidate of the same
                // Simplified character than the phrase's (復合 for 複合),
                // and the two are not mere glyph variants (臺/台, 鑒/鑑).
                let leftover = o == p && data.candidates(o).contains(&v);
                let wrong_pick = wrong_picks
                    && o != p
                    && v != p
                    && data.candidates(p).contains(&o)
                    && data.candidates(p).contains(&v)
                    && !data.are_variants(o, v);
                if v != o && (leftover || wrong_pick) && !valid_regionally {
                    let to = targeted.get(j).copied().filter(|_| targeted.len() == key_chars).unwrap_or(v);
                    edits.push(RepairEdit {
                        range: offset + at..offset + at + o.len_utf8(),
                        from: o,
                        to,
                        rule: format!("phrase {key}→{value_text}"),
                    });
                }
            }
        }
        pos += m.len;
        index += key_chars;
    }

    if wrong_picks {
        // In text a character-level converter produced (this pass runs only
        // there), characters whose only other reading is rare in
        // Traditional are leftovers wherever no phrase keeps them: 后
        // (後; 后 is the queen, 皇后, which phrases cover), 余, 里, 适,
        // 胜, 丰, 广, 尸, 愿, 万, 党. Not before a person word (余 and 党
        // are also surnames).
        for (k, &(at, c)) in chars.iter().enumerate() {
            if !DEFAULT_LEFTOVERS.contains(c) || covered.get(k).copied().unwrap_or(true) || is_name(&chars, k) {
                continue;
            }
            let Some(&first) = data.candidates(c).first().filter(|&&f| f != c) else { continue };
            edits.push(char_edit(target, offset + at, c, first, format!("leftover {c}→{first}")));
        }
    }
    {
        // 于 is Traditional only as a surname: elsewhere it is a leftover
        // of 於 even where no phrase covers it.
        for (k, &(at, c)) in chars.iter().enumerate() {
            if c == '于' && !covered.get(k).copied().unwrap_or(true) && !is_name(&chars, k) {
                edits.push(char_edit(target, offset + at, c, '於', "preposition 于→於".to_owned()));
            }
        }
        edits.sort_by_key(|e| e.range.start);
    }
    if options.simplified_only {
        for (k, &(at, c)) in chars.iter().enumerate() {
            if covered.get(k).copied().unwrap_or(true) || !data.is_simplified_only(c) {
                continue;
            }
            if let Some(&first) = data.candidates(c).first() {
                edits.push(char_edit(target, offset + at, c, first, format!("simplified-only {c}→{first}")));
            }
        }
        edits.sort_by_key(|e| e.range.start);
    }
}

/// The edit of the character `from` at byte `at` into `to`, in the
/// target's regional form (OpenCC's standard when `target` is `None`).
fn char_edit(target: Option<&Converter>, at: usize, from: char, to: char, rule: String) -> RepairEdit {
    let to = target.map_or(to, |conv| conv.convert(to.encode_utf8(&mut [0; 4])).chars().next().unwrap_or(to));
    RepairEdit { range: at..at + from.len_utf8(), from, to, rule }
}

/// Characters a character-level converter leaves whose other reading is
/// rare in Traditional text: outside a phrase, in machine-converted text,
/// they take their first `STCharacters` candidate.
const DEFAULT_LEFTOVERS: &str = "后余里适胜丰广尸愿万党";

/// Words that mark a person after a name (in either script).
const PERSON_AFTER: &[&str] = &[
    "先生",
    "女士",
    "小姐",
    "老師",
    "老师",
    "同志",
    "書記",
    "书记",
    "主任",
    "經理",
    "经理",
    "董事長",
    "董事长",
    "局長",
    "局长",
    "市長",
    "市长",
    "鎮長",
    "镇长",
    "部長",
    "部长",
    "教授",
    "博士",
    "院士",
    "表示",
    "說",
    "说",
    "指出",
    "介紹",
    "介绍",
    "透露",
    "認為",
    "认为",
    "強調",
    "强调",
    "稱",
    "称",
    "等人",
    "氏",
    "某",
];

/// Whether the surname-capable character at `k` starts a personal name:
/// a person word follows after one or two given-name characters (or at
/// once: 于先生), or 姓 precedes.
fn is_name(chars: &[(usize, char)], k: usize) -> bool {
    if k > 0 && matches!(chars.get(k - 1), Some((_, '姓'))) {
        return true;
    }
    (1..=3).any(|skip| {
        let rest: String = chars.iter().skip(k + skip).take(3).map(|&(_, c)| c).collect();
        PERSON_AFTER.iter().any(|w| rest.starts_with(w))
    })
}

/// Dictionaries the repair uses, loaded once.
struct Data {
    /// `STPhrases` with its regional supplement, values kept.
    phrases: Option<Arc<Trie>>,
    /// `STCharacters` candidates.
    st: std::collections::HashMap<char, Vec<char>>,
    simplified_only: std::collections::HashSet<char>,
    keep: Vec<String>,
    variants: std::collections::HashSet<(char, char)>,
    t2tw: Converter,
    t2hk: Converter,
}

impl Data {
    fn candidates(&self, c: char) -> &[char] {
        self.st.get(&c).map_or(&[], Vec::as_slice)
    }

    fn are_variants(&self, a: char, b: char) -> bool {
        self.variants.contains(&(a, b)) || self.variants.contains(&(b, a))
    }

    fn is_simplified_only(&self, c: char) -> bool {
        self.simplified_only.contains(&c)
    }
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let single = crate::dict::fold::single_char_entries;
        let st: std::collections::HashMap<char, Vec<char>> = single("STCharacters.txt").into_iter().collect();
        let profile_only: std::collections::HashSet<char> =
            st.keys().copied().filter(|&c| crate::script::class_is_simplified_only(c)).collect();
        // The one stage of s2t: STPhrases with the regional supplement,
        // then STCharacters (only matches of two or more characters are
        // used, and those are the phrases').
        let phrases = crate::engine::builtin::pipeline(Config::S2t, true).ok().and_then(|p| p.chain.first().cloned());
        let keep = crate::dict::lexicon_rows(include_str!("../../dictionaries/zhtext/repair-keep.txt"))
            .map(|(word, _)| word)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let mut variants: std::collections::HashSet<(char, char)> =
            crate::dict::lexicon_rows(include_str!("../../dictionaries/zhtext/variants.txt"))
                .filter_map(|(a, b)| Some((a.chars().next()?, b.chars().next()?)))
                .collect();
        for file in ["TWVariants.txt", "HKVariants.txt"] {
            for (k, values) in single(file) {
                variants.extend(values.into_iter().filter(|&v| v != k).map(|v| (k, v)));
            }
        }
        Data {
            phrases,
            variants,
            st,
            simplified_only: profile_only,
            keep,
            t2tw: Converter::new(Config::T2tw),
            t2hk: Converter::new(Config::T2hk),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_article_repairs_the_annotated_positions_and_nothing_else() {
        let root = env!("CARGO_MANIFEST_DIR");
        let seed = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.txt")).unwrap_or_default();
        let gold = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.repair.json")).unwrap_or_default();
        let gold: serde_json::Value = serde_json::from_str(&gold).unwrap_or_default();
        let must = gold["must_change"].as_array().cloned().unwrap_or_default();
        let r = repair(&seed, &RepairOptions::new());
        let char_pos = |byte: usize| seed.get(..byte).map_or(0, |s| s.chars().count());
        let mut right = 0;
        let mut wrong: Vec<String> = Vec::new();
        for e in r.edits() {
            let pos = char_pos(e.range().start) as u64;
            let expected = must.iter().find(|g| g["pos"].as_u64() == Some(pos));
            let annotated = expected.is_some_and(|g| {
                let to = e.to().to_string();
                g["to"].as_str() == Some(to.as_str())
                    || g["alt"].as_array().is_some_and(|a| a.iter().any(|x| x.as_str() == Some(to.as_str())))
            });
            if annotated {
                right += 1;
            } else if !(e.from() == '注' && e.to() == '註') {
                wrong.push(format!("{pos} {}→{} ({})", e.from(), e.to(), e.rule()));
            }
        }
        let missed: Vec<String> = must
            .iter()
            .filter(|g| !r.edits().iter().any(|e| Some(char_pos(e.range().start) as u64) == g["pos"].as_u64()))
            .map(|g| format!("{} {}", g["pos"], g["context"]))
            .collect();
        assert!(wrong.is_empty(), "wrong changes: {wrong:?}");
        assert!(missed.is_empty(), "{missed:?}");
        // All 40, 鎮里 (里→裏) by the default-leftover rule: no phrase has it.
        assert_eq!(right, 40, "{right} of {} annotated positions repaired", must.len());
    }

    #[test]
    fn valid_traditional_and_names_stay() {
        let text = "臺山市家具行的鑒定工作，為此范世通與于先生表示滿意。";
        let r = repair(text, &RepairOptions::new());
        assert!(r.edits().is_empty(), "{:?}", r.edits());
        assert_eq!(r.text(), text);
    }

    #[test]
    fn taiwan_target_uses_taiwan_forms() {
        let r = repair("鎮里這里的人很多，說這里的事情，處理問題", &RepairOptions::new().target(RepairTarget::Taiwan));
        assert!(r.text().contains("這裡"), "{}", r.text());
    }
}
