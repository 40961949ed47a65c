//! Byte-offset maps from a transformed text back to its source.

use std::ops::Range;

/// Maps byte offsets in a normalized text back to the source text.
///
/// The map is a list of segments in output order; each segment is either
/// copied from the source byte for byte or replaces a source span with
/// other text. A position inside a replacement maps to the start of the
/// replaced span (the end of a range maps to its end), so a mapped range
/// always covers the source text the output range came from, and mapping
/// is monotone.
///
/// ```
/// use zhtext::Normalizer;
///
/// let source = "大江鎮,臺山市";
/// let normalized = Normalizer::new().normalize(source);
/// assert_eq!(normalized.text(), "大江鎮，臺山市");
/// let found = normalized.text().find("臺山市").unwrap();
/// let span = normalized.map().to_source(found..found + "臺山市".len());
/// assert_eq!(&source[span], "臺山市");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    /// In output order; together they tile both texts.
    segments: Vec<Segment>,
    output_len: usize,
    source_len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    out: usize,
    src: usize,
    out_len: usize,
    src_len: usize,
    copied: bool,
}

impl OffsetMap {
    /// Builds the map while text is assembled: call [`copy`](Self::copy)
    /// and [`replace`](Self::replace) in output order.
    pub(crate) fn new() -> OffsetMap {
        OffsetMap::default()
    }

    /// `len` bytes copied unchanged from the source.
    pub(crate) fn copy(&mut self, len: usize) {
        if len == 0 {
            return;
        }
        match self.segments.last_mut() {
            Some(last) if last.copied && last.out + last.out_len == self.output_len => {
                last.out_len += len;
                last.src_len += len;
            }
            _ => self.segments.push(Segment {
                out: self.output_len,
                src: self.source_len,
                out_len: len,
                src_len: len,
                copied: true,
            }),
        }
        self.output_len += len;
        self.source_len += len;
    }

    /// `src_len` source bytes replaced by `out_len` output bytes.
    pub(crate) fn replace(&mut self, src_len: usize, out_len: usize) {
        self.segments.push(Segment { out: self.output_len, src: self.source_len, out_len, src_len, copied: false });
        self.output_len += out_len;
        self.source_len += src_len;
    }

    /// The source offset of output offset `offset` as the start of a
    /// range: inside a replacement, the start of the replaced span.
    fn map_start(&self, offset: usize) -> usize {
        let i = self.segments.partition_point(|s| s.out + s.out_len <= offset);
        match self.segments.get(i) {
            Some(seg) if seg.copied => seg.src + offset.saturating_sub(seg.out),
            Some(seg) => seg.src,
            None => self.source_len,
        }
    }

    /// The source offset of output offset `offset` as the end of a range:
    /// inside a replacement, the end of the replaced span.
    fn map_end(&self, offset: usize) -> usize {
        let mut i = self.segments.partition_point(|s| s.out < offset);
        while i > 0 {
            i -= 1;
            match self.segments.get(i) {
                Some(seg) if seg.out_len == 0 => {}
                Some(seg) if seg.copied => return seg.src + (offset - seg.out).min(seg.src_len),
                Some(seg) => return seg.src + seg.src_len,
                None => break,
            }
        }
        self.map_start(offset)
    }

    /// The source range that output `range` came from.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let source = "１９９８年";
    /// let n = Normalizer::new().normalize(source);
    /// assert_eq!(n.map().to_source(0..4), 0..12);
    /// ```
    #[must_use]
    pub fn to_source(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map_start(range.start);
        let end = if range.end <= range.start { start } else { self.map_end(range.end).max(start) };
        start..end
    }

    /// The source offset of output offset `offset` (the start of a replaced
    /// span for offsets inside a replacement).
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let n = Normalizer::new().normalize("１９９８年");
    /// assert_eq!(n.map().to_source_offset(4), 12);
    /// ```
    #[must_use]
    pub fn to_source_offset(&self, offset: usize) -> usize {
        self.map_start(offset)
    }

    /// Length of the output text.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let n = Normalizer::new().normalize("１９９８年");
    /// assert_eq!(n.map().output_len(), n.text().len());
    /// ```
    #[must_use]
    pub fn output_len(&self) -> usize {
        self.output_len
    }

    /// Length of the source text.
    ///
    /// ```
    /// use zhtext::Normalizer;
    ///
    /// let n = Normalizer::new().normalize("１９９８年");
    /// assert_eq!(n.map().source_len(), "１９９８年".len());
    /// ```
    #[must_use]
    pub fn source_len(&self) -> usize {
        self.source_len
    }
}
