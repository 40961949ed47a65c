//! Converts a file (or standard input) with one OpenCC configuration.
//!
//! ```text
//! cargo run --release --example convert -- t2s tests/data/seed-dajiang.txt
//! cargo run --release --example convert -- s2twp input.txt output.txt
//! ```

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::process::ExitCode;

use zhtext::{Config, Converter};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("convert: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let (config, input, output) = match args {
        [config] => (config, None, None),
        [config, input] => (config, Some(input), None),
        [config, input, output] => (config, Some(input), Some(output)),
        _ => return Err("usage: convert CONFIG [INPUT [OUTPUT]]".to_owned()),
    };
    let config: Config = config.parse().map_err(|e| format!("{e}"))?;
    let converter = Converter::new(config);

    let reader: Box<dyn io::Read> = match input {
        Some(path) => Box::new(BufReader::new(File::open(path).map_err(|e| format!("{path}: {e}"))?)),
        None => Box::new(io::stdin().lock()),
    };
    let writer: Box<dyn Write> = match output {
        Some(path) => Box::new(BufWriter::new(File::create(path).map_err(|e| format!("{path}: {e}"))?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let name = input.map_or("<stdin>", String::as_str);
    converter.convert_stream(reader, writer).map_err(|e| format!("{name}: {e}"))?;
    Ok(())
}
