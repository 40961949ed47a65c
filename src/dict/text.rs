//! OpenCC's text dictionary format.
//!
//! This file is also compiled into the build script (see `build.rs`), so it
//! uses only `std` and the crate's error constructors.

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
