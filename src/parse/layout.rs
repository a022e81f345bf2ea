//! The document's one layout: paragraphs (lines, wrapped lines joined, page numbers
//! skipped), sentences (split at `。！？；` and line ends, either width) with character spans,
//! heading lines, and which paragraphs belong to a goals or a review section (`二、发展目标`,
//! `发展目标`, `发展基础`). Built once per document.

use super::scan::{self, Keywords, is_space};
use crate::parse::lexicon::sections::{
    GOAL_TITLES, OTHER_SECTION_TITLES, REVIEW_TITLES, TASK_VERBS,
};
use crate::parse::lines::{Marker, breaks_off, ends_in_cut_figure, is_page_number};
use crate::parse::normalize::NormText;
use crate::parse::tables::{Column, Table};
use std::sync::LazyLock;

/// The rank of a chapter number (`一、`): a chapter ends a section headed by an unnumbered
/// line.
const CHAPTER_RANK: u8 = 2;

/// One non-empty line of the text, trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// Heading level: the rank of its number as the outline reads it ([`Marker::rank`]: 0
    /// `第一章`, 1 `第一节`, 2 `一、`, 3 `(一)`, 4 `1.`, 5 `(1)`, 6 `①`), [`UNNUMBERED`] for a
    /// short unnumbered line; `None` for body text.
    pub heading: Option<u8>,
    /// Level of a numbered run-in heading opening the paragraph (`(二)发展目标。到2025年,…`).
    pub run_in: Option<u8>,
    /// Where the paragraph's text starts after its number.
    pub title_start: usize,
    /// Inside a goals section (after a heading naming `目标`, before the next section).
    pub goals: bool,
    /// Inside a review of the present (`发展基础`, `发展现状`).
    pub review: bool,
    /// Index of the first sentence of this paragraph in [`Layout::sentences`].
    pub first_sentence: usize,
    /// For a row of a task table with a deadline column (`完成时限`): the year it names.
    pub due: Option<i32>,
}

/// One sentence with its terminator, trimmed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index into [`Layout::paragraphs`].
    pub paragraph: usize,
}

/// The document's chars with its paragraphs and sentences.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The cleaned text as chars: every span of the layout indexes it.
    pub chars: Vec<char>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Layout {
    /// Lays out the text, reading the document's one line split, its one heading numbers
    /// (`outline::line_markers`) and its tables: a table row is a paragraph of its own.
    pub fn of(t: &NormText, markers: &[Option<Marker>], tables: &[Table]) -> Layout {
        let chars: Vec<char> = t.orig.chars().collect();
        // Each row's start, where its text starts (after its number cell), its end (a
        // row whose cell wraps runs over several lines) and the year it is due.
        let rows: Vec<Row> = tables
            .iter()
            .flat_map(|table| {
                let numbered = table.columns.first() == Some(&Column::Number);
                table.rows.iter().map(move |r| {
                    let text = r.cells.get(1).filter(|_| numbered).map_or(r.start, |c| c.0);
                    let due = table
                        .cell(r, Column::Deadline)
                        .and_then(|c| crate::parse::tables::deadline_year(t.norm_slice(c.0, c.1)));
                    Row {
                        start: r.start,
                        text,
                        end: r.end,
                        due,
                    }
                })
            })
            .collect();
        let mut out = layout(t, markers, &rows, &chars);
        out.chars = chars;
        out
    }
}

/// A table row as the layout reads it.
#[derive(Clone, Copy)]
struct Row {
    start: usize,
    /// Where its text starts, after its number cell.
    text: usize,
    end: usize,
    due: Option<i32>,
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_space(chars[start]) {
        start += 1;
    }
    while end > start && is_space(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// A sentence left open at the end of a line broken mid-sentence (a paragraph wrapped over
/// several lines, as in text taken from a PDF): its paragraph and where it starts.
#[derive(Clone, Copy)]
struct Open {
    paragraph: usize,
    sentence_start: usize,
    end: usize,
}

impl Open {
    /// Ends the sentence left open at the end of its last line.
    fn close(self, out: &mut Vec<Sentence>, chars: &[char]) {
        push_sentence(out, chars, self.sentence_start, self.end, self.paragraph);
    }
}

/// Splits the text into paragraphs and sentences and marks headings and goals sections.
/// Reads the document's one line split ([`NormText::lines`], trimmed char spans) and its one
/// heading numbers (`outline::line_markers`). A line broken mid-sentence goes on in the next
/// line (page numbers in between skipped).
fn layout(t: &NormText, markers: &[Option<Marker>], rows: &[Row], chars: &[char]) -> Layout {
    let mut out = Layout::default();
    let mut open: Option<Open> = None;
    for (&line, marker) in t.lines.iter().zip(markers) {
        let (start, end) = (line.start, line.end);
        // Table rows come in text order: a row neither goes on from the line before nor
        // into the next.
        let row = (start != end)
            .then(|| rows.binary_search_by_key(&start, |r| r.start).ok())
            .flatten()
            .map(|k| rows[k]);
        if row.is_some()
            && let Some(o) = open.take()
        {
            o.close(&mut out.sentences, chars);
        }
        let text = t.line_str(line);
        if start != end && end - start <= 14 && is_page_number(text) {
            continue;
        }
        let marker = marker.as_ref().filter(|_| start != end);
        // The line after one broken mid-sentence is its tail, however short, unless it is
        // numbered.
        let heading = heading_level(chars, start, end, marker).filter(|&level| {
            // A short line ending in a figure cut from its unit (`力争到2027`) is no
            // heading: it goes on in the next line, by the wrap rule's own test.
            (open.is_none() || marker.is_some())
                && (level != UNNUMBERED || !ends_in_cut_figure(text))
        });
        let goes_on = open.filter(|_| start != end && marker.is_none() && heading.is_none());
        if goes_on.is_none()
            && let Some(o) = open.take()
        {
            o.close(&mut out.sentences, chars);
        }
        if start == end {
            continue;
        }
        let (paragraph, mut s) = match goes_on {
            Some(o) => {
                out.paragraphs[o.paragraph].end = end;
                (o.paragraph, o.sentence_start)
            }
            None => {
                out.paragraphs.push(Paragraph {
                    start,
                    end,
                    heading,
                    run_in: run_in_level(chars, start, end, marker),
                    title_start: row.map_or(start + marker.map_or(0, |m| m.len), |r| r.text),
                    goals: false,
                    review: false,
                    first_sentence: out.sentences.len(),
                    due: row.and_then(|r| r.due),
                });
                // A numbered paragraph's first sentence, and a table row's, starts after
                // its number.
                let p = &out.paragraphs[out.paragraphs.len() - 1];
                (out.paragraphs.len() - 1, p.title_start)
            }
        };
        for (j, &c) in (start..end).zip(&chars[start..end]) {
            // One match on the char (the terminators of `is_terminator`, then the rare
            // citation and bullet chars).
            match c {
                '。' | '！' | '？' | '；' | '!' | '?' | ';' => {
                    push_sentence(&mut out.sentences, chars, s, j + 1, paragraph);
                    s = j + 1;
                }
                ']' if ends_citation(chars, j) => {
                    push_sentence(&mut out.sentences, chars, s, j + 1, paragraph);
                    s = j + 1;
                }
                '●' | '•' | '▪' | '■' | '◆' | '▶' | '-' | '—' | '–'
                    if j > s && opens_bullet(chars, j) =>
                {
                    push_sentence(&mut out.sentences, chars, s, j, paragraph);
                    s = j;
                }
                _ => {}
            }
        }
        // A table row goes on only where its cell wraps onto the next line.
        let wraps = match row {
            Some(r) => r.end > end,
            None => {
                out.paragraphs[paragraph].heading.is_none() && breaks_off(text, goes_on.is_some())
            }
        };
        if wraps {
            open = Some(Open {
                paragraph,
                sentence_start: s,
                end,
            });
        } else {
            push_sentence(&mut out.sentences, chars, s, end, paragraph);
            open = None;
        }
    }
    if let Some(o) = open {
        o.close(&mut out.sentences, chars);
    }
    mark_goals(chars, &mut out.paragraphs);
    out
}

/// A bullet opening an item inside a line (`…目标 - 核心指标:…`, `●推进…`): a summary
/// written as one line of items has no `。` between them.
fn opens_bullet(chars: &[char], j: usize) -> bool {
    match chars[j] {
        '●' | '•' | '▪' | '■' | '◆' | '▶' => true,
        '-' | '—' | '–' => {
            j > 0 && is_space(chars[j - 1]) && chars.get(j + 1).copied().is_some_and(is_space)
        }
        _ => false,
    }
}

/// The `]` closing a run of citation marks (`…新城 [1][10]`) before a space: the end of
/// an item.
fn ends_citation(chars: &[char], j: usize) -> bool {
    if chars[j] != ']' || !chars.get(j + 1).copied().is_some_and(is_space) {
        return false;
    }
    let digits = chars[..j]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits > 0 && j > digits && chars[j - digits - 1] == '['
}

/// The longest sentence kept whole. A run of text without a full stop (a page of bullets
/// or a table flattened into one line) is cut after the last comma before this length:
/// every figure keeps its sentence, so one unbounded sentence made memory and time grow
/// with the square of its length.
pub const MAX_SENTENCE_CHARS: usize = 400;

fn push_sentence(out: &mut Vec<Sentence>, chars: &[char], s: usize, e: usize, paragraph: usize) {
    let (mut start, end) = trim(chars, s, e);
    while end - start > MAX_SENTENCE_CHARS {
        let limit = start + MAX_SENTENCE_CHARS;
        let cut = (start + MAX_SENTENCE_CHARS / 2..limit)
            .rev()
            .find(|&j| matches!(chars[j], '，' | ',' | '、'))
            .map_or(limit, |j| j + 1);
        let (a, b) = trim(chars, start, cut);
        if a < b {
            out.push(Sentence {
                start: a,
                end: b,
                paragraph,
            });
        }
        start = cut;
    }
    let (start, end) = trim(chars, start, end);
    if start < end {
        out.push(Sentence {
            start,
            end,
            paragraph,
        });
    }
}

/// Level of a short numbered first sentence that heads the rest of its paragraph.
fn run_in_level(chars: &[char], start: usize, end: usize, marker: Option<&Marker>) -> Option<u8> {
    let level = marker?.rank;
    let stop = (start..end).find(|&j| is_terminator(chars[j]))?;
    (stop + 1 < end && stop - start <= 20).then_some(level)
}

/// Heading level of a line (the rank of its number, [`UNNUMBERED`] for a short line
/// without punctuation), when the line is a heading rather than body text.
fn heading_level(chars: &[char], start: usize, end: usize, marker: Option<&Marker>) -> Option<u8> {
    let len = end - start;
    let body_end = if end > start && is_terminator(chars[end - 1]) {
        end - 1
    } else {
        end
    };
    // The length tests come first: most lines are too long to be headings.
    if let Some(m) = marker {
        let inner_stop = || chars[start..body_end].iter().any(|&c| is_terminator(c));
        return (len <= 40 && len > m.len && !inner_stop()).then_some(m.rank);
    }
    let punct = || {
        chars[start..end].iter().any(|c| {
            matches!(
                c,
                ',' | '，' | '。' | ':' | '：' | '、' | '!' | '！' | '?' | '？' | ';' | '；'
            )
        })
    };
    (len <= 20 && !punct()).then_some(UNNUMBERED)
}

/// The level of a short unnumbered line read as a heading: below every numbered rank.
pub const UNNUMBERED: u8 = 9;

/// Marks goals sections and review sections.
fn mark_goals(chars: &[char], paragraphs: &mut [Paragraph]) {
    static GOALS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(GOAL_TITLES));
    static REVIEWS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(REVIEW_TITLES));
    mark_sections(chars, paragraphs, (&GOALS, usize::MAX, false), |p, v| {
        p.goals = v
    });
    // A review heading is short and names a state, not a task: `(四)…营造高质量发展
    // 环境。` and `优化人才发展环境` are tasks.
    mark_sections(chars, paragraphs, (&REVIEWS, 12, true), |p, v| p.review = v);
}

/// [`OTHER_SECTION_TITLES`] prepared for scanning.
static OTHER_SECTION: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(OTHER_SECTION_TITLES));

/// Marks the paragraphs of the sections whose heading names one of `titles`: from that
/// heading up to the next heading at the same or a higher level (for an unnumbered heading:
/// the next numbered chapter or an unnumbered heading naming tasks or safeguards).
fn mark_sections(
    chars: &[char],
    paragraphs: &mut [Paragraph],
    (titles, max_len, verbless): (&Keywords, usize, bool),
    mark: impl Fn(&mut Paragraph, bool),
) {
    let mut level_in: Option<u8> = None;
    for k in 0..paragraphs.len() {
        let actions_follow = paragraphs
            .get(k + 1)
            .is_some_and(|n| n.heading.is_none() && opens_action(chars, n.start, n.end));
        let p = &mut paragraphs[k];
        if let Some(level) = p.heading.or(p.run_in) {
            let ends = match level_in {
                // Below an unnumbered heading, a chapter (`一、` or above) ends the section.
                Some(UNNUMBERED) => {
                    level <= CHAPTER_RANK
                        || (level == UNNUMBERED
                            && (actions_follow || OTHER_SECTION.any_in(chars, p.start, p.end)))
                }
                Some(g) => level <= g,
                None => false,
            };
            if ends {
                level_in = None;
            }
            let title_end = if p.run_in.is_some() {
                (p.start..p.end)
                    .find(|&j| is_terminator(chars[j]))
                    .unwrap_or(p.end)
            } else {
                p.end
            };
            // The title's length, after its number.
            let short = title_end.saturating_sub(p.title_start) <= max_len;
            // Searched last: most headings fail the cheaper tests.
            let names = || {
                titles.any_in(chars, p.start, title_end)
                    && !(verbless && opens_with_task_verb(chars, p.title_start))
            };
            if level_in.is_none() && short && names() {
                level_in = Some(level);
                // A run-in heading carries the section in its own paragraph.
                mark(p, p.run_in.is_some());
                continue;
            }
        }
        mark(p, level_in.is_some());
    }
}

/// Whether a heading whose title (after its number) starts at `title` opens with a task
/// verb.
fn opens_with_task_verb(chars: &[char], title: usize) -> bool {
    TASK_VERBS
        .iter()
        .any(|v| scan::starts_with_at(chars, title, v))
}

/// Whether the paragraph `start..end` is a run-in `实施…行动。` paragraph.
fn opens_action(chars: &[char], start: usize, end: usize) -> bool {
    if !scan::starts_with_at(chars, start, "实施") {
        return false;
    }
    let head: String = chars[start..end.min(start + 40)].iter().collect();
    crate::parse::lines::action_lead(&head).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> (Vec<String>, Layout) {
        let c: Vec<char> = s.chars().collect();
        let t = NormText::new(s);
        let l = layout(&t, &crate::parse::outline::line_markers(&t), &[], &c);
        let t = l
            .sentences
            .iter()
            .map(|x| c[x.start..x.end].iter().collect())
            .collect();
        (t, l)
    }

    #[test]
    fn a_table_row_is_a_paragraph_of_its_own_without_its_number() {
        let s = "序号 重点任务 牵头单位 配合单位\n\
                 1 到2027年,建成中试基地3个,完善配套 区科技局 区财政局、各街道\n\
                 2 培育链主企业10家 区工信局 区商务局\n";
        let t = NormText::new(s);
        let tables = crate::parse::tables::tables(&t);
        let l = Layout::of(&t, &crate::parse::outline::line_markers(&t), &tables);
        let text: Vec<String> = l
            .sentences
            .iter()
            .map(|x| l.chars[x.start..x.end].iter().collect())
            .collect();
        // The first row ends in a char, as a wrapped line does, yet the next row is not
        // its tail.
        assert_eq!(
            text[1..],
            [
                "到2027年,建成中试基地3个,完善配套 区科技局 区财政局、各街道",
                "培育链主企业10家 区工信局 区商务局"
            ]
        );
    }

    #[test]
    fn sentences_split_at_stops_and_line_ends() {
        let (t, l) = texts("  甲达到3家。乙不少于5个;丙！\n丁超过2次\n\n戊");
        assert_eq!(
            t,
            ["甲达到3家。", "乙不少于5个;", "丙！", "丁超过2次", "戊"]
        );
        assert_eq!(l.paragraphs.len(), 3);
        assert_eq!((l.sentences[0].start, l.sentences[0].end), (2, 8));
        assert_eq!(l.sentences[3].paragraph, 1);
    }

    #[test]
    fn items_of_a_one_line_summary_are_sentences() {
        let (t, _) = texts("成就总结 - 项目:引进项目20个 [2][4] 发展目标 - 指标:产值达到50亿元");
        assert_eq!(
            t,
            [
                "成就总结",
                "- 项目:引进项目20个 [2][4]",
                "发展目标",
                "- 指标:产值达到50亿元"
            ]
        );
        let (t, _) = texts("●对外保出口●对内扩消费");
        assert_eq!(t, ["●对外保出口", "●对内扩消费"]);
    }

    #[test]
    fn a_paragraph_wrapped_over_lines_gives_whole_sentences() {
        let (t, l) = texts(
            "某区扶持办法\n(一)支持研发。对企业按增量部分\n的10%给予奖励。到2025年,研发\n- 3 -\n投入强度达到3%。\n(二)其他。",
        );
        assert_eq!(
            t,
            [
                "某区扶持办法",
                // A numbered paragraph's first sentence starts after its number.
                "支持研发。",
                "对企业按增量部分\n的10%给予奖励。",
                "到2025年,研发\n- 3 -\n投入强度达到3%。",
                "其他。"
            ]
        );
        assert_eq!(l.paragraphs.len(), 3);
        let (t, _) = texts("园区规划建设方案发布会在高新区召开\n到2025年,企业达到10家。");
        assert_eq!(t.len(), 2);
        // A list broken after `、` goes on in the next line, however short the line.
        let (t, _) = texts("到2025年,引进研发机构、\n孵化器30家。");
        assert_eq!(t, ["到2025年,引进研发机构、\n孵化器30家。"]);
        // Text broken at ragged places: once a line has broken off mid-sentence, a short
        // line that also ends inside the clause goes on too.
        let (t, _) = texts("全年新增规模以上工业企业15家,引进\n亿元以上产业项目\n40个。\n加快建设");
        assert_eq!(
            t,
            [
                "全年新增规模以上工业企业15家,引进\n亿元以上产业项目\n40个。",
                "加快建设"
            ]
        );
    }

    #[test]
    fn headings_are_recognised() {
        let (_, l) = texts(
            "一、发展目标\n(一)新一代信息技术。\n1.重点发展集成电路产业。坚持龙头带动。\n发展目标\n到2020年,建成3个基地。",
        );
        let levels: Vec<_> = l.paragraphs.iter().map(|p| p.heading).collect();
        assert_eq!(levels, [Some(2), Some(3), None, Some(UNNUMBERED), None]);
    }

    #[test]
    fn goals_section_runs_to_the_next_chapter() {
        let s = "二、发展目标\n到2023年,企业达到10家。\n(一)细分目标\n孵化器5家。\n三、重点任务\n1.建设基地。";
        let (_, l) = texts(s);
        let goals: Vec<_> = l.paragraphs.iter().map(|p| p.goals).collect();
        assert_eq!(goals, [false, true, true, true, false, false]);
    }

    #[test]
    fn chapter_headings() {
        let s = "第一章 发展基础\n拥有企业500家。\n第二章 总体要求\n企业达到800家。";
        let (_, l) = texts(s);
        let levels: Vec<_> = l.paragraphs.iter().map(|p| p.heading).collect();
        assert_eq!(levels, [Some(0), None, Some(0), None]);
        let review: Vec<_> = l.paragraphs.iter().map(|p| p.review).collect();
        assert_eq!(review, [false, true, false, false]);
    }

    #[test]
    fn a_task_heading_naming_an_environment_is_no_review() {
        let s = "重点任务\n优化人才发展环境\n每年引进人才不少于500名。\n营造良好发展环境\n企业开办时间压缩至1天。";
        let (_, l) = texts(s);
        assert!(l.paragraphs.iter().all(|p| !p.review));
        let (_, l) = texts("发展环境\n园区拥有企业300家。");
        assert!(l.paragraphs[1].review);
    }

    #[test]
    fn review_sections() {
        let s = "一、发展基础\n全区拥有企业500家。\n二、发展目标\n企业达到800家。";
        let (_, l) = texts(s);
        let review: Vec<_> = l.paragraphs.iter().map(|p| p.review).collect();
        assert_eq!(review, [false, true, false, false]);
    }

    #[test]
    fn run_in_goals_heading() {
        let s = "一、总体要求\n(一)指导思想。坚持创新。\n(二)发展目标。到2025年,企业达到10家。\n1.主体。企业5家。\n(三)基本原则。坚持市场。";
        let (_, l) = texts(s);
        let goals: Vec<_> = l.paragraphs.iter().map(|p| p.goals).collect();
        assert_eq!(goals, [false, false, true, true, false]);
    }

    #[test]
    fn a_heading_over_action_paragraphs_ends_the_goals_section() {
        let s = "发展目标\n到2026年,产值达到100亿元。\n推进两大行动\n实施招商行动。引进企业20家。\n\
                 实施育才行动。培养人才500名。";
        let (_, l) = texts(s);
        let goals: Vec<_> = l.paragraphs.iter().map(|p| p.goals).collect();
        assert_eq!(goals, [false, true, false, false, false]);
    }

    #[test]
    fn unnumbered_goals_section_keeps_its_subheadings() {
        let s = "发展目标\n到2020年,建成中心。\n自主创新能力大幅提升\n企业达到60家。\n主要任务\n建设平台3个。";
        let (_, l) = texts(s);
        let goals: Vec<_> = l.paragraphs.iter().map(|p| p.goals).collect();
        assert_eq!(goals, [false, true, true, true, false, false]);
    }

    #[test]
    fn a_run_of_text_without_a_full_stop_is_cut_into_bounded_sentences() {
        let item = "到2027年,新增规上工业企业60家以上,";
        let (texts, _) = texts(&item.repeat(200));
        assert!(texts.len() > 1);
        assert!(
            texts
                .iter()
                .all(|t| t.chars().count() <= MAX_SENTENCE_CHARS)
        );
        // Cut after a comma, so no clause is split.
        assert!(texts.iter().all(|t| t.starts_with("到2027年")));
        assert_eq!(texts.concat(), item.repeat(200));
    }

    #[test]
    fn a_line_cut_after_a_figure_goes_on_in_the_next() {
        let (texts, l) = texts("某区行动方案\n力争到2027\n年,高新技术企业达到120家。\n");
        assert_eq!(
            texts.last().map(String::as_str),
            Some("力争到2027\n年,高新技术企业达到120家。")
        );
        assert!(
            l.paragraphs
                .iter()
                .all(|p| p.heading != Some(UNNUMBERED) || p.start == 0)
        );
    }
}
