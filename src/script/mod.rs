//! Script detection: is a text Simplified, Traditional, mixed, or not
//! Chinese, and which characters stand out.
//!
//! Characters are classed with OpenCC's own character dictionaries:
//!
//! - **Simplified-only**: a key of `STCharacters` that is not among its own
//!   Traditional candidates (发 → 發 髮; but 后 → 後 后 is shared);
//! - **Traditional-only**: a key of `TSCharacters` that is not among its own
//!   Simplified candidates (發 → 发);
//! - **shared**: every other Han character (中, 于, 后 ...).
//!
//! Regional markers come from `TWVariants` and `HKVariants`: forms only
//! Taiwan uses (裡, 著, 群), forms only Hong Kong uses (説, 衞, 綫), and
//! OpenCC's standard forms that both replace (爲, 裏, 僞).

use std::ops::Range;
use std::sync::OnceLock;

use crate::dict::embedded;
use crate::engine::trie::RootTable;
use crate::engine::utf8::decode;

const S_ONLY: u32 = 1;
const T_ONLY: u32 = 2;
const TW_FORM: u32 = 4;
const HK_FORM: u32 = 8;
const STD_FORM: u32 = 16;
const HAN: u32 = 32;

/// The script a text is written in.
///
/// ```
/// use zhtext::{detect, Script};
///
/// assert_eq!(detect("软件").script(), Script::Simplified);
/// assert_eq!(detect("軟體").script(), Script::Traditional);
/// assert_eq!(detect("中文").script(), Script::Ambiguous);
/// assert_eq!(detect("abc").script(), Script::NotChinese);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Script {
    /// Simplified Chinese (possibly with a few Traditional characters).
    Simplified,
    /// Traditional Chinese (possibly with a few Simplified leftovers).
    Traditional,
    /// Substantial amounts of both.
    Mixed,
    /// Chinese, but only with characters both scripts share (中文, 人口):
    /// valid as either.
    Ambiguous,
    /// No Han characters.
    NotChinese,
}

/// The regional standard a Traditional text follows, where it shows.
///
/// ```
/// use zhtext::{detect, Region};
///
/// assert_eq!(detect("這裡的資訊").region(), Some(Region::Taiwan));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// Taiwan forms (裡, 著, 群, 為).
    Taiwan,
    /// Hong Kong forms (説, 衞, 綫, 着).
    HongKong,
    /// Mainland-produced Traditional: machine conversion from Simplified,
    /// recognisable by Simplified-only leftovers, or OpenCC's standard forms
    /// (爲, 裏) without Taiwan or Hong Kong ones.
    Mainland,
}

/// What [`detect`] found in a text.
///
/// ```
/// use zhtext::{detect, Script};
///
/// let text = "臺山市大江鎮緊緊圍繞市委部署和要求，切實加強組織領導，并取得階段性成果。";
/// let profile = detect(text);
/// assert_eq!(profile.script(), Script::Traditional);
/// // 并 is a Simplified-only character left in Traditional text.
/// let spans: Vec<&str> = profile.leftovers().iter().map(|r| &text[r.clone()]).collect();
/// assert_eq!(spans, ["并"]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptProfile {
    simplified_only: usize,
    traditional_only: usize,
    shared: usize,
    non_han: usize,
    taiwan_forms: usize,
    hong_kong_forms: usize,
    standard_forms: usize,
    script: Script,
    confidence: f32,
    leftovers: Vec<Range<usize>>,
    region: Option<Region>,
}

impl ScriptProfile {
    /// Han characters found only in Simplified Chinese.
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// assert_eq!(detect("软件中文").simplified_only(), 1);
    /// ```
    #[must_use]
    pub fn simplified_only(&self) -> usize {
        self.simplified_only
    }

    /// Han characters found only in Traditional Chinese.
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// assert_eq!(detect("軟體中文").traditional_only(), 2);
    /// ```
    #[must_use]
    pub fn traditional_only(&self) -> usize {
        self.traditional_only
    }

    /// Han characters valid in both scripts.
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// assert_eq!(detect("軟體中文").shared(), 2);
    /// ```
    #[must_use]
    pub fn shared(&self) -> usize {
        self.shared
    }

    /// Characters that are not Han (letters, digits, punctuation, spaces).
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// assert_eq!(detect("中文 abc").non_han(), 4);
    /// ```
    #[must_use]
    pub fn non_han(&self) -> usize {
        self.non_han
    }

    /// The verdict.
    ///
    /// ```
    /// use zhtext::{detect, Script};
    ///
    /// assert_eq!(detect("臺山市大江鎮人才驛站").script(), Script::Traditional);
    /// ```
    #[must_use]
    pub fn script(&self) -> Script {
        self.script
    }

    /// How sure the verdict is, from 0 to 1: high when many script-specific
    /// characters agree, low when there are few or they disagree.
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// let confidence = detect("臺山市大江鎮人才驛站").confidence();
    /// assert!((0.0..=1.0).contains(&confidence));
    /// ```
    #[must_use]
    pub fn confidence(&self) -> f32 {
        self.confidence
    }

    /// Byte spans of the characters of the minority script: Simplified-only
    /// characters in Traditional text, Traditional-only characters in
    /// Simplified text. Empty for the other verdicts.
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// let text = "臺山市大江鎮緊緊圍繞市委部署和要求，切實加強組織領導，并取得階段性成果。";
    /// let spans: Vec<&str> = detect(text).leftovers().iter().map(|r| &text[r.clone()]).collect();
    /// assert_eq!(spans, ["并"]);
    /// ```
    #[must_use]
    pub fn leftovers(&self) -> &[Range<usize>] {
        &self.leftovers
    }

    /// The regional standard of Traditional text, when the text shows one.
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// assert_eq!(detect("中文").region(), None);
    /// ```
    #[must_use]
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// Characters in Taiwan-only forms, Hong Kong-only forms, and OpenCC
    /// standard forms that both regions replace: the evidence for
    /// [`region`](Self::region).
    ///
    /// ```
    /// use zhtext::detect;
    ///
    /// let (taiwan, _, _) = detect("這裡").regional_forms();
    /// assert_eq!(taiwan, 1);
    /// ```
    #[must_use]
    pub fn regional_forms(&self) -> (usize, usize, usize) {
        (self.taiwan_forms, self.hong_kong_forms, self.standard_forms)
    }
}

/// Profiles the script of `text`: one pass over its characters (a second
/// one to collect leftover spans when there are any), one table lookup
/// each.
///
/// Verdict: `NotChinese` without Han characters; `Ambiguous` when none of
/// them is script-specific; otherwise the majority script, or `Mixed` when
/// the minority exceeds 10 % of the script-specific characters.
///
/// ```
/// use zhtext::{detect, Script};
///
/// let profile = detect("简体中文和繁體中文");
/// assert_eq!(profile.script(), Script::Mixed);
/// ```
#[must_use]
pub fn detect(text: &str) -> ScriptProfile {
    let table = classes();
    let bytes = text.as_bytes();
    let mut counts = [0usize; 6];
    let mut non_han = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        let (c, len) = decode(bytes, pos);
        pos += len;
        let class = if c < 0x2E80 { 0 } else { table.get(c) | if is_han(c) { HAN } else { 0 } };
        if class & HAN == 0 {
            non_han += 1;
            continue;
        }
        for (i, bit) in [S_ONLY, T_ONLY, TW_FORM, HK_FORM, STD_FORM, HAN].into_iter().enumerate() {
            if let Some(n) = counts.get_mut(i) {
                *n += usize::from(class & bit != 0);
            }
        }
    }
    let [s, t, tw, hk, std_forms, han] = counts;
    let specific = s + t;
    let minority = s.min(t);
    let script = if han == 0 {
        Script::NotChinese
    } else if specific == 0 {
        Script::Ambiguous
    } else if minority * 10 > specific {
        Script::Mixed
    } else if t > s {
        Script::Traditional
    } else {
        Script::Simplified
    };
    // Agreement among script-specific characters, discounted when there
    // are few of them.
    let confidence = match script {
        Script::NotChinese => 1.0,
        Script::Ambiguous => 0.0,
        Script::Mixed => minority as f32 / specific as f32 * 2.0,
        _ => (1.0 - minority as f32 / specific as f32) * (1.0 - (-(specific as f32) / 4.0).exp()),
    };
    let leftover_class = match script {
        Script::Traditional if s > 0 => S_ONLY,
        Script::Simplified if t > 0 => T_ONLY,
        _ => 0,
    };
    let mut leftovers = Vec::new();
    if leftover_class != 0 {
        let mut pos = 0;
        while pos < bytes.len() {
            let (c, len) = decode(bytes, pos);
            if c >= 0x2E80 && table.get(c) & leftover_class != 0 {
                leftovers.push(pos..pos + len);
            }
            pos += len;
        }
    }
    let region = match script {
        Script::Traditional | Script::Mixed if t > 0 => {
            // Simplified-only leftovers betray machine conversion from
            // Simplified, as mainland portals serve it.
            if s > 0 {
                Some(Region::Mainland)
            } else if hk > tw {
                Some(Region::HongKong)
            } else if tw > hk {
                Some(Region::Taiwan)
            } else if s > 0 || std_forms > 0 {
                Some(Region::Mainland)
            } else {
                None
            }
        }
        _ => None,
    };
    ScriptProfile {
        simplified_only: s,
        traditional_only: t,
        shared: han - specific,
        non_han,
        taiwan_forms: tw,
        hong_kong_forms: hk,
        standard_forms: std_forms,
        script,
        confidence: confidence.clamp(0.0, 1.0),
        leftovers,
        region,
    }
}

/// Whether `c` is a Simplified-only character (see the module docs).
pub(crate) fn class_is_simplified_only(c: char) -> bool {
    classes().get(u32::from(c)) & S_ONLY != 0
}

/// Whether `c` is a Han character (CJK unified ideographs with their
/// extensions, compatibility ideographs, 々 and 〇).
pub(crate) fn is_han(c: u32) -> bool {
    matches!(c, 0x3005 | 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// The class bits of every character that has any.
fn classes() -> &'static RootTable {
    static TABLE: OnceLock<RootTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = RootTable::new([]);
        let mut add = |c: u32, bit: u32| {
            if is_han(c) {
                table.set(c, table.get(c) | bit);
            }
        };
        let tw = entries("TWVariants.txt");
        let hk = entries("HKVariants.txt");
        let forms = |d: &[(u32, Vec<u32>)]| d.iter().flat_map(|(_, v)| v.iter().copied()).collect::<Vec<u32>>();
        let (tw_forms, hk_forms) = (forms(&tw), forms(&hk));
        // A Taiwan or Hong Kong form is Traditional even where OpenCC's
        // standard prefers another (群 for 羣).
        for (key, values) in entries("STCharacters.txt") {
            if !values.contains(&key) && !tw_forms.contains(&key) && !hk_forms.contains(&key) {
                add(key, S_ONLY);
            }
        }
        for (key, values) in entries("TSCharacters.txt") {
            if !values.contains(&key) {
                add(key, T_ONLY);
            }
        }
        let keys: Vec<u32> = tw.iter().chain(&hk).map(|(k, _)| *k).collect();
        for &c in &tw_forms {
            if !hk_forms.contains(&c) && !keys.contains(&c) {
                add(c, TW_FORM);
            }
        }
        for &c in &hk_forms {
            if !tw_forms.contains(&c) && !keys.contains(&c) {
                add(c, HK_FORM);
            }
        }
        for &c in &keys {
            if !tw_forms.contains(&c) && !hk_forms.contains(&c) {
                add(c, STD_FORM);
            }
        }
        // A character both exclusive lists claim is shared after all.
        for c in table.entries().map(|(c, _)| c).collect::<Vec<_>>() {
            let v = table.get(c);
            if v & S_ONLY != 0 && v & T_ONLY != 0 {
                table.set(c, v & !(S_ONLY | T_ONLY));
            }
        }
        table
    })
}

/// Single-character entries of an embedded dictionary with all candidates.
fn entries(file: &str) -> Vec<(u32, Vec<u32>)> {
    let Some((_, text)) = embedded::lookup(file) else { return Vec::new() };
    let one = |s: &str| {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(u32::from(c)),
            _ => None,
        }
    };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(k, v)| Some((one(k)?, v.split(' ').filter_map(one).collect())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert_eq!(detect("").script(), Script::NotChinese);
        assert_eq!(detect("Hello, world! 123").script(), Script::NotChinese);
        assert_eq!(detect("中文人口").script(), Script::Ambiguous);
        let hans = detect("我们用鼠标打开了软件，发现问题。");
        assert_eq!(hans.script(), Script::Simplified);
        assert!(hans.confidence() > 0.6, "{hans:?}");
        let hant = detect("我們用滑鼠打開了軟體，發現問題。");
        assert_eq!(hant.script(), Script::Traditional);
        assert_eq!(detect("我们用鼠標打開了软件").script(), Script::Mixed);
        assert_eq!(hant.non_han(), 2);
        assert_eq!(hant.simplified_only() + hant.traditional_only() + hant.shared() + hant.non_han(), 16);
    }

    #[test]
    fn leftover_spans_point_at_the_minority_script() {
        let text = "這是繁體文字，里面有个简体字。這是繁體文字，裡面有些問題。這些說明與資料已經發表，關於這個問題的討論還會繼續進行，請讀者們見諒。";
        let p = detect(text);
        assert_eq!(p.script(), Script::Traditional);
        let spans: Vec<&str> = p.leftovers().iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(spans, ["个", "简", "体"]);
        let text =
            "这是简体文字，裡面有個繁體字。这里说明了问题的关键，发现与处理这些问题的过程还会继续进行，请读者们见谅。";
        let p = detect(text);
        assert_eq!(p.script(), Script::Simplified);
        let spans: Vec<&str> = p.leftovers().iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(spans, ["裡", "個", "體"]);
    }

    #[test]
    fn regions() {
        assert_eq!(detect("我們在裡面著手處理，這群人說").region(), Some(Region::Taiwan));
        assert_eq!(detect("我們在裏面爲此處理").region(), Some(Region::Mainland));
        assert_eq!(detect("我哋喺度説緊，呢條綫路好温暖，衞生").region(), Some(Region::HongKong));
        assert_eq!(detect("臺山市大江鎮并取得成效，關於這個問題").region(), Some(Region::Mainland));
        assert_eq!(detect("我们用鼠标").region(), None);
    }

    #[test]
    fn seed_article_is_mainland_traditional_with_leftovers() {
        let root = env!("CARGO_MANIFEST_DIR");
        let seed = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.txt")).unwrap_or_default();
        let p = detect(&seed);
        assert_eq!(p.script(), Script::Traditional);
        assert!(p.confidence() > 0.9);
        assert_eq!(p.region(), Some(Region::Mainland));
        // 并 is the seed's Simplified-only leftover; 于 干 系 ... are shared.
        assert!(p.leftovers().iter().all(|r| &seed[r.clone()] == "并"), "{:?}", p.leftovers().len());
        assert!(!p.leftovers().is_empty());
    }
}
