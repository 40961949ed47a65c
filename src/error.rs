//! The error type of every fallible operation in this crate.

use std::fmt;
use std::path::PathBuf;

/// An error from loading conversion data or converting a stream.
///
/// The [`kind`](Error::kind) says what went wrong; [`Display`](fmt::Display)
/// gives a one-line description naming the file, line or byte offset
/// involved.
///
/// ```
/// use zhtext::{Config, ErrorKind};
///
/// let err = "s2x".parse::<Config>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::UnknownConfig { .. }));
/// assert!(err.to_string().contains("s2t"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    source: Option<std::io::Error>,
}

/// What went wrong, with the details a caller may act on.
///
/// ```
/// use zhtext::{Config, Converter, ErrorKind};
///
/// let mut out = Vec::new();
/// let err = Converter::new(Config::T2s).convert_stream(&b"ok\xff"[..], &mut out).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { offset: 2 });
/// assert_eq!(out, b"ok");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8. `offset` is the byte offset of the
    /// first invalid byte, counted from the start of the input (the whole
    /// stream, not the current buffer). Everything before it has been
    /// converted and written.
    InvalidUtf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: u64,
    },
    /// Reading input or writing output failed; the I/O error is the
    /// [`source`](std::error::Error::source).
    Io,
    /// A configuration name that is not one of OpenCC's 16 configurations.
    UnknownConfig {
        /// The name that was given.
        name: String,
    },
    /// A configuration (OpenCC JSON format) is malformed or uses a feature
    /// this crate does not support.
    InvalidConfig {
        /// Where the configuration came from (a file name or `<string>`).
        origin: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A dictionary file could not be read or parsed.
    InvalidDictionary {
        /// The dictionary's file name.
        file: String,
        /// 1-based line number of the offending line, or 0 for the file.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    InvalidDate {
        /// The text that was given.
        text: String,
    },
    /// A dictionary file that a configuration names could not be found.
    MissingDictionary {
        /// The path that was looked up.
        path: PathBuf,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind, source: None }
    }

    pub(crate) fn io(err: std::io::Error) -> Error {
        Error { kind: ErrorKind::Io, source: Some(err) }
    }

    pub(crate) fn invalid_utf8(offset: u64) -> Error {
        Error::new(ErrorKind::InvalidUtf8 { offset })
    }

    pub(crate) fn invalid_config(origin: &str, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidConfig { origin: origin.to_owned(), reason: reason.into() })
    }

    pub(crate) fn invalid_dictionary(file: &str, line: usize, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidDictionary { file: file.to_owned(), line, reason: reason.into() })
    }

    /// What went wrong.
    ///
    /// ```
    /// use zhtext::{Date, ErrorKind};
    ///
    /// let err = "2023-02-29".parse::<Date>().unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::InvalidDate { .. }));
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The byte offset of the first invalid byte, if this is an
    /// [`ErrorKind::InvalidUtf8`] error.
    ///
    /// ```
    /// use zhtext::{Config, Converter};
    ///
    /// let mut out = Vec::new();
    /// let err = Converter::new(Config::S2t).convert_stream(&b"\xe6\xb1\x89\xff"[..], &mut out).unwrap_err();
    /// assert_eq!(err.utf8_offset(), Some(3));
    /// ```
    #[must_use]
    pub fn utf8_offset(&self) -> Option<u64> {
        match self.kind {
            ErrorKind::InvalidUtf8 { offset } => Some(offset),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8 { offset } => write!(f, "invalid UTF-8 at byte {offset}"),
            ErrorKind::Io => match &self.source {
                Some(err) => write!(f, "I/O error: {err}"),
                None => f.write_str("I/O error"),
            },
            ErrorKind::UnknownConfig { name } => {
                write!(f, "unknown configuration {name:?}; valid: ")?;
                for (i, config) in crate::Config::ALL.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{config}")?;
                }
                Ok(())
            }
            ErrorKind::InvalidConfig { origin, reason } => {
                write!(f, "invalid configuration {origin}: {reason}")
            }
            ErrorKind::InvalidDictionary { file, line: 0, reason } => {
                write!(f, "invalid dictionary {file}: {reason}")
            }
            ErrorKind::InvalidDictionary { file, line, reason } => {
                write!(f, "invalid dictionary {file}, line {line}: {reason}")
            }
            ErrorKind::InvalidDate { text } => write!(f, "invalid date {text:?} (expected YYYY-MM-DD)"),
            ErrorKind::MissingDictionary { path } => {
                write!(f, "dictionary not found: {}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::io(err)
    }
}

/// A `Result` whose error is this crate's [`Error`].
///
/// ```
/// fn config(name: &str) -> zhtext::Result<zhtext::Config> {
///     name.parse()
/// }
/// assert!(config("t2s").is_ok());
/// assert!(config("x").is_err());
/// ```
pub type Result<T> = std::result::Result<T, Error>;
