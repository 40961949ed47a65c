//! Times zhtext and its peers on the same inputs in one process, one
//! thread, and checks every output against OpenCC 1.4.2's C++ core.
//!
//! Run through `bench-compare/run.sh`, which fetches OpenCC's static
//! library from PyPI and pins the process to one core.

use std::time::Instant;

use zhtext::{Config, Converter};

type Peer<'a> = (&'static str, Box<dyn Fn(&str) -> String + 'a>);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let mb: usize = arg("--mb").and_then(|v| v.parse().ok()).unwrap_or(16);
    let reps: usize = arg("--reps").and_then(|v| v.parse().ok()).unwrap_or(3);
    let configs = arg("--configs").unwrap_or_else(|| "t2s,s2t,s2twp,tw2sp".into());
    // Converters to time (names starting with one of these); OpenCC's
    // output is the reference either way.
    let only = arg("--peers");
    let wanted = |peer: &str| only.as_ref().is_none_or(|o| o.split(',').any(|p| peer.starts_with(p)));
    let data_dir = std::env::var("OPENCC_DATA").expect("OPENCC_DATA: OpenCC's share/opencc directory");
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

    let zuozhuan = std::fs::read_to_string(format!("{root}/tests/data/zuozhuan.txt")).expect("zuozhuan");
    let hans = zuozhuan.repeat((mb << 20).div_ceil(zuozhuan.len()));
    let hant = Converter::new(Config::S2t).convert(&hans).into_owned();
    println!(
        "inputs: zuozhuan x{} = {:.1} MB (Simplified), {:.1} MB (Traditional via s2t)",
        hans.len() / zuozhuan.len(),
        hans.len() as f64 / 1e6,
        hant.len() as f64 / 1e6
    );
    println!();
    println!("| config | converter | MB/s (best) | vs zhtext (bests) | vs zhtext (paired, median) | output = OpenCC |");
    println!("|---|---|---:|---:|---:|---|");

    for name in configs.split(',') {
        let config: Config = name.parse().expect("config");
        let input = if matches!(config, Config::T2s | Config::Tw2sp | Config::Tw2s | Config::Hk2s | Config::Hk2sp) {
            &hant
        } else {
            &hans
        };
        let opencc = opencc_rust::OpenCC::new(format!("{data_dir}/{name}.json")).expect("OpenCC config");
        let zhtext = Converter::new(config);
        let mut fmmseg = opencc_fmmseg::OpenCC::new();
        fmmseg.set_parallel(false);
        let ferrous = ferrous_config(config).map(|c| ferrous_opencc::OpenCC::from_config(c).expect("ferrous"));
        let zh_variant = zhconv_variant(config);

        let mut peers: Vec<Peer> = vec![
            ("zhtext", Box::new(|s| zhtext.convert(s).into_owned())),
            ("OpenCC 1.4.2 C++", Box::new(|s| opencc.convert(s).expect("opencc"))),
        ];
        if let Some(v) = zh_variant {
            peers.push(("zhconv 0.4.2", Box::new(move |s| zhconv::zhconv(s, v))));
        }
        if name == "t2s" {
            peers.push(("fast2s 0.3", Box::new(|s| fast2s::convert(s))));
        }
        if matches!(name, "t2s" | "s2t" | "s2twp" | "tw2sp") {
            let f = &fmmseg;
            peers.push(("opencc-fmmseg 0.13", Box::new(move |s| f.convert(s, name, false))));
        }
        if let Some(f) = &ferrous {
            peers.push(("ferrous-opencc 0.4", Box::new(move |s| f.convert(s))));
        }

        peers.retain(|(peer, _)| wanted(peer));
        let expected = opencc.convert(input).expect("opencc");
        for (_, convert) in &peers {
            let _ = convert("漢字汉字"); // first use: load dictionaries
        }
        // Round robin: every converter is timed once per round, so a
        // change in the shared machine's speed affects them alike; the
        // best of each is printed. Each peer is also timed next to a run
        // of zhtext, one before the other in turn (whatever runs first
        // meets caches and free memory the previous converter left), and
        // the ratio of the two times is kept per round: on a machine whose
        // speed changes within seconds, the median of these paired ratios
        // is steadier than a ratio of two bests.
        let time = |convert: &dyn Fn(&str) -> String| {
            let t = Instant::now();
            let output = convert(input);
            (t.elapsed().as_secs_f64(), output)
        };
        let mut best = vec![f64::MAX; peers.len()];
        let mut same = vec![true; peers.len()];
        let mut paired: Vec<Vec<f64>> = vec![Vec::new(); peers.len()];
        for round in 0..reps {
            for (k, (_, convert)) in peers.iter().enumerate() {
                let (elapsed, output) = time(convert.as_ref());
                best[k] = best[k].min(elapsed);
                same[k] &= output == expected;
                drop(output);
                let Some((_, zhtext)) = peers.first().filter(|_| k > 0) else {
                    paired[k].push(1.0);
                    continue;
                };
                let (ours, theirs) = if round % 2 == 0 {
                    let ours = time(zhtext.as_ref()).0;
                    (ours, time(convert.as_ref()).0)
                } else {
                    let theirs = time(convert.as_ref()).0;
                    (time(zhtext.as_ref()).0, theirs)
                };
                paired[k].push(ours / theirs);
            }
        }
        let ours = input.len() as f64 / best[0] / 1e6;
        for (k, (peer, _)) in peers.iter().enumerate() {
            let mbs = input.len() as f64 / best[k] / 1e6;
            let ratios = &mut paired[k];
            ratios.sort_by(f64::total_cmp);
            let median = ratios.get(ratios.len() / 2).copied().unwrap_or(f64::NAN);
            let same = if same[k] { "yes" } else { "no" };
            println!("| {name} | {peer} | {mbs:.0} | {:.2}x | {median:.2}x | {same} |", mbs / ours);
        }
    }
}

fn zhconv_variant(config: Config) -> Option<zhconv::Variant> {
    use zhconv::Variant;
    match config {
        Config::T2s => Some(Variant::ZhHans),
        Config::S2t => Some(Variant::ZhHant),
        Config::S2twp => Some(Variant::ZhTW),
        Config::Tw2sp => Some(Variant::ZhCN),
        _ => None,
    }
}

fn ferrous_config(config: Config) -> Option<ferrous_opencc::config::BuiltinConfig> {
    use ferrous_opencc::config::BuiltinConfig as B;
    match config {
        Config::T2s => Some(B::T2s),
        Config::S2t => Some(B::S2t),
        Config::S2twp => Some(B::S2twp),
        Config::Tw2sp => Some(B::Tw2sp),
        _ => None,
    }
}
