//! Chinese text in both scripts.
//!
//! - [`Converter`]: Traditional⇄Simplified conversion exactly as
//!   [OpenCC](https://github.com/BYVoid/OpenCC) 1.4.2 does, for all 16 of
//!   its configurations, with OpenCC's own dictionaries compiled in;
//!   strings, caller-owned buffers and bounded-memory streams.
//! - [`detect`]: which script a text is in, its Simplified leftovers, and
//!   its regional standard.
//! - [`Normalizer`]: punctuation and character width, quotes,
//!   compatibility ideographs, whitespace and site boilerplate, with an
//!   [`OffsetMap`] back to the source.
//! - [`repair`]: conservative repair of machine-converted Traditional text
//!   (聯系→聯繫 where a phrase confirms it; 范世通 stays).
//! - [`Extractor`]: figures (counts, money, areas, percentages, dates) and
//!   contacts, with byte spans and normalised values.
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
//!
//! // A machine-converted page: detect, repair, normalise, extract.
//! let page = "近日,大江鎮領導干部聯系高層次人才,引進1869人,投資1.5億元。";
//! assert_eq!(zhtext::detect(page).script(), zhtext::Script::Traditional);
//! let repaired = zhtext::repair(page, &zhtext::RepairOptions::new());
//! let normalized = zhtext::Normalizer::new().normalize(repaired.text());
//! assert_eq!(normalized.text(), "近日，大江鎮領導幹部聯繫高層次人才，引進1869人，投資1.5億元。");
//! let figures = zhtext::Extractor::new().extract(normalized.text());
//! assert_eq!(figures.figures().len(), 2);
//! ```
//!
//! # Semantics of conversion
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
//! - `serde`: `Serialize`/`Deserialize` for the extraction results.
//! - `cli`: the `zhtext` command-line tool (`convert`, `detect`,
//!   `normalize`, `extract`).
//!
//! Without features the dependencies are `serde_json` (OpenCC's
//! configuration files) and `simdutf8` (validating streamed input and the
//! converters' output).
//!
//! The crate has one `unsafe` block: after simdutf8 has checked the bytes
//! the conversion loops wrote into the output `String`'s buffer, the buffer
//! becomes a `String` again without a second check (see DESIGN.md; CI runs
//! it under Miri).

// One audited use: engine::utf8::extend_checked (see DESIGN.md).
#![deny(unsafe_code)]
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
pub use extract::{
    Contact, ContactKind, Date, Entity, EntityKind, Extraction, Extractor, Figure, FigureKind, Qualifier,
};
pub use normalize::{mainland_usage, Edit, EditKind, Normalized, Normalizer, NormalizerBuilder, OffsetMap, QuoteStyle};
pub use repair::{repair, RepairEdit, RepairOptions, RepairTarget, Repaired};
pub use script::{detect, Region, Script, ScriptProfile};
