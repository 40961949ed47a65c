//! Dictionaries and configurations in OpenCC's formats.
//!
//! - [`parse_text_dict`]: OpenCC's text dictionary format (`key<TAB>value
//!   [value ...]` per line; the first value is the one conversion uses).
//! - [`ConfigSpec`]: OpenCC's JSON configuration (normalization,
//!   segmentation, conversion chain, nested groups with match policies).
//! - [`embedded`]: the 1.4.2 files compiled into the crate.

pub(crate) mod embedded;
pub(crate) mod fold;
mod jsonc;
mod spec;
mod text;

pub(crate) use jsonc::strip_jsonc;
pub(crate) use spec::{ConfigSpec, DictSpec, MatchPolicy};

pub(crate) use text::{parse_text_dict, TextDict};

/// The rows of one of our tab-separated lists (`word<TAB>rest`, `#`
/// comments and blank lines skipped): `(word, rest)`, `rest` empty
/// without a tab.
pub(crate) fn lexicon_rows(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.split_once('\t').unwrap_or((l, "")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Result;

    #[test]
    fn parses_comments_values_and_duplicates() -> Result<()> {
        let dict = parse_text_dict("x.txt", "\u{feff}# c\n\n干\t幹 乾 干\r\n干\t榦\n后\t後\n")?;
        assert_eq!(dict.entries, vec![("干".to_owned(), "幹".to_owned()), ("后".to_owned(), "後".to_owned())]);
        Ok(())
    }

    #[test]
    fn rejects_lines_without_tab_with_line_number() {
        let err = parse_text_dict("x.txt", "# c\n干 幹\n").err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("invalid dictionary x.txt, line 2: no tab between key and value".to_owned())
        );
    }

    #[test]
    fn every_embedded_dictionary_parses() -> Result<()> {
        for (name, text) in embedded::DICTIONARIES {
            let dict = parse_text_dict(name, text)?;
            assert!(!dict.entries.is_empty(), "{name}");
        }
        Ok(())
    }
}
