//! Normalisation of messy Chinese text, with an offset map back to the
//! source.
//!
//! Each step is on by default (all are safe on any text):
//!
//! - **punctuation width**: half-width `, : ; ? ! ( )` next to a Han
//!   character become full-width (`，：；？！（）`); a pair of parentheses
//!   converts together when either side or its content is Han;
//! - **quotes**: straight double quotes paired on a line, around or next to
//!   Han text, become “ ” (or 「 」 with [`QuoteStyle::Corner`]);
//! - **full-width letters and digits** (１９９８, ＡＢＣ) become ASCII;
//! - **compatibility ideographs** become their unified forms (OpenCC's
//!   `CJK_Compatibility_Ideographs` table);
//! - **whitespace**: `\r\n` and `\r` become `\n`; spaces and tabs at line
//!   ends and between two Han characters go; more than one blank line
//!   becomes one;
//! - **boilerplate** (off by default, it removes text): site chrome at the
//!   start and end of a page, see [`NormalizerBuilder::strip_boilerplate`].
//!
//! URLs (`http://`, `https://`, `www.`) are never touched, and numbers,
//! e-mail addresses and phone numbers are not adjacent to Han characters
//! where it matters, so `1.5`, `1,820`, `0750-5524538`, `ts686@126.com` and
//! `1+N` stay as they are. Normalising twice changes nothing more.

mod boilerplate;
mod offsets;
mod usage;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

pub use offsets::OffsetMap;
pub use usage::mainland_usage;

use crate::dict::embedded;
use crate::script::is_han;

/// Which quotation marks straight quotes in Chinese text become.
///
/// ```
/// use zhtext::{Normalizer, QuoteStyle};
///
/// let corner = Normalizer::builder().quotes(Some(QuoteStyle::Corner)).build();
/// assert_eq!(corner.normalize("他說\"好\"").text(), "他說「好」");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum QuoteStyle {
    /// “ ” (mainland usage).
    #[default]
    Curly,
    /// 「 」 (Taiwan and Hong Kong usage).
    Corner,
}

/// What an edit did.
///
/// ```
/// use zhtext::{EditKind, Normalizer};
///
/// let n = Normalizer::new().normalize("近日,大江鎮");
/// assert_eq!(n.edits()[0].kind(), EditKind::PunctuationWidth);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EditKind {
    /// Half-width punctuation made full-width.
    PunctuationWidth,
    /// Straight quotes made typographic.
    Quotes,
    /// Full-width letters or digits made ASCII.
    FullWidthAlphanumeric,
    /// A compatibility ideograph made unified.
    CompatibilityIdeograph,
    /// Whitespace removed or line endings unified.
    Whitespace,
    /// A line of site boilerplate removed (with its line break).
    Boilerplate,
}

/// One change: the source byte range and what replaced it.
///
/// ```
/// use zhtext::Normalizer;
///
/// let source = "近日,大江鎮";
/// let n = Normalizer::new().normalize(source);
/// let edit = &n.edits()[0];
/// assert_eq!((&source[edit.range()], edit.replacement()), (",", "，"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    range: Range<usize>,
    replacement: String,
    kind: EditKind,
}

impl Edit {
    /// The replaced bytes of the source.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let source = "１９９８年";
    /// let n = Normalizer::new().normalize(source);
    /// // One edit per character.
    /// assert_eq!(&source[n.edits()[0].range()], "１");
    /// assert_eq!(n.edits().len(), 4);
    /// ```
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// What replaced them (empty for a removal).
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let n = Normalizer::new().normalize("１９９８年");
    /// assert_eq!(n.edits()[0].replacement(), "1");
    /// ```
    #[must_use]
    pub fn replacement(&self) -> &str {
        &self.replacement
    }

    /// Which step made the edit.
    ///
    /// ```
    /// use zhtext::{EditKind, Normalizer};
    ///
    /// let n = Normalizer::new().normalize("１９９８年");
    /// assert_eq!(n.edits()[0].kind(), EditKind::FullWidthAlphanumeric);
    /// ```
    #[must_use]
    pub fn kind(&self) -> EditKind {
        self.kind
    }
}

/// A normalised text with its edits and offset map.
///
/// ```
/// use zhtext::Normalizer;
///
/// let n = Normalizer::new().normalize("近日,大江鎮");
/// assert_eq!(n.text(), "近日，大江鎮");
/// assert_eq!(n.edits().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    edits: Vec<Edit>,
    map: OffsetMap,
}

impl Normalized {
    /// The normalised text.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// assert_eq!(Normalizer::new().normalize("是否繼續?").text(), "是否繼續？");
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalised text, owned.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let text: String = Normalizer::new().normalize("是否繼續?").into_text();
    /// assert_eq!(text, "是否繼續？");
    /// ```
    #[must_use]
    pub fn into_text(self) -> String {
        self.text
    }

    /// Every edit, in source order.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// // Numbers, phone numbers and addresses are never touched.
    /// let n = Normalizer::new().normalize("投入1.5億元，電話0750-5524538，郵件ts686@126.com");
    /// assert!(n.edits().is_empty());
    /// ```
    #[must_use]
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Maps offsets in [`text`](Self::text) back to the source.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let source = "近日,臺山市";
    /// let n = Normalizer::new().normalize(source);
    /// let at = n.text().find("臺山市").expect("kept");
    /// assert_eq!(&source[n.map().to_source(at..n.text().len())], "臺山市");
    /// ```
    #[must_use]
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }
}

/// Normalises text; build one with [`Normalizer::builder`] or take the
/// defaults with [`Normalizer::new`].
///
/// ```
/// use zhtext::Normalizer;
///
/// let n = Normalizer::new().normalize("電話:0750-5524538,郵箱ts686@126.com\r\n１９９８年,他說\"好\"");
/// assert_eq!(n.text(), "電話：0750-5524538，郵箱ts686@126.com\n1998年，他說“好”");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalizer {
    punctuation: bool,
    quotes: Option<QuoteStyle>,
    alphanumeric: bool,
    compatibility: bool,
    whitespace: bool,
    boilerplate: bool,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new()
    }
}

/// Options for a [`Normalizer`]; every step is on by default.
///
/// ```
/// use zhtext::Normalizer;
///
/// let normalizer = Normalizer::builder().punctuation_width(false).build();
/// assert_eq!(normalizer.normalize("近日,大江鎮").text(), "近日,大江鎮");
/// ```
#[derive(Debug, Clone)]
pub struct NormalizerBuilder(Normalizer);

impl NormalizerBuilder {
    /// Half-width punctuation next to Han characters to full-width.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let on = Normalizer::builder().punctuation_width(true).build();
    /// assert_eq!(on.normalize("人才(試點)").text(), "人才（試點）");
    /// ```
    #[must_use]
    pub fn punctuation_width(mut self, on: bool) -> NormalizerBuilder {
        self.0.punctuation = on;
        self
    }

    /// Straight quotes in Chinese text to typographic ones of `style`, or
    /// `None` to leave them.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let off = Normalizer::builder().quotes(None).build();
    /// assert_eq!(off.normalize("他說\"好\"").text(), "他說\"好\"");
    /// ```
    #[must_use]
    pub fn quotes(mut self, style: Option<QuoteStyle>) -> NormalizerBuilder {
        self.0.quotes = style;
        self
    }

    /// Full-width letters and digits to ASCII.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let off = Normalizer::builder().full_width_alphanumerics(false).build();
    /// assert_eq!(off.normalize("ＲＣＥＰ").text(), "ＲＣＥＰ");
    /// ```
    #[must_use]
    pub fn full_width_alphanumerics(mut self, on: bool) -> NormalizerBuilder {
        self.0.alphanumeric = on;
        self
    }

    /// Compatibility ideographs to unified ones.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// // U+F9B5 is a compatibility form of 例.
    /// let n = Normalizer::builder().compatibility_ideographs(true).build().normalize("\u{F9B5}如");
    /// assert_eq!(n.text(), "例如");
    /// ```
    #[must_use]
    pub fn compatibility_ideographs(mut self, on: bool) -> NormalizerBuilder {
        self.0.compatibility = on;
        self
    }

    /// Line endings, trailing spaces, spaces between Han characters and
    /// repeated blank lines.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let n = Normalizer::builder().whitespace(true).build().normalize("大江鎮  人才\r\n");
    /// assert_eq!(n.text(), "大江鎮人才\n");
    /// ```
    #[must_use]
    pub fn whitespace(mut self, on: bool) -> NormalizerBuilder {
        self.0.whitespace = on;
        self
    }

    /// Remove site boilerplate (leave-site dialogs, button rows, navigation,
    /// copyright and reprint notices, contact footers) from the start and
    /// end of the text. Off by default: it removes text. Removed lines are
    /// [`Edit`]s of kind [`EditKind::Boilerplate`], so nothing is lost:
    /// contacts in a removed footer can still be found in the source.
    ///
    /// ```
    /// use zhtext::{EditKind, Normalizer};
    ///
    /// let source = "您訪問的鏈接即將離開門戶網站 是否繼續?\n繼續訪問放棄\n正文\n";
    /// let n = Normalizer::builder().strip_boilerplate(true).build().normalize(source);
    /// assert_eq!(n.text(), "正文\n");
    /// assert!(n.edits().iter().any(|e| e.kind() == EditKind::Boilerplate));
    /// ```
    #[must_use]
    pub fn strip_boilerplate(mut self, on: bool) -> NormalizerBuilder {
        self.0.boilerplate = on;
        self
    }

    /// The normalizer.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let normalizer = Normalizer::builder().build();
    /// assert_eq!(normalizer, Normalizer::new());
    /// ```
    #[must_use]
    pub fn build(self) -> Normalizer {
        self.0
    }
}

impl Normalizer {
    /// A normalizer with every step on.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// assert_eq!(Normalizer::new().normalize("１９９８年,他說").text(), "1998年，他說");
    /// ```
    #[must_use]
    pub fn new() -> Normalizer {
        Normalizer {
            punctuation: true,
            quotes: Some(QuoteStyle::Curly),
            alphanumeric: true,
            compatibility: true,
            whitespace: true,
            boilerplate: false,
        }
    }

    /// Options, starting from the defaults.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let keep_width = Normalizer::builder().full_width_alphanumerics(false).build();
    /// assert_eq!(keep_width.normalize("１９９８").text(), "１９９８");
    /// ```
    #[must_use]
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder(Normalizer::new())
    }

    /// Normalises `text`.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let n = Normalizer::new().normalize("聯系方式:0750-5524538");
    /// assert_eq!(n.text(), "聯系方式：0750-5524538");
    /// ```
    #[must_use]
    pub fn normalize(&self, text: &str) -> Normalized {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let protected = protected_spans(&chars);
        let mut edits: Vec<Edit> = Vec::new();
        let mut edit = |range: Range<usize>, replacement: &str, kind: EditKind| {
            edits.push(Edit { range, replacement: replacement.to_owned(), kind });
        };
        let han_at = |i: usize| chars.get(i).is_some_and(|&(_, c)| is_han(u32::from(c)));
        let span = |i: usize| chars.get(i).map_or(0..0, |&(at, c)| at..at + c.len_utf8());

        // Punctuation and quotes, line by line.
        let mut line_start = 0;
        while line_start < chars.len() {
            let line_end = (line_start..chars.len())
                .find(|&i| matches!(chars.get(i), Some((_, '\n' | '\r'))))
                .unwrap_or(chars.len());
            let line = line_start..line_end;
            if self.punctuation {
                let mut stack: Vec<usize> = Vec::new();
                let mut pairs: Vec<(usize, usize)> = Vec::new();
                let mut lone: Vec<usize> = Vec::new();
                for i in line.clone() {
                    match chars.get(i).map(|&(_, c)| c) {
                        Some('(') => stack.push(i),
                        Some(')') => match stack.pop() {
                            Some(open) => pairs.push((open, i)),
                            None => lone.push(i),
                        },
                        Some(c @ (',' | ':' | ';' | '?' | '!'))
                            if !protected.contains(i) && (i > line.start && han_at(i - 1) || han_at(i + 1)) =>
                        {
                            let full = match c {
                                ',' => "，",
                                ':' => "：",
                                ';' => "；",
                                '?' => "？",
                                _ => "！",
                            };
                            edit(span(i), full, EditKind::PunctuationWidth);
                        }
                        _ => {}
                    }
                }
                lone.extend(stack);
                for (open, close) in pairs {
                    let chinese =
                        (open > line.start && han_at(open - 1)) || han_at(close + 1) || (open + 1..close).any(&han_at);
                    if chinese && !protected.contains(open) && !protected.contains(close) {
                        edit(span(open), "（", EditKind::PunctuationWidth);
                        edit(span(close), "）", EditKind::PunctuationWidth);
                    }
                }
                for i in lone {
                    if !protected.contains(i) && (i > line.start && han_at(i - 1) || han_at(i + 1)) {
                        let full = if matches!(chars.get(i), Some((_, '('))) { "（" } else { "）" };
                        edit(span(i), full, EditKind::PunctuationWidth);
                    }
                }
            }
            if let Some(style) = self.quotes {
                let quotes: Vec<usize> = line
                    .clone()
                    .filter(|&i| matches!(chars.get(i), Some((_, '"'))) && !protected.contains(i))
                    .collect();
                let (open_q, close_q) = match style {
                    QuoteStyle::Curly => ("“", "”"),
                    QuoteStyle::Corner => ("「", "」"),
                };
                for pair in quotes.chunks_exact(2) {
                    let (open, close) = match pair {
                        [a, b] => (*a, *b),
                        _ => continue,
                    };
                    let chinese =
                        (open > line.start && han_at(open - 1)) || han_at(close + 1) || (open + 1..close).any(&han_at);
                    if chinese {
                        edit(span(open), open_q, EditKind::Quotes);
                        edit(span(close), close_q, EditKind::Quotes);
                    }
                }
            }
            line_start = line_end + 1;
        }

        // Character-level steps.
        for &(at, c) in &chars {
            let cp = u32::from(c);
            if self.alphanumeric && matches!(cp, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A) {
                let ascii = char::from_u32(cp - 0xFEE0).unwrap_or(c);
                edit(at..at + c.len_utf8(), ascii.encode_utf8(&mut [0; 4]), EditKind::FullWidthAlphanumeric);
            } else if self.compatibility && matches!(cp, 0xF900..=0xFAFF | 0x2F800..=0x2FA1F) {
                if let Some(&unified) = compatibility().get(&c) {
                    edit(at..at + c.len_utf8(), unified.encode_utf8(&mut [0; 4]), EditKind::CompatibilityIdeograph);
                }
            }
        }
        // Removed lines do not count for the whitespace rules (blank lines
        // around them collapse as if they had never been there).
        let removed = if self.boilerplate { boilerplate::boilerplate_lines(text) } else { Vec::new() };
        if self.whitespace {
            whitespace_edits(&chars, text.len(), &removed, &mut edit);
        }

        for range in removed {
            edits.push(Edit { range, replacement: String::new(), kind: EditKind::Boilerplate });
        }
        // At equal starts the longer edit (a removed line) wins over edits
        // inside it.
        edits.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
        apply(text, edits)
    }
}

/// Spaces at line ends, spaces between Han characters, and blank lines
/// beyond one.
fn whitespace_edits(
    chars: &[(usize, char)],
    text_len: usize,
    removed: &[Range<usize>],
    edit: &mut impl FnMut(Range<usize>, &str, EditKind),
) {
    let is_removed = |i: usize| chars.get(i).is_some_and(|&(at, _)| removed.iter().any(|r| r.contains(&at)));
    let is_space = |c: char| c == ' ' || c == '\t' || c == '\u{3000}';
    let at = |i: usize| chars.get(i).map_or(text_len, |&(at, _)| at);
    let han_at = |i: usize| chars.get(i).is_some_and(|&(_, c)| is_han(u32::from(c)));
    let mut i = 0;
    let mut blank_lines = 0;
    let mut line_has_text = false;
    while let Some(&(_, c)) = chars.get(i) {
        if is_removed(i) {
            i += 1;
            continue;
        }
        if is_space(c) {
            let start = i;
            while chars.get(i).is_some_and(|&(_, c)| is_space(c)) {
                i += 1;
            }
            let at_line_end = matches!(chars.get(i), Some((_, '\n' | '\r')) | None);
            let ascii_only = (start..i).all(|k| matches!(chars.get(k), Some((_, ' ' | '\t'))));
            if at_line_end || (ascii_only && start > 0 && han_at(start - 1) && han_at(i)) {
                // Trailing spaces, or spaces between two Han characters.
                edit(at(start)..at(i), "", EditKind::Whitespace);
            }
            continue;
        }
        let crlf = c == '\r' && matches!(chars.get(i + 1), Some((_, '\n')));
        if crlf {
            // The \n that follows ends the line.
            edit(at(i)..at(i + 1), "", EditKind::Whitespace);
        } else if c == '\n' || c == '\r' {
            let surplus = if line_has_text {
                blank_lines = 0;
                false
            } else {
                blank_lines += 1;
                // The second blank line in a row and later ones go.
                blank_lines >= 2
            };
            if surplus {
                edit(at(i)..at(i + 1), "", EditKind::Whitespace);
            } else if c == '\r' {
                edit(at(i)..at(i + 1), "\n", EditKind::Whitespace);
            }
            line_has_text = false;
        } else {
            line_has_text = true;
        }
        i += 1;
    }
}

/// Applies sorted, disjoint edits (an edit overlapping an earlier one is
/// dropped).
fn apply(text: &str, edits: Vec<Edit>) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new();
    let mut kept = Vec::with_capacity(edits.len());
    let mut pos = 0;
    for e in edits {
        if e.range.start < pos {
            continue;
        }
        out.push_str(text.get(pos..e.range.start).unwrap_or(""));
        map.copy(e.range.start - pos);
        out.push_str(&e.replacement);
        map.replace(e.range.len(), e.replacement.len());
        pos = e.range.end;
        kept.push(e);
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    map.copy(text.len().saturating_sub(pos));
    Normalized { text: out, edits: kept, map }
}

/// Character indices inside URLs, which no step touches.
struct Protected(Vec<bool>);

impl Protected {
    fn contains(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }
}

fn protected_spans(chars: &[(usize, char)]) -> Protected {
    let mut flags = vec![false; chars.len()];
    let starts_with =
        |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k).is_some_and(|&(_, d)| d == c));
    let mut i = 0;
    while i < chars.len() {
        if starts_with(i, "http://") || starts_with(i, "https://") || starts_with(i, "www.") {
            // A URL runs to whitespace, a quote or angle bracket, or a
            // character outside ASCII (full-width letters and digits count
            // as the ASCII they become, so the extent is stable).
            let url_char = |c: char| {
                (c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '`'))
                    || matches!(u32::from(c), 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
            };
            while chars.get(i).is_some_and(|&(_, c)| url_char(c)) {
                if let Some(f) = flags.get_mut(i) {
                    *f = true;
                }
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    Protected(flags)
}

/// OpenCC's compatibility-ideograph table, one character to one.
fn compatibility() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let Some((_, text)) = embedded::lookup("CJK_Compatibility_Ideographs.txt") else { return HashMap::new() };
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(k, v)| {
                let mut k = k.chars();
                let mut v = v.split(' ').next()?.chars();
                match (k.next(), k.next(), v.next(), v.next()) {
                    (Some(k), None, Some(v), None) => Some((k, v)),
                    _ => None,
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalizer::new().normalize(s).into_text()
    }

    #[test]
    fn punctuation_next_to_han_becomes_full_width() {
        assert_eq!(norm("近日,臺山市:是否繼續?好!"), "近日，臺山市：是否繼續？好！");
        assert_eq!(norm("鎮政府(臺山)與(abc)def"), "鎮政府（臺山）與（abc）def");
        assert_eq!(norm("共1,820人,增長1.5倍;1+N模式"), "共1,820人，增長1.5倍；1+N模式");
        assert_eq!(norm("(see above)"), "(see above)");
    }

    #[test]
    fn numbers_urls_emails_and_phones_are_untouched() {
        let s = "電話:0750-5524538,郵箱:ts686@126.com,網址http://www.a.gov.cn/x?id=1,2。";
        assert_eq!(norm(s), "電話：0750-5524538，郵箱：ts686@126.com，網址http://www.a.gov.cn/x?id=1,2。");
    }

    #[test]
    fn quotes_full_width_alphanumerics_and_compatibility() {
        assert_eq!(norm("他說\"好的\"。"), "他說“好的”。");
        let corner = Normalizer::builder().quotes(Some(QuoteStyle::Corner)).build();
        assert_eq!(corner.normalize("他說\"好的\"。").text(), "他說「好的」。");
        assert_eq!(norm("say \"hi\""), "say \"hi\"");
        assert_eq!(norm("１９９８年ＡＢＣ"), "1998年ABC");
        assert_eq!(norm("\u{F900}有此理"), "\u{8C48}有此理");
    }

    #[test]
    fn whitespace() {
        assert_eq!(norm("第一行  \r\n第二行\r\n\r\n\r\n\r\n第三 行\n"), "第一行\n第二行\n\n第三行\n");
        assert_eq!(norm("2022 年 abc def"), "2022 年 abc def");
        assert_eq!(norm("　　段落縮進"), "　　段落縮進");
    }

    #[test]
    fn steps_can_be_turned_off() {
        let none = Normalizer::builder()
            .punctuation_width(false)
            .quotes(None)
            .full_width_alphanumerics(false)
            .compatibility_ideographs(false)
            .whitespace(false)
            .build();
        let s = "近日,臺山\"市\"１豈  \r\n";
        assert_eq!(none.normalize(s).text(), s);
        assert!(none.normalize(s).edits().is_empty());
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let source = "大江鎮 黨委,\r\n１９９８年(臺山)";
        let n = Normalizer::new().normalize(source);
        assert_eq!(n.text(), "大江鎮黨委，\n1998年（臺山）");
        for word in ["黨委", "1998", "臺山", "大江鎮"] {
            let at = n.text().find(word).unwrap_or(0);
            let span = n.map().to_source(at..at + word.len());
            let original: String = source[span].chars().filter(|c| !c.is_whitespace()).collect();
            let expected = if word == "1998" { "１９９８" } else { word };
            assert_eq!(original, expected);
        }
        assert_eq!(n.map().to_source(0..n.text().len()), 0..source.len());
    }
}
