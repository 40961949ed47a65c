//! OpenCC 1.4.2's dictionaries and configurations, embedded in the binary.
//!
//! The files under `dictionaries/opencc/` are included verbatim; their
//! provenance and hashes are in `dictionaries/README.md`.

use crate::Config;

macro_rules! opencc_files {
    ($($name:literal),* $(,)?) => {
        /// Every embedded dictionary, by file name.
        pub(crate) const DICTIONARIES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../dictionaries/opencc/", $name))),)*
        ];
    };
}

opencc_files!(
    "CJK_Compatibility_Ideographs.txt",
    "HKPhrases.txt",
    "HKPhrasesRev.txt",
    "HKVariants.txt",
    "HKVariantsPhrases.txt",
    "HKVariantsRev.txt",
    "HKVariantsRevPhrases.txt",
    "JPShinjitaiCharacters.txt",
    "JPShinjitaiCharactersRev.txt",
    "JPShinjitaiPhrases.txt",
    "STCharacters.txt",
    "STPhrases.txt",
    "STPhrases_GeneratedFromRegionalPhrases.txt",
    "TSCharacters.txt",
    "TSCharactersExt.txt",
    "TSPhrases.txt",
    "TWPhrases.txt",
    "TWPhrasesRev.txt",
    "TWVariants.txt",
    "TWVariantsPhrases.txt",
    "TWVariantsRev.txt",
    "TWVariantsRevPhrases.txt",
);

/// The name and text of an embedded dictionary. OpenCC configurations may
/// name the compiled `.ocd2`/`.ocd` form; those resolve to the same text
/// dictionary.
pub(crate) fn lookup(file: &str) -> Option<(&'static str, &'static str)> {
    let stem = file
        .strip_suffix(".txt")
        .or_else(|| file.strip_suffix(".ocd2"))
        .or_else(|| file.strip_suffix(".ocd"))
        .unwrap_or(file);
    DICTIONARIES.iter().find(|(name, _)| name.strip_suffix(".txt") == Some(stem)).copied()
}

macro_rules! config_json {
    ($config:expr, $($variant:ident => $name:literal),* $(,)?) => {
        match $config {
            $(Config::$variant => include_str!(concat!("../../dictionaries/opencc/config/", $name, ".json")),)*
        }
    };
}

pub(crate) fn config_json(config: Config) -> &'static str {
    config_json!(config,
        S2t => "s2t", T2s => "t2s", S2tw => "s2tw", Tw2s => "tw2s",
        S2twp => "s2twp", Tw2sp => "tw2sp", S2hk => "s2hk", Hk2s => "hk2s",
        S2hkp => "s2hkp", Hk2sp => "hk2sp", T2tw => "t2tw", Tw2t => "tw2t",
        T2hk => "t2hk", Hk2t => "hk2t", T2jp => "t2jp", Jp2t => "jp2t",
    )
}
