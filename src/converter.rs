//! The public conversion API: [`Converter`] and its builder.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::config::Config;
use crate::dict::{embedded, parse_text_dict, ConfigSpec, DictSpec, TextDict};
use crate::engine::pipeline::{Parts, Pipeline, Segmentation};
use crate::engine::stream::{self, StreamStats};
use crate::engine::trie::Trie;
use crate::error::{Error, ErrorKind, Result};

/// Converts text with one OpenCC configuration.
///
/// A `Converter` is immutable, cheap to clone and shareable between threads.
/// The compiled dictionaries of a built-in configuration are built once per
/// process, on first use, and shared by every converter of that
/// configuration.
///
/// ```
/// use zhtext::{Config, Converter};
///
/// let s2t = Converter::new(Config::S2t);
/// assert_eq!(s2t.convert("鼠标和软件"), "鼠標和軟件");
/// let s2twp = Converter::new(Config::S2twp);
/// assert_eq!(s2twp.convert("鼠标和软件"), "滑鼠和軟體");
/// ```
#[derive(Clone)]
pub struct Converter {
    pipeline: Arc<Pipeline>,
    config: Option<Config>,
}

impl std::fmt::Debug for Converter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Converter").field("config", &self.config).finish_non_exhaustive()
    }
}

impl Converter {
    /// A converter for a built-in configuration, with OpenCC's default
    /// options (tofu-risk dictionaries included, as in OpenCC's Python API
    /// and test suite).
    ///
    /// # Panics
    ///
    /// Only if the dictionaries compiled into the crate fail to parse, which
    /// the crate's tests rule out for every configuration. Use
    /// [`Converter::try_new`] to get that as an error instead.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let t2s = Converter::new(Config::T2s);
    /// assert_eq!(t2s.convert("漢字轉換"), "汉字转换");
    /// ```
    #[must_use]
    pub fn new(config: Config) -> Converter {
        match Converter::try_new(config) {
            Ok(converter) => converter,
            #[allow(clippy::panic)]
            Err(err) => panic!("built-in configuration {config} failed to load: {err}"),
        }
    }

    /// Like [`Converter::new`], returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDictionary`] or [`ErrorKind::InvalidConfig`] if
    /// the embedded data is corrupt.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let s2t = Converter::try_new(Config::S2t).expect("the built-in data loads");
    /// assert_eq!(s2t.convert("汉字"), "漢字");
    /// ```
    pub fn try_new(config: Config) -> Result<Converter> {
        Converter::builder(config).build()
    }

    /// A builder for a built-in configuration with options.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let converter = Converter::builder(Config::S2twp).override_phrase("鼠标", "滑鼠").build().expect("builds");
    /// assert_eq!(converter.convert("鼠标"), "滑鼠");
    /// ```
    #[must_use]
    pub fn builder(config: Config) -> ConverterBuilder {
        ConverterBuilder { source: Source::Builtin(config), include_tofu: true, overrides: Vec::new(), shared: true }
    }

    /// The built-in configuration this converter was made from, if any.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// assert_eq!(Converter::new(Config::Hk2s).config(), Some(Config::Hk2s));
    /// ```
    #[must_use]
    pub fn config(&self) -> Option<Config> {
        self.config
    }

    /// Converts `input`. The result borrows `input` when nothing changes.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use zhtext::{Config, Converter};
    ///
    /// let t2s = Converter::new(Config::T2s);
    /// assert_eq!(t2s.convert("漢字"), "汉字");
    /// assert!(matches!(t2s.convert("plain ASCII"), Cow::Borrowed(_)));
    /// ```
    #[must_use]
    pub fn convert<'a>(&self, input: &'a str) -> Cow<'a, str> {
        let mut out = String::new();
        self.convert_into(input, &mut out);
        if out == input {
            Cow::Borrowed(input)
        } else {
            Cow::Owned(out)
        }
    }

    /// Converts `input`, appending the result to `out` (which is not
    /// cleared), so a caller can reuse one buffer for many conversions.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let converter = Converter::new(Config::S2tw);
    /// let mut out = String::new();
    /// for line in ["软件", "内存"] {
    ///     out.clear();
    ///     converter.convert_into(line, &mut out);
    ///     assert!(!out.is_empty());
    /// }
    /// assert_eq!(out, "內存");
    /// ```
    pub fn convert_into(&self, input: &str, out: &mut String) {
        out.reserve(input.len() + input.len() / 8);
        self.pipeline.convert_into(input, out);
    }

    /// Converts everything `reader` yields and writes it to `writer`, in
    /// bounded memory. The output is byte-identical to
    /// [`convert`](Converter::convert) of the whole input.
    ///
    /// The stream is converted in pieces cut where conversion provably
    /// splits: after a character that no dictionary key contains (most
    /// punctuation, line breaks, ASCII), or, in text without such
    /// characters, at a word boundary that no lookahead can move. Memory is
    /// the 64 KiB read buffer plus the distance between such cuts, a few
    /// characters in natural text; 256 KiB of text with neither kind of cut
    /// point would be held until one appears.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let mut out = Vec::new();
    /// Converter::new(Config::T2s).convert_stream("漢字。".as_bytes(), &mut out)?;
    /// assert_eq!(out, "汉字。".as_bytes());
    /// # Ok::<(), zhtext::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidUtf8`] with the offset of the first invalid byte
    /// in the whole stream (everything before it has been converted and
    /// written); [`ErrorKind::Io`] when reading or writing fails.
    pub fn convert_stream<R: Read, W: Write>(&self, reader: R, writer: W) -> Result<StreamStats> {
        stream::convert_stream(&self.pipeline, reader, writer)
    }

    /// Loads a user's OpenCC-format JSON configuration file. Dictionary
    /// files it names are looked up next to it (a `.ocd2`/`.ocd` name also
    /// finds the `.txt` of the same stem), then among OpenCC's built-in
    /// dictionaries.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] if the file cannot be read, and the errors of
    /// [`ConverterBuilder::build`].
    ///
    /// ```
    /// # fn main() -> zhtext::Result<()> {
    /// let dir = std::env::temp_dir().join(format!("zhtext-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("mine.txt"), "电脑\t計算機\n")?;
    /// let json = r#"{"segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "mine.txt"}},
    ///   "conversion_chain": [{"dict": {"type": "group", "dicts": [
    ///     {"type": "text", "file": "mine.txt"}, {"type": "ocd2", "file": "STCharacters.ocd2"}]}}]}"#;
    /// std::fs::write(dir.join("mine.json"), json)?;
    /// let converter = zhtext::Converter::from_opencc_file(dir.join("mine.json"))?;
    /// assert_eq!(converter.convert("电脑软件"), "計算機軟件");
    /// assert_eq!(converter.config(), None);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_opencc_file(path: impl AsRef<Path>) -> Result<Converter> {
        ConverterBuilder::from_opencc_file(path)?.build()
    }
}

enum Source {
    Builtin(Config),
    Json { text: String, origin: String, dir: PathBuf },
}

/// Options for a [`Converter`].
///
/// ```
/// use zhtext::{Config, Converter};
///
/// let converter = Converter::builder(Config::S2t)
///     .override_phrase("内存", "記憶體")
///     .build()?;
/// assert_eq!(converter.convert("内存不足"), "記憶體不足");
/// # Ok::<(), zhtext::Error>(())
/// ```
pub struct ConverterBuilder {
    source: Source,
    include_tofu: bool,
    overrides: Vec<(String, String)>,
    shared: bool,
}

impl ConverterBuilder {
    /// A builder for an OpenCC JSON configuration given as text; its
    /// dictionary files are looked up in `dictionary_dir`, then among the
    /// built-in dictionaries.
    ///
    /// ```
    /// # fn main() -> zhtext::Result<()> {
    /// let dir = std::env::temp_dir().join(format!("zhtext-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("mine.txt"), "电脑\t計算機\n")?;
    /// let json = r#"{"segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "mine.txt"}},
    ///   "conversion_chain": [{"dict": {"type": "group", "dicts": [
    ///     {"type": "text", "file": "mine.txt"}, {"type": "ocd2", "file": "STCharacters.ocd2"}]}}]}"#;
    /// let converter = zhtext::ConverterBuilder::from_opencc_json(json, &dir).build()?;
    /// assert_eq!(converter.convert("电脑"), "計算機");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_opencc_json(json: impl Into<String>, dictionary_dir: impl Into<PathBuf>) -> ConverterBuilder {
        ConverterBuilder {
            source: Source::Json { text: json.into(), origin: "<string>".to_owned(), dir: dictionary_dir.into() },
            include_tofu: true,
            overrides: Vec::new(),
            shared: true,
        }
    }

    /// A builder for an OpenCC JSON configuration file.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] if the file cannot be read.
    ///
    /// ```
    /// # fn main() -> zhtext::Result<()> {
    /// let dir = std::env::temp_dir().join(format!("zhtext-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("mine.txt"), "电脑\t計算機\n")?;
    /// let json = r#"{"segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "mine.txt"}},
    ///   "conversion_chain": [{"dict": {"type": "group", "dicts": [
    ///     {"type": "text", "file": "mine.txt"}, {"type": "ocd2", "file": "STCharacters.ocd2"}]}}]}"#;
    /// std::fs::write(dir.join("mine.json"), json)?;
    /// let converter = zhtext::ConverterBuilder::from_opencc_file(dir.join("mine.json"))?.override_phrase("软件", "軟體").build()?;
    /// assert_eq!(converter.convert("电脑软件"), "計算機軟體");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_opencc_file(path: impl AsRef<Path>) -> Result<ConverterBuilder> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(Error::io)?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(ConverterBuilder {
            source: Source::Json { text, origin: path.display().to_string(), dir },
            include_tofu: true,
            overrides: Vec::new(),
            shared: true,
        })
    }

    /// Whether dictionaries marked `may_output_tofu` (characters fonts often
    /// lack, such as `TSCharactersExt` in the `*2s` configurations) are
    /// used. Default `true`, as OpenCC's Python API and test suite; OpenCC's
    /// command-line tool defaults to `false`.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let without = Converter::builder(Config::T2s).include_tofu_risk_dictionaries(false).build().expect("builds");
    /// assert_eq!(without.convert("㑮"), "㑮");
    /// ```
    #[must_use]
    pub fn include_tofu_risk_dictionaries(mut self, include: bool) -> ConverterBuilder {
        self.include_tofu = include;
        self
    }

    /// Whether a built-in configuration uses the process-wide copy of its
    /// compiled dictionaries (default `true`: loaded on first use, kept for
    /// the life of the process). With `false` the converter loads a private
    /// copy, freed when its last clone is dropped.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// // A private copy of the automata, e.g. to measure loading.
    /// let private = Converter::builder(Config::T2s).shared(false).build().expect("builds");
    /// assert_eq!(private.convert("漢字"), "汉字");
    /// ```
    #[must_use]
    pub fn shared(mut self, shared: bool) -> ConverterBuilder {
        self.shared = shared;
        self
    }

    /// Adds a phrase that converts to `to` wherever it occurs, before and
    /// instead of every dictionary of the configuration. Overrides match
    /// longest first; a later override of the same phrase replaces an
    /// earlier one.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let converter = Converter::builder(Config::S2t).override_phrase("软件", "軟件").build().expect("builds");
    /// assert_eq!(converter.convert("软件和硬件"), "軟件和硬件");
    /// ```
    #[must_use]
    pub fn override_phrase(mut self, from: impl Into<String>, to: impl Into<String>) -> ConverterBuilder {
        self.overrides.push((from.into(), to.into()));
        self
    }

    /// Adds several overrides; see [`override_phrase`](Self::override_phrase).
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let converter =
    ///     Converter::builder(Config::S2t).overrides([("鼠标", "滑鼠"), ("软件", "軟體")]).build().expect("builds");
    /// assert_eq!(converter.convert("鼠标和软件"), "滑鼠和軟體");
    /// ```
    #[must_use]
    pub fn overrides<I, K, V>(mut self, pairs: I) -> ConverterBuilder
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        self.overrides.extend(pairs.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Builds the converter.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] for a malformed configuration,
    /// [`ErrorKind::MissingDictionary`] or [`ErrorKind::InvalidDictionary`]
    /// for a dictionary that cannot be found or parsed, and
    /// [`ErrorKind::InvalidDictionary`] for an override with an empty phrase.
    ///
    /// ```
    /// use zhtext::{Config, Converter, ErrorKind};
    ///
    /// let err = Converter::builder(Config::S2t).override_phrase("", "x").build().unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::InvalidDictionary { .. }));
    /// ```
    pub fn build(self) -> Result<Converter> {
        let overrides = if self.overrides.is_empty() {
            None
        } else {
            let mut entries: Vec<(String, String)> = Vec::new();
            for (from, to) in self.overrides.into_iter().rev() {
                if from.is_empty() {
                    return Err(Error::invalid_dictionary("<overrides>", 0, "empty phrase"));
                }
                if !entries.iter().any(|(k, _)| *k == from) {
                    entries.push((from, to));
                }
            }
            let spec = DictSpec::Inline { entries };
            Some(Arc::new(Trie::build(&spec, &mut |_| Ok(Arc::new(TextDict::default())))?))
        };
        match self.source {
            Source::Builtin(config) => {
                let base = if self.shared {
                    builtin(config, self.include_tofu)?
                } else {
                    Arc::new(crate::engine::builtin::private_pipeline(config, self.include_tofu)?)
                };
                let pipeline = match overrides {
                    None => base,
                    Some(o) => Arc::new(Pipeline::new(Parts { overrides: Some(o), ..base.parts() })?),
                };
                Ok(Converter { pipeline, config: Some(config) })
            }
            Source::Json { text, origin, dir } => {
                let spec = ConfigSpec::parse(&text, &origin, self.include_tofu)?;
                let mut load = |file: &str| load_user_dict(&dir, file);
                let pipeline = compile(&spec, &mut load, overrides)?;
                Ok(Converter { pipeline: Arc::new(pipeline), config: None })
            }
        }
    }
}

type Loader<'a> = dyn FnMut(&str) -> Result<Arc<TextDict>> + 'a;

fn compile(spec: &ConfigSpec, load: &mut Loader<'_>, overrides: Option<Arc<Trie>>) -> Result<Pipeline> {
    let mut trie = |s: &DictSpec| -> Result<Arc<Trie>> { Ok(Arc::new(Trie::build(s, load)?)) };
    let normalization = spec.normalization.iter().map(&mut trie).collect::<Result<Vec<_>>>()?;
    let segmentation = spec.segmentation.as_ref().map(&mut trie).transpose()?.map(Segmentation::Dictionary);
    let fused = spec.first_stage_rest();
    let skip = usize::from(fused.is_some());
    let chain = spec.chain.iter().skip(skip).map(&mut trie).collect::<Result<Vec<_>>>()?;
    let first_stage_rest = match fused {
        Some(rest) => Some(rest.as_ref().map(&mut trie).transpose()?),
        None => None,
    };
    Pipeline::new(Parts { normalization, segmentation, chain, first_stage_rest, runs: None, overrides })
}

/// The shared pipeline of a built-in configuration.
fn builtin(config: Config, include_tofu: bool) -> Result<Arc<Pipeline>> {
    crate::engine::builtin::pipeline(config, include_tofu)
}

/// A built-in dictionary, parsed once per process.
fn builtin_dict(file: &str) -> Result<Arc<TextDict>> {
    static DICTS: OnceLock<Mutex<HashMap<&'static str, Arc<TextDict>>>> = OnceLock::new();
    let Some((name, text)) = embedded::lookup(file) else {
        return Err(Error::new(ErrorKind::MissingDictionary { path: PathBuf::from(file) }));
    };
    let cache = DICTS.get_or_init(Default::default);
    if let Some(dict) = cache.lock().ok().and_then(|c| c.get(name).cloned()) {
        return Ok(dict);
    }
    let dict = Arc::new(parse_text_dict(name, text)?);
    if let Ok(mut c) = cache.lock() {
        c.insert(name, Arc::clone(&dict));
    }
    Ok(dict)
}

fn load_user_dict(dir: &Path, file: &str) -> Result<Arc<TextDict>> {
    let direct = dir.join(file);
    let stem_txt = Path::new(file).with_extension("txt");
    let candidates = [direct.clone(), dir.join(&stem_txt)];
    for path in &candidates {
        let is_text = path.extension().is_some_and(|e| e == "txt");
        if is_text && path.is_file() {
            let text = std::fs::read_to_string(path).map_err(Error::io)?;
            return Ok(Arc::new(parse_text_dict(&path.display().to_string(), &text)?));
        }
    }
    if embedded::lookup(file).is_some() {
        return builtin_dict(file);
    }
    if direct.is_file() {
        return Err(Error::invalid_dictionary(
            &direct.display().to_string(),
            0,
            "binary OpenCC dictionaries are not supported; provide the .txt form",
        ));
    }
    Err(Error::new(ErrorKind::MissingDictionary { path: direct }))
}
