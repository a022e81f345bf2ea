//! Numbers as Chinese planning documents write them: Arabic digits (half- and full-width,
//! `,` thousands separators, decimals), Chinese numerals (`两`, `十五`, `一百二十`, `两千三`,
//! `三万`, `百万`), magnitude words after digits (`1.5万`), fractions and percentages
//! (`三分之一`, `百分之十五`) and ranges (`2-3`, `2～3`, `2至3`, `1到2`).
//!
//! Every parser works on a slice of `char`s at a start index and returns the value with the
//! index just past what it consumed, so callers keep character offsets without allocating.

use crate::utf8::{BMP_WORDS, bmp_mask, has_low_byte, in_bmp_mask, low_byte_mask};

/// A number found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Index of the first character of the number.
    pub start: usize,
    /// Index just past the last character consumed.
    pub end: usize,
    /// Written with Chinese numerals rather than digits.
    pub chinese: bool,
    /// A fraction or `百分之…` form: the value is already a percentage.
    pub percent: bool,
}

/// Value of an Arabic digit, half- or full-width.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Value of a Chinese digit character (`零〇一二两三…九`, and the financial forms).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a small Chinese multiplier (`十百千`).
fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

/// Value of a large Chinese multiplier (`万亿`).
fn big_unit(c: char) -> Option<f64> {
    match c {
        '万' => Some(1e4),
        '亿' => Some(1e8),
        _ => None,
    }
}

/// Every character a Chinese numeral is written with.
const NUMERAL_CHARS: &str = "零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿";

/// Bitmap of the numeral characters' low 8 bits: rejects almost every other character
/// with one lookup.
/// Computed at compile time (a lazily built table cost an atomic check on every char the
/// target scanner looked at).
const NUMERAL_MASK: [u64; 4] = low_byte_mask(NUMERAL_CHARS);

/// Bitmap of the chars a number can start with: ASCII and full-width digits and every
/// Chinese numeral char. The target scanner tests each char of a sentence against it, so
/// nearly every char costs one lookup.
///
/// A speed trick kept on purpose, with [`NUMERAL_MASK`]: with both bitmaps replaced by
/// digit ranges and `NUMERAL_CHARS.contains(c)`, the parse bench cost 44.4 M more
/// instructions per 10 passes (156.3 M against 111.9 M, callgrind).
const NUMBER_START: [u64; BMP_WORDS] =
    bmp_mask(&["0123456789", "０１２３４５６７８９", NUMERAL_CHARS]);

/// True when a number may start with `c` (a digit of either width or a Chinese numeral
/// char); false for every other char.
pub fn may_start_number(c: char) -> bool {
    in_bmp_mask(&NUMBER_START, c)
}

/// True when `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    has_low_byte(&NUMERAL_MASK, c as usize & 255)
        && (chinese_digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some())
}

/// Parses Arabic digits at `start`: `1200`, `1,200`, `3.2`, `１２０`.
pub fn parse_arabic(chars: &[char], start: usize) -> Option<Number> {
    let mut i = start;
    let mut int_digits = 0usize;
    let mut value = 0f64;
    while let Some(d) = chars.get(i).copied().and_then(digit_value) {
        value = value * 10.0 + f64::from(d);
        int_digits += 1;
        i += 1;
    }
    // A thousands separator is followed by exactly three digits (`1,200`, not `7,33`).
    if (1..=3).contains(&int_digits) {
        while chars.get(i) == Some(&',') {
            let group: Option<Vec<u32>> = (1..=3)
                .map(|k| chars.get(i + k).copied().and_then(digit_value))
                .collect();
            let more = chars.get(i + 4).copied().and_then(digit_value).is_some();
            match group {
                Some(g) if !more => {
                    value = g.iter().fold(value, |v, &d| v * 10.0 + f64::from(d));
                    i += 4;
                }
                _ => break,
            }
        }
    }
    if int_digits == 0 {
        return None;
    }
    if matches!(chars.get(i), Some('.') | Some('．'))
        && chars.get(i + 1).copied().and_then(digit_value).is_some()
    {
        i += 1;
        let mut scale = 0.1;
        while let Some(d) = chars.get(i).copied().and_then(digit_value) {
            value += f64::from(d) * scale;
            scale /= 10.0;
            i += 1;
        }
    }
    Some(Number {
        value: round(value, 6),
        start,
        end: i,
        chinese: false,
        percent: false,
    })
}

/// Parses a Chinese numeral at `start`: `两`, `十五`, `二十`, `一百二十`, `两千三` (2300),
/// `三万`, `三万五` (35000), `百万`, `二〇二五`. A bare `百`/`千` is accepted only as the
/// head of `百万`/`千亿`…, and a multiplier that does not follow a digit stops the numeral,
/// so `百万千瓦` reads 1,000,000 followed by `千瓦`.
pub fn parse_chinese(chars: &[char], start: usize) -> Option<Number> {
    let first = *chars.get(start)?;
    let next = chars.get(start + 1).copied();
    let head_ok = chinese_digit(first).is_some()
        || matches!(first, '十' | '拾')
        || (small_unit(first).is_some() && next.and_then(big_unit).is_some());
    if !head_ok {
        return None;
    }
    // Positional form: two or more digits in a row (`二〇二五`).
    if chinese_digit(first).is_some() && next.and_then(chinese_digit).is_some() {
        let mut i = start;
        let mut value = 0f64;
        while let Some(d) = chars.get(i).copied().and_then(chinese_digit) {
            value = value * 10.0 + f64::from(d);
            i += 1;
        }
        return Some(chinese_number(value, start, i));
    }
    let mut total = 0f64;
    let mut section = 0f64;
    let mut pending: Option<u32> = None;
    // Multiplier the pending digit would abbreviate (`两千三` → 三百).
    let mut last_unit: Option<f64> = None;
    let mut zero_seen = false;
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        if let Some(d) = chinese_digit(c) {
            // `零` only holds a place (`一百零五`).
            if pending.is_some_and(|p| p != 0) {
                break;
            }
            if d == 0 {
                zero_seen = true;
            }
            pending = Some(d);
        } else if let Some(u) = small_unit(c) {
            if pending.is_none() && i != start {
                break;
            }
            section += f64::from(pending.take().unwrap_or(1) * u);
            last_unit = Some(f64::from(u));
            zero_seen = false;
        } else if let Some(u) = big_unit(c) {
            if i == start {
                break;
            }
            let v = section + f64::from(pending.take().unwrap_or(0));
            if u > 1e4 {
                total = (total + v) * u;
            } else {
                total += v * u;
            }
            section = 0.0;
            last_unit = Some(u);
            zero_seen = false;
        } else {
            break;
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    if let Some(d) = pending {
        let scale = match last_unit {
            Some(u) if !zero_seen => u / 10.0,
            _ => 1.0,
        };
        section += f64::from(d) * scale;
    }
    Some(chinese_number(total + section, start, i))
}

fn chinese_number(value: f64, start: usize, end: usize) -> Number {
    Number {
        value,
        start,
        end,
        chinese: true,
        percent: false,
    }
}

/// Parses a number written either way, Arabic first.
pub fn parse_plain(chars: &[char], start: usize) -> Option<Number> {
    parse_arabic(chars, start).or_else(|| parse_chinese(chars, start))
}

/// Parses a fraction as a percentage: `三分之一` → 33.33, `百分之十五` → 15,
/// `千分之五` → 0.5, `3分之2` → 66.67.
pub fn parse_fraction(chars: &[char], start: usize) -> Option<Number> {
    let (denominator, after_den, chinese) = match chars.get(start) {
        Some('百') => (100.0, start + 1, true),
        Some('千') => (1000.0, start + 1, true),
        _ => {
            let n = parse_plain(chars, start)?;
            (n.value, n.end, n.chinese)
        }
    };
    if !(chars.get(after_den) == Some(&'分') && chars.get(after_den + 1) == Some(&'之')) {
        return None;
    }
    let numerator = parse_plain(chars, after_den + 2)?;
    if denominator <= 0.0 {
        return None;
    }
    Some(Number {
        value: round(numerator.value / denominator * 100.0, 2),
        start,
        end: numerator.end,
        chinese,
        percent: true,
    })
}

/// Multiplier of a magnitude word at `pos` after digits (`1.5万`, `3亿`, `2千万`), with
/// its length.
pub fn magnitude_suffix(chars: &[char], pos: usize) -> Option<(f64, usize)> {
    let c = *chars.get(pos)?;
    let next = chars.get(pos + 1).copied();
    match (c, next) {
        ('万', Some('亿')) => Some((1e12, 2)),
        ('千' | '百' | '十', Some('万')) => {
            Some((f64::from(small_unit(c).unwrap_or(1)) * 1e4, 2))
        }
        ('千' | '百' | '十', Some('亿')) => {
            Some((f64::from(small_unit(c).unwrap_or(1)) * 1e8, 2))
        }
        ('万', _) => Some((1e4, 1)),
        ('亿', _) => Some((1e8, 1)),
        _ => None,
    }
}

/// True when `c` joins the two ends of a range (`2-3`, `2～3`, `2至3`, `1到2`).
pub fn is_range_separator(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到')
}

/// Parses a number or a range at `start`: fraction, Arabic or Chinese, optionally followed
/// by a separator and a second number written the same way. Returns the lower bound and
/// the upper bound when it is a range.
pub fn parse_range(chars: &[char], start: usize) -> Option<(Number, Option<Number>)> {
    let first = parse_fraction(chars, start).or_else(|| parse_plain(chars, start))?;
    if first.percent {
        return Some((first, None));
    }
    let mut sep = first.end;
    while chars.get(sep).is_some_and(|&c| is_range_separator(c)) && sep - first.end < 2 {
        sep += 1;
    }
    if sep == first.end {
        return Some((first, None));
    }
    let second = if first.chinese {
        parse_chinese(chars, sep)
    } else {
        parse_arabic(chars, sep)
    };
    match second {
        Some(s) if s.value > first.value => Some((first, Some(s))),
        _ => Some((first, None)),
    }
}

/// Parses a whole string as one number (convenience for callers holding a `&str`).
pub fn parse_str(s: &str) -> Option<f64> {
    let chars: Vec<char> = s.trim().chars().collect();
    let n = parse_fraction(&chars, 0).or_else(|| parse_plain(&chars, 0))?;
    let (value, end) = match magnitude_suffix(&chars, n.end) {
        Some((m, len)) if !n.chinese => (n.value * m, n.end + len),
        _ => (n.value, n.end),
    };
    (end == chars.len()).then_some(value)
}

/// Rounds to `places` decimals (removes binary noise such as 3.2000000000000001).
pub fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeral_mask_is_built_from_the_numeral_chars() {
        let mut mask = [0u64; 4];
        for c in NUMERAL_CHARS.chars() {
            let k = c as usize & 255;
            mask[k >> 6] |= 1 << (k & 63);
        }
        assert_eq!(NUMERAL_MASK, mask);
    }

    #[test]
    fn number_starts_are_digits_and_numeral_chars() {
        for k in 0..=0x2_0000u32 {
            let Some(c) = char::from_u32(k) else { continue };
            let expected = digit_value(c).is_some() || is_chinese_numeral_char(c);
            assert_eq!(may_start_number(c), expected, "{c:?}");
        }
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn chinese(s: &str) -> Option<(f64, usize)> {
        parse_chinese(&chars(s), 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn arabic_integers_decimals_and_separators() {
        assert_eq!(parse_str("120"), Some(120.0));
        assert_eq!(parse_str("3.2"), Some(3.2));
        assert_eq!(parse_str("27.5"), Some(27.5));
        assert_eq!(parse_str("1,200"), Some(1200.0));
        assert_eq!(parse_str("12,345,678"), Some(12_345_678.0));
        assert_eq!(parse_str("１２０"), Some(120.0));
        assert_eq!(parse_str("３．５"), Some(3.5));
    }

    #[test]
    fn comma_between_list_items_is_not_a_thousands_separator() {
        let c = chars("7,33,74平方公里");
        let n = parse_arabic(&c, 0).unwrap();
        assert_eq!((n.value, n.end), (7.0, 1));
        let c = chars("2000,3000");
        assert_eq!(parse_arabic(&c, 0).unwrap().value, 2000.0);
    }

    #[test]
    fn section_number_dot_is_not_a_decimal_point() {
        let c = chars("4.加快推进");
        let n = parse_arabic(&c, 0).unwrap();
        assert_eq!((n.value, n.end), (4.0, 1));
    }

    #[test]
    fn chinese_small_numbers() {
        assert_eq!(chinese("两"), Some((2.0, 1)));
        assert_eq!(chinese("十"), Some((10.0, 1)));
        assert_eq!(chinese("十五"), Some((15.0, 2)));
        assert_eq!(chinese("二十"), Some((20.0, 2)));
        assert_eq!(chinese("一百二十"), Some((120.0, 4)));
        assert_eq!(chinese("一百零五"), Some((105.0, 4)));
        assert_eq!(chinese("三百"), Some((300.0, 2)));
    }

    #[test]
    fn chinese_abbreviated_trailing_digit() {
        assert_eq!(chinese("两千三"), Some((2300.0, 3)));
        assert_eq!(chinese("一百二"), Some((120.0, 3)));
        assert_eq!(chinese("三万五"), Some((35000.0, 3)));
    }

    #[test]
    fn chinese_large_numbers() {
        assert_eq!(chinese("三万"), Some((30000.0, 2)));
        assert_eq!(chinese("两千三百万"), Some((23_000_000.0, 5)));
        assert_eq!(chinese("一亿二千万"), Some((120_000_000.0, 5)));
        assert_eq!(chinese("三万亿"), Some((3e12, 3)));
        assert_eq!(chinese("二〇二五"), Some((2025.0, 4)));
    }

    #[test]
    fn magnitude_words_stop_before_units() {
        // 百万千瓦: one million, then the unit 千瓦.
        assert_eq!(chinese("百万千瓦级"), Some((1e6, 2)));
        assert_eq!(chinese("百亿"), Some((1e10, 2)));
        // A bare 百 or 万 is not a numeral (百家争鸣, 万众创新).
        assert_eq!(chinese("百家"), None);
        assert_eq!(chinese("万众"), None);
        assert_eq!(chinese("千家万户"), None);
    }

    #[test]
    fn digits_with_magnitude_word() {
        assert_eq!(parse_str("1.5万"), Some(15000.0));
        assert_eq!(parse_str("3亿"), Some(3e8));
        assert_eq!(parse_str("2千万"), Some(2e7));
        assert_eq!(parse_str("1万亿"), Some(1e12));
    }

    #[test]
    fn fractions_are_percentages() {
        let n = parse_fraction(&chars("三分之一"), 0).unwrap();
        assert_eq!((n.value, n.end, n.percent), (33.33, 4, true));
        assert_eq!(parse_str("三分之二"), Some(66.67));
        assert_eq!(parse_str("百分之十五"), Some(15.0));
        assert_eq!(parse_str("千分之五"), Some(0.5));
        assert_eq!(parse_str("4分之1"), Some(25.0));
        assert_eq!(parse_fraction(&chars("三个"), 0), None);
    }

    #[test]
    fn ranges_with_every_separator() {
        for s in ["2-3家", "2～3家", "2~3家", "2至3家", "2—3家"] {
            let (lo, hi) = parse_range(&chars(s), 0).unwrap();
            assert_eq!((lo.value, hi.map(|h| h.value)), (2.0, Some(3.0)), "{s}");
            assert_eq!(hi.unwrap().end, s.chars().count() - 1, "{s}");
        }
        let (lo, hi) = parse_range(&chars("1到2个"), 0).unwrap();
        assert_eq!((lo.value, hi.unwrap().value), (1.0, 2.0));
        let (lo, hi) = parse_range(&chars("两至三家"), 0).unwrap();
        assert_eq!((lo.value, hi.unwrap().value), (2.0, 3.0));
    }

    #[test]
    fn not_a_range_when_the_second_number_is_not_larger() {
        let (lo, hi) = parse_range(&chars("2020-2018"), 0).unwrap();
        assert_eq!((lo.value, hi), (2020.0, None));
        let (lo, hi) = parse_range(&chars("5-"), 0).unwrap();
        assert_eq!((lo.value, hi), (5.0, None));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(parse_str("abc"), None);
        assert_eq!(parse_str(""), None);
        assert_eq!(parse_arabic(&chars("家"), 0), None);
        assert_eq!(parse_chinese(&chars("大"), 0), None);
    }
}
