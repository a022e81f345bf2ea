//! The outline: numbered headings of every Chinese convention (`第一章`, `一、`, `(一)`,
//! `1.`, `(1)`, `①`) and, in documents without numbers, short unnumbered heading lines
//! followed by body text — arranged as a tree by the conventional depth of each style.

use super::lines::{
    Marker, action_lead, continues, ends_mid_sentence, is_body, is_heading_like, is_page_number,
    parse_marker, parse_marker_before_digit,
};
use super::normalize::{NormText, char_count};
use super::units::{starts_with_annotation, trailing_annotation};
use crate::model::Section;
use crate::parse::lexicon::documents::TITLE_KINDS;
use crate::parse::lexicon::sections::CHAPTER_ENDINGS;

/// Rank given to unnumbered chapter headings (`主要任务`) and to other unnumbered headings.
const UNNUMBERED_CHAPTER_RANK: u8 = 2;
const UNNUMBERED_RANK: u8 = 3;

/// One heading with what the measure extractor needs to know about it.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Index of its line in [`NormText::lines`].
    pub line: usize,
    /// Conventional depth of its numbering style (see [`Marker::rank`]).
    pub rank: u8,
    /// Normalised number, `None` for unnumbered headings.
    pub number: Option<String>,
    /// Char span of the title (without number and final punctuation).
    pub title: (usize, usize),
    /// Char offset just past the title sentence (its `。` included when present).
    pub title_end: usize,
    /// Whether task text follows the title on the heading line itself.
    pub inline_body: bool,
    /// Whether the heading line reads as a full sentence (ends in `。` or `;`).
    pub sentence: bool,
    /// One past the last line that belongs to this heading's own text (body lines that
    /// follow it before the next heading or non-body line).
    pub content_end: usize,
    /// Index of the parent heading.
    pub parent: Option<usize>,
    /// Depth in the tree, 1 = top.
    pub level: u8,
    /// Whether another heading has this one as parent.
    pub has_children: bool,
}

impl Heading {
    /// Whether the heading carries text of its own (inline or in following paragraphs).
    pub fn has_content(&self) -> bool {
        self.inline_body || self.sentence || self.content_end > self.line + 1
    }
}

/// Whether a short unnumbered heading names a chapter (`主要任务`, `发展目标`).
pub fn is_chapter_title(title: &str) -> bool {
    char_count(title) <= 8 && CHAPTER_ENDINGS.iter().any(|w| title.ends_with(w))
}

/// Titles of the document itself rather than of a section (`…实施方案`, `关于…的通知`).
fn looks_like_document_title(line: &str) -> bool {
    line.contains("关于") || line.contains('《') || TITLE_KINDS.iter().any(|k| line.ends_with(k))
}

/// Finds the headings of the document and links them into a tree.
pub fn headings(t: &NormText) -> Vec<Heading> {
    headings_from(t, &line_markers(t))
}

/// The heading number of every line of the document (the one reading of numbers that the
/// outline and the target layout share).
pub(crate) fn line_markers(t: &NormText) -> Vec<Option<Marker>> {
    // The last `N.` item number seen: `11.121人才…` after item 10 is item 11, not 11.121.
    let mut last_item: Option<u32> = None;
    t.lines
        .iter()
        .map(|&l| {
            let s = t.line_str(l);
            let digit_led = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
            let m = parse_marker(s).or_else(|| {
                digit_led
                    .then(|| parse_marker_before_digit(s))
                    .flatten()
                    .filter(|m| {
                        let n: Option<u32> = m.number.parse().ok();
                        n.is_some() && n == last_item.map(|k| k + 1)
                    })
            });
            if let Some(m) = m.as_ref().filter(|m| m.rank == 4) {
                last_item = m.number.parse().ok().or(last_item);
            }
            m
        })
        .collect()
}

/// [`headings`] from the markers [`line_markers`] read.
pub(crate) fn headings_from(t: &NormText, markers: &[Option<Marker>]) -> Vec<Heading> {
    let numbered = markers.iter().flatten().count();
    // The first line of a document is its title (or site furniture), never a section.
    let first_line = t.lines.iter().position(|l| !l.is_blank());
    let mut out = Vec::new();
    for (i, marker) in markers.iter().cloned().enumerate() {
        let line = t.lines[i];
        let s = t.line_str(line);
        let h = match marker {
            Some(m) => numbered_heading(t, i, m),
            None if numbered < 2
                && Some(i) != first_line
                && is_heading_like(s)
                && !looks_like_document_title(s)
                && (stands_alone_before_body(t, i) || heads_headings(t, i, s)) =>
            {
                let rank = if is_chapter_title(s) {
                    UNNUMBERED_CHAPTER_RANK
                } else {
                    UNNUMBERED_RANK
                };
                heading(i, rank, None, (line.start, line.end), line.end, false)
            }
            None => continue,
        };
        out.push(h);
    }
    promote_action_groups(t, &mut out);
    attach_content(t, &mut out);
    link_tree(&mut out);
    out
}

fn heading(
    line: usize,
    rank: u8,
    number: Option<String>,
    title: (usize, usize),
    title_end: usize,
    inline_body: bool,
) -> Heading {
    Heading {
        line,
        rank,
        number,
        title,
        title_end,
        inline_body,
        sentence: false,
        content_end: line + 1,
        parent: None,
        level: 1,
        has_children: false,
    }
}

/// Whether body text follows line `i` and the line before it does not break off
/// mid-sentence (then line `i` would be the tail of a wrapped paragraph).
fn stands_alone_before_body(t: &NormText, i: usize) -> bool {
    let prev_ok = t.lines[..i]
        .iter()
        .rfind(|l| !l.is_blank())
        .is_none_or(|&l| !ends_mid_sentence(t.line_str(l)));
    prev_ok
        && t.lines[i + 1..]
            .iter()
            .find(|l| !l.is_blank())
            .is_some_and(|&l| {
                let next = t.line_str(l);
                is_body(next) || ends_mid_sentence(next)
            })
}

/// An unnumbered heading whose paragraphs include run-in `实施…行动。` paragraphs names a
/// group of actions (`推进三大攻坚行动`): it is a chapter, so it closes the chapter before
/// it (`发展目标`) instead of nesting under it.
fn promote_action_groups(t: &NormText, hs: &mut [Heading]) {
    let starts: Vec<usize> = hs.iter().map(|h| h.line).collect();
    for (k, h) in hs.iter_mut().enumerate() {
        if h.number.is_some() || h.rank == UNNUMBERED_CHAPTER_RANK {
            continue;
        }
        let limit = starts.get(k + 1).copied().unwrap_or(t.lines.len());
        let has_actions = t.lines[h.line + 1..limit]
            .iter()
            .any(|&l| action_lead(t.line_str(l)).is_some());
        if has_actions {
            h.rank = UNNUMBERED_CHAPTER_RANK;
        }
    }
}

/// A chapter title (`重点任务`) whose next line is itself a short heading over body text:
/// the chapter heads the headed tasks below it.
fn heads_headings(t: &NormText, i: usize, s: &str) -> bool {
    if !is_chapter_title(s) {
        return false;
    }
    let next = t.lines[i + 1..].iter().position(|l| !l.is_blank());
    next.is_some_and(|p| {
        let j = i + 1 + p;
        let line = t.line_str(t.lines[j]);
        is_heading_like(line) && !is_chapter_title(line) && stands_alone_before_body(t, j)
    })
}

/// Title span and inline text of a numbered heading line.
fn numbered_heading(t: &NormText, i: usize, m: Marker) -> Heading {
    let line = t.lines[i];
    let s = t.line_str(line);
    let start = line.start + m.len;
    let after = &s[s.char_indices().nth(m.len).map_or(s.len(), |(b, _)| b)..];
    let (sentence, rest) = match after.find('。') {
        Some(b) => (&after[..b], &after[b + '。'.len_utf8()..]),
        None => (after, ""),
    };
    let sentence = match trailing_annotation(sentence) {
        Some(a) if rest.trim().is_empty() => &sentence[..a],
        _ => sentence,
    };
    let title = sentence.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '、' | '.' | '。')
    });
    let title_end = if after.contains('。') {
        start + char_count(sentence) + 1
    } else {
        line.end
    };
    let inline_body = !rest.trim().is_empty();
    let mut h = heading(
        i,
        m.rank,
        Some(m.number),
        (start, start + char_count(title)),
        title_end,
        inline_body,
    );
    h.sentence = after.trim_end().ends_with(['。', ';']);
    h
}

/// Gives each heading the lines that continue its text, up to the next heading, a line
/// that is not running text (signature, date), or the line that closes with a
/// responsibility annotation (an annotation on a line of its own is included).
fn attach_content(t: &NormText, hs: &mut [Heading]) {
    let starts: Vec<usize> = hs.iter().map(|h| h.line).collect();
    for (k, h) in hs.iter_mut().enumerate() {
        let limit = starts.get(k + 1).copied().unwrap_or(t.lines.len());
        let own = t.line_str(t.lines[h.line]);
        if trailing_annotation(own).is_some() {
            continue;
        }
        for j in h.line + 1..limit {
            let l = t.lines[j];
            let s = t.line_str(l);
            if l.is_blank() || is_page_number(s) {
                continue;
            }
            let prev = t.line_str(t.lines[h.content_end - 1]);
            if !continues(prev, s) && !starts_with_annotation(s) {
                break;
            }
            h.content_end = j + 1;
            if trailing_annotation(s).is_some() {
                break;
            }
        }
    }
}

/// Parents and levels from the conventional depth of each numbering style.
fn link_tree(hs: &mut [Heading]) {
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for k in 0..hs.len() {
        let rank = hs[k].rank;
        while stack.last().is_some_and(|&(r, _)| r >= rank) {
            stack.pop();
        }
        hs[k].parent = stack.last().map(|&(_, p)| p);
        if let Some(p) = hs[k].parent {
            hs[p].has_children = true;
        }
        stack.push((rank, k));
        hs[k].level = u8::try_from(stack.len()).unwrap_or(u8::MAX);
    }
}

/// The outline as the model's flat list of sections with parent indices.
pub fn sections(t: &NormText, hs: &[Heading]) -> Vec<Section> {
    hs.iter()
        .map(|h| {
            let line = t.lines[h.line];
            Section {
                number: h.number.clone(),
                title: t.orig_slice(h.title.0, h.title.1).to_string(),
                level: h.level,
                parent: h.parent,
                span: (line.start, h.title_end.min(line.end)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Vec<Section> {
        let t = NormText::new(text);
        sections(&t, &headings(&t))
    }

    fn shape(text: &str) -> Vec<(Option<String>, String, u8, Option<usize>)> {
        outline(text)
            .into_iter()
            .map(|s| (s.number, s.title, s.level, s.parent))
            .collect()
    }

    #[test]
    fn numbered_levels_nest_by_convention() {
        let text = "一、总体要求\n坚持创新驱动。\n二、重点任务\n（一）壮大产业。\n\
                    1.培育龙头企业。支持企业做大。\n(1)梳理名单。\n①建立台账。\n\
                    2．建设平台。搭建平台。\n(二)优化环境\n1、简化审批。推行承诺制。\n";
        let got = shape(text);
        let expect = [
            (Some("一"), "总体要求", 1, None),
            (Some("二"), "重点任务", 1, None),
            (Some("(一)"), "壮大产业", 2, Some(1)),
            (Some("1"), "培育龙头企业", 3, Some(2)),
            (Some("(1)"), "梳理名单", 4, Some(3)),
            (Some("①"), "建立台账", 5, Some(4)),
            (Some("2"), "建设平台", 3, Some(2)),
            (Some("(二)"), "优化环境", 2, Some(1)),
            (Some("1"), "简化审批", 3, Some(7)),
        ];
        assert_eq!(got.len(), expect.len());
        for (g, e) in got.iter().zip(expect) {
            assert_eq!(g.0.as_deref(), e.0);
            assert_eq!(g.1, e.1);
            assert_eq!((g.2, g.3), (e.2, e.3), "{}", e.1);
        }
    }

    #[test]
    fn a_document_starting_mid_outline_still_nests() {
        let got = shape("3.推进合作。正文。\n(二)扩大开放\n1.引进外资。正文。\n");
        assert_eq!(got[0].2, 1);
        assert_eq!((got[1].2, got[1].3), (1, None));
        assert_eq!((got[2].2, got[2].3), (2, Some(1)));
    }

    #[test]
    fn figures_and_mid_sentence_numbers_are_not_headings() {
        let text = "一、目标\n2025年产值达到1.5亿元。\n1.5亿元用于补助,重点支持:1.研发;2.转化。\n\
                    推进工作,包括(一)规划编制。\n";
        let got = shape(text);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn unnumbered_heading_lines_need_body_text_after_them() {
        let text = "首页\n栏目\n\n主要任务\n\n围绕重点领域推进工作。\n\n壮大新兴产业\n\n\
                    加快发展数字经济,培育新业态。\n\n沈阳市人民政府\n2020年1月2日\n";
        let got = shape(text);
        let titles: Vec<&str> = got.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(titles, vec!["主要任务", "壮大新兴产业"]);
        assert_eq!((got[1].2, got[1].3), (2, Some(0)));
    }

    #[test]
    fn a_chapter_title_right_above_a_task_heading_is_a_heading() {
        let text = "某区行动方案\n\n主要举措\n\n壮大总部经济\n\n引进一批区域总部。\n\n\
                    提升园区品质\n\n建设一批口袋公园。\n";
        let got = shape(text);
        let titles: Vec<&str> = got.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(titles, ["主要举措", "壮大总部经济", "提升园区品质"]);
        assert_eq!((got[1].2, got[1].3), (2, Some(0)));
    }

    #[test]
    fn a_heading_over_action_paragraphs_is_a_chapter() {
        let text = "某区行动方案\n\n发展目标\n\n到2026年,建成创新高地。\n\n推进两大行动\n\n\
                    实施招商攻坚行动。引进企业。\n\n实施人才集聚行动。引进人才。\n";
        let got = shape(text);
        assert_eq!(got[1].1, "推进两大行动");
        assert_eq!((got[1].2, got[1].3), (1, None));
    }

    #[test]
    fn the_tail_of_a_wrapped_paragraph_is_not_a_heading() {
        let text = "某区招商方案\n重点任务\n\n围绕重点产业链开展精准招商,引进一批带动作用强的\n龙头企业\n\
                    加快推进项目建设,尽快形成产能。\n";
        let titles: Vec<String> = outline(text).into_iter().map(|s| s.title).collect();
        assert_eq!(titles, ["重点任务"]);
    }

    #[test]
    fn heading_content_stops_at_annotations_and_boilerplate() {
        let text = "1.建设平台。正文。(责任单位:市科技局)\n这是另一段不相关的文字。\n\
                    2.优化服务\n提供专业化的服务内容。\n本文地址:/x.html\n";
        let t = NormText::new(text);
        let hs = headings(&t);
        assert_eq!(hs[0].content_end, 1);
        assert!(hs[0].inline_body);
        assert_eq!(hs[1].content_end, 4);
        assert!(!hs[1].inline_body && hs[1].has_content());
    }

    #[test]
    fn an_item_whose_title_opens_with_a_digit_continues_the_numbering() {
        let text = "9.甲项目。正文。\n10.乙项目。正文。\n11.365服务项目。正文。\n\
                    预计增长1.5亿元。\n";
        let titles: Vec<String> = outline(text).into_iter().map(|s| s.title).collect();
        assert_eq!(titles, ["甲项目", "乙项目", "365服务项目"]);
    }

    #[test]
    fn chapter_titles_are_recognised() {
        assert!(is_chapter_title("主要任务"));
        assert!(is_chapter_title("发展目标"));
        assert!(!is_chapter_title("提升自主创新能力"));
    }
}
