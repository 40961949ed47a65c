//! Streaming arbitrary bytes in arbitrary chunks: the output equals
//! one-shot conversion of the valid prefix, and invalid UTF-8 is reported
//! at the right offset.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use zhtext::{Config, Converter, ErrorKind};

struct Chunked<'a> {
    data: &'a [u8],
    sizes: &'a [u8],
    next: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes.get(self.next % self.sizes.len().max(1)).map_or(7, |&s| usize::from(s) + 1);
        self.next += 1;
        let n = size.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let config = Config::ALL[usize::from(data[0]) % Config::ALL.len()];
    let n_sizes = usize::from(data[1] % 8).min(data.len() - 2);
    let (sizes, text) = data[2..].split_at(n_sizes);
    let converter = Converter::new(config);
    let mut out = Vec::new();
    let result = converter.convert_stream(Chunked { data: text, sizes, next: 0 }, &mut out);
    let valid_up_to = match std::str::from_utf8(text) {
        Ok(_) => text.len(),
        Err(e) => e.valid_up_to(),
    };
    let prefix = std::str::from_utf8(&text[..valid_up_to]).expect("valid prefix");
    assert_eq!(out, converter.convert(prefix).as_bytes());
    match result {
        Ok(stats) => {
            assert_eq!(valid_up_to, text.len());
            assert_eq!(stats.bytes_read, text.len() as u64);
        }
        Err(e) => assert_eq!(e.kind(), &ErrorKind::InvalidUtf8 { offset: valid_up_to as u64 }),
    }
});
