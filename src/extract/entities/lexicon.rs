//! The entity lexicons, built once per process into one character trie.
//!
//! Every word of every list (jieba's places, organisations, people and
//! general words; our surnames and cues) is a path in one trie keyed by
//! Simplified characters; a node carries what each list says about the word
//! that ends there. One walk from a position finds every word starting there.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::dict::lexicon_rows as rows;

/// What the lexicons say about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Info {
    /// jieba frequency as a place (0: not a place).
    pub place: u32,
    /// jieba frequency as an organisation.
    pub org: u32,
    /// jieba frequency as a person's name.
    pub person: u32,
    /// jieba frequency as a general word.
    pub word: u32,
    /// The general word is a verb.
    pub verb: bool,
    /// The general word is a noun (jieba's n, nz, vn ...: 艾滋病).
    pub noun: bool,
    /// The general word is an adverb, a time word or a conjunction (已經,
    /// 後來, 因此): after a subject, it goes on the clause.
    pub adverb: bool,
    /// jieba tags the word a name but it has no Chinese name's shape, so
    /// it is foreign (nrt, nr: 科爾, 科恩).
    pub foreign: bool,
    /// The general word is one jieba tags as a place (扎根, 大江): an
    /// everyday word that may still name a small place before a unit.
    pub place_like: bool,
    /// Cue classes (the `CUE_*` bits).
    pub cues: u16,
}

impl Info {
    /// What a node that is no word carries.
    pub(super) const EMPTY: Info = Info {
        place: 0,
        org: 0,
        person: 0,
        word: 0,
        verb: false,
        noun: false,
        adverb: false,
        foreign: false,
        place_like: false,
        cues: 0,
    };

    /// Whether some list holds the word (a node with no list's word is a
    /// prefix of longer words only, and its `Info` is empty).
    pub(super) fn is_word(&self) -> bool {
        self.place | self.org | self.person | self.word != 0 || self.cues != 0
    }
}

pub(super) const TITLE: u16 = 1;
pub(super) const SPEECH: u16 = 1 << 1;
pub(super) const ORG_LEGAL: u16 = 1 << 2;
pub(super) const ORG_GOV: u16 = 1 << 3;
pub(super) const ORG_BODY: u16 = 1 << 4;
pub(super) const ORG_WEAK: u16 = 1 << 5;
pub(super) const INDUSTRY: u16 = 1 << 6;
pub(super) const ADMIN: u16 = 1 << 7;
pub(super) const SURNAME: u16 = 1 << 8;
pub(super) const SURNAME_AMBIGUOUS: u16 = 1 << 9;
pub(super) const SURNAME_JAPANESE: u16 = 1 << 10;
/// Class bits of a character ([`Lexicon::class`]): a CJK ideograph.
pub(super) const HAN: u8 = 1;
/// A function character (see [`FUNCTION`]).
pub(super) const FUNCTION_CHAR: u8 = 1 << 1;
/// A character that spells foreign names.
pub(super) const TRANSLITERATION: u8 = 1 << 2;

/// Characters that end a name or an organisation on their left: function
/// words, pronouns and particles that do not begin proper names.
const FUNCTION: &str = "的地在于与和及是为了由对将把被向从到这那该各个等也都还并而就让给以其我你他她它们之或又很最更已曾即如若但却乃且自至每此该其另及从经据按便着";

/// The main CJK Unified Ideographs block, indexed directly at the root.
const CJK_START: u32 = 0x4E00;
const CJK_END: u32 = 0xA000;

/// The given-name score of a character no listed name uses: rare characters
/// (梁坤奠) are still possible in names.
const UNSEEN: i32 = -15;

/// The frequency given to the places of our own list.
pub(super) const OWN_PLACE: u32 = 10_000;
/// Any organisation suffix.
pub(super) const ORG_SUFFIX: u16 = ORG_LEGAL | ORG_GOV | ORG_BODY | ORG_WEAK;

/// A small multiplicative hasher for `(node, char)` keys: the trie is walked
/// once per character of every document, and SipHash would dominate.
#[derive(Default)]
pub(super) struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A map keyed by characters or short runs of them, hashed with
/// [`PairHasher`]: the finders' per-document maps are probed at every
/// position.
pub(super) type CharMap<K, V> = HashMap<K, V, BuildHasherDefault<PairHasher>>;

/// A set of characters or short runs of them (see [`CharMap`]).
pub(super) type CharSet<K> = HashSet<K, BuildHasherDefault<PairHasher>>;

type Edges = CharMap<(u32, char), u32>;

/// The combined trie with the given-name statistics.
pub(super) struct Lexicon {
    edges: Edges,
    /// The root's children for the main CJK block (U+4E00..U+A000), by
    /// code point: most walks end after one step, and an array is cheaper
    /// than a hash there.
    roots: Vec<u32>,
    /// The class bits of the main CJK block's characters, by code point.
    classes: Vec<u8>,
    /// [`FUNCTION`], sorted.
    function: Vec<char>,
    nodes: Vec<Info>,
    given: CharMap<char, i16>,
    transliteration: Vec<char>,
}

impl Lexicon {
    /// The process-wide lexicon.
    pub(super) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lexicon = Lexicon {
            edges: Edges::default(),
            roots: Vec::new(),
            classes: Vec::new(),
            function: FUNCTION.chars().collect(),
            nodes: vec![Info::default()],
            given: HashMap::default(),
            transliteration: Vec::new(),
        };
        lexicon.transliteration = include_str!("../../../dictionaries/zhtext/transliteration.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::chars)
            .collect();
        lexicon.transliteration.sort_unstable();
        lexicon.function.sort_unstable();
        lexicon.classes =
            (CJK_START..CJK_END).map(|cp| char::from_u32(cp).map_or(0, |c| lexicon.class_of(c))).collect();
        let number = |s: &str| s.parse::<u32>().unwrap_or(1);
        for (word, freq) in rows(include_str!("../../../dictionaries/jieba/places.txt")) {
            lexicon.insert(word, |info| info.place = number(freq));
        }
        let own_places = include_str!("../../../dictionaries/zhtext/places.txt");
        for word in own_places.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace) {
            lexicon.insert(word, |info| info.place = info.place.max(OWN_PLACE));
        }
        for (word, freq) in rows(include_str!("../../../dictionaries/jieba/orgs.txt")) {
            lexicon.insert(word, |info| info.org = number(freq));
        }
        for (word, freq) in rows(include_str!("../../../dictionaries/jieba/people.txt")) {
            lexicon.insert(word, |info| info.person = number(freq));
        }
        for (word, rest) in rows(include_str!("../../../dictionaries/jieba/words.txt")) {
            let (freq, tag) = rest.split_once('\t').unwrap_or((rest, ""));
            // jieba's nr words without a name's shape are mostly everyday
            // words (青少年, 光榮); spelled in transliteration characters
            // they are foreign names (科恩).
            let foreign =
                matches!(tag, "nrt" | "nrfg") || tag == "nr" && word.chars().all(|c| lexicon.is_transliteration(c));
            lexicon.insert(word, |info| {
                info.word = number(freq);
                info.verb = tag.starts_with('v');
                info.foreign = foreign;
                info.noun = tag.starts_with('n') && !tag.starts_with("nr") || tag == "vn";
                info.adverb = tag.starts_with('d') || tag == "t" || tag == "c";
                info.place_like = tag == "ns";
            });
        }
        for (word, class) in rows(include_str!("../../../dictionaries/zhtext/entities.txt")) {
            let bit = match class {
                "title" => TITLE,
                "speech" => SPEECH,
                "org-legal" => ORG_LEGAL,
                "org-gov" => ORG_GOV,
                "org-body" => ORG_BODY,
                "org-weak" => ORG_WEAK,
                "industry" => INDUSTRY,
                "admin" => ADMIN,
                _ => 0,
            };
            lexicon.insert(word, |info| info.cues |= bit);
        }
        for (word, _) in rows(include_str!("../../../dictionaries/zhtext/japanese-surnames.txt")) {
            lexicon.insert(word, |info| info.cues |= SURNAME_JAPANESE);
        }
        for (word, class) in rows(include_str!("../../../dictionaries/zhtext/surnames.txt")) {
            let bits = if class == "ambiguous" { SURNAME | SURNAME_AMBIGUOUS } else { SURNAME };
            lexicon.insert(word, |info| info.cues |= bits);
        }
        for (c, score) in rows(include_str!("../../../dictionaries/jieba/given-names.txt")) {
            if let (Some(c), Ok(score)) = (c.chars().next(), score.parse()) {
                lexicon.given.insert(c, score);
            }
        }
        lexicon.roots = (CJK_START..CJK_END)
            .map(|cp| char::from_u32(cp).and_then(|c| lexicon.edges.get(&(0, c)).copied()).unwrap_or(0))
            .collect();
        lexicon
    }

    /// The node one step from the root by `c` (0: none).
    fn root_child(&self, c: char) -> u32 {
        let cp = u32::from(c);
        if (CJK_START..CJK_END).contains(&cp) {
            self.roots.get((cp - CJK_START) as usize).copied().unwrap_or(0)
        } else {
            self.edges.get(&(0, c)).copied().unwrap_or(0)
        }
    }

    fn insert(&mut self, word: &str, update: impl FnOnce(&mut Info)) {
        let mut node = 0u32;
        for c in word.chars() {
            let next = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
            node = *self.edges.entry((node, c)).or_insert(next);
            if node == next {
                self.nodes.push(Info::default());
            }
        }
        if let Some(info) = self.nodes.get_mut(node as usize) {
            update(info);
        }
    }

    /// Calls `visit(len, info)` for every word that starts at `text[at..]`,
    /// shortest first, and returns how many characters of it the trie
    /// follows: every node on the way that is no word has an empty
    /// [`Info`].
    pub(super) fn walk<'a>(&'a self, text: &[char], at: usize, mut visit: impl FnMut(usize, &'a Info)) -> usize {
        let mut node = 0u32;
        for (len, &c) in text.iter().skip(at).enumerate() {
            let next = if node == 0 { self.root_child(c) } else { self.edges.get(&(node, c)).copied().unwrap_or(0) };
            if next == 0 {
                return len;
            }
            node = next;
            if let Some(info) = self.nodes.get(next as usize) {
                if info.is_word() {
                    visit(len + 1, info);
                }
            }
        }
        text.len().saturating_sub(at)
    }

    /// What the lexicons say about exactly `word`.
    pub(super) fn info(&self, word: &[char]) -> Option<&Info> {
        let mut node = 0u32;
        for &c in word {
            node = *self.edges.get(&(node, c))?;
        }
        self.nodes.get(node as usize)
    }

    /// How much likelier `c` is in a given name than in running text, in
    /// tenths of a natural log (unseen characters score [`UNSEEN`]).
    pub(super) fn given_score(&self, c: char) -> i32 {
        self.given.get(&c).map_or(UNSEEN, |&s| i32::from(s))
    }

    /// Whether `c` spells foreign names.
    pub(super) fn is_transliteration(&self, c: char) -> bool {
        self.transliteration.binary_search(&c).is_ok()
    }

    /// The class bits of `c` ([`HAN`], [`FUNCTION_CHAR`],
    /// [`TRANSLITERATION`]); a table lookup in the main CJK block.
    pub(super) fn class(&self, c: char) -> u8 {
        let cp = u32::from(c);
        if (CJK_START..CJK_END).contains(&cp) {
            self.classes.get((cp - CJK_START) as usize).copied().unwrap_or(0)
        } else {
            self.class_of(c)
        }
    }

    fn class_of(&self, c: char) -> u8 {
        if !super::doc::is_han(c) {
            return 0;
        }
        let mut class = HAN;
        if self.function.binary_search(&c).is_ok() {
            class |= FUNCTION_CHAR;
        }
        if self.is_transliteration(c) {
            class |= TRANSLITERATION;
        }
        class
    }
}

#[cfg(test)]
mod tests {
    use super::{Info, Lexicon};

    /// `Doc::info` answers for a node no list holds with an empty `Info`
    /// without looking: every such node must carry nothing.
    #[test]
    fn nodes_that_are_no_word_are_empty() {
        let lexicon = Lexicon::get();
        assert!(lexicon.nodes.len() > 100_000);
        assert!(lexicon.nodes.iter().all(|info| info.is_word() || *info == Info::EMPTY));
        assert_eq!(Info::default(), Info::EMPTY);
    }
}
