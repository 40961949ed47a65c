//! Extraction throughput: people, organisations, places, figures and
//! contacts together.
//!
//! `cargo bench --bench extract`. Inputs: the seed article (Traditional)
//! repeated to about 1 MB, the same through t2s (Simplified), and the first
//! 1 MB of zuozhuan (classical Chinese, one long document). The issue's
//! floor is 5 MB/s on one core.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use zhtext::{Config, Converter, Extractor};

fn data(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).expect("test data")
}

fn extract(c: &mut Criterion) {
    let seed = data("seed-dajiang.txt").repeat(200);
    let seed_hans = Converter::new(Config::T2s).convert(&seed).into_owned();
    let zuozhuan: String = data("zuozhuan.txt").chars().take(350_000).collect();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (name, input) in [("seed-hant", &seed), ("seed-hans", &seed_hans), ("zuozhuan", &zuozhuan)] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group
            .bench_with_input(BenchmarkId::from_parameter(name), input, |b, input| b.iter(|| extractor.extract(input)));
    }
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
