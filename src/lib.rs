//! Chinese text in both scripts.
//!
//! `zhtext` converts between Traditional and Simplified Chinese exactly as
//! [OpenCC](https://github.com/BYVoid/OpenCC) 1.4.2 does, for all 16 of
//! its configurations, with OpenCC's own dictionaries compiled in.
//!
//! # Example
//!
//! ```
//! use zhtext::{Config, Converter};
//!
//! let converter = Converter::new(Config::S2twp);
//! assert_eq!(converter.convert("我们用鼠标打开了软件"), "我們用滑鼠打開了軟體");
//!
//! // Reuse one output buffer for many inputs.
//! let t2s = Converter::new(Config::T2s);
//! let mut out = String::new();
//! for line in ["漢字", "簡體"] {
//!     out.clear();
//!     t2s.convert_into(line, &mut out);
//! }
//! assert_eq!(out, "简体");
//! ```
//!
//! # Semantics
//!
//! Output is byte-identical to OpenCC 1.4.2 (its Python package with default
//! options) on its own dictionaries: the CJK compatibility normalization,
//! maximum-matching segmentation, the conversion chain per segment, group
//! match policies (`short_circuit`, `union`), tofu-risk dictionaries and
//! ideographic description sequences. One deliberate difference: OpenCC
//! drops everything after a NUL character in configurations with
//! segmentation; `zhtext` converts the whole input.
//!
//! # Features
//!
//! No optional features yet; the only dependency is `serde_json`, for
//! OpenCC's configuration files.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod config;
mod converter;
mod dict;
mod engine;
mod error;
mod extract;
mod normalize;
mod repair;
mod script;

/// The README's examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use config::Config;
pub use converter::{Converter, ConverterBuilder};
pub use engine::stream::StreamStats;
pub use error::{Error, ErrorKind, Result};
pub use extract::{Contact, ContactKind, Date, Extraction, Extractor, Figure, FigureKind, Qualifier};
pub use normalize::{Edit, EditKind, Normalized, Normalizer, NormalizerBuilder, OffsetMap, QuoteStyle};
pub use repair::{repair, RepairEdit, RepairOptions, RepairTarget, Repaired};
pub use script::{detect, Region, Script, ScriptProfile};
