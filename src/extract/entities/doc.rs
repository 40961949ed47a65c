//! One document prepared for the entity finders: its characters folded to
//! Simplified and every lexicon word found in it.

use super::lexicon::{CharMap, Info, Lexicon, FUNCTION_CHAR, HAN, TRANSLITERATION};
use std::ops::Range;

/// A lexicon word at a position of the document (character indices).
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub info: &'a Info,
}

/// A document: folded characters and the lexicon's words in them.
pub(super) struct Doc<'a> {
    pub lexicon: &'a Lexicon,
    pub chars: Vec<char>,
    /// How many characters from each Han character the lexicon's trie
    /// follows (see [`Lexicon::walk`]).
    reach: Vec<u32>,
    /// The cue bits of all the words starting at each character.
    cues: Vec<u16>,
    /// The class bits ([`Lexicon::class`]) of each character: the finders
    /// ask them of every position, several times.
    classes: Vec<u8>,
    words: Vec<Word<'a>>,
    /// `words[first[i]..first[i + 1]]` start at character `i`.
    first: Vec<u32>,
    /// Indices into `words`, grouped by end: `by_end[last[j]..last[j + 1]]`
    /// end at character `j`, longest first.
    by_end: Vec<u32>,
    last: Vec<u32>,
}

impl<'a> Doc<'a> {
    pub(super) fn new(lexicon: &'a Lexicon, chars: Vec<char>) -> Doc<'a> {
        // (Room for the words of most texts: capacity never touched costs
        // no memory, and growing a large vector copies it.)
        let mut words = Vec::with_capacity(chars.len() * 2);
        let mut first = Vec::with_capacity(chars.len() + 1);
        let mut classes = Vec::with_capacity(chars.len());
        let mut cues = Vec::with_capacity(chars.len());
        let mut reach = Vec::with_capacity(chars.len());
        for (at, &c) in chars.iter().enumerate() {
            first.push(index(words.len()));
            let class = lexicon.class(c);
            let mut here = 0;
            let mut followed = 0;
            if class & HAN != 0 {
                followed = lexicon.walk(&chars, at, |len, info| {
                    here |= info.cues;
                    words.push(Word { start: at, end: at + len, info });
                });
            }
            classes.push(class);
            cues.push(here);
            reach.push(u32::try_from(followed).unwrap_or(u32::MAX));
        }
        first.push(index(words.len()));
        // Counting sort by end; words are in start order, so each group is
        // longest first.
        let mut last = vec![0u32; chars.len() + 2];
        for w in &words {
            if let Some(count) = last.get_mut(w.end + 1) {
                *count += 1;
            }
        }
        for j in 1..last.len() {
            let before = last.get(j - 1).copied().unwrap_or(0);
            if let Some(slot) = last.get_mut(j) {
                *slot += before;
            }
        }
        let mut next = last.clone();
        let mut by_end = vec![0u32; words.len()];
        for (k, w) in words.iter().enumerate() {
            if let Some(slot) = next.get_mut(w.end) {
                if let Some(place) = by_end.get_mut(*slot as usize) {
                    *place = index(k);
                }
                *slot += 1;
            }
        }
        Doc { lexicon, chars, reach, cues, classes, words, first, by_end, last }
    }

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The character at `i`, or `'\0'` outside the document.
    pub(super) fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    /// The words starting at `i`, shortest first.
    pub(super) fn starting(&self, i: usize) -> &[Word<'a>] {
        let (Some(&a), Some(&b)) = (self.first.get(i), self.first.get(i + 1)) else { return &[] };
        self.words.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// The words ending at `j` (exclusive end), longest first.
    pub(super) fn ending(&self, j: usize) -> impl Iterator<Item = &Word<'a>> {
        let (a, b) = (self.last.get(j).copied().unwrap_or(0), self.last.get(j + 1).copied().unwrap_or(0));
        self.by_end.get(a as usize..b as usize).unwrap_or(&[]).iter().filter_map(|&k| self.words.get(k as usize))
    }

    /// The longest word at `i` that satisfies `keep`.
    pub(super) fn longest(&self, i: usize, keep: impl Fn(&Word<'a>) -> bool) -> Option<Word<'a>> {
        self.starting(i).iter().rev().find(|w| keep(w)).copied()
    }

    /// Whether a word with any of the cue `bits` starts at `i`.
    pub(super) fn starts_cued(&self, i: usize, bits: u16) -> bool {
        self.cues.get(i).is_some_and(|&here| here & bits != 0)
    }

    /// The longest word at `i` with any of the cue `bits` (see
    /// [`super::lexicon::TITLE`] ...).
    pub(super) fn longest_cued(&self, i: usize, bits: u16) -> Option<Word<'a>> {
        // (Most positions start no such word: one load tells.)
        if !self.starts_cued(i, bits) {
            return None;
        }
        self.longest(i, |w| w.info.cues & bits != 0)
    }

    /// What the lexicons say about `chars[a..b]`: `None` where no word
    /// starts so, an empty [`Info`] for a prefix of words only.
    pub(super) fn info(&self, a: usize, b: usize) -> Option<&Info> {
        let word = self.chars.get(a..b)?;
        // From the words found when the document was read, without walking
        // the trie again; from the lexicon where no walk started.
        let reach = self.reach.get(a).map_or(0, |&r| r as usize);
        if !self.is_han(a) || b == a {
            return self.lexicon.info(word);
        }
        if b - a > reach {
            return None;
        }
        Some(self.starting(a).iter().find(|w| w.end == b).map_or(&Info::EMPTY, |w| w.info))
    }

    fn class(&self, i: usize) -> u8 {
        self.classes.get(i).copied().unwrap_or(0)
    }

    /// Whether `i` is a Han character.
    pub(super) fn is_han(&self, i: usize) -> bool {
        self.class(i) & HAN != 0
    }

    /// Whether the character at `i` spells foreign names.
    pub(super) fn is_transliteration(&self, i: usize) -> bool {
        self.class(i) & TRANSLITERATION != 0
    }

    /// Whether `i` is a Han character that may be part of a name.
    pub(super) fn is_name_char(&self, i: usize) -> bool {
        self.class(i) & (HAN | FUNCTION_CHAR) == HAN
    }

    /// Whether the text starting at `at` is `word`.
    pub(super) fn starts_with(&self, at: usize, word: &str) -> bool {
        let n = word.chars().count();
        self.chars.get(at..at + n).is_some_and(|cs| word.chars().eq(cs.iter().copied()))
    }

    /// Whether the text ending right before `end` is `word`.
    pub(super) fn ends_with(&self, end: usize, word: &str) -> bool {
        let n = word.chars().count();
        end >= n && self.chars.get(end - n..end).is_some_and(|cs| word.chars().eq(cs.iter().copied()))
    }

    /// Whether `i` is a function character (的, 在, 和 ...).
    pub(super) fn is_function(&self, i: usize) -> bool {
        self.class(i) & FUNCTION_CHAR != 0
    }

    /// Whether a name may start at `i`: the document starts there, or the
    /// character before is not a name character.
    pub(super) fn left_boundary(&self, i: usize) -> bool {
        i == 0 || !self.is_name_char(i - 1)
    }

    /// Whether a general word (not the name itself) crosses position `i`
    /// from the left: it starts before `i` and ends after it.
    pub(super) fn word_across(&self, i: usize, min_freq: u32) -> bool {
        self.word_out_of(i.saturating_sub(3), i, min_freq)
    }

    /// Whether a general word starts in `from..i` and ends after `i`.
    pub(super) fn word_out_of(&self, from: usize, i: usize, min_freq: u32) -> bool {
        self.crossing(from, i, |w| w.info.word >= min_freq && w.info.place == 0)
    }

    /// Whether a word that `keep` accepts starts in `from..i` and ends
    /// after `i`.
    pub(super) fn crossing(&self, from: usize, i: usize, keep: impl Fn(&Word<'a>) -> bool) -> bool {
        (from..i).any(|s| self.starting(s).iter().any(|w| w.end > i && keep(w)))
    }
}

/// Runs of characters (names, short forms) the document has shown to be
/// something, each once, grouped by their first two characters: a finder
/// that looks for all of them at every position reads one group there, so
/// the cost does not grow with how many there are.
#[derive(Default)]
pub(super) struct Heads<'r>(CharMap<(char, char), Vec<&'r [char]>>);

impl<'r> Heads<'r> {
    /// Adds `run` (runs shorter than two characters are not kept).
    pub(super) fn add(&mut self, run: &'r [char]) {
        if let [first, second, ..] = *run {
            let group = self.0.entry((first, second)).or_default();
            if !group.contains(&run) {
                group.push(run);
            }
        }
    }

    /// The runs written at `i` of `doc`, in the order they were added.
    pub(super) fn at<'s>(&'s self, doc: &'s Doc<'_>, i: usize) -> impl Iterator<Item = &'r [char]> + 's {
        // (No hashing where there is nothing to find: most documents name
        // no company twice.)
        let group = if self.0.is_empty() {
            &[][..]
        } else {
            self.0.get(&(doc.at(i), doc.at(i + 1))).map_or(&[][..], Vec::as_slice)
        };
        group.iter().copied().filter(move |run| doc.chars.get(i..i + run.len()) == Some(*run))
    }
}

/// Which characters some ranges cover: overlap tests in constant time.
pub(super) struct Cover(Vec<bool>);

impl Cover {
    pub(super) fn new<'r>(len: usize, ranges: impl IntoIterator<Item = &'r Range<usize>>) -> Cover {
        let mut cover = Cover(vec![false; len]);
        for r in ranges {
            cover.add(r);
        }
        cover
    }

    pub(super) fn add(&mut self, r: &Range<usize>) {
        for covered in self.0.iter_mut().take(r.end).skip(r.start) {
            *covered = true;
        }
    }

    pub(super) fn overlaps(&self, r: &Range<usize>) -> bool {
        self.0.iter().take(r.end).skip(r.start).any(|&c| c)
    }
}

/// An index into the document's words as stored (a document of more than
/// four billion words is beyond any memory this runs in).
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A CJK ideograph (the extractor's notion of a Chinese character).
pub(super) fn is_han(c: char) -> bool {
    crate::script::is_han(u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::{Doc, Lexicon};

    /// The document's answers from the words it found equal the lexicon's
    /// own walk, for every span of up to eight characters of the seed
    /// article (Traditional folded to Simplified as the extractor does) and
    /// of some non-Han text.
    #[test]
    fn info_from_found_words_equals_the_lexicon() {
        let seed = include_str!("../../../tests/data/seed-dajiang.txt");
        let folded = crate::Converter::new(crate::Config::T2s).convert(seed).into_owned();
        let text = format!("{folded}ABC 3D打印，一一对应");
        let lexicon = Lexicon::get();
        let doc = Doc::new(lexicon, text.chars().collect());
        let mut words = 0;
        for a in 0..doc.len() {
            for b in a..=(a + 8).min(doc.len() + 1) {
                let simple = doc.chars.get(a..b).and_then(|w| lexicon.info(w)).copied();
                assert_eq!(doc.info(a, b).copied(), simple, "{a}..{b}");
                words += usize::from(simple.is_some_and(|i| i.is_word()));
            }
        }
        assert!(words > 1000);
    }

    /// Each position's cue bits are those of the words starting there.
    #[test]
    fn cue_summaries_are_the_words_cues() {
        let seed = include_str!("../../../tests/data/seed-dajiang.txt");
        let doc = Doc::new(Lexicon::get(), seed.chars().collect());
        for i in 0..doc.len() {
            let cues = doc.starting(i).iter().fold(0, |all, w| all | w.info.cues);
            assert_eq!(doc.cues.get(i).copied(), Some(cues));
            for bit in 0..16 {
                assert_eq!(doc.starts_cued(i, 1 << bit), cues & (1 << bit) != 0);
            }
        }
    }
}
