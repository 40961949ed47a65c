//! Figures: counts with measure words, money, areas, percentages, dates
//! and durations, with normalised values and qualifiers.

use super::numerals::{ascii_digit, chinese_digit, number};
use super::{Date, Figure, FigureKind, Qualifier};

/// Measure words that make a number a count (both scripts).
const MEASURES: &[&str] = &[
    "名", "人", "家", "個", "个", "次", "項", "项", "所", "座", "宗", "戶", "户", "位", "件", "批", "場", "场", "屆",
    "届", "套", "條", "条", "支", "隊", "队", "篇", "間", "间", "輛", "辆", "棟", "栋", "處", "处", "隻", "只", "頭",
    "头", "種", "种", "類", "类", "本", "臺", "台", "棵", "株", "起",
];

/// Currencies, longest first where one is a prefix of another.
const CURRENCIES: &[&str] = &[
    "新台幣",
    "新台币",
    "新臺幣",
    "人民幣",
    "人民币",
    "澳門元",
    "澳门元",
    "港元",
    "港幣",
    "港币",
    "美元",
    "歐元",
    "欧元",
    "日元",
    "英鎊",
    "英镑",
    "澳元",
    "台幣",
    "臺幣",
    "元",
    "圓",
    "塊",
    "块",
];

const AREAS: &[&str] =
    &["平方公里", "平方千米", "平方公尺", "平方英尺", "平方米", "平米", "公頃", "公顷", "畝", "亩", "坪"];

const DURATIONS: &[&str] =
    &["個多月", "个多月", "個月", "个月", "小時", "小时", "分鐘", "分钟", "星期", "週", "周", "天", "年"];

const APPROX_BEFORE: &[&str] = &["大約", "大约", "將近", "将近", "約", "约", "近"];
const AT_LEAST_BEFORE: &[&str] = &["超過", "超过", "多於", "多于", "至少", "超", "逾"];
const AT_MOST_BEFORE: &[&str] = &["不到", "不足", "少於", "少于"];

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(k, c)| chars.get(k) == Some(&c))
}

fn ends_before(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    at >= n && starts_with(chars, at - n, word)
}

/// The first of `words` at `at`, longest listed first.
fn word_at<'w>(chars: &[char], at: usize, words: &[&'w str]) -> Option<&'w str> {
    let mut best: Option<&str> = None;
    for w in words {
        if starts_with(chars, at, w) && best.is_none_or(|b| w.chars().count() > b.chars().count()) {
            best = Some(w);
        }
    }
    best
}

/// Finds the figures in `chars` (with byte offsets in `offsets`, one more
/// than characters, the last being the text's length).
pub(crate) fn figures(chars: &[char], offsets: &[usize], reference: Option<Date>) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    let byte = |k: usize| offsets.get(k).copied().unwrap_or(0);
    while i < chars.len() {
        // Relative and ROC dates start with a word, not a number.
        if let Some((figure, end)) = word_date(chars, i, reference) {
            out.push(Figure { start: byte(i), end: byte(end), ..figure });
            i = end;
            continue;
        }
        let starts_number =
            chars.get(i).is_some_and(|&c| ascii_digit(c).is_some() || chinese_digit(c).is_some() || c == '十');
        // Inside a number (the 820 of 1,820 or the 5 of 1.5): not a start.
        let digit_at = |k: usize| chars.get(k).is_some_and(|&c| ascii_digit(c).is_some());
        let after_number_char =
            i > 0 && (digit_at(i - 1) || (i > 1 && matches!(chars.get(i - 1), Some('.' | ',')) && digit_at(i - 2)));
        if !starts_number || after_number_char {
            i += 1;
            continue;
        }
        let rest = chars.get(i..).unwrap_or_default();
        let Some(n) = number(rest) else {
            i += 1;
            continue;
        };
        match figure_after(chars, i, n, reference) {
            Some((figure, end)) => {
                // Ordinals (第3名) are ranks, not counts.
                let ordinal = i > 0 && chars.get(i - 1) == Some(&'第');
                if !(ordinal && figure.kind == FigureKind::Count) {
                    let mut qualifiers = figure.qualifiers.clone();
                    for (words, q) in [
                        (APPROX_BEFORE, Qualifier::Approximate),
                        (AT_LEAST_BEFORE, Qualifier::AtLeast),
                        (AT_MOST_BEFORE, Qualifier::AtMost),
                    ] {
                        if words.iter().any(|w| ends_before(chars, i, w)) && !qualifiers.contains(&q) {
                            qualifiers.insert(0, q);
                        }
                    }
                    out.push(Figure { start: byte(i), end: byte(end), qualifiers, ..figure });
                }
                i = end;
            }
            None => i += n.len.max(1),
        }
    }
    out
}

/// What follows a number at `i`: unit, qualifiers, kind. Returns the figure
/// (offsets unset) and the index after it.
fn figure_after(
    chars: &[char],
    i: usize,
    n: super::numerals::Number,
    reference: Option<Date>,
) -> Option<(Figure, usize)> {
    let mut j = i + n.len;
    let mut qualifiers = Vec::new();
    // A range: 3至5萬元, 3-5%.
    let mut upper = None;
    if let Some(sep) = word_at(chars, j, &["至", "到", "~", "～", "-", "－"]) {
        let k = j + sep.chars().count();
        if let Some(m) = chars.get(k..).and_then(super::numerals::plain) {
            upper = Some(m.value);
            j = k + m.len;
        }
    }
    // 餘/余/多 right after the number: "more than".
    if matches!(chars.get(j), Some('餘' | '余' | '多')) && chars.get(j + 1).is_some_and(|&c| !c.is_ascii_digit()) {
        qualifiers.push(Qualifier::AtLeast);
        j += 1;
    }
    // A scale after a range or 餘 (3至5萬元, 30餘萬元) applies to both ends.
    let mut value = n.value;
    if let Some(scale) = chars.get(j).copied().and_then(super::numerals::large_unit) {
        value *= scale;
        upper = upper.map(|u| u * scale);
        j += 1;
    }
    let push_suffix_qualifiers = |j: &mut usize, qualifiers: &mut Vec<Qualifier>| {
        if starts_with(chars, *j, "左右") {
            qualifiers.push(Qualifier::Approximate);
            *j += 2;
        } else if starts_with(chars, *j, "以上") || starts_with(chars, *j, "多") {
            qualifiers.push(Qualifier::AtLeast);
            *j += if starts_with(chars, *j, "以上") { 2 } else { 1 };
        }
    };
    let figure = |kind, value: Option<f64>, unit: Option<&str>, qualifiers: Vec<Qualifier>| Figure {
        kind,
        start: 0,
        end: 0,
        value,
        upper,
        unit: unit.map(str::to_owned),
        iso: None,
        qualifiers,
    };

    // Percent: N% / N％.
    if matches!(chars.get(j), Some('%' | '％')) {
        let mut end = j + 1;
        push_suffix_qualifiers(&mut end, &mut qualifiers);
        return Some((figure(FigureKind::Percent, Some(value), Some("%"), qualifiers), end));
    }
    // Dates: YYYY年(M月(D日)), M月(D日).
    if let Some((date, end)) = date_at(chars, i, n, reference) {
        return Some((date, end));
    }
    if let Some(cur) = word_at(chars, j, CURRENCIES) {
        let mut end = j + cur.chars().count();
        push_suffix_qualifiers(&mut end, &mut qualifiers);
        return Some((figure(FigureKind::Money, Some(value), Some(cur), qualifiers), end));
    }
    if let Some(area) = word_at(chars, j, AREAS) {
        let mut end = j + area.chars().count();
        push_suffix_qualifiers(&mut end, &mut qualifiers);
        return Some((figure(FigureKind::Area, Some(value), Some(area), qualifiers), end));
    }
    // 建軍70週年, 一百週年: an anniversary is an ordinal, not 70 weeks.
    if let Some(a) = word_at(chars, j, &["週年", "周年"]) {
        let end = j + a.chars().count();
        return Some((figure(FigureKind::Other, Some(value), Some(a), qualifiers), end));
    }
    if let Some(d) = word_at(chars, j, DURATIONS) {
        // 2022年 is a date (handled above); 3年 a duration.
        let mut end = j + d.chars().count();
        push_suffix_qualifiers(&mut end, &mut qualifiers);
        let unit = d.replace('多', "");
        let mut f = figure(FigureKind::Duration, Some(value), Some(&unit), qualifiers);
        if d.contains('多') {
            f.qualifiers.push(Qualifier::AtLeast);
        }
        return Some((f, end));
    }
    if let Some(m) = word_at(chars, j, MEASURES) {
        // A Chinese numeral glued into a word (一體, 三國) is not a count
        // unless a measure word follows; 台/臺/本/起 only after digits.
        if !n.arabic && matches!(m, "台" | "臺" | "本" | "起" | "家" | "頭" | "头" | "人") && n.len == 1 {
            return None;
        }
        // 一 with a general classifier is an article (打造一支隊伍, 一個新
        // 風口), not a count.
        let general = [
            "個", "个", "支", "種", "种", "類", "类", "件", "批", "場", "场", "條", "条", "套", "間", "间", "位", "座",
            "處", "处",
        ];
        if !n.arabic && (n.value - 1.0).abs() < f64::EPSILON && n.len == 1 && general.contains(&m) {
            return None;
        }
        let mut end = j + m.chars().count();
        push_suffix_qualifiers(&mut end, &mut qualifiers);
        return Some((figure(FigureKind::Count, Some(value), Some(m), qualifiers), end));
    }
    None
}

/// A calendar date starting with the number at `i`.
fn date_at(chars: &[char], i: usize, n: super::numerals::Number, reference: Option<Date>) -> Option<(Figure, usize)> {
    let mut j = i + n.len;
    let (year, mut month, mut day);
    let four_digit_year = (n.arabic && n.int_digits == 4) || (!n.arabic && n.len == 4);
    month = None;
    day = None;
    if chars.get(j) == Some(&'年') && four_digit_year && (1000.0..3000.0).contains(&n.value) && n.value.fract() == 0.0
    {
        year = Some(n.value as i32);
        j += 1;
        if let Some((m, end)) = month_at(chars, j) {
            month = Some(m);
            j = end;
        }
    } else if chars.get(j) == Some(&'月') && (1.0..=12.0).contains(&n.value) && n.value.fract() == 0.0 && n.len <= 2 {
        month = Some(n.value as u32);
        j += 1;
        year = reference.map(|r| r.year);
    } else if chars.get(j) == Some(&'年')
        && chars.get(j + 1) == Some(&'度')
        && n.arabic
        && (2..=3).contains(&n.int_digits)
    {
        // 112年度: a Republic of China year.
        year = Some(1911 + n.value as i32);
        j += 2;
    } else {
        return None;
    }
    if month.is_some() {
        if let Some((d, end)) = day_at(chars, j) {
            day = Some(d);
            j = end;
        }
    }
    let iso = iso(year, month, day);
    Some((date_figure(iso), j))
}

/// Dates that start with a word: 今年8月, 去年, 民國113年.
fn word_date(chars: &[char], i: usize, reference: Option<Date>) -> Option<(Figure, usize)> {
    // Compared as characters, not decoded from strings: this runs at every
    // position of the text.
    const RELATIVE: [([char; 2], i32); 6] = [
        (['今', '年'], 0),
        (['去', '年'], -1),
        (['明', '年'], 1),
        (['前', '年'], -2),
        (['後', '年'], 2),
        (['后', '年'], 2),
    ];
    let head = chars.get(i..i + 2)?;
    let relative_word = RELATIVE.iter().find(|(w, _)| head == w);
    let (year, mut j) = if let Some(&(_, delta)) = relative_word {
        (reference.map(|r| r.year + delta), i + 2)
    } else if matches!(head, ['民', '國' | '国']) {
        let n = chars.get(i + 2..).and_then(number)?;
        let end = i + 2 + n.len;
        if chars.get(end) != Some(&'年') || n.value.fract() != 0.0 || !(1.0..=200.0).contains(&n.value) {
            return None;
        }
        (Some(1911 + n.value as i32), end + 1)
    } else {
        return None;
    };
    let mut month = None;
    let mut day = None;
    if let Some((m, end)) = month_at(chars, j) {
        month = Some(m);
        j = end;
        if let Some((d, end)) = day_at(chars, j) {
            day = Some(d);
            j = end;
        }
    }
    // 今年 alone is a time word, not a figure; 今年8月 is a date.
    if relative_word.is_some() && month.is_none() {
        return None;
    }
    let iso = iso(year, month, day);
    Some((date_figure(iso), j))
}

/// `M月` at `at`: the month and the index after 月.
fn month_at(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let (m, len) = small_int(chars, at).filter(|(m, _)| (1..=12).contains(m))?;
    (chars.get(at + len) == Some(&'月')).then_some((m, at + len + 1))
}

/// `D日` (or 號) at `at`: the day and the index after it.
fn day_at(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let (d, len) = small_int(chars, at).filter(|(d, _)| (1..=31).contains(d))?;
    matches!(chars.get(at + len), Some('日' | '號' | '号')).then_some((d, at + len + 1))
}

fn date_figure(iso: Option<String>) -> Figure {
    Figure {
        kind: FigureKind::Date,
        start: 0,
        end: 0,
        value: None,
        upper: None,
        unit: None,
        iso,
        qualifiers: Vec::new(),
    }
}

/// A small integer (1 or 2 Arabic digits, or Chinese numerals) at `at`.
fn small_int(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let n = chars.get(at..).and_then(number)?;
    (n.value.fract() == 0.0 && n.value < 100.0 && n.len <= 3).then_some((n.value as u32, n.len))
}

fn iso(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<String> {
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
        (Some(y), None, _) => Some(format!("{y:04}")),
        _ => None,
    }
}
