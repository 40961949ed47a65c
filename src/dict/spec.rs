//! OpenCC's JSON configuration, parsed into a tree of dictionary specs.

use serde_json::Value;

use crate::error::{Error, Result};

/// How a group of dictionaries resolves a prefix match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MatchPolicy {
    /// The first child (in order) that has any match decides; a shorter
    /// match of an earlier child beats a longer one of a later child.
    ShortCircuit,
    /// The longest match among all children; on equal length the earlier
    /// child wins.
    Union,
}

/// A dictionary as a configuration describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DictSpec {
    /// A dictionary file (`text`, `ocd2` or `ocd`; all resolve to the text
    /// form).
    File {
        /// The file name as written in the configuration.
        file: String,
    },
    /// Entries written in the configuration itself (`"type": "inline"`).
    Inline {
        /// Key and value pairs, in order.
        entries: Vec<(String, String)>,
    },
    /// A group of dictionaries under a match policy.
    Group {
        /// How the children's matches combine.
        policy: MatchPolicy,
        /// The children, in priority order.
        children: Vec<DictSpec>,
    },
}

/// A parsed configuration: normalization stages, optional segmentation
/// dictionary and the conversion chain.
#[derive(Debug, Clone)]
pub(crate) struct ConfigSpec {
    pub(crate) normalization: Vec<DictSpec>,
    pub(crate) segmentation: Option<DictSpec>,
    pub(crate) chain: Vec<DictSpec>,
}

impl ConfigSpec {
    /// When the first conversion stage is a `short_circuit` group whose
    /// first child is the segmentation dictionary, that stage converts a
    /// segmented word with the word's own value and everything between
    /// words with the remaining children alone (segmentation found no word
    /// there). Returns those remaining children (`Some(None)` if there are
    /// none); `None` when the pattern does not apply. OpenCC's `s2tw`,
    /// `s2twp`, `s2hk` and `s2hkp` have it.
    pub(crate) fn first_stage_rest(&self) -> Option<Option<DictSpec>> {
        let seg = self.segmentation.as_ref()?;
        let Some(DictSpec::Group { policy: MatchPolicy::ShortCircuit, children }) = self.chain.first() else {
            return None;
        };
        let (first, rest) = children.split_first()?;
        if first != seg {
            return None;
        }
        Some(match rest {
            [] => None,
            [only] => Some(only.clone()),
            more => Some(DictSpec::Group { policy: MatchPolicy::ShortCircuit, children: more.to_vec() }),
        })
    }

    /// Parses a configuration. `origin` names it in error messages.
    /// Dictionaries marked `may_output_tofu` are left out unless
    /// `include_tofu` is set; the segmentation dictionary always keeps them,
    /// as OpenCC does.
    pub(crate) fn parse(json: &str, origin: &str, include_tofu: bool) -> Result<ConfigSpec> {
        let value: Value = serde_json::from_str(&super::strip_jsonc(json))
            .map_err(|e| Error::invalid_config(origin, e.to_string()))?;
        let obj = value.as_object().ok_or_else(|| Error::invalid_config(origin, "not a JSON object"))?;
        let parser = Parser { origin };
        let normalization = match obj.get("normalization") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => parser.stages(v, "normalization", include_tofu)?,
        };
        let segmentation = match obj.get("segmentation") {
            None | Some(Value::Null) => None,
            Some(seg) => {
                let kind = seg.get("type").and_then(Value::as_str).unwrap_or("");
                if kind != "mmseg" {
                    return Err(Error::invalid_config(
                        origin,
                        format!("segmentation type {kind:?} is not supported (only \"mmseg\")"),
                    ));
                }
                let dict =
                    seg.get("dict").ok_or_else(|| Error::invalid_config(origin, "segmentation without \"dict\""))?;
                parser.dict(dict, true)?
            }
        };
        let chain = match obj.get("conversion_chain") {
            Some(v) => parser.stages(v, "conversion_chain", include_tofu)?,
            None => return Err(Error::invalid_config(origin, "no \"conversion_chain\"")),
        };
        Ok(ConfigSpec { normalization, segmentation, chain })
    }
}

struct Parser<'a> {
    origin: &'a str,
}

impl Parser<'_> {
    fn err(&self, reason: impl Into<String>) -> Error {
        Error::invalid_config(self.origin, reason)
    }

    fn stages(&self, value: &Value, field: &str, include_tofu: bool) -> Result<Vec<DictSpec>> {
        let items = value.as_array().ok_or_else(|| self.err(format!("\"{field}\" is not an array")))?;
        let mut stages = Vec::new();
        for item in items {
            let dict = item.get("dict").ok_or_else(|| self.err(format!("an item of \"{field}\" has no \"dict\"")))?;
            if let Some(spec) = self.dict(dict, include_tofu)? {
                stages.push(spec);
            }
        }
        Ok(stages)
    }

    /// `None` when the dictionary is left out by the tofu policy.
    fn dict(&self, value: &Value, include_tofu: bool) -> Result<Option<DictSpec>> {
        let kind = value
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(|| self.err("a dictionary without a string \"type\""))?;
        let tofu = value.get("may_output_tofu").and_then(Value::as_bool).unwrap_or(false);
        match kind {
            "group" => {
                let policy = match value.get("match_policy").and_then(Value::as_str) {
                    None | Some("short_circuit") => MatchPolicy::ShortCircuit,
                    Some("union") => MatchPolicy::Union,
                    Some(other) => return Err(self.err(format!("unknown match_policy {other:?}"))),
                };
                let dicts = value
                    .get("dicts")
                    .and_then(Value::as_array)
                    .ok_or_else(|| self.err("a group without a \"dicts\" array"))?;
                let mut children = Vec::new();
                for child in dicts {
                    if let Some(spec) = self.dict(child, include_tofu)? {
                        children.push(spec);
                    }
                }
                if (tofu && !include_tofu) || children.is_empty() {
                    return Ok(None);
                }
                Ok(Some(DictSpec::Group { policy, children }))
            }
            "text" | "txt" | "ocd2" | "ocd" => {
                let file = value
                    .get("file")
                    .and_then(Value::as_str)
                    .ok_or_else(|| self.err(format!("a {kind:?} dictionary without \"file\"")))?;
                if tofu && !include_tofu {
                    return Ok(None);
                }
                Ok(Some(DictSpec::File { file: file.to_owned() }))
            }
            "inline" => {
                if tofu {
                    return Err(self.err("an inline dictionary cannot be may_output_tofu"));
                }
                let map = value
                    .get("entries")
                    .and_then(Value::as_object)
                    .ok_or_else(|| self.err("an inline dictionary without an \"entries\" object"))?;
                let mut entries = Vec::new();
                for (key, v) in map {
                    let v = v
                        .as_str()
                        .filter(|v| !v.is_empty())
                        .ok_or_else(|| self.err(format!("inline value of {key:?} is not a non-empty string")))?;
                    if key.is_empty() {
                        return Err(self.err("an inline dictionary with an empty key"));
                    }
                    entries.push((key.clone(), v.to_owned()));
                }
                Ok(Some(DictSpec::Inline { entries }))
            }
            other => Err(self.err(format!("dictionary type {other:?} is not supported"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    #[test]
    fn every_builtin_config_parses_and_tofu_filtering_drops_ts_ext() -> Result<()> {
        for config in Config::ALL {
            let spec = ConfigSpec::parse(config.opencc_json(), config.name(), true)?;
            assert!(!spec.chain.is_empty());
            assert_eq!(spec.normalization.len(), 1);
        }
        let with = ConfigSpec::parse(Config::T2s.opencc_json(), "t2s", true)?;
        let without = ConfigSpec::parse(Config::T2s.opencc_json(), "t2s", false)?;
        let count = |s: &ConfigSpec| match &s.chain[..] {
            [DictSpec::Group { children, .. }] => children.len(),
            _ => 0,
        };
        assert_eq!((count(&with), count(&without)), (3, 2));
        Ok(())
    }
}
