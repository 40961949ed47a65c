//! Mainland usage beyond OpenCC's t2s: 著 read zhuó, zháo or zhe is 着 in
//! mainland Simplified; OpenCC keeps 著 because Traditional writes both
//! readings with it.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Simplified text in mainland usage: every 著 becomes 着 except in the
/// words where it is read zhù (著名, 著作, 顯著 → 显著, 名著; listed in
/// `dictionaries/zhtext/zhu-words.txt`). Meant for the output of a
/// Traditional-to-Simplified conversion (OpenCC's t2s writes 著力 for
/// 著力, mainland text writes 着力). One character for one, so offsets
/// carry over; borrowed when nothing changes. [`Converter`](crate::Converter)
/// itself stays byte-identical to OpenCC.
///
/// ```
/// use zhtext::{mainland_usage, Config, Converter};
///
/// let simplified = Converter::new(Config::T2s).convert("大江鎮著力發揮人才作用，接著出版著名的著作");
/// assert_eq!(simplified, "大江镇著力发挥人才作用，接著出版著名的著作");
/// assert_eq!(mainland_usage(&simplified), "大江镇着力发挥人才作用，接着出版著名的著作");
/// ```
#[must_use]
pub fn mainland_usage(text: &str) -> Cow<'_, str> {
    if !text.contains('著') {
        return Cow::Borrowed(text);
    }
    let zhu = zhu_words();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != '著' {
            out.push(c);
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).map(|&b| [b, '著']);
        let after = chars.get(i + 1).map(|&a| ['著', a]);
        let is_zhu = [before, after].into_iter().flatten().any(|pair| zhu.contains(&pair));
        out.push(if is_zhu { '著' } else { '着' });
    }
    Cow::Owned(out)
}

fn zhu_words() -> &'static HashSet<[char; 2]> {
    static WORDS: OnceLock<HashSet<[char; 2]>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../dictionaries/zhtext/zhu-words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .filter_map(|w| {
                let mut c = w.chars();
                Some([c.next()?, c.next()?])
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::mainland_usage;

    #[test]
    fn zhuo_and_zhe_become_zhe_and_zhu_stays() {
        assert_eq!(mainland_usage("着力"), "着力");
        assert_eq!(mainland_usage("著力发挥，随著发展，穿著朴素，看著我"), "着力发挥，随着发展，穿着朴素，看着我");
        assert_eq!(mainland_usage("著名作家的著作，成绩显著，名著，土著"), "著名作家的著作，成绩显著，名著，土著");
        assert!(matches!(mainland_usage("没有那个字"), std::borrow::Cow::Borrowed(_)));
    }
}
