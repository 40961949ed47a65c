//! The `zhtext` binary on real files (feature `cli`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use zhtext::{Config, Converter};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhtext"))
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn seed() -> String {
    std::fs::read_to_string(data("seed-dajiang.txt")).unwrap()
}

/// A fresh scratch directory for one test, removed when the test ends
/// (each run used to leave five behind in the temporary directory).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("zhtext-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn one_line_error(out: &Output) -> String {
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    err
}

#[test]
fn seed_article_through_every_config_matches_the_library() {
    for config in Config::ALL {
        let out = bin().args(["convert", "-c", config.name()]).arg(data("seed-dajiang.txt")).output().unwrap();
        assert!(out.status.success(), "{config}: {}", String::from_utf8_lossy(&out.stderr));
        let golden = std::fs::read_to_string(data(&format!("../golden/seed-dajiang/{config}.txt"))).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), golden, "{config}");
    }
}

#[test]
fn stdin_streams_to_stdout_beyond_the_buffer_size() {
    let text = std::fs::read_to_string(data("zuozhuan.txt")).unwrap();
    let out = run_with_stdin(&["convert", "-c", "s2twp"], text.as_bytes());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), Converter::new(Config::S2twp).convert(&text));
}

#[test]
fn directory_tree_with_recursive_mirrors_into_output() {
    let dir = scratch("tree");
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("a/b")).unwrap();
    std::fs::write(src.join("one.txt"), "汉字").unwrap();
    std::fs::write(src.join("a/b/two.txt"), seed()).unwrap();
    let without_r = bin().args(["convert", "-c", "s2t"]).arg(&src).output().unwrap();
    assert_eq!(without_r.status.code(), Some(1));
    assert!(one_line_error(&without_r).contains("is a directory (use -r)"));

    let out =
        bin().args(["convert", "-c", "s2t", "-r", "-j", "2", "-o"]).arg(dir.join("out")).arg(&src).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.join("out/one.txt")).unwrap(), "漢字");
    let s2t = Converter::new(Config::S2t);
    assert_eq!(std::fs::read_to_string(dir.join("out/a/b/two.txt")).unwrap(), s2t.convert(&seed()));
}

#[test]
fn in_place_replaces_files_and_keeps_them_when_it_cannot() {
    let dir = scratch("inplace");
    let file = dir.join("doc.txt");
    std::fs::write(&file, "汉字").unwrap();
    let out = bin().args(["convert", "-c", "s2t", "--in-place"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "漢字");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left");

    // A read-only directory: no temporary file can be created, so the
    // original stays byte-identical. (Root ignores permissions; skip then.)
    let locked = dir.join("locked");
    std::fs::create_dir_all(&locked).unwrap();
    let kept = locked.join("keep.txt");
    std::fs::write(&kept, "汉字").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions: make the directory immutable instead.
    let root = std::fs::File::create(locked.join("probe")).is_ok();
    let _ = std::fs::remove_file(locked.join("probe"));
    let immutable = root && Command::new("chattr").arg("+i").arg(&locked).status().is_ok_and(|s| s.success());
    let out = bin().args(["convert", "-c", "s2t", "--in-place"]).arg(&kept).output().unwrap();
    if immutable {
        Command::new("chattr").arg("-i").arg(&locked).status().unwrap();
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !root || immutable {
        assert_eq!(out.status.code(), Some(1));
        let err = one_line_error(&out);
        assert!(err.contains("keep.txt") && err.contains("cannot write in"), "{err}");
        assert_eq!(std::fs::read(&kept).unwrap(), "汉字".as_bytes());
        assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 1, "no temporary file left");
    } else {
        eprintln!("skipped the unwritable-directory case: running as root without chattr");
    }

    // Invalid UTF-8 in the middle: the original is untouched.
    let bad = dir.join("bad.txt");
    let mut bytes = "汉字".repeat(50_000).into_bytes();
    bytes.insert(120_000, 0xFF);
    std::fs::write(&bad, &bytes).unwrap();
    let out = bin().args(["convert", "-c", "s2t", "--in-place"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_line_error(&out).contains("invalid UTF-8 at byte 120000"));
    assert_eq!(std::fs::read(&bad).unwrap(), bytes);
}

#[test]
fn invalid_input_and_usage_errors_are_one_line() {
    let dir = scratch("errors");
    let binary = dir.join("binary.bin");
    std::fs::write(&binary, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xC3, 0x28, 0x00]).unwrap();
    let out = bin().args(["convert", "-c", "t2s"]).arg(&binary).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = one_line_error(&out);
    assert!(err.contains("binary.bin") && err.contains("invalid UTF-8 at byte 8"), "{err}");

    let out = bin().args(["convert", "-c", "t2s"]).arg(dir.join("missing.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_line_error(&out).contains("missing.txt: no such file or directory"));

    let out = bin().args(["convert", "-c", "x2y"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("valid: s2t, t2s"));
}

#[test]
fn big5_and_gbk_inputs_convert_like_utf8() {
    let dir = scratch("encodings");
    let text = seed();
    let hans = Converter::new(Config::T2s).convert(&text).into_owned();
    let (big5, _, big5_lossy) = encoding_rs::BIG5.encode(&text);
    let (gbk, _, gbk_lossy) = encoding_rs::GBK.encode(&hans);
    // Characters these encodings lack become numeric references; compare
    // against the UTF-8 text they actually hold.
    let big5_text = encoding_rs::BIG5.decode(&big5).0.into_owned();
    let gbk_text = encoding_rs::GBK.decode(&gbk).0.into_owned();
    let _ = (big5_lossy, gbk_lossy);
    std::fs::write(dir.join("big5.txt"), &big5).unwrap();
    std::fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    for (file, encoding, config, text) in [
        ("big5.txt", "big5", "t2s", &big5_text),
        ("big5.txt", "auto", "t2s", &big5_text),
        ("gbk.txt", "gbk", "s2t", &gbk_text),
        ("gbk.txt", "auto", "s2t", &gbk_text),
    ] {
        let out =
            bin().args(["convert", "-c", config, "--from-encoding", encoding]).arg(dir.join(file)).output().unwrap();
        assert!(out.status.success(), "{file} {encoding}: {}", String::from_utf8_lossy(&out.stderr));
        let expected = Converter::new(config.parse().unwrap()).convert(text).into_owned();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{file} as {encoding}");
    }
}

#[test]
fn detect_reports_script_counts_and_leftovers_as_json_lines() {
    let out =
        bin().args(["detect", "--json"]).arg(data("seed-dajiang.txt")).arg(data("zuozhuan.txt")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["script"], "traditional");
    assert_eq!(lines[0]["region"], "mainland");
    let seed = seed();
    for span in lines[0]["leftovers"].as_array().unwrap() {
        let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
        assert_eq!(&seed[start..end], span["text"].as_str().unwrap());
    }
    assert_eq!(lines[1]["script"], "simplified");
    let counts = &lines[1]["counts"];
    assert!(counts["simplified_only"].as_u64().unwrap() > counts["traditional_only"].as_u64().unwrap());

    let out = run_with_stdin(&["detect"], "plain ASCII".as_bytes());
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("<stdin>: not-chinese"));
}

#[test]
fn normalize_runs_the_selected_steps_and_reports_edits() {
    let seed = seed();
    // Default safe steps: the text keeps its lines; half-width commas
    // between Han characters are gone.
    let out = bin().args(["normalize"]).arg(data("seed-dajiang.txt")).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("您訪問的鏈接") && text.contains("近日，臺山市"));
    assert!(!text.contains("近日,"));

    // --strip-boilerplate alone: only boilerplate lines go, nothing else changes.
    let out = bin().args(["normalize", "--strip-boilerplate"]).arg(data("seed-dajiang.txt")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("近日,臺山市") && !text.contains("0750-5524538"));
    assert!(seed.contains(&text));

    // --edits: offsets into the input, every kind named.
    let out = bin().args(["normalize", "--all", "--edits"]).arg(data("seed-dajiang.txt")).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let edits = report["edits"].as_array().unwrap();
    assert!(edits.len() > 20);
    for e in edits {
        let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(&seed[start..end], e["from"].as_str().unwrap());
        assert!(["punctuation_width", "quotes", "whitespace", "boilerplate", "full_width_alphanumeric", "repair"]
            .contains(&e["kind"].as_str().unwrap()));
    }

    // --to hans converts after normalising, in mainland usage (着力).
    let out = bin().args(["normalize", "--all", "--to", "hans"]).arg(data("seed-dajiang.txt")).output().unwrap();
    let hans = String::from_utf8(out.stdout).unwrap();
    assert!(hans.starts_with("近日，台山市大江镇"));
    assert!(hans.contains("大江镇着力发挥") && !hans.contains('著'));
}

#[test]
fn normalize_repair_alone_aligns_with_the_input_and_matches_the_gold() {
    let seed = seed();
    let out = bin().args(["normalize", "--repair"]).arg(data("seed-dajiang.txt")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let repaired = String::from_utf8(out.stdout).unwrap();
    let gold = std::fs::read_to_string(data("seed-dajiang.repaired-hant.txt")).unwrap();
    let (ours, input, gold): (Vec<char>, Vec<char>, Vec<char>) =
        (repaired.chars().collect(), seed.chars().collect(), gold.chars().collect());
    assert_eq!(ours.len(), input.len(), "one character for one");
    assert_eq!(ours.len(), gold.len());
    let differences: Vec<(usize, char, char)> =
        (0..ours.len()).filter(|&i| ours[i] != gold[i]).map(|i| (i, ours[i], gold[i])).collect();
    // Accepted: 注/註 either way, 裏/裡.
    let unexplained: Vec<_> = differences
        .iter()
        .filter(|&&(_, a, b)| {
            let either_note = matches!(a, '注' | '註') && matches!(b, '注' | '註');
            let li = matches!(a, '裏' | '裡') && matches!(b, '裏' | '裡');
            !(either_note || li)
        })
        .collect();
    assert!(unexplained.is_empty(), "{unexplained:?}");
    assert!(differences.len() <= 5, "{differences:?}");

    let out = bin().args(["normalize", "--repair", "--edits"]).arg(data("seed-dajiang.txt")).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let edits = report["edits"].as_array().unwrap();
    assert!(edits.iter().all(|e| e["kind"] == "repair" && e["rule"].as_str().is_some()));
    assert!(edits.len() >= 40);
}

#[test]
fn extract_prints_entities_figures_and_contacts_as_json() {
    let seed = seed();
    let out = bin().args(["extract", "--reference-date", "2022-11-01"]).arg(data("seed-dajiang.txt")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entities = doc["entities"].as_array().unwrap();
    for e in entities {
        let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(&seed[start..end], e["text"].as_str().unwrap());
    }
    assert!(entities.iter().any(|e| e["type"] == "person"
        && e["text"] == "陳健宇"
        && e["title"] == "黨委副書記"
        && e["org"] == "大江鎮黨委"));
    assert!(entities.iter().any(|e| e["type"] == "org" && e["text"] == "臺山市金橋鋁型材廠有限公司"));
    assert!(entities.iter().any(|e| e["type"] == "place" && e["text"] == "江門市"));
    let figures = doc["figures"].as_array().unwrap();
    assert!(figures.len() >= 27);
    for f in figures.iter().chain(doc["contacts"].as_array().unwrap()) {
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(&seed[start..end], f["text"].as_str().unwrap());
    }
    assert!(figures.iter().any(|f| f["text"] == "今年8月" && f["iso"] == "2022-08"));
    assert!(figures.iter().any(|f| f["text"] == "1.5億元" && f["value"] == 150_000_000.0));
    let contacts: Vec<&str> = doc["contacts"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(contacts, ["0750-5524538", "ts686@126.com"]);

    let out = run_with_stdin(&["extract", "--lines"], "共1869人\n無數字\n電話:0750-5524538\n".as_bytes());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["figures"][0]["start"], 3);
    assert_eq!(lines[2]["contacts"][0]["start"], 7);

    let bad = bin().args(["extract", "--reference-date", "2022-13-01"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn utf16_inputs_with_and_without_a_byte_order_mark_convert_like_utf8() {
    let dir = scratch("utf16");
    let text = seed();
    let units: Vec<u16> = text.encode_utf16().collect();
    let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    let expected = Converter::new(Config::T2s).convert(&text).into_owned();
    for (name, bytes, encoding) in [
        ("le-bom.txt", [&[0xFF, 0xFE][..], &le].concat(), "utf-16"),
        ("be-bom.txt", [&[0xFE, 0xFF][..], &be].concat(), "utf-16"),
        ("le.txt", le.clone(), "utf-16"),
        ("le-bom-auto.txt", [&[0xFF, 0xFE][..], &le].concat(), "auto"),
    ] {
        std::fs::write(dir.join(name), &bytes).unwrap();
        let out =
            bin().args(["convert", "-c", "t2s", "--from-encoding", encoding]).arg(dir.join(name)).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{name}");
    }
}
