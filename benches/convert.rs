//! Conversion throughput, first-use cost, and script detection.
//!
//! `cargo bench --bench convert` (add `-- load` or `-- convert/t2s` to
//! filter). Inputs: the seed article and zuozhuan repeated to about 11 MB,
//! in Simplified and (through s2t) Traditional script.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use zhtext::{Config, Converter};

fn data(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).expect("test data")
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    for config in Config::ALL {
        group.bench_function(config.name(), |b| {
            b.iter(|| {
                let converter = Converter::builder(config).shared(false).build().expect("builds");
                converter.convert("漢字汉字")
            });
        });
    }
    group.finish();
}

fn convert(c: &mut Criterion) {
    let seed = data("seed-dajiang.txt");
    let zuozhuan = data("zuozhuan.txt").repeat(6);
    let zuozhuan_hant = Converter::new(Config::S2t).convert(&zuozhuan).into_owned();
    let seed_hans = Converter::new(Config::T2s).convert(&seed).into_owned();
    let mut group = c.benchmark_group("convert");
    group.sample_size(10);
    for config in [Config::T2s, Config::S2t, Config::S2twp, Config::Tw2sp] {
        let to_simplified = matches!(config, Config::T2s | Config::Tw2sp);
        let inputs = if to_simplified {
            [("seed", &seed), ("zuozhuan-hant", &zuozhuan_hant)]
        } else {
            [("seed-hans", &seed_hans), ("zuozhuan", &zuozhuan)]
        };
        let converter = Converter::new(config);
        for (name, input) in inputs {
            group.throughput(Throughput::Bytes(input.len() as u64));
            let mut out = String::with_capacity(input.len() * 2);
            group.bench_with_input(BenchmarkId::new(config.name(), name), input, |b, input| {
                b.iter(|| {
                    out.clear();
                    converter.convert_into(input, &mut out);
                    out.len()
                });
            });
        }
    }
    group.finish();
}

fn detect(c: &mut Criterion) {
    let seed = data("seed-dajiang.txt");
    let zuozhuan = data("zuozhuan.txt");
    let zuozhuan_hant = Converter::new(Config::S2t).convert(&zuozhuan).into_owned();
    let mut group = c.benchmark_group("detect");
    group.sample_size(20);
    for (name, input) in [("seed", &seed), ("zuozhuan", &zuozhuan), ("zuozhuan-hant", &zuozhuan_hant)] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), input, |b, input| b.iter(|| zhtext::detect(input)));
    }
    group.finish();
}

criterion_group!(benches, load, convert, detect);
criterion_main!(benches);
