//! Contacts: phone numbers (mainland landlines and mobiles, Hong Kong,
//! Taiwan, with extensions), e-mail addresses and URLs.

use super::numerals::ascii_digit;
use super::{Contact, ContactKind};

fn digit(chars: &[char], k: usize) -> bool {
    chars.get(k).copied().and_then(ascii_digit).is_some()
}

fn alnum(chars: &[char], k: usize) -> bool {
    chars.get(k).is_some_and(char::is_ascii_alphanumeric)
}

/// Digits from `at`, allowing single `-` or space separators between
/// groups; returns (digit count, end, group lengths).
fn digit_groups(chars: &[char], at: usize) -> (usize, usize, Vec<usize>) {
    let (mut k, mut count, mut groups, mut current) = (at, 0, Vec::new(), 0);
    loop {
        if digit(chars, k) {
            count += 1;
            current += 1;
            k += 1;
        } else if matches!(chars.get(k), Some('-' | ' ' | '－')) && current > 0 && digit(chars, k + 1) {
            groups.push(current);
            current = 0;
            k += 1;
        } else {
            break;
        }
    }
    if current > 0 {
        groups.push(current);
    }
    (count, k, groups)
}

/// Words after which an 8-digit number is a Hong Kong phone number.
const PHONE_WORDS: &[&str] =
    &["電話", "电话", "熱線", "热线", "查詢", "查询", "傳真", "传真", "聯絡", "联络", "Tel", "TEL", "tel"];

pub(crate) fn contacts(chars: &[char], offsets: &[usize]) -> Vec<Contact> {
    let byte = |k: usize| offsets.get(k).copied().unwrap_or(0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = url(chars, i) {
            out.push(Contact { kind: ContactKind::Url, start: byte(i), end: byte(end) });
            i = end;
            continue;
        }
        if let Some((start, end)) = email(chars, i) {
            out.push(Contact { kind: ContactKind::Email, start: byte(start), end: byte(end) });
            i = end;
            continue;
        }
        if let Some(end) = phone(chars, i) {
            out.push(Contact { kind: ContactKind::Phone, start: byte(i), end: byte(end) });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn url(chars: &[char], i: usize) -> Option<usize> {
    let starts = |w: &str| w.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c));
    if !(starts("http://") || starts("https://") || starts("www.")) || (i > 0 && alnum(chars, i - 1)) {
        return None;
    }
    let mut end = i;
    while chars.get(end).is_some_and(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\'')) {
        end += 1;
    }
    while end > i && matches!(chars.get(end - 1), Some('.' | ',' | ';' | ':' | '!' | '?' | ')')) {
        end -= 1;
    }
    (end > i + 4).then_some(end)
}

/// An e-mail address whose `@` is at or after `i`; found from its start.
fn email(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let local = |c: &char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    if !chars.get(i).is_some_and(local) || (i > 0 && chars.get(i - 1).is_some_and(local)) {
        return None;
    }
    let mut at = i;
    while chars.get(at).is_some_and(local) {
        at += 1;
    }
    if chars.get(at) != Some(&'@') {
        return None;
    }
    let mut end = at + 1;
    while chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')) {
        end += 1;
    }
    while end > at + 1 && chars.get(end - 1) == Some(&'.') {
        end -= 1;
    }
    let domain: String = chars.get(at + 1..end)?.iter().collect();
    let tld_ok =
        domain.rsplit_once('.').is_some_and(|(_, tld)| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    (tld_ok && at > i).then_some((i, end))
}

fn phone(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && (alnum(chars, i - 1) || matches!(chars.get(i - 1), Some('.' | '@'))) {
        return None;
    }
    // Taiwan: (02)2345-6789.
    if chars.get(i) == Some(&'(') && chars.get(i + 1) == Some(&'0') {
        let close = (i + 2..i + 5).find(|&k| chars.get(k) == Some(&')'))?;
        let (n, end, _) = digit_groups(chars, close + 1);
        return (7..=8).contains(&n).then(|| extension(chars, end));
    }
    // +852 / +86 / +886 prefixes.
    let mut k = i;
    let mut international = false;
    if chars.get(k) == Some(&'+') {
        let (n, end, _) = digit_groups(chars, k + 1);
        if !(2..=3).contains(&n) {
            return None;
        }
        international = true;
        k = end;
        while matches!(chars.get(k), Some(' ' | '-')) {
            k += 1;
        }
    }
    if !digit(chars, k) {
        return None;
    }
    let (n, end, groups) = digit_groups(chars, k);
    if digit(chars, end) || alnum(chars, end) {
        return None;
    }
    let first = chars.get(k).copied().and_then(ascii_digit);
    let second = chars.get(k + 1).copied().and_then(ascii_digit);
    let ok = match (first, n) {
        // Mainland landline with area code: 0750-5524538, 020-12345678.
        (Some(0), 10..=12) if groups.len() <= 3 => true,
        // Mainland mobile: 13812345678; Taiwan mobile 0912-345-678 (10).
        (Some(1), 11) => second.is_some_and(|d| (3..=9).contains(&d)),
        // Hong Kong: eight digits, with +852 or after a phone word.
        (Some(2..=9), 8) => {
            international
                || PHONE_WORDS.iter().any(|w| {
                    let before: String = chars.get(i.saturating_sub(8)..i).unwrap_or_default().iter().collect();
                    before.contains(w)
                })
        }
        _ => international && (8..=11).contains(&n),
    };
    ok.then(|| extension(chars, end))
}

/// Extends a phone number over an extension: 分機123, 转8, ext. 12.
fn extension(chars: &[char], end: usize) -> usize {
    for word in ["分機", "分机", "轉", "转", "ext.", "ext", "x"] {
        let n = word.chars().count();
        if word.chars().enumerate().all(|(k, c)| chars.get(end + k) == Some(&c)) {
            let mut k = end + n;
            while chars.get(k) == Some(&' ') {
                k += 1;
            }
            let start = k;
            while digit(chars, k) {
                k += 1;
            }
            if (1..=5).contains(&(k - start)) {
                return k;
            }
        }
    }
    end
}
