//! People, organisations and places.
//!
//! The text is folded to Simplified character by character (one character
//! for one, so positions carry over), every lexicon word in it is found with
//! one trie walk per position, and three finders run in order: places
//! (gazetteer and administrative units), organisations (which may start with
//! places), then people outside organisations. Places inside an
//! organisation are kept only where they begin its name (臺山市 in
//! 臺山市金橋鋁型材廠有限公司, not 江門 in 江門市委).

mod doc;
mod lexicon;
mod orgs;
mod people;
mod places;
mod user;

pub(crate) use user::UserNames;

use lexicon::CharMap;
use std::ops::Range;

/// What an entity is.
///
/// ```
/// use zhtext::{EntityKind, Extractor};
///
/// let text = "江門市委";
/// let kinds: Vec<EntityKind> = Extractor::new().extract(text).entities().iter().map(|e| e.kind()).collect();
/// assert_eq!(kinds, [EntityKind::Org, EntityKind::Place]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A person (陳健宇, 歐陽修, 克林頓).
    Person,
    /// An organisation: a company, a government or party body, an
    /// association, school, hospital, station or base.
    Org,
    /// A place: a country, region or administrative unit.
    Place,
}

/// A person, organisation or place found in a text.
///
/// ```
/// use zhtext::{EntityKind, Extractor};
///
/// let text = "董事長伍炳亮榮獲稱號";
/// let found = Extractor::new().extract(text);
/// let person = &found.entities()[0];
/// assert_eq!(person.kind(), EntityKind::Person);
/// assert_eq!(&text[person.range()], "伍炳亮");
/// assert_eq!(person.title().map(|r| &text[r]), Some("董事長"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    kind: EntityKind,
    start: usize,
    end: usize,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    title: Option<Range<usize>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    org: Option<Range<usize>>,
}

impl Entity {
    /// What it is.
    ///
    /// ```
    /// use zhtext::{EntityKind, Extractor};
    ///
    /// let found = Extractor::new().extract("臺山市大江鎮");
    /// assert!(found.entities().iter().all(|e| e.kind() == EntityKind::Place));
    /// ```
    #[must_use]
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// Its byte range in the input.
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let text = "近日，臺山市大江鎮被評定為優秀鎮街";
    /// let found = Extractor::new().extract(text);
    /// let names: Vec<&str> = found.entities().iter().map(|e| &text[e.range()]).collect();
    /// assert_eq!(names, ["臺山市", "大江鎮"]);
    /// ```
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// For a person: the byte range of the title written before the name
    /// (董事長 in 董事長伍炳亮).
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let text = "研發部總監陳金安說";
    /// let found = Extractor::new().extract(text);
    /// let person = found.entities().iter().find(|e| e.title().is_some()).expect("a person");
    /// assert_eq!(person.title().map(|r| &text[r]), Some("總監"));
    /// ```
    #[must_use]
    pub fn title(&self) -> Option<Range<usize>> {
        self.title.clone()
    }

    /// For a person: the byte range of the organisation or place the title
    /// belongs to (大江鎮黨委 in 大江鎮黨委副書記陳健宇).
    ///
    /// ```
    /// use zhtext::Extractor;
    ///
    /// let text = "大江鎮黨委副書記陳健宇介紹道";
    /// let found = Extractor::new().extract(text);
    /// let person = found.entities().iter().find(|e| e.title().is_some()).expect("a person");
    /// assert_eq!(person.org().map(|r| &text[r]), Some("大江鎮黨委"));
    /// ```
    #[must_use]
    pub fn org(&self) -> Option<Range<usize>> {
        self.org.clone()
    }
}

/// The entities of `text` (its `chars` with their byte `offsets`, one more
/// than characters), in text order.
pub(super) fn entities(text: &str, chars: &[char], offsets: &[usize], user: &UserNames) -> Vec<Entity> {
    let folded = fold(text, chars);
    let doc = doc::Doc::new(lexicon::Lexicon::get(), folded);
    // The caller's names come first; the finders work around them, and see
    // the caller's places and organisations as their own.
    let users = user.find(&doc.chars);
    let user_cover = doc::Cover::new(doc.len(), users.iter().map(|(r, _)| r));
    let of_kind = |kind: EntityKind| users.iter().filter(move |(_, k)| *k == kind).map(|(r, _)| r.clone());
    let mut all_places: Vec<Range<usize>> =
        places::find(&doc).into_iter().filter(|p| !user_cover.overlaps(p)).collect();
    all_places.extend(of_kind(EntityKind::Place));
    all_places.sort_by_key(|p| p.start);
    let mut orgs = orgs::find(&doc, &all_places);
    let user_orgs = doc::Cover::new(doc.len(), users.iter().filter(|(_, k)| *k != EntityKind::Place).map(|(r, _)| r));
    orgs.retain(|o| !user_orgs.overlaps(&o.span));
    orgs.extend(of_kind(EntityKind::Org).map(|span| orgs::Org { span, places: Vec::new(), brand: false }));
    orgs.sort_by_key(|o| o.span.start);
    let org_spans: Vec<Range<usize>> = orgs.iter().map(|o| o.span.clone()).collect();
    let mut taken = org_spans.clone();
    taken.extend(users.iter().map(|(r, _)| r.clone()));
    let mut people = people::find(&doc, &taken, &all_places);
    people.extend(of_kind(EntityKind::Person).map(|span| people::Person { span, title: None, foreign: false }));
    people.sort_by_key(|p| p.span.start);
    let byte = |i: usize| offsets.get(i).copied().unwrap_or(0);
    let bytes = |r: &Range<usize>| byte(r.start)..byte(r.end);
    // The longest organisation or place ending at each position, and the
    // place starting at each: attributes and nesting in one lookup (maps
    // the size of what was found, not of the document).
    let mut longest_by_end: CharMap<usize, Range<usize>> = CharMap::default();
    for span in orgs.iter().map(|o| &o.span).chain(&all_places) {
        let slot = longest_by_end.entry(span.end).or_insert_with(|| span.clone());
        if slot.len() < span.len() {
            *slot = span.clone();
        }
    }
    let mut place_by_start: CharMap<usize, Range<usize>> = CharMap::default();
    for place in &all_places {
        place_by_start.insert(place.start, place.clone());
    }
    let mut found = Vec::new();
    for person in &people {
        let title = person.title.clone();
        // The organisation the title belongs to ends where the title starts
        // or inside it (大江鎮黨委 + 黨委副書記).
        let org = title.as_ref().and_then(|t| {
            (t.start..=t.end)
                .filter_map(|end| longest_by_end.get(&end).cloned())
                .filter(|o| o.start < t.start)
                .max_by_key(Range::len)
        });
        found.push(Entity {
            kind: EntityKind::Person,
            start: byte(person.span.start),
            end: byte(person.span.end),
            title: title.as_ref().map(bytes),
            org: org.as_ref().map(bytes),
        });
    }
    let mut nested = std::collections::HashSet::new();
    for org in &orgs {
        found.push(entity(EntityKind::Org, bytes(&org.span)));
        // The places an organisation's name starts with (臺山市 + 金橋...,
        // 中國 + 政府).
        let leading = place_by_start.get(&org.span.start).cloned().filter(|p| !org.brand && p.end < org.span.end);
        for place in org.places.iter().cloned().chain(leading) {
            if nested.insert((place.start, place.end)) {
                found.push(entity(EntityKind::Place, bytes(&place)));
            }
        }
    }
    let taken = doc::Cover::new(doc.len(), org_spans.iter().chain(people.iter().map(|p| &p.span)));
    for place in &all_places {
        if !taken.overlaps(place) {
            found.push(entity(EntityKind::Place, bytes(place)));
        }
    }
    found.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    found
}

/// `text` (whose characters are `chars`) in Simplified, one character for
/// one: OpenCC's t2s, whose phrases settle characters one character cannot
/// (瞭解 -> 了解, not 瞭), or character by character should a phrase ever
/// change the length.
fn fold(text: &str, chars: &[char]) -> Vec<char> {
    let converted = crate::Converter::new(crate::Config::T2s).convert(text).chars().collect::<Vec<char>>();
    if converted.len() == chars.len() {
        converted
    } else {
        chars.iter().map(|&c| crate::dict::fold::to_simplified(c)).collect()
    }
}

fn entity(kind: EntityKind, range: Range<usize>) -> Entity {
    Entity { kind, start: range.start, end: range.end, title: None, org: None }
}

#[cfg(test)]
mod tests {
    use crate::{EntityKind, Extractor};

    fn found(text: &str) -> Vec<(EntityKind, &str)> {
        Extractor::new().extract(text).entities().iter().map(|e| (e.kind(), &text[e.range()])).collect()
    }

    fn has(text: &str, kind: EntityKind, name: &str) -> bool {
        found(text).contains(&(kind, name))
    }

    fn people_in(text: &str) -> usize {
        found(text).iter().filter(|(k, _)| *k == EntityKind::Person).count()
    }

    #[test]
    fn people_by_title_speech_clause_and_statistics() {
        use EntityKind::{Person, Place};
        assert!(has("大江鎮黨委副書記陳健宇介紹道", Person, "陳健宇"));
        assert!(has("陳健宇表示，大江正全力推動", Person, "陳健宇"));
        assert!(has("研發部總監陳金安說", Person, "陳金安"));
        assert!(has("“完成了。”范世通是公司研發部的總監", Person, "范世通"));
        assert!(has("會議由歐陽建國主持", Person, "歐陽建國"));
        assert!(has("總統克林頓表示", Person, "克林頓"));
        assert!(has("毛主席紀念堂", Person, "毛"));
        assert_eq!(found("最近王大夫經過２０多年"), [(Person, "王")]);
        assert_eq!(found("想當年和朱老總吃一塊紅薯"), [(Person, "朱")]);
        assert_eq!(found("紀念江主席重要講話"), [(Person, "江")]);
        // A child called by 小 and a given name, said twice; not once.
        assert_eq!(found("正讀三年級的小迎艷因無錢交學費。小迎艷家住山村"), [(Person, "迎艷"), (Person, "迎艷")]);
        assert_eq!(people_in("正讀三年級的小迎艷因無錢交學費。"), 0);
        // A doubled character as a nickname, said twice, once where a
        // person stands; not an adverb (徐徐).
        assert_eq!(found("孫錄打量著消瘦的金金和她的衣服。孫錄撫摸著金金"), [(Person, "金金"), (Person, "金金")]);
        assert_eq!(people_in("升起風帆，徐徐向海中駛去，徐徐遠去"), 0);
        // An elder (許老), a person the text will not name (陳某); not a
        // word (古老, 元老).
        assert_eq!(found("公認的獨特畫風。許老的大寫意"), [(Person, "許老")]);
        assert_eq!(found("有人試探着問：“楊總，你們的紙"), [(Person, "楊總")]);
        assert_eq!(people_in("江總書記說，總是這樣"), 1);
        assert_eq!(found("乘客陳某攜帶的光盤"), [(Person, "陳某")]);
        assert_eq!(people_in("這座古老的城市，元老們說"), 0);
        // After a verb that takes a person as model or role.
        assert!(has("共學王啟民同書創業史", Person, "王啟民"));
        // A listed name after such a verb; not where the verb ends a word.
        assert!(has("要求全軍深入開展學雷鋒活動", Person, "雷鋒"));
        assert_eq!(people_in("以政治家的遠見卓識和非凡膽略"), 0);
        // An adverb or time word after a name at a clause start.
        assert!(has("讓他再去買一本新的。林耀後來發現，原來", Person, "林耀"));
        // 便 and 則 go on the clause, not the given name.
        assert_eq!(
            found("執黑的俞斌九段今天下得積極主動。進入中盤階段，俞斌便在盤面下方"),
            [(Person, "俞斌"), (Person, "俞斌")]
        );
        assert_eq!(found("長的工作崗位上。付林則是大家熟悉的"), [(Person, "付林")]);
        assert_eq!(people_in("“演潘漢年，學潘漢年”，這是我的"), 2);
        assert!(has("要像彭楚政那樣，切實關心", Person, "彭楚政"));
        assert!(has("國務院總理李鵬說", Person, "李鵬"));
        // A foreign name whole, not the Chinese name or the listed name it
        // starts with (馬麗, 利文斯, 克里斯托).
        assert!(has("瑞典主教練馬麗卡在賽前一再強調", Person, "馬麗卡"));
        assert!(has("撥款委員會主席利文斯頓、參院外委會", Person, "利文斯頓"));
        assert!(has("醫療中心的克里斯托爾和羅森加特醫生", Person, "克里斯托爾"));
        // After a title 園 may end a name.
        assert!(has("水利部副部長張春園，交通部", Person, "張春園"));
        // A name whose surname and first given character make a word.
        assert!(has("此後，王國棟又先後資助", Person, "王國棟"));
        // Japanese names: a listed family name with a title, 日本 or a rank
        // around it, the given name to where the clause goes on.
        assert_eq!(found("日本首相橋本龍太郎今天在這裡強調"), [(EntityKind::Place, "日本"), (Person, "橋本龍太郎")]);
        assert!(has("李昌鎬九段對日本片岡聰九段", Person, "片岡聰"));
        assert!(has("前國民之聲黨代表鹿野道彥擔任", Person, "鹿野道彥"));
        assert!(has("大藏省事務次官小村武２８日晚", Person, "小村武"));
        assert!(has("日本大藏大臣三塚博，今天上午", Person, "三塚博"));
        // Surnames that are also everyday characters, with context (豐收,
        // 計劃, 雲南).
        assert!(has("不久，他竟收到了豐子愷先生的回信", Person, "豐子愷"));
        assert!(has("芬蘭駐華大使鹿達寧、奧地利駐華", Person, "鹿達寧"));
        assert!(has("選舉敬瑞祥為省高級人民法院院長", Person, "敬瑞祥"));
        assert!(has("大藏大臣向橋本首相提出辭職", Person, "橋本"));
        assert_eq!(people_in("他住在中村附近，山口大學的學生"), 0);
        // Roles in film, work and the household are titles too.
        assert!(has("該片編劇劉一兵，導演王坪曾執導", Person, "劉一兵"));
        assert!(has("工會幹事韓一明又高歌一首", Person, "韓一明"));
        assert!(has("戶主董安仁自豪地說", Person, "董安仁"));
        assert!(has("縣長張國偉和司機周勇從南陽開完會", Person, "周勇"));
        assert!(has("在邢家梁村，老農喬榮說，他家本來", Person, "喬榮"));
        // A surname that is also a word after a role noun (石 after 農民),
        // not where the given name is a word (應 + 增強).
        assert!(has("殘疾農民石風科千里送愛心", Person, "石風科"));
        assert_eq!(people_in("消費者應增強自我保護意識"), 0);
        // A confirmed name is a name elsewhere, but not where it begins a
        // longer word.
        assert!(found("鄧小平說，要學習鄧小平理論").iter().filter(|(k, _)| *k == Person).count() == 1);
        // A title vouches for a last character that ends few names, a
        // rare surname, a word, or a given character that is a function
        // word when the name is listed (記者張宿堂, 記者戎霄, 記者高潔攝).
        assert!(has("（記者張宿堂）今天是大年初一", Person, "張宿堂"));
        assert!(has("記者戎霄報道：最近", Person, "戎霄"));
        assert!(has("（新華社記者高潔攝）", Person, "高潔"));
        assert!(has("記者趙相如報道", Person, "趙相如"));
        // A role of a word and an agent suffix (偵查 + 員).
        assert!(has("”，偵查員李琳回憶道。", Person, "李琳"));
        // Roles and kin before a name; a surname that is a function word
        // with a title and a speech verb, or in a credit.
        assert!(has("熊克武夫人廖望月、陳劭先夫人", Person, "廖望月"));
        assert!(has("新聞出版署署長于友先指出：", Person, "于友先"));
        assert!(has("（記者于海生）國務院總理", Person, "于海生"));
        // A two-character foreign name jieba lists (科爾); a rare word after
        // a title (安江, a village); a listed name with a title after it
        // needs no boundary before it.
        assert!(has("德國總理科爾和意大利總理普羅迪", Person, "科爾"));
        assert!(has("開羅1月8日電（記者安江）中東地區", Person, "安江"));
        assert!(has("表彰59個廣播電視先進縣李鵬總理致信祝賀", Person, "李鵬"));
        // Foreign names jieba lists, whatever their characters; a
        // player's rank after a name.
        assert!(has("默里先生說，金價能否在", Person, "默里"));
        assert!(has("葡萄牙外長伽馬同來訪的法國外長", Person, "伽馬"));
        // A foreign name jieba lists, as a clause's subject; not an
        // everyday word it files among names, before 的 or 和.
        assert!(has("科恩在會見中說，美國重視發展同中國的關係", Person, "科恩"));
        assert_eq!(people_in("崇高的敬意，哈佛和布朗大學"), 0);
        // A speech verb before a name ends what came before it.
        assert_eq!(people_in("克林頓表示歡迎。並說克林頓總統期待"), 2);
        // After a title, the last given character and a conjunction do
        // not make a word that swallows the name (平和).
        assert!(has("全國人大常委會副委員長吳階平和有關方面負責人出席", Person, "吳階平"));
        // An ambiguous surname (高) after a role, with a given name that
        // reads strongly as one; not where the role runs into it (工程).
        assert!(has("海流圖鄉幹部高玉明從土堆裏爬出來", Person, "高玉明"));
        assert_eq!(people_in("協同攻關夏商周斷代工程曙光初現"), 0);
        // A noun and a locative are a place in a thing (叢書 + 中).
        assert_eq!(people_in("在作品中充分體現。叢書中收錄的許多作品"), 0);
        assert!(has("常昊八段和葉桂五段將代表中方", Person, "葉桂"));
        // A married name with two surnames; a listed name ending a list.
        assert!(has("政務司司長陳方安生說", Person, "陳方安生"));
        assert!(has("劉少奇、朱德、鄧小平等中央領導", Person, "鄧小平"));
        // Any name before a form of address; a nickname with 阿; a rare
        // foreign word after a title.
        assert!(has("小平同志眼觀六路", Person, "小平"));
        // Before a form of address, a word jieba tags a place but no
        // gazetteer knows (安南); 小 and a surname before a verb.
        assert!(has("表示特別的歡迎和祝賀。安南夫人笑着對我", Person, "安南"));
        assert!(has("說完，３０多歲的小賈打斷了他", Person, "小賈"));
        // 阿 and a given-name character at a clause's start or before a
        // verb (the name is then found everywhere in the document).
        assert!(has("阿良一開唱，湖面上再", Person, "阿良"));
        assert!(has("“天燈”；苦命的阿珠說，她不肯走", Person, "阿珠"));
        // After a one-character verb that takes a person.
        assert!(has("孟欣是繼鄧在軍之後擔任春節晚會總導演", Person, "鄧在軍"));
        assert!(has("在船頭，弟弟阿木在船尾掌舵", Person, "阿木"));
        assert!(has("以色列內閣自外長利維辭職後", Person, "利維"));
        // A transliterated name ends where a frequent word runs on past it
        // or a title starts inside it.
        assert!(has("如何實施美國總統克林頓提出的建議", Person, "克林頓"));
        assert!(has("巴特勒同伊副總理阿齊茲達成協議", Person, "阿齊茲"));
        assert!(has("該中心主任哈瓦特博士說", Person, "哈瓦特"));
        assert!(has("與此同時，國務卿奧爾布賴特等美國官員", Person, "奧爾布賴特"));
        assert_eq!(people_in("的“北線方案”，美歐提出將中亞油"), 0);
        // Transliteration characters that are everyday ones too (日, 列,
        // 申, 代, 若); a name jieba tags foreign is a name, not a word; two
        // characters after a title, before a word (加蒂 + 代表).
        assert!(has("克羅地亞總統圖季曼１６日表示，", Person, "圖季曼"));
        assert!(has("莫斯科市市長盧日科夫２２日宣布，", Person, "盧日科夫"));
        assert!(has("見了法國總統希拉克和總理若斯潘。", Person, "若斯潘"));
        assert!(has("他們把先知穆罕默德自麥加遷", Person, "穆罕默德"));
        assert!(has("聖馬力諾外交部長加蒂代表聖政府", Person, "加蒂"));
        assert!(has("使俄外交部副部長波蘇瓦柳克２７日抵達", Person, "波蘇瓦柳克"));
        // The run stops before a clause's adverb or a verb (曾, 採納).
        assert!(has("去年９月１日，葉利欽曾表示，他不", Person, "葉利欽"));
        assert!(has("據以方透露，內塔尼亞胡採納了基礎設施", Person, "內塔尼亞胡"));
        // After a title, a transliterated name jieba lists as a place is the
        // person, whole (克利馬 and 密特朗 are among jieba's places).
        assert_eq!(found("奧地利總理克利馬１８日在向奧"), [(Place, "奧地利"), (Person, "克利馬")]);
        assert!(has("年訪哈的法國總統密特朗也許是", Person, "密特朗"));
        assert!(!has("立陶宛總統布拉藻斯卡斯１６日", Person, "布拉"));
        // Diplomats' and referees' titles; a single given character that
        // starts a place (美國) is no name, whatever follows.
        assert!(has("中國駐紐約總領事邱勝雲轉交了支票", Person, "邱勝雲"));
        assert!(has("北京籍國際級裁判陸俊再次捧走金哨", Person, "陸俊"));
        assert_eq!(people_in("大使向美國務卿辭行"), 0);
        // On statistics alone, a name stops before a word that runs on
        // past it, and after a name jieba knows well.
        assert!(has("不坐火車坐飛機，顏旭頗感自豪地說", Person, "顏旭"));
        assert!(has("舉兩得的選擇。”李鵬笑着對75歲的趙家", Person, "李鵬"));
        assert!(!has("馬曉春周鶴洋出局俞斌孤身闖入八強", Person, "俞斌孤"));
        // A title or rank after a name is not its last character; a
        // dotted foreign name ends before a title or a word running on,
        // starts after a title, and is reported once.
        assert!(has("更應該歸功於以吳彬總教練為首的武術隊", Person, "吳彬"));
        assert!(has("決戰中，女棋手葉桂五段執黑", Person, "葉桂"));
        assert!(has("的馬克思主義”。柯亨聲稱，他要用分析哲學", Person, "柯亨"));
        assert_eq!(found("孟加拉國總理謝赫·哈西娜提議"), [(EntityKind::Place, "孟加拉國"), (Person, "謝赫·哈西娜")]);
        assert_eq!(people_in("世界衛生組織官員丹尼爾·拉萬奇博士說"), 1);
        // A dot right after a title: the name does not reach back into it
        // (this once looped forever).
        assert_eq!(found("孟加拉國總理·哈西娜說"), [(EntityKind::Place, "孟加拉國"), (Person, "哈西娜")]);
        assert!(has("世界衛生組織官員丹尼爾·拉萬奇博士說", Person, "丹尼爾·拉萬奇"));
        // A middle dot marks a foreign or minority name whatever its
        // characters: each part runs to the nearest boundary (a list's
        // 、, a title or role before, a verb or a frequent word after); a
        // part that another dot ends is whole; a function character right
        // before the dot, or second in a part before a stop, is the name's.
        assert!(has("協副主席阿沛·阿旺晉美、賽福鼎·艾則孜等參加了茶話會", Person, "賽福鼎·艾則孜"));
        assert!(has("協副主席阿沛·阿旺晉美、賽福鼎·艾則孜等參加了茶話會", Person, "阿沛·阿旺晉美"));
        assert!(has("亞的金融危機使美國金融家喬治·索羅斯成了一個風雲人物", Person, "喬治·索羅斯"));
        assert!(has("阿木冬·尼牙孜當選新疆維吾爾自治區主席", Person, "阿木冬·尼牙孜"));
        assert!(has("由美國人斯科特·里特率領的聯合國武器核查小組", Person, "斯科特·里特"));
        assert!(has("在中南海會見英國外交大臣羅賓·庫克時表示", Person, "羅賓·庫克"));
        assert!(has("主任，嘉木樣·洛桑久美·圖丹（藏族）", Person, "嘉木樣·洛桑久美·圖丹"));
        assert!(has("在法新社總部，社長讓·米奧、國際部主任", Person, "讓·米奧"));
        assert!(has("謀殺前總理拉吉夫·甘地的二十六名嫌疑犯", Person, "拉吉夫·甘地"));
        assert!(has("自治區主席阿不來提·阿不都熱西提在團拜會上", Person, "阿不來提·阿不都熱西提"));
        assert!(has("法國外長于貝爾·韋德里納今天抵達", Person, "于貝爾·韋德里納"));
        // Not a work's title, a prize, nor a date in numerals.
        assert_eq!(people_in("《花·媽媽·兒子》充滿溫愛的親情"), 0);
        assert_eq!(people_in("他榮膺“馬可·波羅獎”"), 0);
        assert_eq!(people_in("紀念一二·九運動六十週年"), 0);
        // After a title, a word jieba tags a place but no gazetteer knows
        // is a name.
        assert!(has("中央國家機關工委書記羅幹，分別向中直機關", Person, "羅幹"));
        assert!(has("陪同聯合國秘書長安南夫婦在伊朗參觀", Person, "安南"));
        // Elected, even with a surname that is also a word (關); a listed
        // name with one given character before a verb at a clause start,
        // not before 的 (jieba lists everyday words as names: 周密, 陳舊);
        // offenders' roles.
        assert!(has("第一次會議一月十七日選舉關廣富為省人大常委會主任", Person, "關廣富"));
        assert!(has("為副省長；選舉李玉成為省高級人民法院院長", Person, "李玉成"));
        assert!(has("治區副主席；選舉黃任文（壯族）為自治區副主席", Person, "黃任文"));
        assert!(has("１月２５日，喬石在中共中央政治局", Person, "喬石"));
        assert_eq!(people_in("性、明確的目標、周密的計劃，還要"), 0);
        assert_eq!(people_in("政的思考。他想：陳舊的思想觀念和"), 0);
        assert!(has("終結，今天作出宣判。主犯陳進興被判處５個死刑", Person, "陳進興"));
        // Reporters in a credit after 記者, closed by 報道, 攝, a bracket or
        // a 、 before the next one; not a verb phrase after 記者.
        assert!(has("新華社巴黎１月１４日電記者果永毅、王芳報道：以色列", Person, "果永毅"));
        assert!(has("新華社巴黎１月１４日電記者果永毅、王芳報道：以色列", Person, "王芳"));
        assert_eq!(found("（新華社記者王能標攝）"), [(EntityKind::Org, "新華社"), (Person, "王能標")]);
        assert_eq!(people_in("村里的領導建議記者到山上、到鄉村去走走"), 0);
        assert_eq!(people_in("請看本報記者採訪拍攝的——"), 0);
        // An age before a name says a person follows, as a title does.
        assert!(has("（２９歲的田泳是一個文秀的川妹子）", Person, "田泳"));
        assert!(has("冷的冬日，八十三歲的劉喜蘋家裡，又一次迎來", Person, "劉喜蘋"));
        // In a list with two name-shaped items, whole items led by a
        // surname that is also a word count towards a list of names; short
        // unlisted items that no surname leads do not.
        assert_eq!(people_in("高占祥、張庚、高運甲、李準等參加了頒獎儀式"), 4);
        assert_eq!(people_in("器具還比較缺乏，如煤炭、草苫、草墊、荊笆、爐子、煙筒"), 0);
        // After an office's name with a title or speech verb after the
        // name; elected or appointed; the old and model workers.
        assert!(has("主辦者、校人事處裴兆宏處長告訴記者", Person, "裴兆宏"));
        assert!(has("電子部有線處周代群指出，從電話機發展的趨勢", Person, "周代群"));
        assert!(has("選舉李修源為省高級人民法院院長", Person, "李修源"));
        assert!(has("78歲的張月亭老人趕來了", Person, "張月亭"));
        assert!(has("已故全國勞動模範時傳祥、張秉貴家中", Person, "時傳祥"));
        // Not where a frequent word runs across the surname.
        assert_eq!(people_in("出色完成各項戰鬥任務"), 0);
        assert_eq!(people_in("兩國人民的相互了解和信任"), 0);
        // A name said twice in a document, though never with context.
        assert_eq!(people_in("讀者都喜歡王新蘭。"), 0);
        assert_eq!(people_in("讀者都喜歡王新蘭。老師也喜歡王新蘭。"), 2);
        // A name joined by a conjunction to a person.
        assert!(has("女隊教練員分別是黃玉斌和陸善真。此次", Person, "陸善真"));
        // The subject of a verb at a clause start.
        assert!(has("他家被評上了十星戶。周萌聽罷連聲叫好", Person, "周萌"));
        // A byline closing a paragraph.
        assert!(has("一期工程已正式通水。（曉東）", Person, "曉東"));
        // With its credit verb, or led by a surname that is also a
        // function word.
        assert!(has("舉行獅子爬桌活動。（向民航攝）", Person, "向民航"));
        assert!(has("提供交通管制服務。（于寶井）", Person, "于寶井"));
        // 着 is a particle, no name's (背着 + 楊大娘); kin words are
        // titles, not in the plural.
        assert_eq!(found("鄒軍背着楊大娘來到位於"), [(Person, "楊")]);
        assert!(has("迎艷眼含熱淚拉着孔伯伯的手", Person, "孔"));
        assert_eq!(people_in("親手繪製的《祝叔叔們春節快樂》"), 0);
        // A third character after a name found already is the clause's
        // (周萌 + 問她), and so is one that starts a word (周萌 + 樂呵呵).
        assert_eq!(
            found("周萌問她收入如何。周萌樂呵呵寫出對聯。周萌問他有什麼講究，周萌聽罷連聲叫好"),
            [(Person, "周萌"), (Person, "周萌"), (Person, "周萌"), (Person, "周萌")]
        );
        // A well-known name jieba lists, without a boundary before it; not
        // in a headline's run of names.
        assert!(has("小草屋寫副‘翻身全靠毛澤東，幸福不忘鄧", Person, "毛澤東"));
        assert!(has("人員致以親切問候。同姜春雲一起到災區", Person, "姜春雲"));
        assert!(!has("十分關心西藏雪災江澤民李鵬指示要做好", Person, "江澤民"));
        // A family named by its surname and 家; not a place (張家口).
        assert_eq!(found("李鵬和趙家父子圍坐在一起"), [(Person, "李鵬"), (Person, "趙")]);
        assert_eq!(people_in("張家口兄弟單位"), 0);
        // Words for a person's family, life and writing after the name.
        assert!(has("鐵人王進喜生前所在的大慶", Person, "王進喜"));
        assert!(has("紀念陶鑄誕辰９０周年", Person, "陶鑄"));
        // Names introduced as names: called, surnamed.
        assert!(has("碰到華英大廈一位叫聶煜的女青年", Person, "聶煜"));
        assert!(has("兩名青年，男的叫張攀，女的叫趙陽。", Person, "趙陽"));
        assert!(has("記者端詳起一位名叫薩沙的男孩", Person, "薩沙"));
        assert!(has("窗口前，一位姓凌的先生正在填", Person, "凌"));
        // A word of three characters jieba files as a proper noun, before
        // a speech verb.
        assert!(has("金正日指出，全國還", Person, "金正日"));
        // A champion's title; stars and positions in sport; standing.
        assert!(has("劉德華、台灣歌星張信哲和內地的毛寧", Person, "張信哲"));
        assert!(has("來澳後，女主人高媛麗曾在布里斯班", Person, "高媛麗"));
        assert!(has("中國水球隊主教練彭紹榮扛着", Person, "彭紹榮"));
        assert!(has("她在決賽中擊敗了世界冠軍王楠。", Person, "王楠"));
        // 以 after a subject (a score, a time), not 以及.
        assert!(has("決勝的第五局，王晨以２４∶２２取勝", Person, "王晨"));
        assert!(!has("開幕，瑞典國王、王后以及歐盟各國", Person, "王后"));
        // 阿 and a character that make a word or a place's start.
        assert!(!has("隔壁的阿姨說，明天再來", Person, "阿姨"));
        assert!(!has("他們來自阿富汗，說要回去", Person, "阿富"));
        assert!(!has("會議上，阿拉伯國家聯盟表示", Person, "阿拉"));
        // An ambiguous surname in a full name jieba lists, as a clause's
        // subject (not before 的: jieba lists 高素質 too).
        assert!(has("區調查來的情況，程維高在會上鄭重地", Person, "程維高"));
        assert!(has("一個多星期後，關治瀛再度私訪。", Person, "關治瀛"));
        assert_eq!(people_in("崛起一批高檔次、高水平的骨幹企業"), 0);
        // A name before 等 and a count of people ends their list.
        assert!(has("新聞出版系統先進集體，李志強等４５位同志", Person, "李志強"));
        assert!(has("全班同學捐款資助了金正波等５名特困小學生", Person, "金正波"));
        // An ambiguous surname starting a clause, with a given name that
        // reads strongly as one.
        assert!(has("是役，常昊在開局十分不利的情況下", Person, "常昊"));
        // A speaker opening a paragraph of an interview; not a heading.
        assert!(has("前言\n萬寶瑞：鄉鎮企業對農村經濟", Person, "萬寶瑞"));
        assert_eq!(people_in("榮譽：全國勞動模範\n查閱制：上級紀委每年"), 0);
        // A note with a sex or a nationality among its parts.
        assert!(has("羅理誠（哈尼族）", Person, "羅理誠"));
        assert!(has("男，舉重），陳妍（中國，女，游泳）、", Person, "陳妍"));
        // A byline may hold a place (樂安).
        assert!(has("以２４％的速度遞增。（晏樂安）", Person, "晏樂安"));
        // A line that is only a name, whatever its surname.
        assert!(has("嚴平", Person, "嚴平"));
        assert!(has("發展很快。\n高爽\n", Person, "高爽"));
        // Simplified and mixed input alike.
        assert!(has("大江镇党委副书记陈健宇介绍道", Person, "陈健宇"));
        // A credit's verb is not part of the name.
        assert!(has("祝酒詞（圖片）（夏清泉畫）", Person, "夏清泉"));
        assert!(has("賀年的木棉花。（牟健為攝）", Person, "牟健為"));
        // Folded by phrases, not only characters: 瞭解 is 了解 here.
        assert!(has("1996年7月，黃斌瞭解到國家級貧困縣", Person, "黃斌"));
    }

    #[test]
    fn people_in_lists() {
        fn people(t: &str) -> Vec<&str> {
            found(t).into_iter().filter(|(k, _)| *k == EntityKind::Person).map(|(_, n)| n).collect()
        }
        // Two names, one of three characters that jieba lists; not a place
        // and a thing.
        assert_eq!(people("１９９２年，我與夏衍、陽翰笙兩位老同志"), ["夏衍", "陽翰笙"]);
        assert_eq!(people("與北京景泰藍、江西景德鎮瓷器並稱"), Vec::<&str>::new());
        // An item may say where the person is from.
        assert!(people("新疆李建中、湖南劉春平、江蘇某某等讀者").contains(&"劉春平"));
        // A first item that is no name may end with one.
        assert_eq!(people("《這麼一群兵》裏的王偉、張革、李雁蕩等來自"), ["王偉", "張革", "李雁蕩"]);
        assert_eq!(people("他說王偉、張明、李雁蕩等人"), ["王偉", "張明", "李雁蕩"]);
        // The first item after a title, the last running on into the
        // sentence, notes of sex and nationality, an item led by a surname.
        assert_eq!(
            people("選舉委員傅全有、王義明（女）、范多富、松布（土族）、盧家豐為副省長"),
            ["傅全有", "王義明", "范多富", "松布", "盧家豐"]
        );
        // A whole item over a shorter reading (呂志和, not 呂志 before 和);
        // 等 closes a list.
        assert_eq!(people("達慶利（回族）、呂志和、呂學儉、呂培儉"), ["達慶利", "呂志和", "呂學儉", "呂培儉"]);
        assert_eq!(people("劉勝玉、劉海藩、楊春貴等。"), ["劉勝玉", "劉海藩", "楊春貴"]);
        // A note marks a person even outside a list of names.
        assert_eq!(people("代表有卓瑪（藏族）、工人和農民"), ["卓瑪"]);
        // The note outweighs a place of the same name, and closes the name
        // whatever follows it.
        assert_eq!(people("阿不都克力木（柯爾克孜族）、馬建國（回族）為自治區"), ["阿不都克力木", "馬建國"]);
        assert_eq!(people("王重農、韓南鵬、蒙美路（女）、程運鐵"), ["王重農", "韓南鵬", "蒙美路", "程運鐵"]);
        // A listed name with an ambiguous surname next to a person; not a
        // place in a list of places.
        assert_eq!(people("副委員長王光英、程思遠，全國政協"), ["王光英", "程思遠"]);
        assert!(people("晏家鎮、沙溪橋、沙坪鎮等處天天堵車").is_empty());
        // A table of players: a place, a name, a score in brackets.
        assert_eq!(people("棋手依次是：河北閻文清（２４３９分）、江蘇張國鳳（２２６３分）"), ["閻文清", "張國鳳"]);
        // The last item next to a person may run on into the sentence; 等
        // closes it even where it ends a word (平等); an adverb is no
        // surname.
        assert_eq!(people("招待會。吳邦國、羅幹出席招待會。"), ["吳邦國", "羅幹"]);
        assert_eq!(people("葛洲壩集團喬生祥、黃華平等公司領導"), ["喬生祥", "黃華平"]);
        assert_eq!(people("秘書長魏紀中、曾創造優異戰績的老將"), ["魏紀中"]);
        // A name jieba tags a place but no gazetteer knows.
        assert_eq!(people("遲浩田、張萬年、羅幹、姜春雲"), ["遲浩田", "張萬年", "羅幹", "姜春雲"]);
        // Lists of things are not lists of names.
        assert!(people("生產鋼鐵、水泥、化肥和農藥").is_empty());
        assert!(people("北京、上海、天津三市").is_empty());
    }

    #[test]
    fn not_people() {
        let people = people_in;
        // A title without a name, a compound word, everyday words.
        assert_eq!(people("榮獲“中國工藝美術大師”稱號"), 0);
        assert_eq!(people("堅持鄧小平理論和馬克思主義"), 0);
        assert_eq!(people("他陳述了理由，表示祝賀"), 0);
        assert_eq!(people("召開由黨委副書記、分管經濟工作的鎮領導"), 0);
        assert_eq!(people("中華人民共和國主席"), 0);
        // An ambiguous surname that starts a frequent word.
        assert_eq!(found("科恩說，他很高興擔任美國"), [(EntityKind::Person, "科恩"), (EntityKind::Place, "美國")]);
        // A word and a place suffix, a title or speech verb, are no given
        // name (紀念堂 after 主席, 何 + 大爺, 時強調).
        assert_eq!(found("瞻仰毛主席紀念堂"), [(EntityKind::Person, "毛")]);
        assert_eq!(found("何大爺說"), [(EntityKind::Person, "何")]);
        assert_eq!(people("他在會見時強調"), 0);
        // Words before a form of address, a foreign name's start.
        assert_eq!(people("看望孤寡老人和一些同志"), 0);
        assert_eq!(people("會見了阿齊茲先生"), 1);
        // A people or a language in transliteration.
        assert!(!found("代表有熊輝銀、達列力汗（哈薩克族）、買買提").contains(&(EntityKind::Person, "哈薩克")));
        assert_eq!(people("介紹維吾爾、哈薩克族、回族的風俗"), 0);
        // A speech verb after a title is no name.
        assert_eq!(people("觀看文藝演出的老同志祝賀新春。"), 0);
        // A function word after a title of many people.
        assert_eq!(people("法國現任領導人都希望大力發展法中關係"), 0);
        // A frequent noun, a given name that is an everyday verb.
        assert_eq!(people("今年的大年初一與穆斯林的三大節日"), 0);
        assert_eq!(people("當王、陳進入伏擊圈後"), 0);
        // A city speaking is its government; a listed city is no name.
        assert_eq!(people("聯合委員會22日在莫斯科宣布成立。"), 0);
        // A common word after a title, a suffix inside a word (手段), a
        // note that is no byline.
        assert_eq!(people("主任馬上表示同意"), 0);
        assert_eq!(people("用現代科技手段告別了風槍"), 0);
        assert_eq!(people("四億列伊假幣。（本報專電）"), 0);
        assert_eq!(people("他說。（完）"), 0);
        assert_eq!(people("全家福\n花邊餃\n和嘴唇"), 0);
        // Where a place, a treaty or a body stands (jieba lists 歐佩克,
        // 達沃斯, 呂勒奧 among names).
        assert_eq!(people("歐佩克成員國、特別是沙特。在瑞士東部山城達沃斯開幕"), 0);
        assert_eq!(people("低於《馬斯特里赫特條約》規定的"), 0);
        assert_eq!(people("他在瑞典北部城市呂勒奧參加會議"), 0);
        // A dateline's place; a place's surroundings.
        assert_eq!(people("本報呂勒奧（瑞典）１月２０日電"), 0);
        assert_eq!(people("歐佩克附近的油田"), 0);
        // A record's or a prize's holder (吉尼斯 + 紀錄, 之最).
        assert_eq!(people("日前獲“上海大世界吉尼斯之最”證書"), 0);
        // A one-character speech verb starting a noun (稱 + 稱號); a
        // photograph's position in brackets.
        assert_eq!(people("獲得“民族團結進步模範”榮譽稱號"), 0);
        assert_eq!(people("中學教師張青（左一）高興地搬進新居"), 1);
        // A frequent adverb across the surname, whatever the title before
        // (幹部 + 尤其要); things jieba lists as names (吉祥物, 衛生巾).
        assert_eq!(people("各級領導幹部尤其要關心下崗職工"), 0);
        assert_eq!(people("北京市民選購虎年吉祥物。全國最大的衛生巾生產廠家"), 0);
        // Names jieba lists that end like things and places (吉普車, 鐘塔,
        // 陸家嘴, 遲到者).
        assert_eq!(people("後車斗撞在吉普車右側。那座高達１４層的鐘塔，位於陸家嘴的"), 0);
        assert_eq!(people("清涼油過去叫萬金油，他大叫起來。老百姓的"), 0);
        // A foreign run before a team's or a lake's suffix.
        assert_eq!(people("在同一天尤文圖斯隊主場對拉齊奧隊的比賽中"), 0);
        assert_eq!(people("寫下了《瓦爾登湖》一書"), 0);
        assert_eq!(people("委員會會議今天在克里姆林宮舉行"), 0);
        // A palace, an estate, a bay (白宮, 莊園, 毛家灣).
        assert_eq!(people("克林頓在白宮會見阿拉法特"), 2);
        assert_eq!(people("他以莊園開發商兼經營者的身份"), 0);
        // A number's 余 and 萬 are no surname (２００餘人, ２８萬馬克).
        assert_eq!(people("各界人士２００餘人出席了聯誼會"), 0);
        assert_eq!(people("年營業額在２８萬馬克到６８萬馬克之間"), 0);
        // A frequent word and a suffix (管理廳, 申請書).
        assert_eq!(people("出席全國土地管理廳局長會議"), 0);
        assert_eq!(people("公司上報的上市申請書上簽署了意見"), 0);
        // A country, staff: no one person's role (國家 + 尚需, 人員 + 辛勤).
        assert_eq!(people("銀行未正式組建，國家尚需日本金融支援"), 0);
        assert_eq!(people("在科學家和技術人員辛勤汗水的澆灌下"), 0);
        // An agent suffix after a word is no surname (司令 + 官).
        assert!(!found("人民軍最高司令官金正日最近視察了部隊").iter().any(|(_, n)| n.starts_with('官')));
        // A conjunction after a title is no surname (和武警, 和江).
        assert_eq!(people("看望公安民警和武警官兵"), 0);
        // A speech verb that starts with a surname (強調, 解釋道); a
        // function character before a listed name (向李鵬).
        assert_eq!(people("特委會負責人強調伊應無條件允許"), 0);
        assert_eq!(
            found("也門總統薩利赫。向李鵬總理發來慰問電"),
            [(EntityKind::Place, "也門"), (EntityKind::Person, "薩利赫"), (EntityKind::Person, "李鵬")]
        );
        assert_eq!(found("小平同志和江總書記傾心交談"), [(EntityKind::Person, "小平"), (EntityKind::Person, "江")]);
    }

    #[test]
    fn organisations() {
        use EntityKind::Org;
        let text = "位于大江鎮的得寶食品有限公司投入超300萬元，臺山市金橋鋁型材廠有限公司成功引進博士，金橋輕合金和金橋鋁型材廠";
        assert!(has(text, Org, "得寶食品有限公司"));
        assert!(has(text, Org, "臺山市金橋鋁型材廠有限公司"));
        assert!(has(text, Org, "金橋鋁型材廠"));
        assert!(has(text, Org, "金橋輕合金"));
        assert!(has("緊緊圍繞江門市委、臺山市委部署", Org, "江門市委"));
        assert!(has("您訪問的鏈接即將離開“大江鎮人民政府”門戶網站", Org, "大江鎮人民政府"));
        assert!(has("位于大江鎮的六和飼料成功設立", Org, "六和飼料"));
        assert!(has("2022年，伍氏興隆明清家具董事長伍炳亮", Org, "伍氏興隆明清家具"));
        assert!(has("新華社北京1月1日電", Org, "新華社"));
        // Everyday words before a suffix are not a name.
        assert!(!found("新建預制菜研發實驗室").iter().any(|(k, _)| *k == Org));
        assert!(!found("10名傳統家具協會培訓講師").iter().any(|(k, _)| *k == Org));
        // Nor a clause after a name read as a brand: a speech verb or
        // another verb inside; a name that starts with a place may hold
        // verbs, and a verb right before a one-character suffix says what
        // the body does.
        assert_eq!(found("正是滴水成冰的時節，彭楚政帶領工作組踏雪出征了。"), [(EntityKind::Person, "彭楚政")]);
        assert!(!found("會見了李文一行。李文表示時代華納公司將推出").iter().any(|(_, t)| t.starts_with("李文表示")));
        assert!(has("他在江門市扶貧開發協會工作", Org, "江門市扶貧開發協會"));
        assert!(has("位于大江鎮的得寶促進會", Org, "得寶促進會"));
    }

    #[test]
    fn places() {
        use EntityKind::Place;
        assert!(has("近日，臺山市大江鎮被評定為", Place, "臺山市"));
        assert!(has("近日，臺山市大江鎮被評定為", Place, "大江鎮"));
        assert!(has("面向港澳市場", Place, "港澳"));
        assert!(has("到拉薩和莫斯科", Place, "拉薩"));
        assert!(has("到拉薩和莫斯科", Place, "莫斯科"));
        assert!(has("中國政府", Place, "中國"));
        assert!(has("東南亞國家", Place, "東南亞"));
        assert!(has("中國向貝寧提供了可貴的援助", Place, "貝寧"));
        // jieba files some countries and cities as people's names; our
        // gazetteer knows them.
        assert_eq!(found("對象是羅馬尼亞和斯洛文尼亞。"), [(Place, "羅馬尼亞"), (Place, "斯洛文尼亞")]);
        assert_eq!(found("女主人曾在布里斯班的一家免稅店"), [(Place, "布里斯班")]);
        // jieba tags these as places; they are everyday words.
        assert!(found("扎根安家，拓寬廣度，新建城市").iter().all(|(k, _)| *k != Place));
    }

    #[test]
    fn user_names_win_in_either_script() {
        let extractor = Extractor::new()
            .with_name(EntityKind::Person, "利维")
            .with_name(EntityKind::Place, "大江")
            .with_name(EntityKind::Org, "");
        let text = "利維說，大江人民政府在大江鎮";
        let found: Vec<(EntityKind, &str)> =
            extractor.extract(text).entities().iter().map(|e| (e.kind(), &text[e.range()])).collect();
        assert!(found.contains(&(EntityKind::Person, "利維")));
        // The caller's place starts an organisation like a found one.
        assert!(found.contains(&(EntityKind::Org, "大江人民政府")));
        assert!(found.contains(&(EntityKind::Place, "大江")));
        // Adding a name again replaces its kind.
        let again = Extractor::new().with_name(EntityKind::Person, "利維").with_name(EntityKind::Org, "利維");
        assert_eq!(again.extract("利維說").entities().first().map(crate::Entity::kind), Some(EntityKind::Org));
    }

    #[test]
    fn person_attributes() {
        let text = "大江鎮黨委副書記陳健宇介紹道";
        let found = Extractor::new().extract(text);
        let person = found.entities().iter().find(|e| e.kind() == EntityKind::Person);
        let person = person.map(|p| (p.title().map(|r| &text[r]), p.org().map(|r| &text[r])));
        assert_eq!(person, Some((Some("黨委副書記"), Some("大江鎮黨委"))));
        // After an organisation, without a title: no title attribute.
        let text = "北京服裝學院黃關葆等13個單位";
        let found = Extractor::new().extract(text);
        let person = found.entities().iter().find(|e| e.kind() == EntityKind::Person);
        assert_eq!(person.map(|p| (&text[p.range()], p.title())), Some(("黃關葆", None)));
    }
}
