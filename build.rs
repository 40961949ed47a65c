//! Compiles OpenCC's dictionaries into tries at build time.
//!
//! Building the trie of a large dictionary group (STPhrases has 49,000
//! phrases) takes tens of milliseconds; doing it once here makes a
//! converter's first use a matter of reading and checking arrays. The
//! build script compiles the crate's own parsing and trie code (the
//! `#[path]` modules below mirror the crate's module tree), so the tries
//! are exactly what the runtime would build; `src/engine/trie.rs` checks
//! every compiled trie when it loads one.
//!
//! Output, in `OUT_DIR`: `trie_N.bin` for every distinct dictionary group
//! and `builtin.rs`, the table from configuration to tries.

#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

mod error {
    use std::fmt;

    #[derive(Debug)]
    pub struct Error(String);

    pub type Result<T> = std::result::Result<T, Error>;

    impl Error {
        pub fn invalid_dictionary(file: &str, line: usize, reason: impl Into<String>) -> Error {
            Error(format!("{file}:{line}: {}", reason.into()))
        }

        pub fn invalid_config(origin: &str, reason: impl Into<String>) -> Error {
            Error(format!("{origin}: {}", reason.into()))
        }
    }

    impl fmt::Display for Error {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }
}

use error::Error;

// The crate's own files, at the paths their `super::`/`crate::` references
// expect.
#[path = "src/dict/jsonc.rs"]
mod dict_jsonc;
#[path = "src/dict/spec.rs"]
mod dict_spec;
#[path = "src/dict/text.rs"]
mod dict_text;
#[path = "src/engine/pairs.rs"]
mod pairs;
#[path = "src/engine/pipeline.rs"]
mod pipeline;
#[path = "src/engine/stage.rs"]
mod stage;
#[path = "src/engine/trie.rs"]
mod trie;
#[path = "src/engine/utf8.rs"]
mod utf8;

use dict_jsonc::strip_jsonc;

mod dict {
    pub(crate) use super::dict_spec::{ConfigSpec, DictSpec, MatchPolicy};
    pub(crate) use super::dict_text::{parse_text_dict, TextDict};
}

/// OpenCC's configurations in the order of `Config::ALL`.
const CONFIGS: [&str; 16] = [
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t",
    "t2jp", "jp2t",
];

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::var("CARGO_MANIFEST_DIR")?;
    let out_dir = std::env::var("OUT_DIR")?;
    let data = Path::new(&root).join("dictionaries").join("opencc");
    for path in [
        "dictionaries/opencc",
        "src/dict/jsonc.rs",
        "src/dict/spec.rs",
        "src/dict/text.rs",
        "src/engine/pipeline.rs",
        "src/engine/stage.rs",
        "src/engine/trie.rs",
        "src/engine/utf8.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }

    let mut tries = Tries { data: data.clone(), dicts: HashMap::new(), compiled: HashMap::new() };
    // Distinct tries, by what they were compiled from; equal tries made in
    // different ways are stored once.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut by_bytes: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut blobs: Vec<Vec<u8>> = Vec::new();
    let mut id = |key: String, trie: &trie::Trie| -> usize {
        *ids.entry(key).or_insert_with(|| {
            let bytes = trie.to_bytes();
            *by_bytes.entry(bytes.clone()).or_insert_with(|| {
                blobs.push(bytes);
                blobs.len() - 1
            })
        })
    };
    let mut plans = String::new();
    for name in CONFIGS {
        let json = std::fs::read_to_string(data.join("config").join(format!("{name}.json")))?;
        plans.push_str("    [\n");
        for include_tofu in [false, true] {
            let spec = dict::ConfigSpec::parse(&json, name, include_tofu).map_err(|e| e.to_string())?;
            let mut plain = |s: &dict::DictSpec| -> Result<usize, String> { Ok(id(format!("{s:?}"), &*tries.get(s)?)) };
            let fused = spec.first_stage_rest();
            let normalization = spec.normalization.iter().map(&mut plain).collect::<Result<Vec<_>, _>>()?;
            // A fused first stage is not compiled on its own.
            let chain_specs: Vec<&dict::DictSpec> = spec.chain.iter().skip(usize::from(fused.is_some())).collect();
            let chain = chain_specs.iter().map(|s| plain(s)).collect::<Result<Vec<_>, _>>()?;
            let rest = match &fused {
                Some(Some(rest)) => format!("Some(Some({}))", plain(rest)?),
                Some(None) => "Some(None)".to_owned(),
                None => "None".to_owned(),
            };
            let chain_tries = chain_specs.iter().map(|s| tries.get(s)).collect::<Result<Vec<_>, _>>()?;
            let seg_trie = spec.segmentation.as_ref().map(|s| tries.get(s)).transpose()?;
            // The segmentation dictionary is stored flattened: each word with
            // its output through the whole chain.
            // The stages between words, composed where they can be.
            let rest_trie = match &fused {
                Some(Some(rest)) => Some(Some(tries.get(rest)?)),
                Some(None) => Some(None),
                None => None,
            };
            let runs = pipeline::compose_runs(seg_trie.as_deref(), rest_trie.as_ref(), &chain_tries)
                .map_err(|e| e.to_string())?;
            let segmentation = match (&spec.segmentation, &seg_trie) {
                (Some(s), Some(seg)) => {
                    let flat = pipeline::flatten(seg, fused.is_some(), &chain_tries).map_err(|e| e.to_string())?;
                    let flat = pipeline::words_against_runs(&flat, &runs);
                    Some(id(format!("flattened {s:?} {fused:?} {chain_specs:?}"), &flat))
                }
                _ => None,
            };
            let runs: Vec<usize> = runs
                .iter()
                .enumerate()
                .map(|(i, t)| id(format!("runs {i} {fused:?} {chain_specs:?} {:?}", spec.segmentation), t))
                .collect();
            writeln!(
                plans,
                "        Plan {{ name: {name:?}, normalization: &{normalization:?}, segmentation: {segmentation:?}, chain: &{chain:?}, first_stage_rest: {rest}, runs: &{runs:?} }},"
            )?;
        }
        plans.push_str("    ],\n");
    }

    let mut code = String::from("// Generated by build.rs from dictionaries/opencc.\n\n");
    writeln!(code, "pub(crate) static TRIE_BLOBS: [&[u8]; {}] = [", blobs.len())?;
    for (i, blob) in blobs.iter().enumerate() {
        let file = format!("trie_{i}.bin");
        std::fs::write(Path::new(&out_dir).join(&file), blob)?;
        // 8-aligned, so that `Trie::from_static` can borrow the arrays.
        writeln!(code, "    &Aligned(*include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\"))).0,")?;
    }
    code.push_str("];\n\n/// Per configuration (in `Config::ALL` order), without and with tofu-risk dictionaries.\n");
    code.push_str("pub(crate) static PLANS: [[Plan; 2]; 16] = [\n");
    code.push_str(&plans);
    code.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("builtin.rs"), code)?;
    Ok(())
}

/// Text dictionaries and compiled tries, each made once.
struct Tries {
    data: std::path::PathBuf,
    dicts: HashMap<String, Arc<dict::TextDict>>,
    compiled: HashMap<String, Arc<trie::Trie>>,
}

impl Tries {
    fn get(&mut self, spec: &dict::DictSpec) -> Result<Arc<trie::Trie>, String> {
        let key = format!("{spec:?}");
        if let Some(t) = self.compiled.get(&key) {
            return Ok(Arc::clone(t));
        }
        let (data, dicts) = (&self.data, &mut self.dicts);
        let mut load = |file: &str| -> error::Result<Arc<dict::TextDict>> {
            let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
            if let Some(d) = dicts.get(stem) {
                return Ok(Arc::clone(d));
            }
            let name = format!("{stem}.txt");
            let text = std::fs::read_to_string(data.join(&name))
                .map_err(|e| Error::invalid_dictionary(&name, 0, e.to_string()))?;
            let parsed = Arc::new(dict::parse_text_dict(&name, &text)?);
            dicts.insert(stem.to_owned(), Arc::clone(&parsed));
            Ok(parsed)
        };
        let trie = Arc::new(trie::Trie::build(spec, &mut load).map_err(|e| e.to_string())?);
        self.compiled.insert(key, Arc::clone(&trie));
        Ok(trie)
    }
}
