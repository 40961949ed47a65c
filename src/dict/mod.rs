//! Dictionaries and configurations in OpenCC's formats.
//!
//! - [`parse_text_dict`]: OpenCC's text dictionary format (`key<TAB>value
//!   [value ...]` per line; the first value is the one conversion uses).
//! - [`ConfigSpec`]: OpenCC's JSON configuration (normalization,
//!   segmentation, conversion chain, nested groups with match policies).
//! - [`embedded`]: the 1.4.2 files compiled into the crate.

pub(crate) mod embedded;
mod jsonc;
mod spec;

pub(crate) use jsonc::strip_jsonc;
pub(crate) use spec::{ConfigSpec, DictSpec, MatchPolicy};

use crate::error::{Error, Result};

/// A parsed text dictionary: keys with the value conversion uses, in file
/// order, first occurrence of a key only.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextDict {
    pub(crate) entries: Vec<(String, String)>,
}

/// Parses OpenCC's text dictionary format.
///
/// Each non-empty line not starting with `#` is `key<TAB>values`, where
/// values are separated by spaces and the first is the conversion target.
/// A UTF-8 byte-order mark and `\r` line ends are accepted. A repeated key
/// keeps its first value, as OpenCC's matcher does.
pub(crate) fn parse_text_dict(file: &str, text: &str) -> Result<TextDict> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, values)) = line.split_once('\t') else {
            return Err(Error::invalid_dictionary(file, index + 1, "no tab between key and value"));
        };
        if key.is_empty() {
            return Err(Error::invalid_dictionary(file, index + 1, "empty key"));
        }
        let Some(value) = values.split(' ').find(|v| !v.is_empty()) else {
            return Err(Error::invalid_dictionary(file, index + 1, "empty value"));
        };
        if seen.insert(key) {
            entries.push((key.to_owned(), value.to_owned()));
        }
    }
    Ok(TextDict { entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_values_and_duplicates() -> Result<()> {
        let dict = parse_text_dict("x.txt", "\u{feff}# c\n\n干\t幹 乾 干\r\n干\t榦\n后\t後\n")?;
        assert_eq!(
            dict.entries,
            vec![("干".to_owned(), "幹".to_owned()), ("后".to_owned(), "後".to_owned())]
        );
        Ok(())
    }

    #[test]
    fn rejects_lines_without_tab_with_line_number() {
        let err = parse_text_dict("x.txt", "# c\n干 幹\n").err();
        assert_eq!(err.map(|e| e.to_string()), Some("invalid dictionary x.txt, line 2: no tab between key and value".to_owned()));
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
