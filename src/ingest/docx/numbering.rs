//! Automatic list numbers of Word paragraphs (`word/numbering.xml`): Chinese plans number
//! their headings and tasks this way (`一、`, `（一）`, `1.`), and the numbers are not in
//! the paragraph text, so they are rendered here as Word would show them.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Largest list number rendered: Word itself accepts no start value above 32767, and a
/// hostile file's `4294967295` would otherwise make `lowerLetter` labels of 165 million
/// letters each.
const MAX_LIST_NUMBER: u32 = 32_767;

/// Longest level text kept (`%1.%2.%3` is 8 characters; Word limits it to a few dozen):
/// a level text of thousands of `%1` would repeat every label thousands of times.
const MAX_LEVEL_TEXT_CHARS: usize = 64;

/// Longest letter label (`aaaa…`) rendered; longer ones are written as decimal numbers.
const MAX_LETTER_LABEL: u32 = 8;

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: "decimal".into(),
            text: String::new(),
        }
    }
}

/// List definitions and the running counters of each list.
#[derive(Debug, Default)]
pub struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<u32, u32>,
    /// (abstractNumId, level) → definition.
    levels: HashMap<(u32, usize), Level>,
    /// (numId, level) → start override.
    overrides: HashMap<(u32, usize), u32>,
    counters: HashMap<u32, [Option<u32>; 9]>,
    /// Paragraph styles with list properties (styleId → properties).
    styles: HashMap<String, StyleList>,
}

/// The list a paragraph belongs to, as its properties say: level and list id given
/// directly, and the paragraph style (whose definition may carry them instead).
#[derive(Debug, Default, Clone)]
pub struct ListRef {
    pub level: Option<usize>,
    pub num: Option<u32>,
    pub style: Option<String>,
}

/// A paragraph style's list properties and the style it is based on.
#[derive(Debug, Default, Clone)]
struct StyleList {
    based_on: Option<String>,
    level: Option<usize>,
    num: Option<u32>,
}

/// The value of the attribute with this local name (`w:val` → `val`).
pub fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| {
            quick_xml::escape::unescape(&a.value)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

fn num_attr(e: &BytesStart, local: &str) -> Option<u32> {
    attr(e, local)?.trim().parse().ok()
}

impl Numbering {
    /// Reads numbering.xml; a malformed part gives whatever was read before the error.
    pub fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let (mut abs, mut num, mut lvl): (Option<u32>, Option<u32>, Option<usize>) =
            (None, None, None);
        let mut level = Level::default();
        while let Ok(event) = reader.read_event() {
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "lvl" => {
                            if let (Some(a), Some(l), None) = (abs, lvl, num) {
                                n.levels.insert((a, l), std::mem::take(&mut level));
                            }
                            lvl = None;
                        }
                        "abstractNum" => abs = None,
                        "num" => num = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abs = num_attr(e, "abstractNumId"),
                "num" if !empty => num = num_attr(e, "numId"),
                "lvl" if !empty => {
                    lvl = num_attr(e, "ilvl").map(|l| l as usize).filter(|l| *l < 9);
                    level = Level::default();
                }
                "lvlOverride" => lvl = num_attr(e, "ilvl").map(|l| l as usize).filter(|l| *l < 9),
                "abstractNumId" => {
                    if let (Some(id), Some(a)) = (num, num_attr(e, "val")) {
                        n.nums.insert(id, a);
                    }
                }
                "startOverride" => {
                    if let (Some(id), Some(l), Some(v)) = (num, lvl, num_attr(e, "val")) {
                        n.overrides.insert((id, l), v.min(MAX_LIST_NUMBER));
                    }
                }
                "start" => level.start = num_attr(e, "val").unwrap_or(1).min(MAX_LIST_NUMBER),
                "numFmt" => level.format = attr(e, "val").unwrap_or_default(),
                "lvlText" => {
                    level.text = attr(e, "val")
                        .unwrap_or_default()
                        .chars()
                        .take(MAX_LEVEL_TEXT_CHARS)
                        .collect();
                }
                _ => {}
            }
        }
        n
    }

    /// Reads the list properties of paragraph styles from styles.xml.
    pub fn read_styles(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(String, StyleList)> = None;
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) if e.local_name().as_ref() == "style" => {
                    current = attr(&e, "styleId").map(|id| (id, StyleList::default()));
                }
                Event::Empty(e) => {
                    let Some((_, style)) = current.as_mut() else {
                        continue;
                    };
                    match e.local_name().as_ref() {
                        "basedOn" => style.based_on = attr(&e, "val"),
                        "ilvl" => style.level = num_attr(&e, "val").map(|l| l as usize),
                        "numId" => style.num = num_attr(&e, "val"),
                        _ => {}
                    }
                }
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, style)) = current.take() {
                        self.styles.insert(id, style);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }

    /// The label of a paragraph from its own list properties or its style's (following
    /// `basedOn` a few steps), advancing the counters; `""` when it is not in a list.
    pub fn paragraph_label(&mut self, list: &ListRef) -> String {
        let (mut level, mut num) = (list.level, list.num);
        let mut style = list.style.clone();
        for _ in 0..8 {
            let Some(s) = style.as_ref().and_then(|id| self.styles.get(id)) else {
                break;
            };
            level = level.or(s.level);
            num = num.or(s.num);
            style = s.based_on.clone();
        }
        match num {
            Some(id) if id != 0 => self.label(id, level.unwrap_or(0)),
            _ => String::new(),
        }
    }

    /// The label of the next paragraph of list `num_id` at level `ilvl` (`""` for bullets
    /// and unknown lists), advancing the counters.
    pub fn label(&mut self, num_id: u32, ilvl: usize) -> String {
        let ilvl = ilvl.min(8);
        let Some(&abs) = self.nums.get(&num_id) else {
            return String::new();
        };
        let start = |l: usize| {
            let def = self.levels.get(&(abs, l)).map_or(1, |d| d.start);
            self.overrides.get(&(num_id, l)).copied().unwrap_or(def)
        };
        let starts: Vec<u32> = (0..9).map(start).collect();
        let counters = self.counters.entry(num_id).or_insert([None; 9]);
        counters[ilvl] =
            Some(counters[ilvl].map_or(starts[ilvl], |c| c.saturating_add(1).min(MAX_LIST_NUMBER)));
        counters[ilvl + 1..].iter_mut().for_each(|c| *c = None);
        let values: Vec<u32> = (0..9).map(|l| counters[l].unwrap_or(starts[l])).collect();
        let Some(level) = self.levels.get(&(abs, ilvl)) else {
            return String::new();
        };
        if matches!(level.format.as_str(), "bullet" | "none") {
            return String::new();
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(k @ 1..=9)) => {
                    chars.next();
                    let l = k as usize - 1;
                    let format = self
                        .levels
                        .get(&(abs, l))
                        .map_or("decimal", |d| d.format.as_str());
                    out.push_str(&render(values[l], format));
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// A counter value in one of Word's number formats.
fn render(n: u32, format: &str) -> String {
    let nth = |set: &[char]| set[(n.max(1) as usize - 1) % set.len()].to_string();
    let offset = |base: u32, max: u32| {
        if (1..=max).contains(&n) {
            char::from_u32(base + n - 1).map_or_else(|| n.to_string(), String::from)
        } else {
            n.to_string()
        }
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n),
        "ideographDigital" => n
            .to_string()
            .chars()
            .map(|c| {
                "〇一二三四五六七八九"
                    .chars()
                    .nth(c as usize - '0' as usize)
                    .unwrap_or(c)
            })
            .collect(),
        "chineseLegalSimplified" => chinese(n)
            .chars()
            .map(|c| match "一二三四五六七八九十百千".find(c) {
                Some(i) => "壹贰叁肆伍陆柒捌玖拾佰仟"[i..].chars().next().unwrap_or(c),
                None => c,
            })
            .collect(),
        "ideographTraditional" => {
            nth(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'])
        }
        "ideographZodiac" => nth(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => offset(0x2460, 20),
        "decimalEnclosedParen" => offset(0x2474, 20),
        "decimalEnclosedFullstop" => offset(0x2488, 20),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        "lowerLetter" | "upperLetter" if (n.max(1) - 1) / 26 < MAX_LETTER_LABEL => {
            let letter = (b'a' + ((n.max(1) - 1) % 26) as u8) as char;
            let s = letter
                .to_string()
                .repeat(((n.max(1) - 1) / 26 + 1) as usize);
            if format == "upperLetter" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "lowerRoman" | "upperRoman" => {
            let s = roman(n);
            if format == "lowerRoman" {
                s.to_lowercase()
            } else {
                s
            }
        }
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一 (below 10,000).
fn chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let parts = [(n / 1000, '千'), (n / 100 % 10, '百'), (n / 10 % 10, '十')];
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in parts {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(d == 1 && unit == '十' && out.is_empty()) {
            out.push(DIGITS[d as usize]);
        }
        out.push(unit);
    }
    if !n.is_multiple_of(10) {
        if zero {
            out.push('零');
        }
        out.push(DIGITS[(n % 10) as usize]);
    }
    out
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v && out.len() < 64 {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [1, 10, 11, 20, 21, 100, 101, 110, 1005]
            .map(chinese)
            .to_vec();
        assert_eq!(
            got,
            [
                "一",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零一",
                "一百一十",
                "一千零五"
            ]
        );
        assert_eq!(render(3, "decimalEnclosedCircle"), "③");
        assert_eq!(render(12, "chineseLegalSimplified"), "拾贰");
        assert_eq!(render(4, "upperRoman"), "IV");
        assert_eq!(render(28, "lowerLetter"), "bb");
        assert_eq!(render(4_000, "lowerLetter"), "4000");
    }

    /// A list starting at 4294967295 in `lowerLetter` with a level text of many `%1`
    /// once made labels of gigabytes.
    #[test]
    fn hostile_start_values_and_level_texts_give_short_labels() {
        let xml = format!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">
<w:start w:val="4294967295"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{}"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">
<w:startOverride w:val="4294967295"/></w:lvlOverride></w:num></w:numbering>"#,
            "%1".repeat(100_000)
        );
        let mut n = Numbering::parse(&xml);
        for id in [1, 2] {
            for _ in 0..3 {
                let label = n.label(id, 0);
                assert!(label.len() <= 32 * 5, "{} bytes", label.len());
                assert!(label.starts_with("32767"), "{label}");
            }
        }
    }
}
