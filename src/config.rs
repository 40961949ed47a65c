//! The 16 built-in OpenCC configurations.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// One of OpenCC 1.4.2's 16 built-in conversion configurations.
///
/// The names are OpenCC's own (`s2t`, `tw2sp`, ...), accepted by
/// [`FromStr`] (with or without a `.json` suffix) and produced by
/// [`Display`](fmt::Display).
///
/// ```
/// use zhtext::Config;
///
/// let config: Config = "s2twp".parse()?;
/// assert_eq!(config, Config::S2twp);
/// assert_eq!(config.to_string(), "s2twp");
/// assert_eq!(Config::ALL.len(), 16);
/// # Ok::<(), zhtext::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Config {
    /// Simplified Chinese to Traditional Chinese (OpenCC standard).
    S2t,
    /// Traditional Chinese (OpenCC standard) to Simplified Chinese.
    T2s,
    /// Simplified Chinese to Traditional Chinese (Taiwan standard).
    S2tw,
    /// Traditional Chinese (Taiwan standard) to Simplified Chinese.
    Tw2s,
    /// Simplified Chinese to Traditional Chinese (Taiwan standard, with Taiwan phrases).
    S2twp,
    /// Traditional Chinese (Taiwan standard) to Simplified Chinese (with mainland phrases).
    Tw2sp,
    /// Simplified Chinese to Traditional Chinese (Hong Kong variant).
    S2hk,
    /// Traditional Chinese (Hong Kong variant) to Simplified Chinese.
    Hk2s,
    /// Simplified Chinese to Traditional Chinese (Hong Kong variant, with Hong Kong phrases).
    S2hkp,
    /// Traditional Chinese (Hong Kong variant) to Simplified Chinese (with mainland phrases).
    Hk2sp,
    /// Traditional Chinese (OpenCC standard) to Taiwan standard.
    T2tw,
    /// Traditional Chinese (Taiwan standard) to OpenCC standard.
    Tw2t,
    /// Traditional Chinese (OpenCC standard) to Hong Kong variant.
    T2hk,
    /// Traditional Chinese (Hong Kong variant) to OpenCC standard.
    Hk2t,
    /// Traditional Chinese characters (Kyūjitai) to New Japanese Kanji (Shinjitai).
    T2jp,
    /// New Japanese Kanji (Shinjitai) to Traditional Chinese characters (Kyūjitai).
    Jp2t,
}

impl Config {
    /// All 16 configurations, in OpenCC's documentation order.
    ///
    /// ```
    /// use zhtext::Config;
    ///
    /// assert_eq!(Config::ALL.len(), 16);
    /// assert!(Config::ALL.contains(&Config::S2twp));
    /// ```
    pub const ALL: [Config; 16] = [
        Config::S2t,
        Config::T2s,
        Config::S2tw,
        Config::Tw2s,
        Config::S2twp,
        Config::Tw2sp,
        Config::S2hk,
        Config::Hk2s,
        Config::S2hkp,
        Config::Hk2sp,
        Config::T2tw,
        Config::Tw2t,
        Config::T2hk,
        Config::Hk2t,
        Config::T2jp,
        Config::Jp2t,
    ];

    /// OpenCC's name of this configuration, e.g. `"s2twp"`.
    ///
    /// ```
    /// use zhtext::Config;
    ///
    /// assert_eq!(Config::Tw2sp.name(), "tw2sp");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Config::S2t => "s2t",
            Config::T2s => "t2s",
            Config::S2tw => "s2tw",
            Config::Tw2s => "tw2s",
            Config::S2twp => "s2twp",
            Config::Tw2sp => "tw2sp",
            Config::S2hk => "s2hk",
            Config::Hk2s => "hk2s",
            Config::S2hkp => "s2hkp",
            Config::Hk2sp => "hk2sp",
            Config::T2tw => "t2tw",
            Config::Tw2t => "tw2t",
            Config::T2hk => "t2hk",
            Config::Hk2t => "hk2t",
            Config::T2jp => "t2jp",
            Config::Jp2t => "jp2t",
        }
    }

    /// The position of this configuration in [`Config::ALL`].
    pub(crate) fn index(self) -> usize {
        Config::ALL.iter().position(|&c| c == self).unwrap_or(0)
    }

    /// The OpenCC JSON text of this configuration, as shipped by OpenCC 1.4.2.
    ///
    /// ```
    /// use zhtext::Config;
    ///
    /// assert!(Config::T2s.opencc_json().contains("TSPhrases"));
    /// ```
    #[must_use]
    pub fn opencc_json(self) -> &'static str {
        crate::dict::embedded::config_json(self)
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Config {
    type Err = Error;

    fn from_str(s: &str) -> Result<Config, Error> {
        let stem = s.strip_suffix(".json").unwrap_or(s);
        Config::ALL
            .iter()
            .copied()
            .find(|c| c.name().eq_ignore_ascii_case(stem))
            .ok_or_else(|| Error::new(ErrorKind::UnknownConfig { name: s.to_owned() }))
    }
}
