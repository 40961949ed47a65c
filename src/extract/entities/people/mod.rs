//! People: a surname (single or compound) and one or two given-name
//! characters, scored by how often jieba's names use those characters, and
//! confirmed by context — a title or role before (董事長伍炳亮), a speech
//! verb, title or rank after (陳健宇表示, 常昊八段), a clause it is the
//! subject of, a name already known — or by strong statistics at a clear
//! boundary. Names also come from lists (魯迅、茅盾、巴金; notes like
//! （女）), bylines, conjunctions with a person, forms of address (小平同志)
//! and repetition. Foreign names are runs of transliteration characters,
//! or names jieba lists, with context, and any name with a middle dot
//! between its parts (喬治·索羅斯, 司馬義·艾買提).

mod foreign;
mod lists;

use super::doc::{Cover, Doc, Heads};
use super::lexicon::{CharMap, CharSet, SPEECH, SURNAME, SURNAME_AMBIGUOUS, SURNAME_JAPANESE, TITLE};
use foreign::{dotted, foreign_name, japanese_name, names_thing};
use lists::{bracket_at, coordinated, name_lists, note_parts, note_starting, person_part};
use std::ops::Range;

/// A person found, with the title written before the name.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub span: Range<usize>,
    pub title: Option<Range<usize>>,
    /// A transliterated foreign name.
    pub foreign: bool,
}

/// Characters after a name at the start of a clause that make the name's
/// reading likely (”范世通是…, 蔡嘉俊也…, 孔玲的…, 王輝以１∶２…).
const CLAUSE_VERBS: &[char] = &[
    '是', '也', '则', '就', '还', '曾', '又', '一', '已', '正', '将', '在', '的', '和', '与', '每', '最', '都', '说',
    '以',
];

/// Whether the clause character at `k` counts only alone and starts a
/// word here (王后 + 以及; 王輝 + 以１∶２ is a subject's).
fn lone_only(doc: &Doc<'_>, k: usize) -> bool {
    doc.at(k) == '以' && doc.starting(k).iter().any(|w| w.end - w.start >= 2 && w.info.word > 0)
}

/// Characters that end the names of places, buildings, groups and things,
/// never a given name (紀念堂, 陳列館, 李寧牌, 胡圖族, 白宮, 莊園).
const NEVER_LAST: &[char] = &[
    '堂', '馆', '区', '院', '厂', '牌', '族', '局', '店', '市', '县', '省', '镇', '乡', '村', '路', '街', '楼', '场',
    '卡', '证', '词', '站', '所', '部', '摄', '都', '庙', '寺', '殿', '园', '宫', '湾', '车', '史', '者', '塔', '嘴',
    '物', '巾', '戏', '沟',
];

/// Characters of `NEVER_LAST` that do end some given names (張宿堂,
/// 王玉樓, 張春園): after a title they may.
const NAMES_MAY_END: &[char] = &['堂', '楼', '园'];

/// Given-name characters below this (tenths of a log-odds) rule a reading out.
const FLOOR: i32 = -20;

/// The people of `doc` outside `taken` (character ranges of organisations);
/// a place may not hold a Chinese name's surname unless a title or speech
/// verb stands by it, nor overlap a foreign name.
pub(super) fn find(doc: &Doc<'_>, taken: &[Range<usize>], places: &[Range<usize>]) -> Vec<Person> {
    let taken = Cover::new(doc.len(), taken);
    let place_list = places;
    let places = Cover::new(doc.len(), places);
    let mut found: Vec<Person> = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        // No name right after a number: 餘, 萬 and 名 go with it (２００餘人,
        // ２８萬馬克).
        if i > 0 && is_digit(doc.at(i - 1)) {
            i += 1;
            continue;
        }
        // A place may be the given name (盛雲龍), not hold the surname (江蘇),
        // unless a title stands before it: a speech verb after a place is
        // the place's government speaking (莫斯科宣布).
        // An organisation just before (北京服裝學院黃關葆) reads like a title.
        let before = if i > 0 && taken.overlaps(&(i - 1..i)) && !taken.overlaps(&(i..i + 1)) {
            Before::Org
        } else if i > 0 && places.overlaps(&(i - 1..i)) && !places.overlaps(&(i..i + 1)) {
            Before::Place
        } else {
            Before::Other
        };
        let chinese = japanese_name(doc, i)
            .or_else(|| familiar_name(doc, i))
            .or_else(|| chinese_name(doc, i, before))
            .or_else(|| addressed_name(doc, i))
            .filter(|p| p.title.is_some() || !places.overlaps(&(p.span.start..p.span.start + 1)));
        // After a title, the name may cover places jieba lists (總理克利馬),
        // not be cut from one (總統布拉 + 藻斯卡斯).
        let inside = |p: &Person| {
            place_list.iter().all(|r| {
                r.end <= p.span.start || r.start >= p.span.end || r.start >= p.span.start && r.end <= p.span.end
            })
        };
        let foreign =
            || foreign_name(doc, i).filter(|p| if p.title.is_some() { inside(p) } else { !places.overlaps(&p.span) });
        // A foreign name that starts like a Chinese one (馬麗卡, 穆斯塔法):
        // the longer reading, when the Chinese one's given name is spelt in
        // transliteration characters.
        let chinese = match chinese {
            Some(c) if (c.span.start + 1..c.span.end).all(|k| doc.is_transliteration(k)) => {
                Some(foreign().filter(|f| f.span.end > c.span.end).unwrap_or(c))
            }
            other => other,
        };
        // Without a title, not where a place, a treaty or a body would
        // stand (歐佩克 + 成員國, 城市 + 呂勒奧).
        let person = chinese
            .or_else(foreign)
            .filter(|p| !taken.overlaps(&p.span) && (p.title.is_some() || !names_thing(doc, p.span.start, p.span.end)));
        match person {
            Some(p) => {
                i = p.span.end;
                found.push(p);
            }
            None => i += 1,
        }
    }
    standalone(doc, &mut found, &taken, &places);
    called(doc, &mut found, &taken, &places);
    reporters(doc, &mut found, &taken, &places);
    name_lists(doc, &mut found, &taken);
    coordinated(doc, &mut found, &taken);
    repeated(doc, &mut found, &taken, &places);
    dotted(doc, &mut found, &taken);
    // Readings from different passes may cover each other: keep the
    // longest.
    found.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    let mut covered = 0;
    found.retain(|p| {
        let keep = p.span.start >= covered;
        covered = covered.max(p.span.end);
        keep
    });
    // A name confirmed once is a name everywhere in the document.
    let mut names = Heads::default();
    for p in found.iter().filter(|p| p.span.len() >= 2) {
        if let Some(name) = doc.chars.get(p.span.clone()) {
            names.add(name);
        }
        // The given name alone, once the full name is known (周恩來 ...
        // 恩來), unless it is an everyday word (建國).
        if p.span.len() == 3 && !p.foreign && single_surname(doc, p.span.start) {
            let given = p.span.start + 1..p.span.end;
            if doc.info(given.start, given.end).is_none_or(|w| w.word == 0 && w.place == 0 && w.org == 0) {
                if let Some(name) = doc.chars.get(given) {
                    names.add(name);
                }
            }
        }
    }
    let mut people = Cover::new(doc.len(), found.iter().map(|p| &p.span));
    let mut more = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let known = names.at(doc, i).next();
        match known {
            // Not where the name begins a longer word (鄧小平理論,
            // 馬克思主義).
            Some(n)
                if name_boundary(doc, i) && !doc.starting(i).iter().any(|w| w.end > i + n.len() && w.info.word > 0) =>
            {
                let span = i..i + n.len();
                if !taken.overlaps(&span) && !people.overlaps(&span) {
                    people.add(&span);
                    more.push(Person { span: span.clone(), title: None, foreign: false });
                }
                i = span.end;
            }
            _ => i += 1,
        }
    }
    found.extend(more);
    found.sort_by_key(|p| p.span.start);
    found
}

/// What ends right before a name: an organisation reads like a title
/// (北京服裝學院黃關葆), a place may head a table's row (河北閻文清).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    Org,
    Place,
    Other,
}

/// A Chinese name starting at `i`.
fn chinese_name(doc: &Doc<'_>, i: usize, before: Before) -> Option<Person> {
    let after_org = before == Before::Org;
    let surname = doc.longest_cued(i, SURNAME)?;
    let ambiguous = surname.info.cues & SURNAME_AMBIGUOUS != 0;
    let title = title_before(doc, i);
    // A conjunction after a title joins it to the next name (小平同志和江
    // 總書記, 總統和阿拉法特): it is no surname there; nor is an agent
    // suffix after a word (司令 + 官金正日).
    if surname.end == i + 1
        && (title.is_some() && AND.contains(&doc.at(i))
            || AGENT_SUFFIXES.contains(&doc.at(i)) && doc.ending(i).any(|w| w.end - w.start >= 2 && w.info.word > 0))
    {
        return None;
    }
    // A title, or an organisation, right before the name.
    let titled = title.is_some() || after_org || aged(doc, i);
    // Without a boundary before it, only a listed name with a title or
    // speech verb after it (先進縣李鵬總理, 受李鵬總理委託).
    let bounded = titled || name_boundary(doc, i);
    if !bounded && (ambiguous || doc.word_across(i, 100)) {
        return None;
    }
    // Nor, without a title, where a frequent word runs across the
    // surname (地方政府, 各項戰鬥: after 地 and 各, which may end words).
    if !titled && doc.word_across(i, 1000) {
        return None;
    }
    let given_from = surname.end;
    // A surname with a speech verb at its start is the verb (強調, 解釋道).
    if doc.starting(i).iter().any(|w| w.info.cues & SPEECH != 0 && w.end > given_from && w.info.person == 0) {
        return None;
    }
    // The surname alone before a title or form of address (毛主席, 孫先生):
    // the title is not part of the name.
    // 毛主席, 孫先生, 張副主任.
    let title_after = |at: usize| {
        // Not a plural (祝 + 叔叔們).
        let is_title = |k: usize| doc.starting(k).iter().any(|w| w.info.cues & TITLE != 0 && doc.at(w.end) != '们');
        is_title(at) || matches!(doc.at(at), '副' | '正' | '代') && is_title(at + 1)
    };
    if bounded && title_after(given_from) && !ambiguous && surname.info.place == 0 {
        return Some(Person { span: i..given_from, title, foreign: false });
    }
    let mut best: Option<(i32, usize)> = None;
    for len in [2usize, 1] {
        let end = given_from + len;
        // 王輝以2∶0, 譚彥迎出門: a function character or an unlikely last
        // character ends the name before it. A title before the name vouches
        // for the last character (記者張宿堂), not for a word and a suffix
        // (紀念 + 堂: jieba files 紀念堂 nr).
        let listed = doc.info(i, end).is_some_and(|w| w.person > 0);
        let stem_word = doc.info(i, end - 1).is_some_and(|w| w.word >= 100);
        if !(given_from..end).all(|k| doc.is_han(k))
            || NEVER_LAST.contains(&doc.at(end - 1))
                && (title.is_none() || stem_word || !NAMES_MAY_END.contains(&doc.at(end - 1)))
            || len == 2 && (doc.is_function(end - 1) || doc.at(end - 1) == '则') && !listed
            // A title or speech verb is no given name (何大爺, 時強調), nor
            // the whole name (祝賀).
            || doc.starting(given_from).iter().any(|w| w.info.cues & (TITLE | SPEECH) != 0 && w.end - w.start >= 2)
            // Nor is the start of a title, a speech verb or a player's
            // rank after the name (吳彬 + 總教練, 柯亨 + 聲稱, 葉桂 + 五段);
            // other verbs may start there (鄭必堅強調, 褚時健在).
            || len == 2
                && (rank_at(doc, end - 1)
                    || doc
                        .starting(end - 1)
                        .iter()
                        .any(|w| w.end - w.start >= 2 && w.info.cues & (TITLE | SPEECH) != 0))
            || doc.info(i, end).is_some_and(|w| w.cues & (TITLE | SPEECH) != 0)
        {
            continue;
        }
        // The name is the start of a longer word (鄧小平理論, 馬克思主義) or
        // of a title (黨委副書記).
        let longer = |w: &&super::doc::Word| {
            w.end > end && (w.info.word > 0 && !w.info.place_like || w.info.person > 0 || w.info.cues & TITLE != 0)
        };
        if doc.starting(i).iter().any(|w| longer(&w)) {
            continue;
        }
        let scores = || (given_from..end).map(|k| doc.lexicon.given_score(doc.at(k)));
        let sum: i32 = scores().sum();
        // jieba's names of two characters are mostly everyday words (祝賀):
        // they count only with a given name that is a name's in most uses.
        let known = listed && (len == 2 || doc.left_boundary(i) && sum >= 50);
        if scores().any(|s| s < FLOOR) && !known {
            continue;
        }
        // A listed name of two characters before a word (李鵬 + 笑著):
        // not a longer unlisted one.
        if len == 2
            && !listed
            && doc.info(i, end - 1).is_some_and(|w| w.person > 0)
            && doc.starting(end - 1).iter().any(|w| w.end > end && w.info.word >= 30)
        {
            continue;
        }
        // A speech verb or a title after the name (錢其琛說, 李鵬總理).
        // Not a one-character verb that starts a longer word (稱 + 稱號).
        let speech = doc.starting(end).iter().any(|w| {
            w.info.cues & (SPEECH | TITLE) != 0
                && !(w.end == end + 1
                    && doc.starting(end).iter().any(|l| l.end > w.end && l.info.word >= 100 && l.info.cues == 0))
        }) || rank_at(doc, end);
        // The name itself is an everyday word (陳述 is not 陳 + 述 here).
        // jieba files some names as words (周恩來 as a time word): a word of
        // three characters is still a name when its given name reads as one.
        // A title before and a speech verb right after vouch for a rare
        // word (記者高潔攝), not a common one (主任馬上表示).
        // For three characters, a speech verb will do (金正日指出: jieba
        // files it as a proper noun).
        let vouched = (title.is_some() || len == 2) && speech && doc.info(i, end).is_some_and(|w| w.word < 1000);
        // A frequent noun is a word whatever its characters (穆斯林,
        // 紀念碑); jieba files a few rare names as nouns (劉瀾濤).
        // After a title, a rare word is a name (記者安江: a village), and
        // so is one jieba tags a place but is no place we know (書記羅幹).
        let min_word = |w: &super::lexicon::Info| match (titled, w.place_like && w.place == 0) {
            (true, true) => 300,
            (true, false) => 10,
            (false, _) => 1,
        };
        let word =
            doc.info(i, end).is_some_and(|w| w.word >= min_word(w) && (len == 1 || sum < 0 || w.noun && w.word >= 100))
                && !vouched;
        // A word runs on from the last given character (張明天氣).
        // Not when a title or speech verb follows (江澤民主席 has 民主).
        // A place always does after a single given character (大使向美國務卿:
        // 美國; not 鄧小平南方, 平南 a county).
        // After a title, not a word of the last given character and a
        // conjunction (副委員長吳階平 + 和: 平和).
        let conjoined = |w: &super::doc::Word| titled && len == 2 && w.end == end + 1 && AND.contains(&doc.at(end));
        let runs_on = doc
            .starting(end - 1)
            .iter()
            .any(|w| w.end > end && (w.info.word >= 300 && !speech && !conjoined(w) || len == 1 && w.info.place > 0));
        // Without a title or speech verb, a given name that is an everyday
        // verb or noun reads as that word (陳進入伏擊圈, 宋駕車逃離; not
        // 歐陽建國主持).
        let given_word = len == 2
            && !titled
            && !speech
            && !listed
            && doc.info(given_from, end).is_some_and(|w| w.word >= 300 && (w.verb || w.noun));
        // A verb after the name at a clause start: the name is its subject.
        // Not for jieba's two-character "names", mostly everyday words
        // (辛勤, 祝賀).
        let verb_after = !(len == 1 && listed)
            && doc.starting(end).iter().any(|w| (w.info.verb || w.info.adverb) && w.end - w.start >= 2);
        // (Not where the last given character starts a word running on:
        // 周萌 + 樂呵呵.)
        let clause = !doc.is_function(i.wrapping_sub(1))
            && (CLAUSE_VERBS.contains(&doc.at(end)) && !lone_only(doc, end) || verb_after)
            && doc.left_boundary(i)
            && !(len == 2 && doc.starting(end - 1).iter().any(|w| w.end > end && w.info.word >= 30));
        // Elected or appointed: 選舉李修源為院長, 任命某某為, with a note
        // between (選舉黃任文（壯族）為).
        let (noted, after_note) = note_starting(doc, end);
        let appointed =
            (doc.at(end) == '为' || noted && doc.at(after_note) == '为') && APPOINT.iter().any(|a| doc.ends_with(i, a));
        // A place before and a score or age in brackets after: a table
        // of players (河北閻文清（２４３９分）).
        let scored = before == Before::Place && matches!(doc.at(end), '（' | '(') && is_digit(doc.at(end + 1));
        // A note with a sex or a nationality among its parts
        // (占旭剛（中國，男，舉重）, 羅理誠（哈尼族）).
        let noted_person = sexed_note(doc, end);
        // A name and a colon opening a paragraph: a speaker in an
        // interview (萬寶瑞：鄉鎮企業...), not a heading (榮譽：, 查閱制：).
        let speaker =
            (i == 0 || doc.at(i - 1) == '\n') && matches!(doc.at(end), '：' | ':') && !(len == 1 && listed) && sum >= 0;
        // A name jieba lists, after a verb that takes a person (學雷鋒,
        // 丟給孫權), not the end of a longer word (遠見 + 卓識).
        let taken_by_verb = listed
            && PERSON_LEFT.contains(&doc.at(i.wrapping_sub(1)))
            && !doc.ending(i).any(|w| w.end - w.start >= 2 && w.info.word >= 100);
        let context = titled
            || speech
            || appointed
            || scored
            || noted_person
            || speaker
            || taken_by_verb
            || counted_after(doc, end);
        // After an office's name (人事處, 農業司) with a title or speech
        // verb after the name (裴兆宏處長, 崔世安司長, 周代群指出).
        let unit_before = OFFICE_ENDS.contains(&doc.at(i.wrapping_sub(1))) && speech;
        // A well-known full name jieba lists needs no boundary before it,
        // only no word or name running into it (翻身全靠毛澤東, 同姜春雲一起;
        // not in a headline's run of names, 李鵬喬石朱鎔基).
        let well_known = || {
            len == 2
                && doc.info(i, end).is_some_and(|w| w.person >= 50 && w.word == 0)
                && sum >= 0
                && !doc.word_across(i, 30)
                && !doc.ending(i).any(|w| w.info.person > 0)
                && !doc.starting(end).iter().any(|w| w.info.person >= 50)
        };
        if !(bounded || listed && speech || unit_before || scored || noted_person || speaker || well_known()) {
            continue;
        }
        // Without a title, an ambiguous surname and the next character
        // that make a frequent word are that word (他很高興擔任: 高興).
        // So does any surname and a frequent word when the last character
        // is a surname with a title of its own (紀念 + 江主席), or is
        // unlikely in names after a very frequent word (管理 + 廳, 申請 +
        // 書; not 王國 + 棟).
        let own_title = single_surname(doc, end - 1) && title_after(end);
        let word_inside = !titled
            && doc.starting(i).iter().any(|w| {
                w.end > given_from
                    && w.end < end
                    && (ambiguous && w.info.word >= 500
                        || own_title && w.info.word >= 1000
                        || w.info.word >= 5000
                        || w.info.word >= 2000 && doc.lexicon.given_score(doc.at(end - 1)) < 20)
            });
        // (成為 runs on from 選舉李玉成為: the election pattern wins.)
        // Whatever the context, a very frequent adverb or verb the surname
        // starts inside the name reads as itself (幹部 + 尤其要).
        let function_word = doc
            .starting(i)
            .iter()
            .any(|w| w.end > given_from && w.end < end && (w.info.adverb || w.info.verb) && w.info.word >= 1000);
        // A noun the surname starts and a locative after it (叢書 + 中,
        // 花園 + 裏): the place in a thing, not a name.
        let located = len == 2
            && matches!(doc.at(end - 1), '中' | '上' | '里' | '内')
            && doc.info(i, end - 1).is_some_and(|w| w.noun && w.word >= 10 && w.person == 0);
        let confirmed = if word || runs_on && !appointed || given_word || word_inside || function_word || located {
            false
        } else if ambiguous {
            // 和, 時, 向 are mostly not surnames: only a title before the
            // name, or a speech verb after it at a clause start, makes them one.
            let listed_title = doc.ending(i).any(|w| w.info.cues & TITLE != 0);
            // One that is a function word (和, 都, 向, 于) needs both (or
            // a title and a listed name, or a credit in brackets), or a
            // given name of two characters that reads as one (署長于友先
            // 指出, （記者于海生）; not 領導人都希望).
            let clause_speech = speech && doc.left_boundary(i);
            // So does a full name jieba lists as the subject of a clause
            // (龍永圖在演講中, 郎平並不).
            let listed_subject =
                clause && len == 2 && listed && doc.at(end) != '的' && doc.info(i, end).is_some_and(|w| w.word == 0);
            // Or any title or role before a given name of two characters
            // that reads strongly as one (幹部高玉明).
            let strong_after_title = title.is_some() && len == 2 && sum >= 30 && !doc.word_across(i, 100);
            let either = listed_title
                || clause_speech
                || strong_after_title
                || appointed
                || counted_after(doc, end)
                || listed_subject
                || speaker;
            sum >= FLOOR
                && if doc.is_function(i) {
                    let credit = matches!(doc.at(end), '）' | ')');
                    // Not before a name jieba lists or a Japanese family
                    // name (向李鵬總理, 向橋本首相).
                    let name_after = doc.info(given_from, end).is_some_and(|w| w.person > 0)
                        || doc.starts_cued(given_from, SURNAME_JAPANESE);
                    !name_after && (listed_title && (speech || listed || credit) || either && len == 2 && sum >= 30)
                } else {
                    // A role before it (農民石風科) with a given name of two
                    // characters that reads as one, not where the surname
                    // starts a word or the given name is one (成績喜人,
                    // 應增強).
                    let role = title.as_ref().is_some_and(|t| {
                        matches!(doc.at(t.end - 1), '员' | '者' | '民' | '师' | '手')
                            && doc.info(t.start, t.end).is_some_and(|w| w.noun)
                    });
                    let words =
                        doc.starting(i).iter().any(|w| w.end > given_from && (w.info.word > 0 || w.info.place > 0))
                            || doc.info(given_from, end).is_some_and(|w| w.word >= 100);
                    // Or it starts a clause with a given name that reads
                    // strongly as one (常昊在開局).
                    either || role && !words && len == 2 && sum >= 0 || clause && !words && sum >= 50
                }
        } else if context {
            sum >= FLOOR || known
        } else if known {
            sum >= 3 * FLOOR
        } else if clause {
            // 孔玲的話, 譚彥每天: one given character must read as a name,
            // unless jieba lists the name and a verb follows (喬石在; jieba
            // lists everyday words too: 陳舊的, 周密的).
            sum >= if len == 2 {
                -10
            } else if listed && doc.at(end) != '的' {
                FLOOR
            } else {
                15
            }
        } else {
            // Statistics alone: not where the last character starts a word
            // running on past the name (俞斌孤身, 顏旭頗感, 鄭弘九段), nor
            // after a name jieba knows well (李鵬 + 笑著).
            let word_after = doc.starting(end - 1).iter().any(|w| w.end > end && w.info.word >= 30);
            let famous = doc.info(i, end - 1).is_some_and(|w| w.person >= 100);
            len == 2 && sum >= 50 && !word_after && !famous
        };
        if confirmed && best.is_none_or(|(s, _)| sum > s) {
            best = Some((sum, end));
            if len == 2 {
                break;
            }
        }
    }
    best.map(|(_, end)| Person { span: i..double_surname(doc, i, end).unwrap_or(end), title, foreign: false })
}

/// Whether a bracketed note starting at `at` gives a sex or a nationality
/// among its parts (（中國，男，舉重）, （女）, （哈尼族）).
fn sexed_note(doc: &Doc<'_>, at: usize) -> bool {
    bracket_at(doc, at, 16).is_some_and(|(note, _)| note_parts(note).any(person_part))
}

/// Whether 等 and a count of people follow `end` (李志強等４５位同志,
/// 金正波等５名, 森哲郎等４０餘人): the name ends a list of people.
fn counted_after(doc: &Doc<'_>, end: usize) -> bool {
    const NUMERALS: &str = "一二两三四五六七八九十百千几";
    if doc.at(end) != '等' {
        return false;
    }
    let digits =
        (end + 1..doc.len().min(end + 6)).take_while(|&k| is_digit(doc.at(k)) || NUMERALS.contains(doc.at(k))).count();
    let mut k = end + 1 + digits;
    if doc.at(k) == '余' || doc.at(k) == '多' {
        k += 1;
    }
    digits > 0 && matches!(doc.at(k), '名' | '位' | '个' | '人')
}

/// Whether an age stands right before `i` (２９歲的田泳, 八十三歲的劉喜蘋):
/// like a title, it says a person follows.
fn aged(doc: &Doc<'_>, i: usize) -> bool {
    i >= 3
        && doc.at(i - 1) == '的'
        && doc.at(i - 2) == '岁'
        && (is_digit(doc.at(i - 3)) || "一二三四五六七八九十多".contains(doc.at(i - 3)))
}

/// An ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Drops every reading of the sorted `found` that overlaps the one kept
/// before it.
fn drop_overlapping(found: &mut Vec<Person>) {
    found.dedup_by(|a, b| a.span.start < b.span.end && b.span.start < a.span.end);
}

/// A married woman's name in Hong Kong style, her husband's surname before
/// her own (陳方安生, 范徐麗泰), read as a surname and two given
/// characters: the whole name, when the text goes on after it.
fn double_surname(doc: &Doc<'_>, i: usize, end: usize) -> Option<usize> {
    if end != i + 3 {
        return None;
    }
    let second = doc.longest(i + 1, |w| w.info.cues & SURNAME != 0 && w.end == i + 2)?;
    let four = i + 4;
    let scores = (i + 2..four).map(|k| doc.lexicon.given_score(doc.at(k)));
    let given_ok = (i + 2..four).all(|k| doc.is_han(k))
        && scores.clone().all(|s| s >= FLOOR)
        && doc.lexicon.given_score(doc.at(four - 1)) >= 0
        && !doc.is_function(four - 1)
        && !NEVER_LAST.contains(&doc.at(four - 1));
    // A speech verb or title after it; the end of a clause will do when the
    // second surname is no everyday character.
    let speech = doc
        .starting(four)
        .iter()
        .any(|w| w.info.cues & (SPEECH | TITLE) != 0 && (w.end - w.start >= 2 || matches!(doc.at(four), '说' | '称')));
    let clause_end = !doc.is_name_char(four) && second.info.cues & SURNAME_AMBIGUOUS == 0;
    (single_surname(doc, i) && given_ok && (speech || clause_end) && !doc.word_across(four, 100)).then_some(four)
}

/// Whether the longest surname at `i` is a single character (王 in
/// 王新蘭; not 歐陽).
fn single_surname(doc: &Doc<'_>, i: usize) -> bool {
    doc.longest_cued(i, SURNAME).is_some_and(|w| w.end == i + 1)
}

/// Whether a player's rank starts at `at` (常昊八段, 葉桂五段): a title
/// written after the name.
fn rank_at(doc: &Doc<'_>, at: usize) -> bool {
    matches!(doc.at(at), '初' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九') && doc.at(at + 1) == '段'
}

/// A familiar form, 老 or 小 and a surname (老黃說, 小王), with a speech
/// verb or title after it or at a clause start.
fn familiar_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    if matches!(doc.at(i + 1), '老' | '某' | '总') {
        return respectful_name(doc, i);
    }
    if doc.at(i + 1) == '家' {
        return family(doc, i);
    }
    if doc.at(i) == '阿' {
        return a_name(doc, i);
    }
    if !matches!(doc.at(i), '老' | '小') || !doc.left_boundary(i) {
        return None;
    }
    let surname = doc.longest(i + 1, |w| w.info.cues & SURNAME != 0 && w.end == i + 2)?;
    if surname.info.cues & SURNAME_AMBIGUOUS != 0 {
        return None;
    }
    let end = i + 2;
    familiar_context(doc, end).then_some(Person { span: i..end, title: None, foreign: false })
}

/// Whether what follows a familiar name ending at `end` makes it one: a
/// speech verb or title, a clause's end or clause character, or a verb
/// it is the subject of (小賈打斷了他).
fn familiar_context(doc: &Doc<'_>, end: usize) -> bool {
    doc.starts_cued(end, SPEECH | TITLE)
        || !doc.is_name_char(end)
        || CLAUSE_VERBS.contains(&doc.at(end))
        || doc.starting(end).iter().any(|w| w.info.verb && w.end - w.start >= 2)
}

/// A familiar name, 阿 and a given-name character (阿良一開唱, 苦命的阿珠),
/// with a speech verb or title after it, or a verb or a clause's end:
/// not a word (阿姨, 阿婆, 阿拉), nor the start of a longer word or place
/// (阿富汗, 阿里).
fn a_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    let end = i + 2;
    if !doc.left_boundary(i) || !doc.is_name_char(i + 1) || doc.lexicon.given_score(doc.at(i + 1)) < 0 {
        return None;
    }
    let word = doc.starting(i).iter().any(|w| w.end >= end && (w.info.word > 0 || w.info.place | w.info.org != 0));
    if word {
        return None;
    }
    familiar_context(doc, end).then_some(Person { span: i..end, title: None, foreign: false })
}

/// Members of a family named by its surname and 家 (趙家父子, 宋家大人,
/// 陳家三兄弟): the surname is the person's name.
fn family(doc: &Doc<'_>, i: usize) -> Option<Person> {
    const MEMBERS: &[&str] =
        &["父子", "父女", "母子", "母女", "兄弟", "兄妹", "姐妹", "姐弟", "老小", "大人", "夫妇", "夫妻"];
    let surname = doc.longest_cued(i, SURNAME)?;
    if surname.end != i + 1 || surname.info.cues & SURNAME_AMBIGUOUS != 0 || !name_boundary(doc, i) {
        return None;
    }
    let at = i + 2 + usize::from("二三四五六七八九两".contains(doc.at(i + 2)));
    let members =
        MEMBERS.iter().any(|m| doc.starts_with(at, m)) || at > i + 2 && matches!(doc.at(at), '兄' | '姐' | '姊' | '口');
    // Not a place or word (王家莊, 張家口).
    let word = doc.starting(i).iter().any(|w| w.end > i + 2 && (w.info.word > 0 || w.info.place | w.info.org != 0));
    (members && !word).then_some(Person { span: i..i + 1, title: None, foreign: false })
}

/// A surname and 老, said of an elder (孫老將軍, 許老的大寫意), 總, said of
/// a boss (楊總，你們), or 某 (某某), a person the text will not name
/// (乘客陳某攜帶): where a name
/// may start, not a word (古老, 元老), and with a title, speech verb, verb
/// or clause's end after it.
fn respectful_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    let surname = doc.longest_cued(i, SURNAME)?;
    if surname.end != i + 1 || surname.info.cues & SURNAME_AMBIGUOUS != 0 {
        return None;
    }
    let end = if doc.at(i + 1) == '某' && doc.at(i + 2) == '某' { i + 3 } else { i + 2 };
    // 總 heads titles and words (江 + 總書記, 總是): only alone.
    let word = doc.starting(i).iter().any(|w| w.end > i + 1 && w.info.word > 0 || w.info.place | w.info.org != 0)
        || doc.starting(i + 1).iter().any(|w| w.end > end && (w.info.word >= 100 || doc.at(i + 1) == '总'));
    let title = title_before(doc, i);
    let before = title.is_some() || name_boundary(doc, i) || doc.at(i.wrapping_sub(1)) == '的';
    let after = !doc.is_name_char(end)
        || CLAUSE_VERBS.contains(&doc.at(end))
        || doc.starting(end).iter().any(|w| w.info.cues & (SPEECH | TITLE) != 0 || w.info.verb);
    (!word && before && after && !doc.word_across(i, 100)).then_some(Person { span: i..end, title, foreign: false })
}

/// Forms of address written after a name (小平同志, 默里先生).
const ADDRESS: [&str; 5] = ["同志", "先生", "女士", "小姐", "夫人"];

/// A name of two or three characters, of any shape, before a form of
/// address (小平同志, 阿木先生) or, as a nickname with 阿 (阿木), after a
/// title or before a speech verb: not a word, place or organisation.
fn addressed_name(doc: &Doc<'_>, i: usize) -> Option<Person> {
    // The cheap tests first: this runs wherever no other name starts.
    let addressed = |end: usize| {
        matches!(doc.at(end), '同' | '先' | '女' | '小' | '夫') && ADDRESS.iter().any(|a| doc.starts_with(end, a))
    };
    // Not the start of a foreign name (阿齊茲).
    let nickname = doc.at(i) == '阿' && !doc.is_transliteration(i + 2);
    if !nickname && !addressed(i + 2) && !addressed(i + 3) {
        return None;
    }
    let mut ends = [i + 2, i + 3].into_iter().filter(|&end| addressed(end));
    let title = title_before(doc, i);
    // After punctuation or a title, not after a function word (一些陳同志).
    let punctuated = i == 0 || !doc.is_han(i - 1);
    if title.is_none() && !punctuated {
        return None;
    }
    let plain = |end: usize| {
        (i..end).all(|k| doc.is_name_char(k))
            // (A word jieba tags a place but no gazetteer knows is a name
            // here: 安南先生.)
            && doc.info(i, end).is_none_or(|w| (w.word < 100 || rare_place_tag(w)) && w.place | w.org == 0 && w.cues == 0)
            && !doc.starting(i).iter().any(|w| w.end > end && w.info.word > 0)
    };
    if let Some(end) = ends.find(|&end| plain(end)) {
        return Some(Person { span: i..end, title, foreign: false });
    }
    let end = i + 2;
    let speech = doc.starts_cued(end, SPEECH);
    (nickname && plain(end) && (title.is_some() || speech)).then_some(Person { span: i..end, title, foreign: false })
}

/// Verbs of electing and appointing, before a name and 為 (選舉李修源為).
const APPOINT: &[&str] = &["选举", "补选", "推选", "推举", "任命", "聘请", "聘任", "委任", "提名", "增补", "选"];

/// Last characters of the names of offices and units (人事處, 農業司,
/// 辦公室): a name after one is not in the middle of a word.
const OFFICE_ENDS: &[char] =
    &['处', '司', '局', '厅', '室', '科', '所', '站', '院', '厂', '队', '组', '办', '委', '部'];

/// Characters that end words for people's roles and kin (委員, 演員, 連長,
/// 教師, 作家, 選手, 職工, 工商戶, 勞模, 農民, 婦女, 幹部, 學者, 男童,
/// 父親, 妻, 弟弟, 叔叔, 兒媳, 老農): such a word before a name is its title.
const ROLE_ENDINGS: &[char] = &[
    '员', '长', '师', '家', '手', '工', '户', '模', '官', '兵', '士', '民', '女', '部', '者', '童', '亲', '妻', '夫',
    '犯', '姐', '妹', '哥', '弟', '爷', '奶', '叔', '姨', '舅', '祖', '媳', '农',
];

/// Words and endings of words with a role's last character that name no
/// one person: a country, everybody, a household, staff (國家, 大家,
/// 技術人員).
const NOT_ROLES: &[&str] = &["国家", "大家", "人家", "全家", "老家", "回家", "人员"];

/// The title or role written right before `i`.
fn title_before(doc: &Doc<'_>, i: usize) -> Option<Range<usize>> {
    doc.ending(i)
        .find(|w| {
            w.info.cues & TITLE != 0
                || w.end - w.start >= 2
                    && w.info.word > 0
                    && !w.info.place_like
                    && ROLE_ENDINGS.contains(&doc.at(w.end - 1))
                    && !NOT_ROLES.iter().any(|r| doc.ends_with(w.end, r))
        })
        .map(|w| w.start..w.end)
        .or_else(|| {
            // A word and an agent suffix no lexicon lists as one word
            // (偵查員, 投遞員, 飼養員).
            let suffix = i.checked_sub(1).filter(|&k| AGENT_SUFFIXES.contains(&doc.at(k)))?;
            doc.ending(suffix)
                .find(|w| w.end - w.start >= 2 && w.info.word > 0 && w.info.place == 0)
                .map(|w| w.start..i)
        })
}

/// Characters that make a word into a person doing it (偵查 + 員).
const AGENT_SUFFIXES: &[char] = &['员', '师', '官'];

/// Verbs that close a credit after the name: photographed, painted,
/// drawn, written, carved (（牟健為攝）, （夏清泉畫）).
const CREDIT_VERBS: &[char] = &['摄', '画', '绘', '书', '刻'];

/// Names standing alone between delimiters: a credit in brackets
/// (（陳小波）), a byline on its own line, an item before 等.
fn standalone(doc: &Doc<'_>, found: &mut Vec<Person>, taken: &Cover, places: &Cover) {
    const OPEN: &[char] = &['（', '(', '【', '[', '—', '\n', ':', '：'];
    const CLOSE: &[char] = &['）', ')', '】', ']', '\n', '等', '，', '、', '。'];
    let mut i = 0;
    while i < doc.len() {
        let opens = i == 0 || OPEN.contains(&doc.at(i - 1));
        if !opens {
            i += 1;
            continue;
        }
        let end = (i..doc.len().min(i + 5)).find(|&k| !doc.is_han(k)).unwrap_or(doc.len().min(i + 5));
        let closes = end == doc.len() || CLOSE.contains(&doc.at(end)) || doc.at(end) == '摄';
        if !closes {
            i += 1;
            continue;
        }
        // A credit's verb closing it is not the name's (（夏清泉畫）).
        let end = if end > i + 2 && CREDIT_VERBS.contains(&doc.at(end - 1)) && closes { end - 1 } else { end };
        let span = i..end;
        // A line that is only a name is a byline, whatever its surname
        // (嚴平, 高爽).
        let line = (i == 0 || doc.at(i - 1) == '\n') && (end == doc.len() || doc.at(end) == '\n');
        let surnames = if line { Surnames::Any } else { Surnames::Clear };
        // A photograph's position is no byline (（左一）, （右二）).
        let position = end == i + 2 && matches!(doc.at(i), '左' | '右') && "一二三四五六七八九".contains(doc.at(i + 1));
        let byline = byline(doc, &span);
        let name = !position && (end > i + 1 && shaped(doc, &span, surnames) || byline);
        // In a credit or byline, a place is the name's (（晏樂安）,
        // （烏蘭察夫）), unless the byline is all of a place.
        let credited = matches!(doc.at(i.wrapping_sub(1)), '（' | '(') && CREDIT_VERBS.contains(&doc.at(end));
        let place_free = !places.overlaps(&span)
            || credited
            || byline && doc.info(span.start, span.end).is_none_or(|w| w.place == 0);
        if name && !taken.overlaps(&span) && place_free {
            found.push(Person { span: span.clone(), title: None, foreign: false });
            i = end;
        } else {
            i += 1;
        }
    }
    found.sort_by_key(|p| p.span.start);
    drop_overlapping(found);
}

/// Names the text introduces as names: after 叫 (called: 一位叫聶煜的女
/// 青年, 男的叫張攀，), two to four characters of any shape up to 的 or
/// punctuation, no word, place or organisation; after 姓 (surnamed: 一位姓
/// 彭的師傅), a listed surname alone.
fn called(doc: &Doc<'_>, found: &mut Vec<Person>, taken: &Cover, places: &Cover) {
    const CLOSE: &[char] = &['的', '，', '。', '、', '；', '：', '”', '）', '\n'];
    let closes = |k: usize| k == doc.len() || CLOSE.contains(&doc.at(k));
    // The verb itself, not the end of a word (喊叫, 百姓; 名叫 is one).
    let verb_at = |k: usize, verb: char| {
        doc.at(k) == verb
            && !doc.ending(k + 1).any(|w| w.end - w.start >= 2 && w.info.word > 0 && !doc.ends_with(w.end, "名叫"))
            && !doc.starting(k).iter().any(|w| w.end > k + 1 && w.info.word > 0)
    };
    for i in 1..doc.len() {
        // (Most positions follow neither verb.)
        if !matches!(doc.at(i - 1), '叫' | '姓') {
            continue;
        }
        let span = if verb_at(i - 1, '叫') {
            let Some(end) = (i + 2..=doc.len().min(i + 4)).find(|&end| closes(end)) else {
                continue;
            };
            let plain = (i..end).all(|k| doc.is_name_char(k))
                && doc.info(i, end).is_none_or(|w| w.person > 0 || w.word == 0 && w.place | w.org == 0)
                && !(i..end).any(|k| doc.starting(k).iter().any(|w| w.end > end && w.info.word > 0));
            // A Chinese name's shape, a foreign one's characters, or a name
            // jieba lists (聶煜, 巴拉吉尼, 安培; not 萬金油).
            let name = shaped(doc, &(i..end), Surnames::Any)
                || (i..end).all(|k| doc.is_transliteration(k))
                || doc.info(i, end).is_some_and(|w| w.person > 0);
            if !plain || !name {
                continue;
            }
            i..end
        } else if verb_at(i - 1, '姓') && (closes(i + 1) || doc.at(i + 1) == '名') {
            if !doc.starting(i).iter().any(|w| w.end == i + 1 && w.info.cues & SURNAME != 0) {
                continue;
            }
            i..i + 1
        } else {
            continue;
        };
        if !taken.overlaps(&span) && !places.overlaps(&span) {
            found.push(Person { span, title: None, foreign: false });
        }
    }
    found.sort_by_key(|p| p.span.start);
    drop_overlapping(found);
}

/// Reporters named in a credit after 記者: two to four characters closed
/// by 報道, 攝, a bracket, a line's end or a 、 before the next reporter
/// (記者果永毅、王芳報道, （新華社記者王能標攝）, （記者支林飛）). There the
/// name need not have a name's shape, only not be a frequent word, a place
/// or an organisation.
fn reporters(doc: &Doc<'_>, found: &mut Vec<Person>, taken: &Cover, places: &Cover) {
    let closes = |e: usize| {
        matches!(doc.at(e), '）' | ')' | '\n' | '\0' | '摄' | '、') || doc.at(e) == '报' && doc.at(e + 1) == '道'
    };
    let mut more = Vec::new();
    for k in 2..doc.len() {
        if !(doc.at(k - 2) == '记' && doc.at(k - 1) == '者') {
            continue;
        }
        let mut i = k;
        while let Some(e) = (i + 2..=i + 4).find(|&e| closes(e) && (i..e).all(|j| doc.is_han(j))) {
            let span = i..e;
            let info = doc.info(i, e);
            let known = info.is_some_and(|w| w.word >= 100 && w.person == 0 || w.place | w.org != 0 || w.cues != 0);
            // Not a verb phrase (記者到山上、, 記者採訪拍攝).
            let surname = doc.starts_cued(i, SURNAME);
            let phrase = doc.is_function(i) && !surname
                || doc.starting(i).iter().any(|w| w.end - w.start >= 2 && w.info.word >= 100 && w.info.person == 0);
            if known || phrase || taken.overlaps(&span) || places.overlaps(&span) {
                break;
            }
            more.push(Person { span, title: Some(k - 2..k), foreign: false });
            if doc.at(e) != '、' {
                break;
            }
            i = e + 1;
        }
    }
    found.extend(more);
    found.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    drop_overlapping(found);
}

/// Whether `span` is a byline in brackets closing a paragraph
/// (…已正式通水。（曉東）): a reporter's name or pen name, or a surname
/// alone, need not have a name's shape there, only not be a word, place or
/// organisation.
fn byline(doc: &Doc<'_>, span: &Range<usize>) -> bool {
    let (a, b) = (span.start, span.end);
    let sentence_end = a < 2 || matches!(doc.at(a - 2), '。' | '！' | '？' | '”' | '\n' | '）');
    // A credit's verb may close it (（向民航攝）).
    let close = if CREDIT_VERBS.contains(&doc.at(b)) { b + 1 } else { b };
    let paragraph_end = matches!(doc.at(close), '）' | ')') && matches!(doc.at(close + 1), '\n' | '\0');
    let opened = matches!(doc.at(a.wrapping_sub(1)), '（' | '(');
    let info = doc.info(a, b);
    let listed = info.is_some_and(|w| w.place | w.org != 0 || w.cues & !(SURNAME | SURNAME_AMBIGUOUS) != 0);
    let word = info.is_some_and(|w| w.word >= 500 && w.person == 0);
    let surname = doc.longest_cued(a, SURNAME).is_some_and(|w| w.end == b && w.info.cues & SURNAME_AMBIGUOUS == 0);
    // Two words (本報 + 專電), or a credit with its verb, are no byline.
    let compound = (a + 2..b.saturating_sub(1)).any(|k| {
        let word = |x: usize, y: usize| doc.info(x, y).is_some_and(|w| w.word > 0);
        word(a, k) && word(k, b)
    });
    opened
        && sentence_end
        && paragraph_end
        && !listed
        && !word
        && !compound
        && doc.at(b - 1) != '摄'
        && (b - a == 1 && surname || (2..=4).contains(&(b - a)))
        // A surname that is also a function word may start it (于寶井).
        && (a..b).all(|k| doc.is_name_char(k) || k == a && b - a >= 2 && single_surname(doc, a))
}

/// Whether a name may start at `i`: after a boundary character, or after a
/// word, title or speech verb that ends there (會見 + 江澤民, 並說 +
/// 克林頓) without a word running across.
fn name_boundary(doc: &Doc<'_>, i: usize) -> bool {
    doc.left_boundary(i)
        // After a date or number with its unit (1965年周恩來).
        || i >= 2 && matches!(doc.at(i - 1), '年' | '月' | '日' | '号') && is_digit(doc.at(i - 2))
        || (PERSON_LEFT.contains(&doc.at(i.wrapping_sub(1))) && i > 0
            || doc.ending(i).any(|w| w.info.word >= 100 || w.info.cues & (TITLE | SPEECH) != 0))
            && !doc.word_across(i, 100)
}

/// One-character verbs and prepositions that take a person as object
/// (使李長水, 請鄧亞萍, 致錢其琛, 叫蘇利曼, 學雷鋒, 像彭楚政那樣, 演潘漢年, 帶張敏,
/// 繼鄧在軍之後).
const PERSON_LEFT: &[char] = &[
    '使', '用', '看', '请', '叫', '当', '致', '比', '跟', '给', '让', '找', '派', '帮', '陪', '送', '接', '称', '问',
    '见', '学', '像', '演', '带', '继', '听', '随', '替', '劝', '救', '骂', '夸',
];

/// Names said again and again, though never with a title: a surname and
/// two given characters with a name's shape where a name may start and no
/// word runs across its end, a surname and one given character between a
/// boundary and a clause's edge, a given name after 小 (小迎艷), or a
/// doubled character (金金), written at least twice in the document.
fn repeated(doc: &Doc<'_>, found: &mut Vec<Person>, taken: &Cover, places: &Cover) {
    let people = Cover::new(doc.len(), found.iter().map(|p| &p.span));
    let free = |span: &Range<usize>| !people.overlaps(span) && !taken.overlaps(span) && !places.overlaps(span);
    // Names of two characters (a surname and one given character) at a
    // clause's edges, and of three anywhere a name may start.
    let mut seen: CharMap<&[char], Vec<usize>> = CharMap::default();
    // Names of two characters found already: a third character after one
    // is the clause's (周萌 + 問她, 周萌 + 問他).
    let pairs: CharSet<&[char]> =
        found.iter().filter(|p| p.span.len() == 2).filter_map(|p| doc.chars.get(p.span.clone())).collect();
    for i in 0..doc.len().saturating_sub(1) {
        // The cheap tests first: this looks at every surname.
        if !doc.is_name_char(i) || people.overlaps(&(i..i + 1)) {
            continue;
        }
        if !single_surname(doc, i) {
            continue;
        }
        let first = doc.lexicon.given_score(doc.at(i + 1));
        let edge = !doc.is_name_char(i + 2) || CLAUSE_VERBS.contains(&doc.at(i + 2));
        let two = i..i + 2;
        if edge
            && first >= 10
            && doc.left_boundary(i)
            && free(&two)
            && name_shaped(doc, &two)
            && doc.info(i, i + 2).is_none_or(|w| w.word | w.place | w.org == 0 && w.cues == 0)
        {
            seen.entry(doc.chars.get(two.clone()).unwrap_or(&[])).or_default().push(i);
        }
        let three = i..i + 3;
        if three.end <= doc.len()
            && !doc.is_function(i + 2)
            && first + doc.lexicon.given_score(doc.at(i + 2)) >= 0
            && free(&three)
            && !doc.chars.get(i..i + 2).is_some_and(|two| pairs.contains(&two))
            && name_shaped(doc, &three)
            && name_boundary(doc, i)
            && !doc.word_across(i + 3, 100)
        {
            seen.entry(doc.chars.get(three).unwrap_or(&[])).or_default().push(i);
        }
    }
    // A child or junior called by 小 and a given name (小迎艷, 小竹君):
    // two characters likely in names that make no word, said twice.
    for i in 1..doc.len().saturating_sub(1) {
        let span = i..i + 2;
        if doc.at(i - 1) == '小'
            && doc.left_boundary(i - 1)
            && (i..i + 2).all(|k| doc.is_name_char(k) && doc.lexicon.given_score(doc.at(k)) >= 0)
            && !doc.starting(i - 1).iter().any(|w| w.end > i)
            && !doc.starting(i).iter().any(|w| w.info.word > 0 || w.info.place | w.info.org != 0)
            && !doc.word_across(i + 2, 100)
            && free(&span)
        {
            seen.entry(doc.chars.get(span).unwrap_or(&[])).or_default().push(i);
        }
    }
    // A doubled name character (金金, 齊齊), a nickname when no lexicon
    // lists it and it is likely in names, said twice and once where only
    // a person stands (金金的, 給金金; not 徐徐向).
    let mut doubled: CharMap<char, (Vec<usize>, bool)> = CharMap::default();
    for i in 0..doc.len().saturating_sub(1) {
        let span = i..i + 2;
        let c = doc.at(i);
        if doc.at(i + 1) == c
            && doc.is_name_char(i)
            && doc.lexicon.given_score(c) >= 10
            && doc.info(i, i + 2).is_none_or(|w| w.word | w.place | w.org == 0 && w.cues == 0)
            && !doc.word_across(i, 100)
            && !doc.word_across(i + 2, 100)
            && free(&span)
        {
            let person_slot =
                matches!(doc.at(i + 2), '的' | '和' | '与' | '说' | '是' | '也' | '就' | '又' | '还' | '都')
                    || PERSON_LEFT.contains(&doc.at(i.wrapping_sub(1)))
                    || matches!(doc.at(i.wrapping_sub(1)), '对' | '把' | '着' | '和' | '与');
            let entry = doubled.entry(c).or_default();
            entry.0.push(i);
            entry.1 |= person_slot;
        }
    }
    for (starts, _) in doubled.into_values().filter(|(starts, slot)| *slot && starts.len() >= 2) {
        if let Some(&first) = starts.first() {
            seen.entry(doc.chars.get(first..first + 2).unwrap_or(&[])).or_default().extend(starts);
        }
    }
    let mut more: Vec<Person> = seen
        .iter()
        .filter(|(name, starts)| !name.is_empty() && starts.len() >= 2)
        .flat_map(|(name, starts)| {
            starts.iter().map(|&i| Person { span: i..i + name.len(), title: None, foreign: false })
        })
        .collect();
    // In text order, the longer reading first where two start together.
    more.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    found.extend(more);
    found.sort_by_key(|p| p.span.start);
    drop_overlapping(found);
}

/// Conjunctions that join two names (江澤民和李鵬).
const AND: &[char] = &['和', '与', '及', '同', '跟'];

/// Whether jieba tags the word a place though no gazetteer knows it and
/// it is rarely written: such words are often names (羅幹).
fn rare_place_tag(w: &super::lexicon::Info) -> bool {
    w.place_like && w.place == 0 && w.word < 300
}

/// Whether `span` is a surname (not an ambiguous one) and one or two
/// plausible given characters, and not an everyday word.
fn name_shaped(doc: &Doc<'_>, span: &Range<usize>) -> bool {
    shaped(doc, span, Surnames::Clear)
}

/// Which surnames may start a name of `shaped`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Surnames {
    /// Only those that are not everyday words (王, not 高).
    Clear,
    /// Any, where the context leaves nothing else to read (a line that is
    /// only a name).
    Any,
}

/// `name_shaped` with a choice of surnames.
fn shaped(doc: &Doc<'_>, span: &Range<usize>, surnames: Surnames) -> bool {
    if !(span.start..span.end).all(|k| doc.is_han(k)) {
        return false;
    }
    let Some(surname) = doc.longest(span.start, |w| w.info.cues & SURNAME != 0 && w.end < span.end) else {
        return false;
    };
    if surname.info.cues & SURNAME_AMBIGUOUS != 0 && surnames == Surnames::Clear {
        return false;
    }
    // An ambiguous surname starts no word there, nor is the given name one
    // (全家福, 花邊 + 餃, 和 + 嘴唇).
    if surname.info.cues & SURNAME_AMBIGUOUS != 0
        && (doc.starting(span.start).iter().any(|w| w.end > surname.end && w.end <= span.end && w.info.word > 0)
            || doc.info(surname.end, span.end).is_some_and(|w| w.word >= 100))
    {
        return false;
    }
    let given = span.end - surname.end;
    let scores = || (surname.end..span.end).map(|k| doc.lexicon.given_score(doc.at(k)));
    let sum: i32 = scores().sum();
    // As in `chinese_name`: a word of three characters whose given name
    // reads as one is still a name (周恩來), unless it is a frequent noun
    // (紀念堂).
    let word = doc
        .info(span.start, span.end)
        .is_some_and(|w| w.word > 0 && (given == 1 || sum < 0 || w.noun && w.word >= 100) && !rare_place_tag(w));
    (1..=2).contains(&given)
        && !NEVER_LAST.contains(&doc.at(span.end - 1))
        && scores().all(|s| s >= FLOOR)
        && !word
        && !doc.info(span.start, span.end).is_some_and(|w| w.place > 0 || w.org > 0)
}
