//! The built-in configurations, compiled by `build.rs`.
//!
//! Each distinct dictionary group of OpenCC's 16 configurations is a
//! serialized trie embedded in the binary; a configuration is a plan naming
//! its tries. Tries and pipelines are loaded (and checked) once per process.

use std::sync::{Arc, OnceLock};

use super::pipeline::{Parts, Pipeline, Segmentation};
use super::trie::Trie;
use crate::error::Result;
use crate::Config;

/// The tries of one configuration, by index into `TRIE_BLOBS`.
pub(crate) struct Plan {
    /// The configuration's name (checked against `Config::ALL` in tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) name: &'static str,
    pub(crate) normalization: &'static [usize],
    pub(crate) segmentation: Option<usize>,
    pub(crate) chain: &'static [usize],
    /// See `ConfigSpec::first_stage_rest`; when set, `chain` starts at the
    /// second stage.
    pub(crate) first_stage_rest: Option<Option<usize>>,
    /// The stages between segmented words, composed (see
    /// `pipeline::compose_runs`).
    pub(crate) runs: &'static [usize],
}

/// Aligns an embedded blob (`include_bytes!` alone guarantees 1).
#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The plan of `config`, with or without tofu-risk dictionaries.
pub(crate) fn plan(config: Config, include_tofu: bool) -> Option<&'static Plan> {
    PLANS.get(config.index())?.get(usize::from(include_tofu))
}

/// A private copy of a built-in configuration's pipeline, not shared with
/// the process-wide cache.
pub(crate) fn private_pipeline(config: Config, include_tofu: bool) -> Result<Pipeline> {
    let unknown = || crate::Error::new(crate::ErrorKind::UnknownConfig { name: config.to_string() });
    let plan = plan(config, include_tofu).ok_or_else(unknown)?;
    parts(plan, |id| {
        let blob = TRIE_BLOBS.get(id).ok_or_else(unknown)?;
        Ok(Arc::new(Trie::from_static(blob)?))
    })
}

fn parts(plan: &Plan, mut load: impl FnMut(usize) -> Result<Arc<Trie>>) -> Result<Pipeline> {
    let normalization = plan.normalization.iter().map(|&id| load(id)).collect::<Result<Vec<_>>>()?;
    // build.rs flattens the segmentation dictionary.
    let segmentation = plan.segmentation.map(&mut load).transpose()?.map(Segmentation::Flattened);
    let chain = plan.chain.iter().map(|&id| load(id)).collect::<Result<Vec<_>>>()?;
    let first_stage_rest = match plan.first_stage_rest {
        Some(rest) => Some(rest.map(&mut load).transpose()?),
        None => None,
    };
    let runs = Some(plan.runs.iter().map(|&id| load(id)).collect::<Result<Vec<_>>>()?);
    Pipeline::new(Parts { normalization, segmentation, chain, first_stage_rest, runs, overrides: None })
}

/// A compiled built-in trie, loaded once.
fn trie(id: usize) -> Result<Arc<Trie>> {
    static TRIES: OnceLock<Vec<OnceLock<Arc<Trie>>>> = OnceLock::new();
    let tries = TRIES.get_or_init(|| TRIE_BLOBS.iter().map(|_| OnceLock::new()).collect());
    let bad = || crate::Error::invalid_dictionary("<compiled dictionary>", 0, "unknown trie");
    let cell = tries.get(id).ok_or_else(bad)?;
    if let Some(t) = cell.get() {
        return Ok(Arc::clone(t));
    }
    let blob = TRIE_BLOBS.get(id).ok_or_else(bad)?;
    let t = Arc::new(Trie::from_static(blob)?);
    Ok(Arc::clone(cell.get_or_init(|| t)))
}

/// The shared pipeline of a built-in configuration.
pub(crate) fn pipeline(config: Config, include_tofu: bool) -> Result<Arc<Pipeline>> {
    static CACHE: [[OnceLock<Arc<Pipeline>>; 2]; 16] =
        [const { [const { OnceLock::new() }, const { OnceLock::new() }] }; 16];
    let unknown = || crate::Error::new(crate::ErrorKind::UnknownConfig { name: config.to_string() });
    let cell = CACHE.get(config.index()).and_then(|c| c.get(usize::from(include_tofu))).ok_or_else(unknown)?;
    if let Some(p) = cell.get() {
        return Ok(Arc::clone(p));
    }
    let plan = plan(config, include_tofu).ok_or_else(unknown)?;
    let p = Arc::new(parts(plan, trie)?);
    Ok(Arc::clone(cell.get_or_init(|| p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{embedded, parse_text_dict, ConfigSpec};
    use crate::engine::pipeline::{compose_runs, flatten, words_against_runs};

    #[test]
    fn plans_follow_config_order() {
        for config in Config::ALL {
            for tofu in [false, true] {
                assert_eq!(plan(config, tofu).map(|p| p.name), Some(config.name()));
            }
        }
    }

    /// The build-time tries are exactly what the runtime builds from the
    /// text dictionaries (the segmentation dictionary flattened through
    /// the chain, the stages between words composed), and every one passes
    /// the load-time checks.
    #[test]
    fn compiled_tries_equal_fresh_builds() -> Result<()> {
        let mut load = |file: &str| {
            let (name, text) = embedded::lookup(file).ok_or_else(|| crate::Error::invalid_config(file, "missing"))?;
            Ok(Arc::new(parse_text_dict(name, text)?))
        };
        for config in Config::ALL {
            for tofu in [false, true] {
                let spec = ConfigSpec::parse(config.opencc_json(), config.name(), tofu)?;
                let plan = plan(config, tofu).ok_or_else(|| crate::Error::invalid_config("plan", "missing"))?;
                let fused = spec.first_stage_rest();
                assert_eq!(fused.is_some(), plan.first_stage_rest.is_some());
                let chain = spec.chain.iter().skip(usize::from(fused.is_some()));
                let chain = chain.map(|s| Ok(Arc::new(Trie::build(s, &mut load)?))).collect::<Result<Vec<_>>>()?;
                let mut expected: Vec<(usize, Trie)> = Vec::new();
                for (s, &id) in spec.normalization.iter().zip(plan.normalization) {
                    expected.push((id, Trie::build(s, &mut load)?));
                }
                let seg = spec.segmentation.as_ref().map(|s| Trie::build(s, &mut load)).transpose()?;
                for (trie, &id) in chain.iter().zip(plan.chain) {
                    expected.push((id, (**trie).clone()));
                }
                let mut rest = None;
                if let (Some(Some(s)), Some(Some(id))) = (&fused, plan.first_stage_rest) {
                    let trie = Arc::new(Trie::build(s, &mut load)?);
                    expected.push((id, (*trie).clone()));
                    rest = Some(trie);
                }
                let rest = fused.as_ref().map(|_| rest);
                let runs = compose_runs(seg.as_ref(), rest.as_ref(), &chain)?;
                if let (Some(seg), Some(id)) = (&seg, plan.segmentation) {
                    expected.push((id, words_against_runs(&flatten(seg, fused.is_some(), &chain)?, &runs)));
                }
                assert_eq!(runs.len(), plan.runs.len(), "{config} tofu={tofu}");
                for (trie, &id) in runs.iter().zip(plan.runs) {
                    expected.push((id, (**trie).clone()));
                }
                let stages = plan.normalization.len()
                    + usize::from(plan.segmentation.is_some())
                    + plan.chain.len()
                    + usize::from(matches!(plan.first_stage_rest, Some(Some(_))))
                    + plan.runs.len();
                assert_eq!(expected.len(), stages, "{config} tofu={tofu}");
                for (id, fresh) in expected {
                    assert_eq!(fresh.to_bytes(), TRIE_BLOBS[id], "{config} tofu={tofu} trie {id}");
                    Trie::from_bytes(TRIE_BLOBS[id])?;
                }
            }
        }
        Ok(())
    }

    #[test]
    fn corrupt_tries_are_errors_not_panics() {
        let blob = TRIE_BLOBS[0];
        assert!(Trie::from_bytes(&blob[..blob.len() - 1]).is_err());
        assert!(Trie::from_bytes(&[]).is_err());
        // Flip every byte of the header and some of the body in turn.
        for i in (0..blob.len()).step_by(97).chain(0..32) {
            let mut bad = blob.to_vec();
            bad[i] ^= 0xA5;
            let _ = Trie::from_bytes(&bad);
        }
    }

    /// Loading in place reads the same trie as the checked copy, borrows
    /// the arrays on a little-endian target, and decodes a misaligned blob.
    #[test]
    fn static_loads_borrow_and_equal_checked_loads() -> Result<()> {
        for blob in TRIE_BLOBS {
            let in_place = Trie::from_static(blob)?;
            assert_eq!(in_place.to_bytes(), Trie::from_bytes(blob)?.to_bytes());
            assert_eq!(in_place.is_borrowed(), cfg!(target_endian = "little"));
        }
        let blob = TRIE_BLOBS[0];
        let buffer: &'static mut [u8] = Box::leak(vec![0u8; blob.len() + 4].into_boxed_slice());
        let off = (1..4).find(|o| (buffer.as_ptr().addr() + o) % 4 != 0).unwrap_or(1);
        buffer[off..off + blob.len()].copy_from_slice(blob);
        let misaligned = Trie::from_static(&buffer[off..off + blob.len()])?;
        assert!(!misaligned.is_borrowed());
        assert_eq!(misaligned.to_bytes(), blob);
        Ok(())
    }

    /// Matching with a damaged blob loaded without the node checks gives
    /// wrong matches, never a panic.
    #[test]
    fn damaged_static_tries_never_panic() {
        let blob = TRIE_BLOBS[0];
        let text = "\u{F900}\u{F901}\u{2F800}漢字說話 ab";
        for i in (0..blob.len()).step_by(389).chain(0..32) {
            let mut bad = blob.to_vec();
            bad[i] ^= 0xA5;
            let Ok(trie) = Trie::from_static(Box::leak(bad.into_boxed_slice())) else { continue };
            for (pos, _) in text.char_indices() {
                let _ = trie.match_at(text.as_bytes(), pos);
            }
        }
    }
}
