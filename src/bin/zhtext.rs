//! The `zhtext` command-line tool (feature `cli`).
//!
//! ```text
//! zhtext convert -c t2s                      # standard input to standard output
//! zhtext convert -c s2twp a.txt b.txt -o out/  # files into a directory
//! zhtext convert -c t2s -r docs/ --in-place  # a tree, replaced atomically
//! ```
//!
//! Errors are one line on standard error naming the file, with exit code 1;
//! usage errors exit with 2.

// Not library code: slices below are bounded by the lengths they are cut
// from.
#![allow(clippy::indexing_slicing)]

use std::fs::{self, File};
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use zhtext::{Config, Converter};

#[derive(Parser)]
#[command(name = "zhtext", version, about = "Chinese text in both scripts: OpenCC-exact conversion")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert between Traditional and Simplified Chinese (OpenCC 1.4.2's
    /// 16 configurations, byte-identical output).
    ///
    /// With no PATH, converts standard input to standard output in bounded
    /// memory. With PATHs, writes to OUT (a file for one input file,
    /// otherwise a directory mirroring the inputs), replaces each file with
    /// --in-place, or writes everything to standard output.
    ///
    /// Input is UTF-8 unless --from-encoding says otherwise; output is
    /// always UTF-8. A UTF-8 byte-order mark is kept (converted like any
    /// other character); a UTF-16 or other legacy input's mark is dropped
    /// by decoding.
    Convert(ConvertArgs),
    /// Report the script of each input: Simplified, Traditional, mixed,
    /// ambiguous (only characters both scripts share) or not Chinese, with
    /// counts, the regional standard where it shows, and the byte spans of
    /// minority-script characters (Simplified leftovers in Traditional
    /// text, Traditional characters in Simplified text).
    Detect(DetectArgs),
    /// Normalise text: punctuation and character width, quotes,
    /// compatibility ideographs and whitespace by default; site boilerplate
    /// and script conversion on request. Step flags select exactly those
    /// steps; with none, the default safe steps run; --all runs every step.
    Normalize(NormalizeArgs),
    /// Extract people, organisations, places, figures and contacts as JSON:
    /// one object per input, or per line with --lines (JSON Lines). Shape:
    /// {"entities": [{"type": "person|org|place", "text", "start", "end",
    /// "title", "org"}], "figures": [{"kind", "text", "value", "unit",
    /// "iso", "start", "end", "qualifiers", "upper"}], "contacts": [{"type",
    /// "text", "start", "end"}]}, byte offsets into the document (the
    /// input, or the line); "title" and "org" only for people whose title
    /// the text gives.
    Extract(ExtractArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, or directories with -r. None: standard input.
    paths: Vec<PathBuf>,
    /// Descend into directories.
    #[arg(short, long)]
    recursive: bool,
    /// Each line is a separate document; one JSON object per line.
    #[arg(long)]
    lines: bool,
    /// Resolve relative dates (今年8月) against this date.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<zhtext::Date>,
    /// Input encoding.
    #[arg(long, value_enum, default_value_t = InputEncoding::Utf8)]
    from_encoding: InputEncoding,
}

fn parse_date(s: &str) -> Result<zhtext::Date, String> {
    s.parse().map_err(|e: zhtext::Error| e.to_string())
}

#[derive(clap::Args)]
struct NormalizeArgs {
    /// Files, or directories with -r. None: standard input.
    paths: Vec<PathBuf>,
    /// Descend into directories.
    #[arg(short, long)]
    recursive: bool,
    /// Step: repair Simplified leftovers in machine-converted Traditional
    /// text where a phrase confirms it (聯系→聯繫, 位于→位於); changes
    /// characters one for one, so alone it keeps the text aligned with the
    /// input.
    #[arg(long)]
    repair: bool,
    /// Target standard for --repair.
    #[arg(long, value_enum, default_value_t = RepairStandard::Opencc)]
    repair_target: RepairStandard,
    /// Step: half-width punctuation next to Han characters to full-width,
    /// straight quotes to “ ”, full-width letters and digits to ASCII.
    #[arg(long)]
    width: bool,
    /// Step: remove site boilerplate (dialogs, buttons, navigation,
    /// copyright notices, contact footers) at the start and end.
    #[arg(long)]
    strip_boilerplate: bool,
    /// Step: convert to this script after normalising (hans, hant, tw, hk),
    /// with OpenCC's configurations chosen by the detected script.
    #[arg(long, value_enum)]
    to: Option<Target2>,
    /// Every step (with --to only if given).
    #[arg(long)]
    all: bool,
    /// Print the edits as JSON Lines instead of the text: one object per
    /// input, {"path", "edits": [{"start", "end", "from", "to", "kind"}]},
    /// offsets in bytes of the input.
    #[arg(long)]
    edits: bool,
    /// Input encoding.
    #[arg(long, value_enum, default_value_t = InputEncoding::Utf8)]
    from_encoding: InputEncoding,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RepairStandard {
    Opencc,
    Tw,
    Hk,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Target2 {
    Hans,
    Hant,
    Tw,
    Hk,
}

#[derive(clap::Args)]
struct DetectArgs {
    /// Files, or directories with -r. None: standard input.
    paths: Vec<PathBuf>,
    /// Descend into directories.
    #[arg(short, long)]
    recursive: bool,
    /// One JSON object per input, one per line: {"path", "script",
    /// "confidence", "region", "counts": {"`simplified_only`",
    /// "`traditional_only`", "shared", "`non_han`"}, "leftovers": [{"start",
    /// "end", "text"}]}.
    #[arg(long)]
    json: bool,
    /// Input encoding.
    #[arg(long, value_enum, default_value_t = InputEncoding::Utf8)]
    from_encoding: InputEncoding,
}

#[derive(clap::Args)]
struct ConvertArgs {
    /// Configuration: s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp
    /// t2tw tw2t t2hk hk2t t2jp jp2t.
    #[arg(short, long, value_parser = parse_config)]
    config: Config,
    /// Files, or directories with -r. None: standard input.
    paths: Vec<PathBuf>,
    /// Output file, or directory for several inputs or a directory input.
    #[arg(short, long, conflicts_with = "in_place")]
    output: Option<PathBuf>,
    /// Replace each input file with its conversion (atomically: a temporary
    /// file in the same directory, synced, then renamed over the original).
    #[arg(long)]
    in_place: bool,
    /// Descend into directories.
    #[arg(short, long)]
    recursive: bool,
    /// Files converted in parallel (default: all cores).
    #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Input encoding.
    #[arg(long, value_enum, default_value_t = InputEncoding::Utf8)]
    from_encoding: InputEncoding,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputEncoding {
    /// Guess from the content (chardetng).
    Auto,
    #[value(name = "utf-8")]
    Utf8,
    Big5,
    Gbk,
    Gb18030,
    /// UTF-16, little-endian unless a byte-order mark says otherwise.
    #[value(name = "utf-16")]
    Utf16,
}

fn parse_config(s: &str) -> Result<Config, String> {
    s.parse().map_err(|e: zhtext::Error| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Convert(args) => report(convert(&args)),
        Command::Detect(args) => report(detect(&args)),
        Command::Normalize(args) => report(normalize(&args)),
        Command::Extract(args) => report(extract(&args)),
    }
}

fn report(result: Result<(), Vec<String>>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failures) => {
            for f in failures {
                eprintln!("zhtext: {f}");
            }
            ExitCode::FAILURE
        }
    }
}

fn detect(args: &DetectArgs) -> Result<(), Vec<String>> {
    for_each_input(&args.paths, args.recursive, args.from_encoding, |input, text, out| {
        let name = input.map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
        let p = zhtext::detect(text);
        let script = match p.script() {
            zhtext::Script::Simplified => "simplified",
            zhtext::Script::Traditional => "traditional",
            zhtext::Script::Mixed => "mixed",
            zhtext::Script::Ambiguous => "ambiguous",
            _ => "not-chinese",
        };
        let region = p.region().map(|r| match r {
            zhtext::Region::Taiwan => "tw",
            zhtext::Region::HongKong => "hk",
            _ => "mainland",
        });
        let line = if args.json {
            let leftovers: Vec<serde_json::Value> = p
                .leftovers()
                .iter()
                .map(|r| serde_json::json!({"start": r.start, "end": r.end, "text": text.get(r.clone()).unwrap_or("")}))
                .collect();
            serde_json::json!({
                "path": input.as_ref().map(|p| p.display().to_string()),
                "script": script,
                "confidence": (f64::from(p.confidence()) * 1000.0).round() / 1000.0,
                "region": region,
                "counts": {
                    "simplified_only": p.simplified_only(),
                    "traditional_only": p.traditional_only(),
                    "shared": p.shared(),
                    "non_han": p.non_han(),
                },
                "leftovers": leftovers,
            })
            .to_string()
        } else {
            format!(
                "{name}: {script} (confidence {:.2}{}), {} simplified-only, {} traditional-only, {} shared, {} non-Han, {} leftovers",
                p.confidence(),
                region.map_or(String::new(), |r| format!(", region {r}")),
                p.simplified_only(),
                p.traditional_only(),
                p.shared(),
                p.non_han(),
                p.leftovers().len()
            )
        };
        writeln!(out, "{line}")
    })
}

fn normalize(args: &NormalizeArgs) -> Result<(), Vec<String>> {
    let stepped = args.width || args.strip_boilerplate || args.to.is_some() || args.repair;
    let repair_options = zhtext::RepairOptions::new().target(match args.repair_target {
        RepairStandard::Opencc => zhtext::RepairTarget::Opencc,
        RepairStandard::Tw => zhtext::RepairTarget::Taiwan,
        RepairStandard::Hk => zhtext::RepairTarget::HongKong,
    });
    let do_repair = args.repair || args.all;
    let normalizer = if args.all {
        zhtext::Normalizer::builder().strip_boilerplate(true).build()
    } else if stepped {
        zhtext::Normalizer::builder()
            .punctuation_width(args.width)
            .quotes(args.width.then_some(zhtext::QuoteStyle::Curly))
            .full_width_alphanumerics(args.width)
            .compatibility_ideographs(false)
            .whitespace(false)
            .strip_boilerplate(args.strip_boilerplate)
            .build()
    } else {
        zhtext::Normalizer::new()
    };
    for_each_input(&args.paths, args.recursive, args.from_encoding, |input, text, out| {
        // Repair first: it changes characters one for one, so positions in
        // the repaired text map to the input by character index.
        let (repaired, repair_edits) = if do_repair {
            let r = zhtext::repair(text, &repair_options);
            let edits = r.edits().to_vec();
            (r.into_text(), edits)
        } else {
            (text.to_owned(), Vec::new())
        };
        let to_input: Vec<usize> = {
            let mut map: Vec<usize> = vec![0; repaired.len() + 1];
            let mut input_offsets = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
            for (i, c) in repaired.char_indices().chain(std::iter::once((repaired.len(), ' '))) {
                let at = input_offsets.next().unwrap_or(text.len());
                let end = (i + c.len_utf8()).min(repaired.len() + 1);
                if let Some(slots) = map.get_mut(i..end) {
                    slots.fill(at);
                }
            }
            map
        };
        let normalized = normalizer.normalize(&repaired);
        let written = if args.edits {
            let mut edits: Vec<(usize, serde_json::Value)> = repair_edits
                .iter()
                .map(|e| {
                    let value = serde_json::json!({
                        "start": e.range().start,
                        "end": e.range().end,
                        "from": e.from().to_string(),
                        "to": e.to().to_string(),
                        "kind": "repair",
                        "rule": e.rule(),
                    });
                    (e.range().start, value)
                })
                .collect();
            edits.extend(normalized.edits().iter().map(|e| {
                let (start, end) = (to_input[e.range().start], to_input[e.range().end]);
                let value = serde_json::json!({
                        "start": start,
                        "end": end,
                        "from": text.get(start..end).unwrap_or(""),
                        "to": e.replacement(),
                        "kind": match e.kind() {
                            zhtext::EditKind::PunctuationWidth => "punctuation_width",
                            zhtext::EditKind::Quotes => "quotes",
                            zhtext::EditKind::FullWidthAlphanumeric => "full_width_alphanumeric",
                            zhtext::EditKind::CompatibilityIdeograph => "compatibility_ideograph",
                            zhtext::EditKind::Whitespace => "whitespace",
                            zhtext::EditKind::Boilerplate => "boilerplate",
                            _ => "other",
                        },
                });
                (start, value)
            }));
            edits.sort_by_key(|(start, _)| *start);
            let edits: Vec<serde_json::Value> = edits.into_iter().map(|(_, v)| v).collect();
            let path = input.as_ref().map(|p| p.display().to_string());
            writeln!(out, "{}", serde_json::json!({"path": path, "edits": edits}))
        } else {
            let result = match args.to {
                Some(target) => {
                    let script = zhtext::detect(normalized.text()).script();
                    let traditional = script == zhtext::Script::Traditional;
                    let config = match (target, traditional) {
                        (Target2::Hans, _) => Some(Config::T2s),
                        (Target2::Hant, true) => None,
                        (Target2::Hant, false) => Some(Config::S2t),
                        (Target2::Tw, true) => Some(Config::T2tw),
                        (Target2::Tw, false) => Some(Config::S2tw),
                        (Target2::Hk, true) => Some(Config::T2hk),
                        (Target2::Hk, false) => Some(Config::S2hk),
                    };
                    match config {
                        // To Simplified: mainland usage beyond OpenCC (著力 -> 着力).
                        Some(c @ Config::T2s) => {
                            zhtext::mainland_usage(&Converter::new(c).convert(normalized.text())).into_owned()
                        }
                        Some(c) => Converter::new(c).convert(normalized.text()).into_owned(),
                        None => normalized.into_text(),
                    }
                }
                None => normalized.into_text(),
            };
            out.write_all(result.as_bytes())
        };
        written
    })
}

fn extract(args: &ExtractArgs) -> Result<(), Vec<String>> {
    let extractor = match args.reference_date {
        Some(d) => zhtext::Extractor::new().reference_date(d),
        None => zhtext::Extractor::new(),
    };
    for_each_input(&args.paths, args.recursive, args.from_encoding, |_, text, out| {
        let documents: Vec<&str> =
            if args.lines { text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect() } else { vec![text] };
        let count = documents.len();
        for (i, doc) in documents.into_iter().enumerate() {
            // A trailing newline does not make an extra empty document.
            if args.lines && i + 1 == count && doc.is_empty() {
                continue;
            }
            writeln!(out, "{}", extraction_json(doc, &extractor.extract(doc)))?;
        }
        Ok(())
    })
}

/// A kind's name as the library serialises it (`count`, `at_least`, `phone`,
/// `person` ...): one spelling for the library's JSON and the tool's.
fn kind_name<T: serde::Serialize>(kind: &T) -> serde_json::Value {
    serde_json::to_value(kind).unwrap_or_default()
}

fn extraction_json(text: &str, found: &zhtext::Extraction) -> serde_json::Value {
    let slice = |r: std::ops::Range<usize>| text.get(r).unwrap_or("");
    let figures: Vec<serde_json::Value> = found
        .figures()
        .iter()
        .map(|f| {
            let qualifiers: Vec<serde_json::Value> = f.qualifiers().iter().map(kind_name).collect();
            serde_json::json!({
                "kind": kind_name(&f.kind()),
                "text": slice(f.range()),
                "value": f.value(),
                "unit": f.unit(),
                "iso": f.iso(),
                "start": f.range().start,
                "end": f.range().end,
                "qualifiers": qualifiers,
                "upper": f.upper(),
            })
        })
        .collect();
    let contacts: Vec<serde_json::Value> = found
        .contacts()
        .iter()
        .map(|c| {
            serde_json::json!({
                "type": kind_name(&c.kind()),
                "text": slice(c.range()),
                "start": c.range().start,
                "end": c.range().end,
            })
        })
        .collect();
    let entities: Vec<serde_json::Value> = found
        .entities()
        .iter()
        .map(|e| {
            let mut object = serde_json::json!({
                "type": kind_name(&e.kind()),
                "text": slice(e.range()),
                "start": e.range().start,
                "end": e.range().end,
            });
            if let Some(title) = e.title() {
                object["title"] = slice(title).into();
            }
            if let Some(org) = e.org() {
                object["org"] = slice(org).into();
            }
            object
        })
        .collect();
    serde_json::json!({ "entities": entities, "figures": figures, "contacts": contacts })
}

/// Reads each input (the PATHs, directories expanded with `recursive`, or
/// standard input) as text and hands it to `each` with its path and the
/// shared standard output. An input that cannot be read is reported and
/// skipped; an output error stops everything (a closed pipe quietly).
fn for_each_input(
    paths: &[PathBuf],
    recursive: bool,
    encoding: InputEncoding,
    mut each: impl FnMut(Option<&Path>, &str, &mut dyn Write) -> io::Result<()>,
) -> Result<(), Vec<String>> {
    let inputs: Vec<Option<PathBuf>> = if paths.is_empty() {
        vec![None]
    } else {
        expand(paths, recursive).map_err(|e| vec![e])?.into_iter().map(|(p, _)| Some(p)).collect()
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failures = Vec::new();
    for input in inputs {
        let name = input.as_ref().map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
        let text = match read_text(input.as_deref(), encoding) {
            Ok(text) => text,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        match each(input.as_deref(), &text, &mut out) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(vec![format!("<stdout>: {}", io_reason(&e))]),
        }
    }
    let _ = out.flush();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures)
    }
}

/// A whole input as UTF-8 text.
fn read_text(path: Option<&Path>, encoding: InputEncoding) -> Result<String, String> {
    let reader: Box<dyn Read> = match path {
        Some(p) => Box::new(File::open(p).map_err(|e| io_reason(&e))?),
        None => Box::new(io::stdin().lock()),
    };
    let mut bytes = Vec::new();
    let mut reader: Box<dyn Read> = match encoding {
        InputEncoding::Utf8 => reader,
        other => Box::new(DecodingReader::new(reader, other).map_err(|e| io_reason(&e))?),
    };
    reader.read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    String::from_utf8(bytes).map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

/// One file's job: where to read, where to write.
struct Job {
    input: PathBuf,
    target: Target,
}

enum Target {
    /// Write to this path (atomically).
    File(PathBuf),
    /// Replace the input.
    InPlace,
    /// Standard output, in input order.
    Stdout,
}

fn convert(args: &ConvertArgs) -> Result<(), Vec<String>> {
    let converter = Converter::new(args.config);
    if args.paths.is_empty() {
        if args.in_place {
            return Err(vec!["--in-place needs PATHs".to_owned()]);
        }
        return convert_stdin(&converter, args).map_err(|e| vec![e]);
    }
    let jobs = plan(args).map_err(|e| vec![e])?;
    let total: u64 = jobs.iter().filter_map(|j| fs::metadata(&j.input).ok()).map(|m| m.len()).sum();
    let progress = progress_bar(Some(total));
    let workers =
        args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get), usize::from);
    let to_stdout = jobs.iter().any(|j| matches!(j.target, Target::Stdout));
    let workers = if to_stdout { 1 } else { workers.min(jobs.len()).max(1) };

    let next = AtomicUsize::new(0);
    let done_bytes = AtomicU64::new(0);
    let failures = Mutex::new(Vec::new());
    let stdout = Mutex::new(());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let result = {
                    let _guard = matches!(job.target, Target::Stdout).then(|| stdout.lock());
                    run_job(&converter, job, args.from_encoding)
                };
                if let Err(e) = result {
                    if let Ok(mut f) = failures.lock() {
                        f.push((i, format!("{}: {e}", job.input.display())));
                    }
                }
                let size = fs::metadata(&job.input).map_or(0, |m| m.len());
                let done = done_bytes.fetch_add(size, Ordering::Relaxed) + size;
                if let Some(p) = &progress {
                    p.set_position(done);
                }
            });
        }
    });
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    let mut failures = failures.into_inner().unwrap_or_default();
    failures.sort();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.into_iter().map(|(_, f)| f).collect())
    }
}

/// Expands the PATHs into jobs and decides each one's output.
fn plan(args: &ConvertArgs) -> Result<Vec<Job>, String> {
    let jobs = expand(&args.paths, args.recursive)?;
    let any_dir = jobs.iter().any(|(_, rel)| rel.is_some());
    let into_dir = match &args.output {
        Some(out) => any_dir || jobs.len() > 1 || out.is_dir(),
        None => false,
    };
    Ok(jobs
        .into_iter()
        .map(|(input, rel)| {
            let target = match &args.output {
                _ if args.in_place => Target::InPlace,
                None => Target::Stdout,
                Some(out) if into_dir => {
                    let rel = rel.unwrap_or_else(|| input.file_name().map(PathBuf::from).unwrap_or_default());
                    Target::File(out.join(rel))
                }
                Some(out) => Target::File(out.clone()),
            };
            Job { input, target }
        })
        .collect())
}

/// The files named by `paths`, with directories expanded (sorted) when
/// `recursive`; each with its path relative to the directory it came from.
fn expand(paths: &[PathBuf], recursive: bool) -> Result<Vec<(PathBuf, Option<PathBuf>)>, String> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
        if meta.is_dir() {
            if !recursive {
                return Err(format!("{}: is a directory (use -r)", path.display()));
            }
            let mut found = Vec::new();
            walk(path, &mut found).map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
            found.sort();
            for file in found {
                let rel = file.strip_prefix(path).map_or_else(|_| file.clone(), Path::to_path_buf);
                files.push((file, Some(rel)));
            }
        } else {
            files.push((path.clone(), None));
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), files)?;
        } else if kind.is_file() {
            files.push(entry.path());
        }
    }
    Ok(())
}

fn run_job(converter: &Converter, job: &Job, encoding: InputEncoding) -> Result<(), String> {
    let input = File::open(&job.input).map_err(|e| io_reason(&e))?;
    match &job.target {
        Target::Stdout => {
            let out = io::stdout().lock();
            convert_reader(converter, input, BufWriter::new(out), encoding)
        }
        Target::File(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), io_reason(&e)))?;
            }
            atomic_write(path, None, |w| convert_reader(converter, input, w, encoding))
        }
        Target::InPlace => {
            let permissions = fs::metadata(&job.input).map(|m| m.permissions()).ok();
            atomic_write(&job.input, permissions.as_ref(), |w| convert_reader(converter, input, w, encoding))
        }
    }
}

/// Writes through `write` into a temporary file next to `path`, syncs it
/// and renames it over `path`. On any failure the temporary file is
/// removed and `path` is untouched.
fn atomic_write(
    path: &Path,
    permissions: Option<&fs::Permissions>,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<(), String>,
) -> Result<(), String> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp =
        dir.join(format!(".{name}.zhtext-{}-{}.tmp", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    let file = File::create(&tmp).map_err(|e| format!("cannot write in {}: {}", dir.display(), io_reason(&e)))?;
    let mut writer = BufWriter::new(file);
    let result = write(&mut writer)
        .and_then(|()| writer.flush().map_err(|e| io_reason(&e)))
        .and_then(|()| writer.get_ref().sync_all().map_err(|e| io_reason(&e)))
        .and_then(|()| match permissions {
            Some(p) => fs::set_permissions(&tmp, p.clone()).map_err(|e| io_reason(&e)),
            None => Ok(()),
        })
        .and_then(|()| {
            fs::rename(&tmp, path).map_err(|e| format!("cannot replace {}: {}", path.display(), io_reason(&e)))
        });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn convert_stdin(converter: &Converter, args: &ConvertArgs) -> Result<(), String> {
    let out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    convert_reader(converter, io::stdin().lock(), out, args.from_encoding).map_err(|e| format!("<stdin>: {e}"))
}

fn convert_reader<R: Read, W: Write>(
    converter: &Converter,
    input: R,
    mut out: W,
    encoding: InputEncoding,
) -> Result<(), String> {
    let result = match encoding {
        InputEncoding::Utf8 => converter.convert_stream(input, &mut out).map(|_| ()),
        other => {
            let reader = DecodingReader::new(input, other).map_err(|e| io_reason(&e))?;
            converter.convert_stream(reader, &mut out).map(|_| ())
        }
    };
    // A reader that stopped listening (| head) is not an error.
    let broken_pipe = |e: &zhtext::Error| {
        std::error::Error::source(e)
            .and_then(|s| s.downcast_ref::<io::Error>())
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    };
    match result {
        Err(e) if broken_pipe(&e) => return Ok(()),
        other => other.map_err(|e| e.to_string())?,
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| io_reason(&e)),
    }
}

/// Decodes a legacy encoding to UTF-8 as it is read.
struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    encoding: &'static encoding_rs::Encoding,
    raw: Vec<u8>,
    raw_start: usize,
    raw_end: usize,
    raw_offset: u64,
    eof: bool,
    /// Decoded bytes not yet handed out.
    pending: Vec<u8>,
    pending_start: usize,
    /// The decoder has seen the end of the input.
    finished: bool,
}

impl<R: Read> DecodingReader<R> {
    fn new(mut inner: R, encoding: InputEncoding) -> io::Result<DecodingReader<R>> {
        let mut raw = vec![0u8; 1 << 16];
        let mut raw_end = 0;
        // Enough for detection: fill the first buffer.
        while raw_end < raw.len() {
            let n = inner.read(&mut raw[raw_end..])?;
            if n == 0 {
                break;
            }
            raw_end += n;
        }
        let eof = raw_end < raw.len();
        let chosen = match encoding {
            InputEncoding::Big5 => encoding_rs::BIG5,
            InputEncoding::Gbk => encoding_rs::GBK,
            InputEncoding::Gb18030 => encoding_rs::GB18030,
            InputEncoding::Utf16 => encoding_rs::UTF_16LE,
            InputEncoding::Utf8 => encoding_rs::UTF_8,
            InputEncoding::Auto => {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(&raw[..raw_end], eof);
                detector.guess(None, true)
            }
        };
        let (bom, _) = encoding_rs::Encoding::for_bom(&raw[..raw_end]).unwrap_or((chosen, 0));
        let encoding = if matches!(encoding, InputEncoding::Auto | InputEncoding::Utf16) { bom } else { chosen };
        let decoder = if encoding == encoding_rs::UTF_8 {
            // Keep a UTF-8 BOM, as the plain UTF-8 path does.
            encoding.new_decoder_without_bom_handling()
        } else {
            encoding.new_decoder_with_bom_removal()
        };
        Ok(DecodingReader {
            inner,
            decoder,
            encoding,
            raw,
            raw_start: 0,
            raw_end,
            raw_offset: 0,
            eof,
            pending: Vec::with_capacity(1 << 17),
            pending_start: 0,
            finished: false,
        })
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pending_start == self.pending.len() {
            if self.raw_start == self.raw_end && !self.eof {
                let n = self.inner.read(&mut self.raw)?;
                self.raw_start = 0;
                self.raw_end = n;
                self.eof = n == 0;
            }
            if self.raw_start == self.raw_end && self.eof {
                if self.finished {
                    return Ok(0);
                }
                self.finished = true;
                // Flush the decoder's state at the end.
                self.pending.clear();
                self.pending_start = 0;
                self.pending.resize(16, 0);
                let (result, _, written) =
                    self.decoder.decode_to_utf8_without_replacement(&[], &mut self.pending, true);
                self.pending.truncate(written);
                if let encoding_rs::DecoderResult::Malformed(..) = result {
                    return Err(self.malformed());
                }
                if written == 0 {
                    return Ok(0);
                }
                break;
            }
            let src = &self.raw[self.raw_start..self.raw_end];
            self.pending.clear();
            self.pending_start = 0;
            let room = self.decoder.max_utf8_buffer_length_without_replacement(src.len()).unwrap_or(src.len() * 3 + 16);
            self.pending.resize(room, 0);
            let (result, read, written) =
                self.decoder.decode_to_utf8_without_replacement(src, &mut self.pending, false);
            self.pending.truncate(written);
            self.raw_start += read;
            self.raw_offset += read as u64;
            if let encoding_rs::DecoderResult::Malformed(..) = result {
                return Err(self.malformed());
            }
        }
        let n = buf.len().min(self.pending.len() - self.pending_start);
        buf[..n].copy_from_slice(&self.pending[self.pending_start..self.pending_start + n]);
        self.pending_start += n;
        Ok(n)
    }
}

impl<R> DecodingReader<R> {
    fn malformed(&self) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("invalid {} near byte {}", self.encoding.name(), self.raw_offset),
        )
    }
}

fn progress_bar(total: Option<u64>) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = match total {
        Some(t) => ProgressBar::new(t),
        None => ProgressBar::new_spinner(),
    };
    let style = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

/// An I/O error as a short reason, without Rust's "(os error N)" noise.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
