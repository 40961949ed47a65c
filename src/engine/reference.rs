//! A deliberately simple implementation of OpenCC 1.4.2's algorithm, the
//! specification the compiled engine is tested against.
//!
//! Dictionaries are hash maps; a group's match is computed recursively,
//! literally as OpenCC describes it (a leaf takes its longest key that
//! prefixes the text; `short_circuit` takes the first child with a match;
//! `union` the longest, the earlier child on ties); segmentation and the
//! chain follow `MaxMatchSegmentation` and `Conversion` step by step.

use std::collections::HashMap;
use std::sync::Arc;

use super::utf8::ids_len;
use crate::dict::{ConfigSpec, DictSpec, MatchPolicy, TextDict};
use crate::error::Result;

pub(crate) enum RefDict {
    Leaf { map: HashMap<String, String>, max_chars: usize },
    Group(MatchPolicy, Vec<RefDict>),
}

impl RefDict {
    pub(crate) fn build(spec: &DictSpec, load: &mut dyn FnMut(&str) -> Result<Arc<TextDict>>) -> Result<RefDict> {
        let leaf = |entries: &[(String, String)]| {
            let mut map = HashMap::new();
            for (k, v) in entries {
                map.entry(k.clone()).or_insert_with(|| v.clone());
            }
            let max_chars = entries.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
            RefDict::Leaf { map, max_chars }
        };
        Ok(match spec {
            DictSpec::File { file } => leaf(&load(file)?.entries),
            DictSpec::Inline { entries } => leaf(entries),
            DictSpec::Group { policy, children } => {
                let mut built = Vec::new();
                for c in children {
                    built.push(RefDict::build(c, load)?);
                }
                RefDict::Group(*policy, built)
            }
        })
    }

    /// (matched bytes, value) of the match at the start of `text`.
    pub(crate) fn match_prefix(&self, text: &str) -> Option<(usize, &str)> {
        match self {
            RefDict::Leaf { map, max_chars } => {
                let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).take(*max_chars).collect();
                ends.iter().rev().find_map(|&end| map.get(&text[..end]).map(|v| (end, v.as_str())))
            }
            RefDict::Group(MatchPolicy::ShortCircuit, children) => children.iter().find_map(|c| c.match_prefix(text)),
            RefDict::Group(MatchPolicy::Union, children) => {
                let mut best: Option<(usize, &str)> = None;
                for m in children.iter().filter_map(|c| c.match_prefix(text)) {
                    if best.is_none_or(|b| m.0 > b.0) {
                        best = Some(m);
                    }
                }
                best
            }
        }
    }
}

/// The length of the unmatched unit at the start of `text`.
fn unit(text: &str) -> usize {
    let ids = ids_len(text.as_bytes(), 0);
    if ids > 0 {
        ids
    } else {
        text.chars().next().map_or(1, char::len_utf8)
    }
}

/// `Conversion::AppendConverted`.
pub(crate) fn convert_stage(dict: &RefDict, text: &str) -> String {
    let mut out = String::new();
    let mut pos = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        if let Some((len, value)) = dict.match_prefix(rest) {
            out.push_str(value);
            pos += len;
        } else {
            let len = unit(rest);
            out.push_str(&rest[..len]);
            pos += len;
        }
    }
    out
}

/// `MaxMatchSegmentation::Segment`.
pub(crate) fn segment<'t>(dict: &RefDict, text: &'t str) -> Vec<&'t str> {
    let mut segments = Vec::new();
    let (mut pos, mut start) = (0, 0);
    while pos < text.len() {
        match dict.match_prefix(&text[pos..]) {
            Some((len, _)) => {
                if start < pos {
                    segments.push(&text[start..pos]);
                }
                segments.push(&text[pos..pos + len]);
                pos += len;
                start = pos;
            }
            None => pos += unit(&text[pos..]),
        }
    }
    if start < text.len() {
        segments.push(&text[start..]);
    }
    segments
}

/// A whole configuration.
pub(crate) struct RefConverter {
    normalization: Vec<RefDict>,
    segmentation: Option<RefDict>,
    chain: Vec<RefDict>,
}

impl RefConverter {
    pub(crate) fn new(spec: &ConfigSpec, load: &mut dyn FnMut(&str) -> Result<Arc<TextDict>>) -> Result<RefConverter> {
        let mut build = |s: &DictSpec| RefDict::build(s, load);
        Ok(RefConverter {
            normalization: spec.normalization.iter().map(&mut build).collect::<Result<_>>()?,
            segmentation: spec.segmentation.as_ref().map(&mut build).transpose()?,
            chain: spec.chain.iter().map(&mut build).collect::<Result<_>>()?,
        })
    }

    pub(crate) fn convert(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for dict in &self.normalization {
            text = convert_stage(dict, &text);
        }
        let segments = match &self.segmentation {
            Some(seg) => segment(seg, &text),
            None => vec![text.as_str()],
        };
        let mut out = String::new();
        for s in segments {
            let mut s = s.to_owned();
            for dict in &self.chain {
                s = convert_stage(dict, &s);
            }
            out.push_str(&s);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::dict::{embedded, parse_text_dict};
    use crate::engine::pipeline::{compose, compose_checked, Parts, Pipeline, Segmentation};
    use crate::engine::stage::{Stage, Stop};
    use crate::engine::trie::Trie;
    use crate::Config;

    fn builtin_dict(file: &str) -> Result<Arc<TextDict>> {
        let (name, text) = embedded::lookup(file).ok_or_else(|| crate::Error::invalid_config(file, "missing"))?;
        Ok(Arc::new(parse_text_dict(name, text)?))
    }

    /// Text pieces that exercise every path: dictionary keys (whole and
    /// cut), their neighbours, IDS operators, compatibility ideographs,
    /// astral characters, ASCII and line breaks.
    fn pieces() -> Vec<String> {
        let mut pieces: Vec<String> =
            ["\n", " ", "，", "。", "a", "PN", "⿰", "⿱", "⿲", "豈", "𠀀", "\u{2F800}", "\0"]
                .iter()
                .map(std::string::ToString::to_string)
                .collect();
        for (name, text) in embedded::DICTIONARIES {
            let Ok(dict) = parse_text_dict(name, text) else { continue };
            for (i, (k, v)) in dict.entries.iter().enumerate() {
                if i % 97 == 0 {
                    pieces.push(k.clone());
                    pieces.push(v.clone());
                    let chars: Vec<char> = k.chars().collect();
                    if chars.len() > 1 {
                        pieces.push(chars[..chars.len() - 1].iter().collect());
                        pieces.push(chars[1..].iter().collect());
                    }
                }
            }
        }
        pieces
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = pieces();
        prop::collection::vec(prop::sample::select(pieces), 0..24).prop_map(|v| v.concat())
    }

    fn reference(config: Config) -> RefConverter {
        let spec = ConfigSpec::parse(config.opencc_json(), config.name(), true).expect("builtin parses");
        RefConverter::new(&spec, &mut builtin_dict).expect("builtin dictionaries load")
    }

    proptest! {
        // ZHTEXT_PROPTEST_CASES=10000 for a deep run.
        #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

        /// The compiled, staged engine equals the literal algorithm on every
        /// configuration.
        #[test]
        fn engine_equals_reference(text in text_strategy()) {
            // OpenCC drops text after a NUL in segmented configurations;
            // both sides here convert it (see the crate docs).
            for config in Config::ALL {
                let ours = crate::Converter::new(config).convert(&text).into_owned();
                let want = REFS.with(|r| r[config.index()].convert(&text));
                prop_assert_eq!(ours, want, "{}", config);
            }
        }

        /// Nested groups under both policies, with overlapping keys: the
        /// trie's build-time resolution equals recursive matching.
        #[test]
        fn group_policies_equal_reference(
            dicts in prop::collection::vec(prop::collection::vec(("[ab中文]{1,4}", "[xy]{1,3}"), 0..8), 3),
            outer_union in any::<bool>(),
            inner_union in any::<bool>(),
            text in "[ab中文c]{0,16}",
        ) {
            let policy = |u: bool| if u { MatchPolicy::Union } else { MatchPolicy::ShortCircuit };
            let leaf = |i: usize| DictSpec::Inline { entries: dicts[i].clone() };
            let spec = DictSpec::Group {
                policy: policy(outer_union),
                children: vec![
                    DictSpec::Group { policy: policy(inner_union), children: vec![leaf(0), leaf(1)] },
                    leaf(2),
                ],
            };
            let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
            let trie = Arc::new(Trie::build(&spec, &mut no_files).expect("builds"));
            let reference = RefDict::build(&spec, &mut no_files).expect("builds");
            let pipeline = Pipeline::new(Parts { chain: vec![Arc::clone(&trie)], ..Parts::default() }).expect("compiles");
            let mut ours = String::new();
            pipeline.convert_into(&text, &mut ours);
            prop_assert_eq!(ours, convert_stage(&reference, &text));
            // The same group as a segmentation dictionary.
            let seg = Pipeline::new(Parts { segmentation: Some(Segmentation::Dictionary(trie)), ..Parts::default() })
                .expect("compiles");
            let mut ours = String::new();
            seg.convert_into(&text, &mut ours);
            prop_assert_eq!(ours, text.clone());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

        /// A stage composed with a character map (on either side) converts
        /// exactly like the two stages in turn, with many-to-one maps,
        /// characters the map leaves alone and nested group policies.
        #[test]
        fn composed_stages_equal_the_chain(
            map in prop::collection::vec(("[a-e]", "[a-eyz]"), 1..6),
            dicts in prop::collection::vec(prop::collection::vec(("[a-ez]{1,3}", "[p-s]{1,2}"), 0..6), 2),
            map_first in any::<bool>(),
            union in any::<bool>(),
            text in "[a-ez⿰ ]{0,16}",
        ) {
            let policy = if union { MatchPolicy::Union } else { MatchPolicy::ShortCircuit };
            let stage = DictSpec::Group {
                policy,
                children: dicts.iter().map(|d| DictSpec::Inline { entries: d.clone() }).collect(),
            };
            let map = DictSpec::Inline { entries: map };
            let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
            let (first, second) = if map_first { (&map, &stage) } else { (&stage, &map) };
            let first = Arc::new(Trie::build(first, &mut no_files).expect("builds"));
            let second = Arc::new(Trie::build(second, &mut no_files).expect("builds"));
            let chain = Pipeline::new(Parts {
                chain: vec![Arc::clone(&first), Arc::clone(&second)],
                runs: Some(vec![Arc::clone(&first), Arc::clone(&second)]),
                ..Parts::default()
            })
            .expect("compiles");
            let composed = compose(&first, &second).expect("composes");
            prop_assert!(composed.is_some() || map_first && first.char_map().is_none());
            let composed = Pipeline::new(Parts { chain: vec![first, second], ..Parts::default() }).expect("compiles");
            let (mut want, mut ours) = (String::new(), String::new());
            chain.convert_into(&text, &mut want);
            composed.convert_into(&text, &mut ours);
            prop_assert_eq!(ours, want);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

        /// A checked composition (a regional stage, then
        /// `short_circuit(segmentation, character map)`) converts exactly
        /// like the stages, falling back to them where it must.
        #[test]
        fn checked_composition_equals_the_chain(
            words in prop::collection::vec(("[a-c]{1,3}", prop::option::of("[p-s]{1,3}")), 1..6),
            regional in prop::collection::vec(("[a-cx]{1,3}", "[a-cx]{1,3}"), 1..5),
            map in prop::collection::vec(("[a-cx]", "[a-cy]"), 1..6),
            text in "[a-cx，⿰]{0,30}",
        ) {
            // A word without a value of its own converts as the map makes
            // its characters.
            let words = DictSpec::Inline { entries: with_plain_values(words, &map) };
            let regional = DictSpec::Inline { entries: regional };
            let second_spec = DictSpec::Group {
                policy: MatchPolicy::ShortCircuit,
                children: vec![words.clone(), DictSpec::Inline { entries: map }],
            };
            let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
            let build = |s: &DictSpec, load: &mut dyn FnMut(&str) -> Result<Arc<TextDict>>| {
                Arc::new(Trie::build(s, load).expect("builds"))
            };
            let (seg, first, second) =
                (build(&words, &mut no_files), build(&regional, &mut no_files), build(&second_spec, &mut no_files));
            let parts = |runs| Parts {
                segmentation: Some(Segmentation::Dictionary(Arc::clone(&seg))),
                chain: vec![Arc::clone(&first), Arc::clone(&second)],
                runs,
                ..Parts::default()
            };
            let staged = Pipeline::new(parts(Some(vec![Arc::clone(&first), Arc::clone(&second)]))).expect("compiles");
            let mut staged_out = String::new();
            staged.convert_into(&text, &mut staged_out);
            // And the literal algorithm (segmentation first, then the chain
            // on each segment).
            let spec = ConfigSpec { normalization: Vec::new(), segmentation: Some(words), chain: vec![regional, second_spec] };
            let want = RefConverter::new(&spec, &mut no_files).expect("builds").convert(&text);
            prop_assert_eq!(&staged_out, &want);
            let composed = Pipeline::new(parts(None)).expect("compiles");
            let mut ours = String::new();
            composed.convert_into(&text, &mut ours);
            prop_assert_eq!(ours, want);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

        /// Both byte loops (the one taking every match, and the one
        /// writing characters alone until a match that differs may start)
        /// convert like the character loop, whatever share of the phrases
        /// converts as their characters alone do.
        #[test]
        fn lazy_and_eager_byte_loops_equal_the_char_loop(
            chars in prop::collection::vec(("[a-c]", "[a-cx-z]"), 0..4),
            phrases in prop::collection::vec(("[a-c]{2,3}", prop::option::of("[p-s]{1,3}|\\+[p-s]")), 1..10),
            text in "[a-c，⿰]{0,40}",
        ) {
            let phrases = with_plain_values(phrases, &chars);
            let spec = DictSpec::Group {
                policy: MatchPolicy::ShortCircuit,
                children: vec![DictSpec::Inline { entries: phrases }, DictSpec::Inline { entries: chars }],
            };
            let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
            let stage = Stage::new(Arc::new(Trie::build(&spec, &mut no_files).expect("builds")), &[], false);
            let mut want = String::new();
            let stop = stage.run(&text, &mut want);
            for lazy in [false, true] {
                let (mut ours, mut buf) = (String::new(), Vec::new());
                prop_assert_eq!(stage.with_lazy(lazy).run_via_bytes(&text, &mut ours, &mut buf), stop);
                if stop.is_ok() {
                    prop_assert_eq!(&ours, &want, "lazy: {}", lazy);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

        /// Shaped like s2twp (words, a first stage of the words then
        /// characters, then phrases): the walk with the one exact stage
        /// between words (which writes characters alone until a word or a
        /// match of the stage that differs may start) converts like the
        /// literal algorithm, whatever share of the words converts as its
        /// characters alone do.
        #[test]
        fn merged_walk_equals_the_reference(
            words in prop::collection::vec(("[a-c]{2,3}", prop::option::of("[p-s]{1,3}|=|\\+[p-s]")), 1..10),
            chars in prop::collection::vec(("[a-c]", "[a-cx]"), 0..4),
            phrases in prop::collection::vec(("[a-cx]{2,3}", "[p-s]{1,2}"), 0..3),
            text in "[a-c，⿰]{0,40}",
        ) {
            let words = DictSpec::Inline { entries: with_plain_values(words, &chars) };
            let (chars, phrases) = (DictSpec::Inline { entries: chars }, DictSpec::Inline { entries: phrases });
            let (ours, want) = s2twp_shaped(&words, &chars, &phrases, &text);
            prop_assert_eq!(ours, want);
        }
    }

    /// Cases of the merged walk with a checked stage: a word the
    /// regional stage makes (`ac` becomes the word `ab`) needs the run
    /// converted again, from a character whose value holds in a clean run
    /// only; and a word that converts as its characters do (`ab`) hides
    /// one that does not (`bc`); and a word the regional stage makes where
    /// the composed stage writes the characters unchanged. (The texts run
    /// on: the loop leaves the last characters to the walk.)
    #[test]
    fn checked_merged_walk_cases() {
        let inline = |pairs: &[(&str, &str)]| DictSpec::Inline {
            entries: pairs.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect(),
        };
        let cases = [
            (inline(&[("ab", "p")]), inline(&[("c", "b"), ("xx", "x")]), inline(&[]), "bbac，acb，bbac，acb，。。。。"),
            (
                inline(&[("ab", "yb"), ("bc", "p")]),
                inline(&[("cc", "x")]),
                inline(&[("a", "y")]),
                "abcabc，abc，abcabc，。。。。",
            ),
            // The regional stage makes a word (`ac` → `ab` → `p`) from
            // characters the map writes unchanged (`b` → `c`): the
            // composed match, unchecked, looks like the characters alone.
            (inline(&[("ab", "p")]), inline(&[("ac", "ab")]), inline(&[("b", "c")]), "xac，ac，xacac，。。。。"),
        ];
        for (words, regional, map, text) in cases {
            let second = DictSpec::Group { policy: MatchPolicy::ShortCircuit, children: vec![words.clone(), map] };
            let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
            let spec = ConfigSpec {
                normalization: Vec::new(),
                segmentation: Some(words.clone()),
                chain: vec![regional.clone(), second.clone()],
            };
            let want = RefConverter::new(&spec, &mut no_files).expect("builds").convert(text);
            let mut trie = |s: &DictSpec| Arc::new(Trie::build(s, &mut no_files).expect("builds"));
            let (seg, first, second) = (trie(&words), trie(&regional), trie(&second));
            let parts = Parts {
                segmentation: Some(Segmentation::Dictionary(seg)),
                chain: vec![first, second],
                ..Parts::default()
            };
            let pipeline = Pipeline::new(parts).expect("compiles");
            assert!(pipeline.has_merged_walk() && pipeline.has_checked_stage(), "{text}");
            let mut ours = String::new();
            pipeline.convert_into(text, &mut ours);
            assert_eq!(ours, want, "{text}");
        }
    }

    /// Words the merged walk must take although their characters come
    /// out as written one by one at first: the value goes on after them
    /// (`ab` → `xbq`), or stops short (`bc` → `b`).
    #[test]
    fn words_longer_or_shorter_than_their_characters() {
        let inline = |pairs: &[(&str, &str)]| DictSpec::Inline {
            entries: pairs.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect(),
        };
        let (words, chars, phrases) = (inline(&[("ab", "xbq"), ("bc", "b")]), inline(&[("a", "x")]), inline(&[]));
        let (ours, want) = s2twp_shaped(&words, &chars, &phrases, "cabab，bcbc，。。。。");
        assert_eq!(want, "cxbqxbq，bb，。。。。");
        assert_eq!(ours, want);
    }

    /// The lazy byte loop goes back, at a match that differs (`ca`), to
    /// where a match is known to start: not just after a character that
    /// starts no key but sits inside one (`b` of `abc`, which converts as
    /// its characters do and takes the `c`).
    #[test]
    fn lazy_byte_loop_goes_back_over_characters_inside_keys() {
        let entries = [("abc", "abc"), ("ca", "x")].map(|(k, v)| (k.to_owned(), v.to_owned())).to_vec();
        let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
        let trie = Trie::build(&DictSpec::Inline { entries }, &mut no_files).expect("builds");
        let stage = Stage::new(Arc::new(trie), &[], false).with_lazy(true);
        for (text, want) in [("abca，，，，", "abca，，，，"), ("ca，abca，，，，", "x，abca，，，，")]
        {
            let mut chars = String::new();
            stage.run(text, &mut chars).expect("converts");
            assert_eq!(chars, want, "{text}");
            let (mut ours, mut buf) = (String::new(), Vec::new());
            stage.run_via_bytes(text, &mut ours, &mut buf).expect("converts");
            assert_eq!(ours, want, "{text}");
        }
    }

    /// The lazy byte loop stops at an unchecked match, as the character
    /// loop does, even where the match's value is what the characters
    /// alone give (`ac` → `ac`, which the regional stage would make the
    /// word `ab` → `p`).
    #[test]
    fn lazy_byte_loop_stops_at_unchecked_matches() {
        let inline = |pairs: &[(&str, &str)]| DictSpec::Inline {
            entries: pairs.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect(),
        };
        let (words, map) = (inline(&[("ab", "p")]), inline(&[("b", "c")]));
        let second = DictSpec::Group { policy: MatchPolicy::ShortCircuit, children: vec![words.clone(), map] };
        let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
        let mut trie = |s: &DictSpec| Trie::build(s, &mut no_files).expect("builds");
        let (regional, second, words) = (trie(&inline(&[("ac", "ab")])), trie(&second), trie(&words));
        let composed = compose_checked(&regional, &second, &words).expect("composes").expect("checked");
        let stage = Stage::new(Arc::new(composed), &[], false);
        for text in ["xxac，。。。。", "xac，xac，。。。。"] {
            let mut want = String::new();
            assert_eq!(stage.run(text, &mut want), Err(Stop::Unchecked), "{text}");
            for lazy in [false, true] {
                let (mut ours, mut buf) = (String::new(), Vec::new());
                assert_eq!(
                    stage.with_lazy(lazy).run_via_bytes(text, &mut ours, &mut buf),
                    Err(Stop::Unchecked),
                    "{text}"
                );
            }
        }
    }

    /// An astral character that only the middle of a word holds has no
    /// entry in the merged walk's table, yet it is not inert: a run does
    /// not start after it (the word `a𠀀b` hides the word `bc`).
    #[test]
    fn astral_characters_inside_words_are_not_inert() {
        let inline = |pairs: &[(&str, &str)]| DictSpec::Inline {
            entries: pairs.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect(),
        };
        let (words, chars, phrases) =
            (inline(&[("a𠀀b", "a𠀀b"), ("bc", "p")]), inline(&[("a", "a")]), inline(&[("qq", "r")]));
        let (ours, want) = s2twp_shaped(&words, &chars, &phrases, "a𠀀bc，a𠀀bc，。。。。");
        assert_eq!(want, "a𠀀bc，a𠀀bc，。。。。");
        assert_eq!(ours, want);
    }

    /// A configuration shaped like s2twp (segmentation by `words`, a first
    /// stage of the words then `chars`, then `phrases`) converting `text`
    /// with the merged walk, and the literal algorithm's output.
    fn s2twp_shaped(words: &DictSpec, chars: &DictSpec, phrases: &DictSpec, text: &str) -> (String, String) {
        let first = DictSpec::Group { policy: MatchPolicy::ShortCircuit, children: vec![words.clone(), chars.clone()] };
        let spec = ConfigSpec {
            normalization: Vec::new(),
            segmentation: Some(words.clone()),
            chain: vec![first, phrases.clone()],
        };
        let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
        let want = RefConverter::new(&spec, &mut no_files).expect("builds").convert(text);
        let mut trie = |s: &DictSpec| Arc::new(Trie::build(s, &mut no_files).expect("builds"));
        let parts = Parts {
            segmentation: Some(Segmentation::Dictionary(trie(words))),
            chain: vec![trie(phrases)],
            first_stage_rest: Some(Some(trie(chars))),
            ..Parts::default()
        };
        let pipeline = Pipeline::new(parts).expect("compiles");
        assert!(pipeline.has_merged_walk(), "{text}");
        let mut ours = String::new();
        pipeline.convert_into(text, &mut ours);
        (ours, want)
    }

    /// A stage's match between words stops where a word starts, even when
    /// the stage has a longer key (`ab` here, with the word `bc`).
    #[test]
    fn a_run_ends_where_a_word_starts() {
        let inline = |pairs: &[(&str, &str)]| DictSpec::Inline {
            entries: pairs.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect(),
        };
        let spec = ConfigSpec {
            normalization: Vec::new(),
            segmentation: Some(inline(&[("bc", "W")])),
            chain: vec![inline(&[("ab", "X"), ("a", "y")])],
        };
        let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
        let want = RefConverter::new(&spec, &mut no_files).expect("builds").convert("abc abd");
        assert_eq!(want, "ybc Xd");
        let trie = |s: &DictSpec| {
            Arc::new(Trie::build(s, &mut |f: &str| Err(crate::Error::invalid_config(f, "none"))).expect("builds"))
        };
        let seg = spec.segmentation.as_ref().map(trie).map(Segmentation::Dictionary);
        let pipeline = Pipeline::new(Parts {
            segmentation: seg,
            chain: spec.chain.iter().map(trie).collect(),
            ..Parts::default()
        })
        .expect("compiles");
        let mut ours = String::new();
        pipeline.convert_into("abc abd", &mut ours);
        assert_eq!(ours, want);
    }

    /// A key may convert to nothing, also as the last value stored (which
    /// once read as an unchecked entry and lost the conversion).
    #[test]
    fn empty_values_convert() {
        let spec = DictSpec::Inline { entries: vec![("a".to_owned(), String::new())] };
        let mut no_files = |f: &str| -> Result<Arc<TextDict>> { Err(crate::Error::invalid_config(f, "none")) };
        let trie = Arc::new(Trie::build(&spec, &mut no_files).expect("builds"));
        let back = Trie::from_bytes(&trie.to_bytes()).expect("reads back");
        for trie in [trie, Arc::new(back)] {
            let pipeline = Pipeline::new(Parts { chain: vec![trie], ..Parts::default() }).expect("compiles");
            let mut out = String::new();
            pipeline.convert_into("xaya", &mut out);
            assert_eq!(out, "xy");
        }
    }

    /// Dictionary entries from drawn ones: a key without a value gets what
    /// `map` (first entry of a character wins, as in a dictionary) makes
    /// of its characters alone, so that it converts as they do; "=" keeps
    /// the key as it is.
    fn with_plain_values(entries: Vec<(String, Option<String>)>, map: &[(String, String)]) -> Vec<(String, String)> {
        let mut alone: HashMap<char, &str> = HashMap::new();
        for (k, v) in map {
            if let Some(c) = k.chars().next() {
                alone.entry(c).or_insert(v);
            }
        }
        let plain = |k: &str| -> String {
            k.chars().map(|c| alone.get(&c).map_or_else(|| c.to_string(), |v| (*v).to_owned())).collect()
        };
        entries
            .into_iter()
            .map(|(k, v)| {
                let value = match v.as_deref() {
                    Some("=") => k.clone(),
                    // The characters' values and more after them.
                    Some(more) if more.starts_with('+') => plain(&k) + &more[1..],
                    Some(_) => v.unwrap_or_default(),
                    None => plain(&k),
                };
                (k, value)
            })
            .collect()
    }

    fn cases(default: u32) -> u32 {
        std::env::var("ZHTEXT_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
    }

    thread_local! {
        static REFS: Vec<RefConverter> = Config::ALL.iter().map(|&c| reference(c)).collect();
        /// Every conversion stage of every built-in configuration, marking
        /// the characters its normalization would change.
        static STAGES: Vec<Stage> = Config::ALL.iter().flat_map(|&config| {
            let spec = ConfigSpec::parse(config.opencc_json(), config.name(), true).expect("builtin parses");
            let build = |s: &DictSpec| Arc::new(Trie::build(s, &mut builtin_dict).expect("builds"));
            let normalize: Vec<u32> = spec.normalization.iter().flat_map(|s| build(s).first_chars().collect::<Vec<_>>()).collect();
            spec.chain.iter().map(|s| Stage::new(build(s), &normalize, false)).collect::<Vec<_>>()
        }).collect();
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

        /// The byte loop converts exactly like the character loop, and
        /// stops where it stops, on every stage of every configuration.
        #[test]
        fn byte_loop_equals_char_loop(text in text_strategy()) {
            STAGES.with(|stages| {
                let mut buf = Vec::new();
                for stage in stages {
                    let (mut want, mut ours) = (String::new(), String::new());
                    let stop = stage.run(&text, &mut want);
                    prop_assert_eq!(stage.run_via_bytes(&text, &mut ours, &mut buf), stop);
                    if stop.is_ok() {
                        prop_assert_eq!(&ours, &want);
                    }
                }
                Ok(())
            })?;
        }
    }

    #[test]
    fn reference_agrees_with_opencc_on_the_seed_article() {
        let root = env!("CARGO_MANIFEST_DIR");
        let seed = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.txt")).expect("seed");
        for config in [Config::S2twp, Config::T2s, Config::Hk2sp] {
            let want =
                std::fs::read_to_string(format!("{root}/tests/golden/seed-dajiang/{config}.txt")).expect("golden");
            assert_eq!(reference(config).convert(&seed), want, "{config}");
        }
    }
}
