//! Numbers as Chinese text writes them: Arabic (also full-width, with
//! thousands separators and decimals), Chinese numerals (一九九八, 兩千,
//! 三十), and either scaled by 萬/億 (4,820萬, 1.5億, 1億620萬).

/// The value of a Chinese digit character.
pub(crate) fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '兩' | '两' | '貳' | '贰' => 2,
        '三' | '參' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陸' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The multiplier of a Chinese unit character below 萬.
fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// The multiplier of a large scale character.
pub(crate) fn large_unit(c: char) -> Option<f64> {
    Some(match c {
        '萬' | '万' => 1e4,
        '億' | '亿' => 1e8,
        _ => return None,
    })
}

/// An ASCII digit, also from a full-width one.
pub(crate) fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// A parsed number: its value and how many characters it took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    pub(crate) value: f64,
    pub(crate) len: usize,
    /// Written with Arabic digits only (for years: 2022 vs 二〇二二).
    pub(crate) arabic: bool,
    /// Number of Arabic digits before the decimal point, if Arabic.
    pub(crate) int_digits: usize,
}

/// Parses an Arabic number at the start of `chars`: digits, optional
/// thousands groups (`1,820`), optional decimals (`1.5`).
fn arabic(chars: &[char]) -> Option<Number> {
    let mut i = 0;
    let mut digits = String::new();
    while let Some(d) = chars.get(i).copied().and_then(ascii_digit) {
        digits.push(char::from_digit(d, 10)?);
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    // Thousands groups: after one to three digits, commas each followed by
    // exactly three digits (1,820; 4,820,000).
    if digits.len() <= 3 {
        while matches!(chars.get(i), Some(',')) {
            let group: Vec<u32> = (1..=3).filter_map(|k| chars.get(i + k).copied().and_then(ascii_digit)).collect();
            let after = chars.get(i + 4).copied().and_then(ascii_digit);
            if group.len() != 3 || after.is_some() {
                break;
            }
            for d in group {
                digits.push(char::from_digit(d, 10)?);
            }
            i += 4;
        }
    }
    let int_digits = digits.len();
    if matches!(chars.get(i), Some('.' | '．')) && chars.get(i + 1).copied().and_then(ascii_digit).is_some() {
        digits.push('.');
        i += 1;
        while let Some(d) = chars.get(i).copied().and_then(ascii_digit) {
            digits.push(char::from_digit(d, 10)?);
            i += 1;
        }
    }
    Some(Number { value: digits.parse().ok()?, len: i, arabic: true, int_digits })
}

/// Parses Chinese numerals below 萬 (三十, 一百零五, 兩千) or a digit
/// string (一九九八).
fn chinese_small(chars: &[char]) -> Option<(u64, usize)> {
    // A plain digit string: each character a digit, no units.
    let run = chars.iter().take_while(|&&c| chinese_digit(c).is_some()).count();
    if run >= 2 && chars.get(run).is_none_or(|&c| small_unit(c).is_none()) {
        let mut v = 0u64;
        for c in chars.get(..run)? {
            v = v.checked_mul(10)?.checked_add(chinese_digit(*c)?)?;
        }
        return Some((v, run));
    }
    let (mut total, mut current, mut i, mut any) = (0u64, 0u64, 0usize, false);
    while let Some(&c) = chars.get(i) {
        if let Some(d) = chinese_digit(c) {
            current = d;
            any = true;
        } else if let Some(u) = small_unit(c) {
            // 十 alone means ten.
            total += if current == 0 && u == 10 { 10 } else { current * u };
            current = 0;
            any = true;
        } else {
            break;
        }
        i += 1;
    }
    any.then_some((total + current, i))
}

/// Parses a number without 萬/億 scaling (the second end of a range, whose
/// scale applies to both ends: 3至5萬元).
pub(crate) fn plain(chars: &[char]) -> Option<Number> {
    arabic(chars)
        .or_else(|| chinese_small(chars).map(|(v, len)| Number { value: v as f64, len, arabic: false, int_digits: 0 }))
}

/// Parses a number with optional 萬/億 scaling at the start of `chars`:
/// `4,820萬`, `1.5億`, `1億620萬`, `三千五百萬`, `一九九八`.
pub(crate) fn number(chars: &[char]) -> Option<Number> {
    let first = plain(chars)?;
    let (mut total, mut i) = (0.0, 0usize);
    let mut part = first;
    let mut last_scale = f64::INFINITY;
    loop {
        i += part.len;
        match chars.get(i).copied().and_then(large_unit) {
            Some(scale) if scale < last_scale => {
                total += part.value * scale;
                last_scale = scale;
                i += 1;
                // Another part may follow: 1億620萬.
                let rest = chars.get(i..).unwrap_or_default();
                match plain(rest) {
                    Some(next) if rest.get(next.len).copied().and_then(large_unit).is_some_and(|s| s < scale) => {
                        part = next;
                    }
                    _ => break,
                }
            }
            _ => {
                total += part.value;
                break;
            }
        }
    }
    Some(Number {
        value: total,
        len: i,
        arabic: first.arabic && last_scale.is_infinite(),
        int_digits: first.int_digits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(f64, usize)> {
        let chars: Vec<char> = s.chars().collect();
        number(&chars).map(|n| (n.value, n.len))
    }

    #[test]
    fn arabic_and_scaled() {
        assert_eq!(parse("1869人"), Some((1869.0, 4)));
        assert_eq!(parse("1,820名"), Some((1820.0, 5)));
        assert_eq!(parse("1.5億元"), Some((150_000_000.0, 4)));
        assert_eq!(parse("4,820萬"), Some((48_200_000.0, 6)));
        assert_eq!(parse("1億620萬餘元"), Some((106_200_000.0, 6)));
        assert_eq!(parse("１９９８年"), Some((1998.0, 4)));
        assert_eq!(parse("3,5"), Some((3.0, 1)));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse("三十餘次"), Some((30.0, 2)));
        assert_eq!(parse("一百零五"), Some((105.0, 4)));
        assert_eq!(parse("兩千"), Some((2000.0, 2)));
        assert_eq!(parse("十二"), Some((12.0, 2)));
        assert_eq!(parse("一九九八年"), Some((1998.0, 4)));
        assert_eq!(parse("二〇二二年"), Some((2022.0, 4)));
        assert_eq!(parse("三千五百萬"), Some((35_000_000.0, 5)));
        assert_eq!(parse("一名"), Some((1.0, 1)));
    }
}
