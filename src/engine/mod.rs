//! The conversion engine: compiled dictionaries, the staged pipeline and
//! streaming.
//!
//! - [`trie`]: one dictionary group compiled into a trie with resolved
//!   matches, and [`pairs`], its index of two-character prefixes;
//! - [`pipeline`]: OpenCC's stages (normalization, segmentation, chain);
//! - [`stream`]: conversion of readers into writers in bounded memory.

pub(crate) mod builtin;
pub(crate) mod pairs;
pub(crate) mod pipeline;
pub(crate) mod stage;
pub(crate) mod stream;
pub(crate) mod trie;
pub(crate) mod utf8;

#[cfg(test)]
mod reference;
