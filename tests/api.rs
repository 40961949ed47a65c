//! The public API: construction, options, custom data, errors, traits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use std::borrow::Cow;
use std::path::PathBuf;

use zhtext::{Config, Converter, ConverterBuilder, Error, ErrorKind};

fn custom(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/custom").join(name)
}

#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    fn send_sync<T: Send + Sync + 'static>() {}
    fn clone<T: Clone>() {}
    check::<Converter>();
    check::<ConverterBuilder>();
    check::<Config>();
    check::<ErrorKind>();
    check::<zhtext::StreamStats>();
    check::<zhtext::Normalizer>();
    check::<zhtext::Normalized>();
    check::<zhtext::Extractor>();
    check::<zhtext::Extraction>();
    check::<zhtext::Entity>();
    check::<zhtext::EntityKind>();
    check::<zhtext::ScriptProfile>();
    check::<zhtext::Repaired>();
    check::<zhtext::RepairOptions>();
    // Like std::io::Error, which it may wrap, Error is not UnwindSafe.
    send_sync::<Error>();
    clone::<Converter>();
}

#[test]
fn config_names_round_trip_and_unknown_names_list_the_valid_ones() {
    for config in Config::ALL {
        assert_eq!(config.to_string().parse::<Config>().ok(), Some(config));
        assert_eq!(format!("{config}.json").parse::<Config>().ok(), Some(config));
    }
    let err = "s2x".parse::<Config>().expect_err("unknown");
    assert_eq!(err.kind(), &ErrorKind::UnknownConfig { name: "s2x".into() });
    assert!(err.to_string().starts_with("unknown configuration \"s2x\"; valid: s2t, t2s, s2tw"));
}

#[test]
fn converters_share_compiled_data_and_work_across_threads() {
    let converter = Converter::new(Config::S2twp);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let c = converter.clone();
            std::thread::spawn(move || c.convert("软件和鼠标").into_owned())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), "軟體和滑鼠");
    }
    assert_eq!(converter.config(), Some(Config::S2twp));
}

#[test]
fn convert_borrows_when_nothing_changes() {
    let t2s = Converter::new(Config::T2s);
    assert!(matches!(t2s.convert("简体中文 text"), Cow::Borrowed(_)));
    assert!(matches!(t2s.convert("繁體"), Cow::Owned(_)));
    assert_eq!(t2s.convert(""), "");
}

#[test]
fn tofu_risk_dictionaries_are_optional() {
    // 㑮 -> 𫝈 comes from TSCharactersExt, which OpenCC marks may_output_tofu.
    let with = Converter::new(Config::T2s);
    let without = Converter::builder(Config::T2s).include_tofu_risk_dictionaries(false).build().expect("builds");
    assert_eq!(with.convert("㑮"), "𫝈");
    assert_eq!(without.convert("㑮"), "㑮");
}

#[test]
fn overrides_take_precedence_and_are_final() {
    let converter = Converter::builder(Config::S2twp)
        .override_phrase("鼠标", "老鼠")
        .overrides([("软件", "軟件"), ("软件", "软体")])
        .build()
        .expect("builds");
    // The later override of the same phrase wins; its output is not
    // converted further; the rest converts as usual.
    assert_eq!(converter.convert("鼠标和软件的内存"), "老鼠和软体的記憶體");
    let err = Converter::builder(Config::S2t).override_phrase("", "x").build().expect_err("empty");
    assert!(matches!(err.kind(), ErrorKind::InvalidDictionary { .. }));
}

#[test]
fn user_configuration_files_load_with_their_dictionaries() {
    let converter = Converter::from_opencc_file(custom("mini.json")).expect("loads");
    assert_eq!(converter.config(), None);
    assert_eq!(converter.convert("电脑软件发展"), "計算機軟體發展");
    let json = std::fs::read_to_string(custom("mini.json")).expect("read");
    let same = ConverterBuilder::from_opencc_json(json, custom("")).build().expect("loads");
    assert_eq!(same.convert("电脑"), "計算機");
}

#[test]
fn configuration_errors_are_typed_and_name_the_problem() {
    let missing = ConverterBuilder::from_opencc_json(
        r#"{"conversion_chain":[{"dict":{"type":"text","file":"nope.txt"}}]}"#,
        custom(""),
    )
    .build()
    .expect_err("missing");
    assert!(matches!(missing.kind(), ErrorKind::MissingDictionary { path } if path.ends_with("nope.txt")));

    let bad_json = ConverterBuilder::from_opencc_json("{", ".").build().expect_err("bad json");
    assert!(matches!(bad_json.kind(), ErrorKind::InvalidConfig { .. }));

    let bad_seg = ConverterBuilder::from_opencc_json(r#"{"segmentation":{"type":"jieba"},"conversion_chain":[]}"#, ".")
        .build()
        .expect_err("jieba");
    assert!(bad_seg.to_string().contains("not supported"), "{bad_seg}");

    let dir = std::env::temp_dir().join(format!("zhtext-api-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    std::fs::write(dir.join("bad.txt"), "ok\t好\nno tab here\n").expect("write");
    let bad_dict =
        ConverterBuilder::from_opencc_json(r#"{"conversion_chain":[{"dict":{"type":"text","file":"bad.txt"}}]}"#, &dir)
            .build()
            .expect_err("bad dictionary");
    assert!(matches!(bad_dict.kind(), ErrorKind::InvalidDictionary { line: 2, .. }), "{bad_dict}");
    let io = Converter::from_opencc_file(dir.join("absent.json")).expect_err("absent");
    assert_eq!(io.kind(), &ErrorKind::Io);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn try_new_builds_every_config() {
    for config in Config::ALL {
        assert!(Converter::try_new(config).is_ok(), "{config}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn extraction_round_trips_through_serde() {
    let text = "大江鎮黨委副書記陳健宇介紹道，投入超200萬元，電話0750-5524538";
    let found = zhtext::Extractor::new().extract(text);
    let json = serde_json::to_string(&found).expect("serialises");
    assert!(json.contains(r#""type":"person""#), "{json}");
    let back: zhtext::Extraction = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, found);
}

#[test]
fn seed_to_simplified_in_mainland_usage_matches_the_gold() {
    let root = env!("CARGO_MANIFEST_DIR");
    let seed = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.txt")).expect("seed");
    let gold = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.hans.txt")).expect("gold");
    let opencc = Converter::new(Config::T2s).convert(&seed).into_owned();
    // OpenCC's t2s differs from the gold at 著力 only; mainland usage fixes it.
    assert_ne!(opencc, gold);
    assert_eq!(zhtext::mainland_usage(&opencc), gold);
}

#[test]
fn contacts_in_a_removed_footer_remain_extractable() {
    let root = env!("CARGO_MANIFEST_DIR");
    let seed = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.txt")).expect("seed");
    let normalized = zhtext::Normalizer::builder().strip_boilerplate(true).build().normalize(&seed);
    assert!(!normalized.text().contains("0750-5524538"));
    // The removed spans are returned; extraction on the source finds the
    // footer's contacts inside them.
    let removed: Vec<std::ops::Range<usize>> = normalized
        .edits()
        .iter()
        .filter(|e| e.kind() == zhtext::EditKind::Boilerplate)
        .map(zhtext::Edit::range)
        .collect();
    let found = zhtext::Extractor::new().extract(&seed);
    let in_footer: Vec<&str> = found
        .contacts()
        .iter()
        .filter(|c| removed.iter().any(|r| r.start <= c.range().start && c.range().end <= r.end))
        .map(|c| &seed[c.range()])
        .collect();
    assert_eq!(in_footer, ["0750-5524538", "ts686@126.com"]);
}
