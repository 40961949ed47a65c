//! Site boilerplate at the top and bottom of a page: leave-site dialogs,
//! button rows, navigation, copyright and reprint notices, contact
//! footers.
//!
//! Rules, not memorised lines: each line is folded to Simplified (so both
//! scripts match) and scored against a lexicon of portal phrases
//! (`dictionaries/zhtext/boilerplate.txt`). A line is boilerplate when it
//! has two or more lexicon phrases, or one and is short (at most 30 Han
//! characters). Only the blocks of such lines at the start and at the end
//! of the text are removed (blank lines between them go too); a matching
//! line between content lines is article text and stays.

use std::ops::Range;
use std::sync::OnceLock;

use crate::script::is_han;
use crate::{Config, Converter};

/// The lexicon, Simplified phrases.
fn lexicon() -> &'static [String] {
    static LEXICON: OnceLock<Vec<String>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        include_str!("../../dictionaries/zhtext/boilerplate.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(letters)
            .filter(|p| !p.is_empty())
            .collect()
    })
}

/// Han characters, letters and digits only: matching ignores punctuation,
/// spaces and character width, so normalising a line never changes whether
/// it matches.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Byte ranges (whole lines, with their line breaks) of the boilerplate
/// blocks at the start and end of `text`.
pub(crate) fn boilerplate_lines(text: &str) -> Vec<Range<usize>> {
    let t2s = Converter::new(Config::T2s);
    let mut lines: Vec<(Range<usize>, Kind)> = Vec::new();
    // Lines end at \n, \r\n or a lone \r, as normalisation sees them.
    let bytes = text.as_bytes();
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends {
            pieces.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        pieces.push(start..bytes.len());
    }
    for range in pieces {
        let piece = text.get(range.clone()).unwrap_or("");
        let content = piece.trim();
        let kind = if content.is_empty() {
            Kind::Blank
        } else {
            let folded = letters(&t2s.convert(content));
            let hits = lexicon().iter().filter(|p| folded.contains(p.as_str())).count();
            let han = content.chars().filter(|&c| is_han(u32::from(c))).count();
            if hits >= 2 || (hits == 1 && han <= 30) {
                Kind::Boilerplate
            } else {
                Kind::Content
            }
        };
        lines.push((range, kind));
    }
    let mut removed = Vec::new();
    // The leading block.
    let head = lines.iter().take_while(|(_, k)| *k != Kind::Content).count();
    if lines.iter().take(head).any(|(_, k)| *k == Kind::Boilerplate) {
        removed.extend(lines.iter().take(head).map(|(r, _)| r.clone()));
    }
    // The trailing block (not overlapping the leading one).
    let tail = lines.iter().skip(head).rev().take_while(|(_, k)| *k != Kind::Content).count();
    let tail_lines = lines.get(lines.len() - tail..).unwrap_or_default();
    if tail_lines.iter().any(|(_, k)| *k == Kind::Boilerplate) {
        removed.extend(tail_lines.iter().map(|(r, _)| r.clone()));
    }
    removed
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Boilerplate,
    Content,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_footer_blocks_go_content_stays() {
        let text = "您訪問的鏈接即將離開“某鎮人民政府”門戶網站 是否繼續?\n繼續訪問放棄\n\
                    近日，某鎮被評定為優秀鎮街。這是人才工作取得階段性成果的有力體現，聯系電話在文中提到也不刪。\n\
                    第二段正文內容，講述了許多事情。\n\
                    版權所有，未經本網協議授權不得復制或轉載。\n聯系方式:0750-0000000郵件:a@b.cn\n";
        let removed: Vec<&str> = boilerplate_lines(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(removed.len(), 4, "{removed:?}");
        assert!(removed[0].starts_with("您訪問的鏈接"));
        assert_eq!(removed[1], "繼續訪問放棄\n");
        assert!(removed[2].starts_with("版權所有"));
        assert!(removed[3].starts_with("聯系方式"));
    }

    #[test]
    fn seed_article_loses_its_dialog_and_footer_only() {
        let root = env!("CARGO_MANIFEST_DIR");
        let seed = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.txt")).unwrap_or_default();
        let removed: Vec<&str> = boilerplate_lines(&seed).into_iter().map(|r| &seed[r]).collect();
        assert_eq!(removed.len(), 4, "{removed:?}");
        assert!(removed[0].contains("即將離開") && removed[1].contains("放棄"));
        assert!(removed[2].contains("版權") && removed[3].contains("0750-5524538"));
    }

    #[test]
    fn simplified_script_and_no_boilerplate() {
        assert_eq!(boilerplate_lines("正文第一段。\n正文第二段。\n").len(), 0);
        let text = "当前位置：首页 > 新闻\n正文内容很长很长，讲述了发展的故事。\n";
        assert_eq!(boilerplate_lines(text), vec![0..text.find('正').unwrap_or(0)]);
    }
}
