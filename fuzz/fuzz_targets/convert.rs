//! Conversion of arbitrary text with every configuration: no panics,
//! `convert` == `convert_into`, borrowed results really unchanged.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use zhtext::{Config, Converter};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let config = Config::ALL[usize::from(selector) % Config::ALL.len()];
    let converter = Converter::new(config);
    let converted = converter.convert(text);
    if let Cow::Borrowed(b) = &converted {
        assert_eq!(*b, text);
    }
    let mut into = String::new();
    converter.convert_into(text, &mut into);
    assert_eq!(into, converted);
});
