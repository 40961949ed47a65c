//! Foreign names: runs of transliteration characters and names jieba
//! lists as foreign, with context; Japanese names from a lexicon of family
//! names; and any name with a middle dot between its parts (喬治·索羅斯,
//! 司馬義·艾買提).

use super::super::doc::{Cover, Doc};
use super::super::lexicon::{OWN_PLACE, SPEECH, SURNAME_JAPANESE, TITLE};
use super::{name_boundary, rank_at, title_before, Person, AND, CLAUSE_VERBS};
use std::ops::Range;

/// A Japanese name: a listed family name (橋本, 櫻內, 後藤田) and up to
/// three given characters (龍太郎, 宏一) or none, with a title before it
/// (首相橋本龍太郎), 日本 before that or it (日本棋手片岡聰), or a title,
/// rank or speech verb after it (橋本首相, 片岡聰九段). The given name runs
/// to the longest end where the clause goes on: punctuation, a function
/// character, a title, speech verb or word.
pub(super) fn japanese_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    let surname = doc.longest_cued(i, SURNAME_JAPANESE)?;
    let title = title_before(doc, i);
    let japan = doc.ends_with(title.as_ref().map_or(i, |t| t.start), "日本");
    if title.is_none() && !japan && !name_boundary(doc, i) {
        return None;
    }
    let cue = |k: usize| doc.starts_cued(k, TITLE | SPEECH) || rank_at(doc, k);
    let goes_on = |end: usize| {
        !doc.is_name_char(end)
            || CLAUSE_VERBS.contains(&doc.at(end))
            || cue(end)
            || doc.starting(end).iter().any(|w| w.info.word >= 100 && w.end - w.start >= 2)
    };
    (surname.end..=surname.end + 3)
        .rev()
        .filter(|&end| {
            (surname.end..end).all(|k| {
                doc.is_name_char(k)
                    && !cue(k)
                    && !doc
                        .starting(k)
                        .iter()
                        .any(|w| (w.info.adverb || w.info.verb) && w.info.word >= 100 && w.end - w.start >= 2)
            }) && goes_on(end)
                && !doc.word_across(end, 100)
                && (title.is_some() || japan || cue(end))
        })
        .map(|end| Person { span: i..end, title: title.clone(), foreign: true })
        .next()
}

/// A foreign name (克林頓, 葉利欽) starting at `i`: three or more
/// transliteration characters, known as a name or with context.
pub(super) fn foreign_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    // The cheap test first: this runs wherever no Chinese name starts, and
    // a foreign name is a word jieba lists as one or starts with two
    // transliteration characters.
    let may_start = doc.is_transliteration(i) && doc.is_transliteration(i + 1);
    if !may_start && !doc.starting(i).iter().any(|w| w.info.foreign) {
        return None;
    }
    let listed_title = doc.ending(i).any(|w| w.info.cues & TITLE != 0);
    // Not from inside a title (總理 + 謝赫: no 理謝赫).
    if !listed_title && !name_boundary(doc, i) || in_title(doc, i) {
        return None;
    }
    let title = title_before(doc, i);
    // A foreign name jieba lists (默里, 科恩), whatever its characters,
    // with a listed title before it or a speech verb after it, unless it
    // is the start of a longer one (阿拉 in 阿拉法特).
    let listed =
        doc.longest(i, |w| w.info.foreign && w.info.place | w.info.org == 0).filter(|w| !doc.is_transliteration(w.end));
    if let Some(name) = listed {
        let speech = doc.starts_cued(name.end, SPEECH);
        // Or as the subject at a clause's start (科恩在會見中說): an adverb
        // or verb after it, not 的 or a conjunction (jieba files everyday
        // words among foreign names: 崇高的, 哈佛和).
        let after = doc.at(name.end);
        let subject = doc.left_boundary(i) && CLAUSE_VERBS.contains(&after) && after != '的' && !AND.contains(&after);
        let starts_word = doc.starting(i).iter().any(|w| w.end > name.end && w.info.word > 0);
        if !starts_word && (listed_title || speech || subject) {
            return Some(Person { span: i..name.end, title, foreign: true });
        }
    }
    let run = (i..doc.len().min(i + 7)).take_while(|&k| doc.is_transliteration(k)).count();
    // (Two characters left are too few to tell without a title: 美歐提出;
    // 外長加蒂 + 代表.)
    let run = match transliteration_end(doc, i + 2, i + run) {
        Some(k) if k - i < 3 && !listed_title => return None,
        Some(k) => k - i,
        None => run,
    };
    // A clause's adverb after the name is not its end (葉利欽 + 曾表示).
    let run = if run > 3 && CLAUSE_VERBS.contains(&doc.at(i + run - 1)) { run - 1 } else { run };
    if run < 2 {
        return None;
    }
    if run == 2 {
        // Two characters (利維, 恩佐, 科爾): only a word no list knows, or
        // one jieba lists as a foreign name, with a listed title before it
        // or a speech verb right after it.
        let speech = doc.starts_cued(i + 2, SPEECH);
        let info = doc.info(i, i + 2);
        let foreign = info.is_some_and(|w| w.foreign && w.place | w.org == 0);
        // A rare word after a title is a name (外長利維).
        let min_word = if listed_title { 100 } else { 1 };
        let known = info.is_some_and(|w| w.word >= min_word || w.place | w.org | w.person != 0 || w.cues != 0);
        let starts_word = doc.starting(i).iter().any(|w| w.end > i + 2 && w.info.word > 0);
        return ((!known || foreign) && !starts_word && (listed_title || speech)).then_some(Person {
            span: i..i + 2,
            title,
            foreign: true,
        });
    }
    for end in (i + 3..=i + run).rev() {
        let known = doc.info(i, end).is_some_and(|w| w.person > 0 || w.foreign);
        let speech = doc.starts_cued(end, SPEECH | TITLE);
        // jieba lists many foreign people among its places (克利馬,
        // 密特朗): after a title, such a place is the person.
        let titled_place = |w: &super::super::lexicon::Info| title.is_some() && w.place < OWN_PLACE;
        let word = doc.info(i, end).is_some_and(|w| w.word > 0 && !w.foreign || w.place > 0 && !titled_place(w));
        // A people, language or creed (哈薩克族, 庫爾德語) is no person.
        let group = matches!(doc.at(end), '族' | '语' | '教' | '派');
        // Without context, a run before a suffix names a team, paper, prize
        // or place (拉齊奧隊, 瓦爾登湖): jieba lists such names among
        // foreign people's.
        if end == i + run && !speech && title.is_none() && NOUN_SUFFIXES.contains(&doc.at(end)) {
            return None;
        }
        if !word && !group && (known || (speech || title.is_some()) && end == i + run) {
            // A listed name inside a longer run that ends cleanly is the
            // start of that name (克里斯托 + 爾和, 穆斯塔 + 法。).
            let full = i + run;
            let clean = !doc.is_han(full) || doc.is_function(full) || AND.contains(&doc.at(full));
            let full_word = doc.info(i, full).is_some_and(|w| w.word > 0 || w.place > 0);
            // Not over a clause's verb or adverb (葉利欽 + 曾, 內塔尼亞胡
            // + 採納).
            let verb = (end..full).any(|k| {
                CLAUSE_VERBS.contains(&doc.at(k))
                    || doc.starting(k).iter().any(|w| w.end - w.start >= 2 && w.info.word >= 100)
            });
            let end =
                if end < full && clean && !full_word && !verb && !doc.word_across(full, 100) { full } else { end };
            return Some(Person { span: i..end, title, foreign: true });
        }
    }
    None
}

/// Words after a name that make it a place's, a treaty's or a body's
/// (馬格里布 + 地區, 馬斯特里赫特 + 條約, 歐佩克 + 成員國).
const THING_AFTER: &[&str] = &[
    "地区",
    "条约",
    "协议",
    "公园",
    "成员国",
    "原油",
    "年会",
    "论坛",
    "之声",
    "发射场",
    "机场",
    "国际",
    "世界",
    "广场",
    "附近",
    "郊区",
    "境内",
    "一带",
    "上空",
    "沿岸",
    "以北",
    "以南",
    "以东",
    "以西",
    "北部",
    "南部",
    "东部",
    "西部",
    "中部",
    "市区",
    "纪录",
    "之最",
];

/// Words before a name that make it a place's (城市呂勒奧, 山城達沃斯).
const PLACE_BEFORE: &[&str] = &["城市", "山城", "首都", "小城", "小镇", "港口", "港城"];

/// Verbs of events held somewhere: 在 + name + one of them is a place
/// (在呂勒奧舉行, 在達沃斯開幕).
const HELD: &[&str] = &["举行", "召开", "开幕", "闭幕", "举办"];

/// Whether the name `i..end` stands where a place, a treaty or a body
/// would (see [`THING_AFTER`], [`PLACE_BEFORE`], [`HELD`]): jieba lists
/// many such foreign words among people's names.
pub(super) fn names_thing(doc: &Doc<'_>, i: usize, end: usize) -> bool {
    let starts = |k: usize, words: &[&str]| words.iter().any(|w| doc.starts_with(k, w));
    starts(end, THING_AFTER)
        || PLACE_BEFORE.iter().any(|w| doc.ends_with(i, w))
        || matches!(doc.at(i.wrapping_sub(1)), '在' | '于') && starts(end, HELD)
        || dateline(doc, end)
}

/// Whether a news dateline's date starts at `at`, after its place and an
/// optional country in brackets (華盛頓１月２０日電, 呂勒奧（瑞典）１月２０日電).
fn dateline(doc: &Doc<'_>, at: usize) -> bool {
    const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十";
    let mut k = at;
    if matches!(doc.at(k), '（' | '(') {
        match (k + 1..doc.len().min(k + 10)).find(|&j| matches!(doc.at(j), '）' | ')')) {
            Some(close) => k = close + 1,
            None => return false,
        }
    }
    let number = |k: &mut usize| {
        let from = *k;
        while *k < doc.len() && *k < from + 3 && NUMERALS.contains(doc.at(*k)) {
            *k += 1;
        }
        *k > from
    };
    number(&mut k)
        && doc.at(k) == '月'
        && {
            k += 1;
            number(&mut k)
        }
        && doc.at(k) == '日'
        && matches!(doc.at(k + 1), '电' | '讯')
}

/// Characters that make the foreign name before them part of a name of a
/// team, paper, party, prize, place or building (拉齊奧隊, 費加羅報,
/// 克里姆林宮).
pub(super) const NOUN_SUFFIXES: &[char] = &[
    '队', '报', '党', '奖', '杯', '省', '州', '市', '县', '区', '镇', '村', '岛', '港', '湖', '河', '海', '湾', '峡',
    '山', '城', '宫', '园', '馆', '厅', '院', '堡', '桥', '法', '号', '牌',
];

/// Whether a title word starts before `i` and goes on past it.
pub(super) fn in_title(doc: &Doc<'_>, i: usize) -> bool {
    doc.crossing(i.saturating_sub(3), i, |w| w.info.cues & TITLE != 0)
}

/// Where a run of transliteration characters ending at `end` stops being
/// a name, searching from `from`: before a frequent word that starts
/// inside it and goes on past it into a content character (克林頓提出,
/// 阿齊茲達成; not 奧爾布賴特等), or before a title inside it (哈瓦特博士).
pub(super) fn transliteration_end(doc: &Doc<'_>, from: usize, end: usize) -> Option<usize> {
    let runs_out = !doc.is_function(end);
    (from..end).find(|&k| {
        doc.starting(k).iter().any(|w| {
            w.end - w.start >= 2
                && (w.info.cues & TITLE != 0 && w.end <= end || runs_out && w.end > end && w.info.word >= 100)
        })
    })
}

/// Middle dots between the parts of a foreign name.
pub(super) const DOTS: &[char] = &['·', '•', '‧', '・'];

/// The longest part of a dotted name (圖丹卻吉尼瑪 has six characters).
pub(super) const MAX_PART: usize = 8;

/// Names written with a middle dot between their parts (喬治·索羅斯,
/// 司馬義·艾買提, 嘉木樣·洛桑久美·圖丹卻吉尼瑪): the dot marks a foreign or
/// minority name, whatever its characters, so each part runs over Han
/// characters to the nearest boundary (see [`dotted_span`]). The whole name
/// replaces the readings found inside it.
pub(super) fn dotted(doc: &Doc<'_>, found: &mut Vec<Person>, taken: &Cover) {
    let mut k = 1;
    while k + 1 < doc.len() {
        let span = DOTS.contains(&doc.at(k)).then(|| dotted_span(doc, k)).flatten();
        match span {
            Some(span) if !taken.overlaps(&span) => {
                found.retain(|p| p.span.end <= span.start || span.end <= p.span.start);
                found.push(Person { span: span.clone(), title: title_before(doc, span.start), foreign: true });
                k = span.end;
            }
            _ => k += 1,
        }
    }
}

/// The dotted name around the dot at `dot`: a part of one to
/// [`MAX_PART`] Han characters before it and after it and after each
/// further dot; at least three characters in all, and no part a numeral
/// (一二·九 is a date).
pub(super) fn dotted_span(doc: &Doc<'_>, dot: usize) -> Option<Range<usize>> {
    let han = |k: usize| doc.is_han(k);
    // Backwards from the dot: not past a function character or a verb
    // that takes a name (同, 用, 叫), nor a title, verb or frequent noun
    // ending there (名叫 + 理查德, 秘書 + 安德烈, 巨頭 + 比爾), nor a role's
    // suffix after a word (金融家 + 喬治, 美國人 + 斯科特); a rarer noun or
    // a place may be part of the name (買買提, 賽福鼎).
    let mut start = dot;
    while start > 0 && dot - start < MAX_PART {
        let k = start - 1;
        let word_ends = doc.ending(k + 1).any(|w| {
            w.info.person == 0
                && !w.info.foreign
                && (w.info.cues & TITLE != 0
                    || w.start < k && (w.info.verb && w.info.word >= 50 || w.info.word >= 300 && !w.info.place_like))
        });
        let role = "员长师家官者人孩翁".contains(doc.at(k)) && han(k.wrapping_sub(1));
        // (Right before the dot, a function character is the name's: 讓·米奧.)
        // (After a title, 于 before transliteration characters spells a
        // name: 外長于貝爾·韋德里納.)
        let spelt = doc.at(k) == '于'
            && (k + 1..dot).all(|j| doc.is_transliteration(j))
            && doc.ending(k).any(|w| w.info.cues & TITLE != 0);
        let function = k + 1 < dot && !spelt && (doc.is_function(k) || "同用叫称请像跟替令邀获".contains(doc.at(k)));
        if !han(k) || function || word_ends && !spelt || role {
            break;
        }
        start = k;
    }
    let mut parts = Vec::new();
    parts.push(start..dot);
    // Forwards: each part takes its first character, then stops before a
    // function character, a speech verb, title or rank, or a frequent word
    // going on (赫朱 + 夫婦, 尼牙孜 + 當選; a place may be inside: 韋德里納),
    // and from its third character on, before a frequent one-character
    // word followed by a word that stops it (索羅斯 + 成了, 庫克 + 時表示;
    // not 尼牙孜當選). A function character second in a part is the
    // name's when a stop follows it (甘地的).
    let stop = |k: usize| {
        !han(k)
            || doc.is_function(k)
            || rank_at(doc, k)
            || doc.starting(k).iter().any(|w| {
                w.info.cues & (SPEECH | TITLE) != 0
                    || w.end - w.start >= 2
                        && w.info.person == 0
                        && !w.info.foreign
                        && !w.info.place_like
                        && w.info.place == 0
                        && w.info.word >= 100
            })
    };
    let mut end = dot;
    while DOTS.contains(&doc.at(end)) && han(end + 1) {
        let from = end + 1;
        // A part another dot ends is whole (嘉木樣·洛桑久美·圖丹).
        let run = (from..doc.len().min(from + MAX_PART + 1)).take_while(|&k| han(k)).count();
        if run <= MAX_PART && DOTS.contains(&doc.at(from + run)) && han(from + run + 1) {
            parts.push(from..from + run);
            end = from + run;
            continue;
        }
        let mut e = from + 1;
        while e < doc.len() && e - from < MAX_PART {
            // 阿不都 is a Uyghur name's part, whatever 都 means alone.
            let own_function = e == from + 1 && han(e) && doc.is_function(e) && stop(e + 1)
                || doc.at(e) == '都' && doc.at(e - 1) == '不' && han(e + 1);
            if stop(e) && !own_function
                || e >= from + 2 && "成所时后均用获".contains(doc.at(e)) && han(e + 1) && stop(e + 1)
            {
                break;
            }
            e += 1;
        }
        parts.push(from..e);
        end = e;
    }
    let numeral = |r: &Range<usize>| r.clone().all(|k| "〇零一二三四五六七八九十".contains(doc.at(k)));
    // A work's title, not a name (《花·媽媽·兒子》, 水彩·局部).
    let word =
        |r: &Range<usize>| doc.info(r.start, r.end).is_some_and(|w| w.word >= 300 && w.person == 0 && !w.foreign);
    let chars: usize = parts.iter().map(Range::len).sum();
    // A prize or place named after a person (馬可·波羅獎, 本·賽卡角).
    let thing = doc.at(start.wrapping_sub(1)) == '《'
        || doc.at(end) == '》'
        || matches!(doc.at(end.wrapping_sub(1)), '奖' | '杯' | '角' | '湖' | '岛' | '港' | '宫' | '馆' | '号');
    let named = parts.iter().all(|r| !r.is_empty() && !numeral(r) && !word(r));
    (parts.len() >= 2 && named && !thing && chars >= 3).then_some(start..end)
}
