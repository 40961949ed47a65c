//! Streaming conversion: identical to one-shot conversion, bounded memory,
//! typed errors.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use std::io::{Read, Write};

use zhtext::{Config, Converter, ErrorKind};

fn data(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).expect("test data")
}

/// Hands out at most `size` bytes per read.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// Records the largest single write, a proxy for the buffer sizes used.
#[derive(Default)]
struct Sink {
    data: Vec<u8>,
    largest_write: usize,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.largest_write = self.largest_write.max(buf.len());
        self.data.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn zuozhuan_streams_exactly_in_bounded_pieces() {
    let text = data("zuozhuan.txt");
    for config in [Config::S2t, Config::S2twp, Config::T2s, Config::S2hk] {
        let converter = Converter::new(config);
        let mut sink = Sink::default();
        let stats = converter.convert_stream(Trickle(text.as_bytes(), 4093), &mut sink).expect("stream");
        assert_eq!(stats.bytes_read, text.len() as u64);
        assert_eq!(stats.bytes_written, sink.data.len() as u64);
        assert_eq!(String::from_utf8(sink.data).expect("UTF-8"), converter.convert(&text), "{config}");
        assert!(sink.largest_write < 256 * 1024, "{config}: wrote {} bytes at once", sink.largest_write);
    }
}

/// Without punctuation or line breaks there are no inert characters; the
/// stream must still cut (at settled word boundaries) and stay exact.
#[test]
fn text_without_inert_characters_streams_exactly_in_bounded_pieces() {
    let han: String = data("zuozhuan.txt").chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect();
    let hant = Converter::new(Config::S2t).convert(&han).into_owned();
    for (config, input) in [(Config::S2t, &han), (Config::S2twp, &han), (Config::T2s, &hant), (Config::Tw2sp, &hant)] {
        let converter = Converter::new(config);
        let mut sink = Sink::default();
        converter.convert_stream(Trickle(input.as_bytes(), 65536), &mut sink).expect("stream");
        assert_eq!(String::from_utf8(sink.data).expect("UTF-8"), converter.convert(input), "{config}");
        assert!(sink.largest_write < 1024 * 1024, "{config}: wrote {} bytes at once", sink.largest_write);
    }
}

#[test]
fn invalid_utf8_reports_stream_offset_after_writing_the_valid_prefix() {
    let text = data("seed-dajiang.txt");
    let mut bytes = text.as_bytes().to_vec();
    let at = text.char_indices().nth(1000).map(|(i, _)| i).expect("long enough");
    bytes.insert(at, 0xFF);
    let converter = Converter::new(Config::T2s);
    let mut out = Vec::new();
    let err = converter.convert_stream(Trickle(&bytes, 777), &mut out).expect_err("invalid");
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { offset: at as u64 });
    assert_eq!(err.to_string(), format!("invalid UTF-8 at byte {at}"));
    assert_eq!(String::from_utf8(out).expect("UTF-8"), converter.convert(&text[..at]));
}

#[test]
fn truncated_character_at_end_is_invalid() {
    let converter = Converter::new(Config::S2t);
    let bytes = "汉字".as_bytes();
    let mut out = Vec::new();
    let err = converter.convert_stream(&bytes[..bytes.len() - 1], &mut out).expect_err("truncated");
    assert_eq!(err.utf8_offset(), Some(3));
    assert_eq!(out, "漢".as_bytes());
}

#[test]
fn io_errors_are_typed() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let err = Converter::new(Config::S2t).convert_stream(Failing, Vec::new()).expect_err("fails");
    assert_eq!(err.kind(), &ErrorKind::Io);
    assert!(err.to_string().contains("disk on fire"));
    assert!(std::error::Error::source(&err).is_some());
}
