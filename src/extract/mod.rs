//! Extraction of figures and contacts from Traditional, Simplified or mixed
//! text, each with its byte span in the input and a normalised value.
//!
//! - **Figures**: counts with measure words (1869人, 一名, 30余次), money
//!   with 萬/億 scaling (1.5億元 → 150000000, 1億620萬餘元), areas (約770平方米),
//!   percentages (35%, 百分之…), dates (2022年8月15日, 今年8月 against a
//!   reference date, 民國113年, 112年度) and durations (3個月); qualifiers
//!   約/近/左右 (approximate), 超/逾/多/余/餘/以上 (at least), 不到/不足
//!   (at most), and ranges (3至5萬元).
//! - **Contacts**: mainland landlines (0750-5524538) and mobiles, Hong Kong
//!   numbers (with +852 or after 電話), Taiwan numbers ((02)2345-6789,
//!   0912-345-678), extensions (分機), e-mail addresses and URLs.
//!
//! People, organisations and places come with the entity extractor.

mod contacts;
mod entities;
mod figures;
mod numerals;

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

pub use entities::{Entity, EntityKind};

/// A calendar date, the reference for relative dates (今年, 去年).
///
/// ```
/// use zhtext::Date;
///
/// let date = Date::new(2024, 2, 29).expect("a leap day");
/// assert_eq!(date.to_string(), "2024-02-29");
/// assert_eq!("2024-02-29".parse::<Date>().ok(), Some(date));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// A date, if the month and day exist (leap years included).
    ///
    /// ```
    /// use zhtext::Date;
    ///
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// assert!(Date::new(2023, 13, 1).is_none());
    /// ```
    #[must_use]
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// use zhtext::Date;
    ///
    /// assert_eq!(Date::new(2022, 8, 15).map(|d| d.year()), Some(2022));
    /// ```
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }
}

impl FromStr for Date {
    type Err = crate::Error;

    /// `YYYY-MM-DD`.
    fn from_str(s: &str) -> crate::Result<Date> {
        let bad = || crate::Error::new(crate::ErrorKind::InvalidDate { text: s.to_owned() });
        let mut parts = s.splitn(3, '-');
        let mut next = || parts.next().and_then(|p| p.parse::<u32>().ok()).ok_or_else(bad);
        let (y, m, d) = (next()?, next()?, next()?);
        Date::new(i32::try_from(y).map_err(|_| bad())?, m, d).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What a figure measures.
///
/// ```
/// use zhtext::{Extractor, FigureKind};
///
/// let found = Extractor::new().extract("新建面積約770平方米，增長35%");
/// let kinds: Vec<FigureKind> = found.figures().iter().map(|f| f.kind()).collect();
/// assert_eq!(kinds, [FigureKind::Area, FigureKind::Percent]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum FigureKind {
    /// A number of things, with a measure word (名 人 家 個 次 ...).
    Count,
    /// An amount of money; the value is in the currency's unit (元).
    Money,
    /// An area.
    Area,
    /// A percentage; the value is the number before `%`.
    Percent,
    /// A date, normalised in `iso`.
    Date,
    /// A span of time (3年, 6個月).
    Duration,
    /// Anything else.
    Other,
}

/// A qualifier of a figure's value.
///
/// ```
/// use zhtext::{Extractor, Qualifier};
///
/// let found = Extractor::new().extract("投入超200萬元");
/// assert_eq!(found.figures()[0].qualifiers(), [Qualifier::AtLeast]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Qualifier {
    /// 約, 近, 左右.
    Approximate,
    /// 超, 逾, 多, 余, 餘, 以上.
    AtLeast,
    /// 不到, 不足.
    AtMost,
}

/// A figure found in a text.
///
/// ```
/// use zhtext::{Extractor, FigureKind};
///
/// let text = "預制菜產值已達到每年1.5億元";
/// let found = Extractor::new().extract(text);
/// let figure = &found.figures()[0];
/// assert_eq!(figure.kind(), FigureKind::Money);
/// assert_eq!(&text[figure.range()], "1.5億元");
/// assert_eq!(figure.value(), Some(150_000_000.0));
/// assert_eq!(figure.unit(), Some("元"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Figure {
    kind: FigureKind,
    start: usize,
    end: usize,
    value: Option<f64>,
    /// The upper end of a range (3至5萬元).
    upper: Option<f64>,
    unit: Option<String>,
    iso: Option<String>,
    qualifiers: Vec<Qualifier>,
}

impl Figure {
    /// What it measures.
    ///
    /// ```
    /// use zhtext::{Extractor, FigureKind};
    ///
    /// let found = Extractor::new().extract("培育人才1869人");
    /// assert_eq!(found.figures()[0].kind(), FigureKind::Count);
    /// ```
    #[must_use]
    pub fn kind(&self) -> FigureKind {
        self.kind
    }

    /// Its byte range in the input.
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let text = "培育人才1869人";
    /// let found = Extractor::new().extract(text);
    /// assert_eq!(&text[found.figures()[0].range()], "1869人");
    /// ```
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The normalised value (for a range, its lower end): 1.5億元 →
    /// 150000000. `None` for dates.
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let found = Extractor::new().extract("共1億620萬餘元");
    /// assert_eq!(found.figures()[0].value(), Some(106_200_000.0));
    /// ```
    #[must_use]
    pub fn value(&self) -> Option<f64> {
        self.value
    }

    /// The upper end of a range.
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let found = Extractor::new().extract("補貼3至5萬元");
    /// let figure = &found.figures()[0];
    /// assert_eq!((figure.value(), figure.upper()), (Some(30_000.0), Some(50_000.0)));
    /// ```
    #[must_use]
    pub fn upper(&self) -> Option<f64> {
        self.upper
    }

    /// The unit as written (元, 名, 平方米, %).
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let found = Extractor::new().extract("面積約770平方米");
    /// assert_eq!(found.figures()[0].unit(), Some("平方米"));
    /// ```
    #[must_use]
    pub fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// For dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, when the year is known.
    ///
    /// ```
    /// use zhtext::{Date, Extractor};
    ///
    /// let reference = Date::new(2022, 11, 1).expect("a date");
    /// let found = Extractor::new().reference_date(reference).extract("截至今年8月，民國113年");
    /// let isos: Vec<Option<&str>> = found.figures().iter().map(|f| f.iso()).collect();
    /// assert_eq!(isos, [Some("2022-08"), Some("2024")]);
    /// ```
    #[must_use]
    pub fn iso(&self) -> Option<&str> {
        self.iso.as_deref()
    }

    /// Qualifiers written around the number.
    ///
    /// ```
    /// use zhtext::{Extractor, Qualifier};
    ///
    /// let found = Extractor::new().extract("面積約770平方米");
    /// assert_eq!(found.figures()[0].qualifiers(), [Qualifier::Approximate]);
    /// ```
    #[must_use]
    pub fn qualifiers(&self) -> &[Qualifier] {
        &self.qualifiers
    }
}

/// What kind of contact.
///
/// ```
/// use zhtext::{ContactKind, Extractor};
///
/// let found = Extractor::new().extract("電話0750-5524538，郵件:ts686@126.com");
/// let kinds: Vec<ContactKind> = found.contacts().iter().map(|c| c.kind()).collect();
/// assert_eq!(kinds, [ContactKind::Phone, ContactKind::Email]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum ContactKind {
    /// A telephone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A web address.
    Url,
}

/// A contact found in a text.
///
/// ```
/// use zhtext::{ContactKind, Extractor};
///
/// let text = "台北(02)2345-6789分機12";
/// let found = Extractor::new().extract(text);
/// let contact = &found.contacts()[0];
/// assert_eq!(contact.kind(), ContactKind::Phone);
/// assert_eq!(&text[contact.range()], "(02)2345-6789分機12");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Contact {
    kind: ContactKind,
    start: usize,
    end: usize,
}

impl Contact {
    /// What kind of contact.
    ///
    /// ```
    /// use zhtext::{ContactKind, Extractor};
    ///
    /// let found = Extractor::new().extract("網址https://www.gov.cn/a.html");
    /// assert_eq!(found.contacts()[0].kind(), ContactKind::Url);
    /// ```
    #[must_use]
    pub fn kind(&self) -> ContactKind {
        self.kind
    }

    /// Its byte range in the input.
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let text = "手機13812345678";
    /// let found = Extractor::new().extract(text);
    /// assert_eq!(&text[found.contacts()[0].range()], "13812345678");
    /// ```
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Everything found in one text.
///
/// ```
/// use zhtext::Extractor;
///
/// let found = Extractor::new().extract("陳健宇表示，引進博士6名，電話0750-5524538");
/// assert_eq!(found.entities().len(), 1);
/// assert_eq!(found.figures().len(), 1);
/// assert_eq!(found.contacts().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Extraction {
    entities: Vec<Entity>,
    figures: Vec<Figure>,
    contacts: Vec<Contact>,
}

impl Extraction {
    /// The people, organisations and places, in text order (an
    /// organisation before the place its name starts with).
    ///
    /// ```
    /// use zhtext::{EntityKind, Extractor};
    ///
    /// let text = "位于大江鎮的六和飼料成功設立省級博士工作站";
    /// let found = Extractor::new().extract(text);
    /// let entities: Vec<(EntityKind, &str)> = found.entities().iter().map(|e| (e.kind(), &text[e.range()])).collect();
    /// assert!(entities.contains(&(EntityKind::Place, "大江鎮")));
    /// assert!(entities.contains(&(EntityKind::Org, "六和飼料")));
    /// ```
    #[must_use]
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The figures, in text order.
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let found = Extractor::new().extract("碩士35名，高級工1128人");
    /// let values: Vec<Option<f64>> = found.figures().iter().map(|f| f.value()).collect();
    /// assert_eq!(values, [Some(35.0), Some(1128.0)]);
    /// ```
    #[must_use]
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    /// The contacts, in text order.
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let text = "聯系方式:0750-5524538郵件:ts686@126.com";
    /// let found = Extractor::new().extract(text);
    /// let contacts: Vec<&str> = found.contacts().iter().map(|c| &text[c.range()]).collect();
    /// assert_eq!(contacts, ["0750-5524538", "ts686@126.com"]);
    /// ```
    #[must_use]
    pub fn contacts(&self) -> &[Contact] {
        &self.contacts
    }
}

/// Finds people, organisations, places, figures and contacts. Cheap to
/// build (the lexicons are built once per process, on first use, and
/// shared), `Send + Sync`, reusable for any number of documents.
///
/// ```
/// use zhtext::{Extractor, FigureKind};
///
/// let text = "投資約1.5億元，引進人才1869人，聯系方式:0750-5524538";
/// let found = Extractor::new().extract(text);
/// let money = &found.figures()[0];
/// assert_eq!(money.kind(), FigureKind::Money);
/// assert_eq!(money.value(), Some(150_000_000.0));
/// assert_eq!(&text[money.range()], "1.5億元");
/// assert_eq!(&text[found.contacts()[0].range()], "0750-5524538");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extractor {
    reference: Option<Date>,
    names: entities::UserNames,
}

impl Extractor {
    /// An extractor without a reference date (relative dates get no year).
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let extractor = Extractor::new();
    /// assert_eq!(extractor.extract("今年8月").figures()[0].iso(), None);
    /// ```
    #[must_use]
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Resolve relative dates (今年, 去年) against `date`.
    ///
    /// ```
    /// use zhtext::{Date, Extractor};
    ///
    /// let extractor = Extractor::new().reference_date(Date::new(2022, 11, 1).expect("a date"));
    /// assert_eq!(extractor.extract("去年8月").figures()[0].iso(), Some("2021-08"));
    /// ```
    #[must_use]
    pub fn reference_date(mut self, date: Date) -> Extractor {
        self.reference = Some(date);
        self
    }

    /// Always reports `name` as a `kind` entity wherever it occurs (in
    /// either script: 臺山 and 台山 alike), ahead of what the built-in
    /// lexicons and rules would say there. For names the lexicons miss or
    /// misread: a company's brand, a local place, a person known to the
    /// caller. Adding a name again replaces its kind; an empty name is
    /// ignored.
    ///
    /// ```
    /// use zhtext::{EntityKind, Extractor};
    ///
    /// let extractor = Extractor::new().with_name(EntityKind::Org, "李寧集團");
    /// let text = "李寧集團推出新產品";
    /// let found = extractor.extract(text);
    /// assert_eq!(found.entities()[0].kind(), EntityKind::Org);
    /// assert_eq!(&text[found.entities()[0].range()], "李寧集團");
    /// ```
    #[must_use]
    pub fn with_name(mut self, kind: EntityKind, name: &str) -> Extractor {
        self.names.add(kind, name);
        self
    }

    /// Extracts people, organisations, places, figures and contacts from
    /// `text`.
    ///
    /// ```
    /// use zhtext::{EntityKind, Extractor};
    ///
    /// // Traditional and Simplified give the same entities, at their own offsets.
    /// let extractor = Extractor::new();
    /// let hant = extractor.extract("研發部總監陳金安說");
    /// let hans = extractor.extract("研发部总监陈金安说");
    /// let kinds = |e: &zhtext::Extraction| e.entities().iter().map(|x| (x.kind(), x.range())).collect::<Vec<_>>();
    /// assert_eq!(kinds(&hant), kinds(&hans));
    /// assert!(hant.entities().iter().any(|e| e.kind() == EntityKind::Person));
    /// ```
    #[must_use]
    pub fn extract(&self, text: &str) -> Extraction {
        let chars: Vec<char> = text.chars().collect();
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
        let contacts = contacts::contacts(&chars, &offsets);
        // A phone number or address is not a figure.
        let mut figures = figures::figures(&chars, &offsets, self.reference);
        figures.retain(|f| !contacts.iter().any(|c| f.start < c.end && c.start < f.end));
        let entities = entities::entities(text, &chars, &offsets, &self.names);
        Extraction { entities, figures, contacts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, kind, value, iso, qualifiers) of each figure.
    type Found = (String, FigureKind, Option<f64>, Option<String>, Vec<Qualifier>);

    fn figs(text: &str) -> Vec<Found> {
        let reference = Date::new(2022, 11, 27).map(|d| Extractor::new().reference_date(d)).unwrap_or_default();
        reference
            .extract(text)
            .figures()
            .iter()
            .map(|f| {
                (text[f.range()].to_owned(), f.kind(), f.value(), f.iso().map(str::to_owned), f.qualifiers().to_vec())
            })
            .collect()
    }

    #[test]
    fn counts_money_areas_percentages() {
        let f = figs("引進1869人，超200萬元，約770平方米，30余次，江口電器新引進一名碩士，增長35%，3至5萬元");
        let texts: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["1869人", "200萬元", "770平方米", "30余次", "一名", "35%", "3至5萬元"]);
        assert_eq!(f[1].2, Some(2_000_000.0));
        assert_eq!(f[1].4, vec![Qualifier::AtLeast]);
        assert_eq!(f[2].4, vec![Qualifier::Approximate]);
        assert_eq!((f[3].2, f[3].4.clone()), (Some(30.0), vec![Qualifier::AtLeast]));
        assert_eq!(f[6].2, Some(30_000.0));
    }

    #[test]
    fn anniversaries_are_not_weeks() {
        let f = figs("建軍70週年和周恩來誕辰一百周年，為期3週");
        let got: Vec<(&str, FigureKind, Option<f64>)> = f.iter().map(|x| (x.0.as_str(), x.1, x.2)).collect();
        assert_eq!(
            got,
            [
                ("70週年", FigureKind::Other, Some(70.0)),
                ("一百周年", FigureKind::Other, Some(100.0)),
                ("3週", FigureKind::Duration, Some(3.0))
            ]
        );
    }

    /// A numeral before 大 names a group (三大工程, the three major projects),
    /// not a count of anything.
    #[test]
    fn ranked_groups_are_not_counts() {
        assert!(figs("以“三大工程”為抓手，榮獲“僑都十大工匠”稱號").is_empty());
        assert_eq!(figs("三大工程帶動1841名職工").len(), 1);
    }

    #[test]
    fn dates() {
        let f = figs("2022年8月15日，今年8月，民國113年，112年度，一九九八年，第3名不是數量");
        let isos: Vec<Option<&str>> = f.iter().map(|x| x.3.as_deref()).collect();
        assert_eq!(isos, [Some("2022-08-15"), Some("2022-08"), Some("2024"), Some("2023"), Some("1998")]);
        let without_reference = Extractor::new().extract("今年8月");
        assert_eq!(without_reference.figures()[0].iso(), None);
        assert_eq!("2024-02-29".parse::<Date>().ok(), Date::new(2024, 2, 29));
        assert!("2023-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn contacts() {
        let text = "聯系方式:0750-5524538郵件:ts686@126.com，手機13812345678，電話 2345 6789，台北(02)2345-6789分機12，網址https://www.gov.cn/a.html。1869人";
        let found = Extractor::new().extract(text);
        let got: Vec<(ContactKind, &str)> = found.contacts().iter().map(|c| (c.kind(), &text[c.range()])).collect();
        assert_eq!(
            got,
            [
                (ContactKind::Phone, "0750-5524538"),
                (ContactKind::Email, "ts686@126.com"),
                (ContactKind::Phone, "13812345678"),
                (ContactKind::Phone, "2345 6789"),
                (ContactKind::Phone, "(02)2345-6789分機12"),
                (ContactKind::Url, "https://www.gov.cn/a.html"),
            ]
        );
        assert_eq!(found.figures().len(), 1);
    }
}
