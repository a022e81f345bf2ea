//! Measures: the numbered tasks at the deepest numbered level that carries task text, the
//! headed paragraphs under an unnumbered task chapter, or — in a document with neither —
//! its `实施…行动。` paragraphs. Goal, guiding-principle and layout sections are outline
//! only. Each measure gets its path, title, verbatim text and span, responsible units, key
//! enterprises, themes and policy instrument.

use super::lines::{
    action_lead, continues, ends_mid_sentence, is_body, is_closing, states_purpose,
};
use super::normalize::{NormText, char_count};
use super::outline::{Heading, is_chapter_title};
use super::tables::{Column, Kind, Table};
use super::tagging;
use super::units::{annotations, starts_with_annotation, trailing_annotation};
use crate::catalog::Catalog;
use crate::model::{Measure, ResponsibleUnit, Role};
use crate::parse::lexicon::documents::OWN_DOCUMENT_KINDS;
use crate::parse::lexicon::sections::{NON_TASK_ENDINGS, NON_TASK_TOP_ENDINGS, SAFEGUARD_TITLES};

/// Whether a section title names a goals/principles/background section.
pub fn is_non_task_title(title: &str, top_level: bool) -> bool {
    let title = title.trim_end_matches(['。', ':']);
    let limit = if top_level { 16 } else { 10 };
    char_count(title) <= limit
        && (NON_TASK_ENDINGS.iter().any(|e| title.ends_with(e))
            || (top_level && NON_TASK_TOP_ENDINGS.iter().any(|e| title.ends_with(e))))
}

/// Where the measures of a document come from and what they need for tagging.
pub struct Extractor<'a, 't> {
    pub text: &'a NormText<'t>,
    pub headings: &'a [Heading],
    pub catalog: &'a Catalog,
    /// City whose agency aliases apply.
    pub city: Option<&'a str>,
    /// Whether the document is a news article (its sub-heads are not tasks).
    pub news: bool,
    /// The tables of the document (task tables give measures).
    pub tables: &'a [Table],
}

/// A measure found in the text before tagging: where it is and how it is addressed.
struct Found {
    start: usize,
    end: usize,
    number: Option<String>,
    /// Heading whose chain gives the path (the measure's own heading, or the enclosing one).
    path_from: Option<usize>,
    /// Whether the heading at `path_from` is the measure itself.
    own_heading: bool,
    title: (usize, usize),
    /// Units read from a task table's columns (a row has no annotation of its own).
    table_units: Option<Vec<(String, Role)>>,
}

impl Extractor<'_, '_> {
    /// All measures of the document, in text order.
    pub fn measures(&self) -> Vec<Measure> {
        let mut found = self.heading_measures(false);
        // Action paragraphs outside the headed tasks (a chapter of `实施…行动。` paragraphs
        // next to a chapter of headed tasks) are measures too.
        add_outside(&mut found, self.action_paragraphs());
        // A paragraph closed by a responsibility annotation is a task even without a
        // number (`推进…。(责任单位:…)`).
        let annotated = self.annotated_paragraphs();
        // A heading over two or more annotated paragraphs is a chapter of tasks, not one.
        let mut under = vec![0usize; self.headings.len()];
        for k in annotated.iter().filter_map(|a| a.path_from) {
            under[k] += 1;
        }
        found.retain(|f| !(f.own_heading && f.path_from.is_some_and(|k| under[k] >= 2)));
        add_outside(&mut found, annotated);
        // A task table (`任务分工表`) lists tasks with their units, a row each; rows are
        // never also read as headings or paragraphs.
        let rows = self.table_rows();
        if !rows.is_empty() {
            found.retain(|f| {
                !self
                    .tables
                    .iter()
                    .any(|t| t.kind == Kind::Tasks && f.start >= t.start && f.start < t.end)
            });
            add_outside(&mut found, rows);
        }
        if found.is_empty() && !self.news {
            found = self.heading_measures(true);
        }
        let measures = found.into_iter().map(|f| self.build(f)).collect();
        without_unannotated_outliers(measures, &self.safeguard_chapters())
    }

    /// The path keys (number, or title when unnumbered) of the top chapters on how the
    /// plan is carried out (`四、保障措施`).
    fn safeguard_chapters(&self) -> Vec<String> {
        self.headings
            .iter()
            .filter(|h| h.parent.is_none())
            .filter(|h| {
                let title = self.title_of(h);
                SAFEGUARD_TITLES.iter().any(|w| title.contains(w))
            })
            .map(|h| {
                h.number
                    .clone()
                    .unwrap_or_else(|| self.title_of(h).to_string())
            })
            .collect()
    }

    fn title_of(&self, h: &Heading) -> &str {
        self.text.norm_slice(h.title.0, h.title.1)
    }

    /// Whether heading `k` or one of its ancestors is a goals/principles section.
    fn in_non_task_section(&self, k: usize) -> bool {
        let mut cur = Some(k);
        while let Some(i) = cur {
            let h = &self.headings[i];
            if is_non_task_title(self.title_of(h), h.parent.is_none()) {
                return true;
            }
            cur = h.parent;
        }
        false
    }

    /// Headings that carry task text and have no sub-heading carrying text of its own;
    /// a task whose sub-items are bare list lines (`(1)工业机器人;`) keeps them in its text.
    /// With `loose`, unnumbered headings count without a task chapter above them (a
    /// plan summary made only of task headings).
    fn heading_measures(&self, loose: bool) -> Vec<Found> {
        let t = self.text;
        let hs = self.headings;
        let mut out = Vec::new();
        // Headings up to here lie inside a measure already taken.
        let mut covered = 0;
        for (k, h) in hs.iter().enumerate() {
            if k < covered {
                continue;
            }
            let candidate = h.has_content()
                && !self.in_non_task_section(k)
                && !self.frames_document(h)
                && (h.number.is_some()
                    || self.under_unnumbered_chapter(h)
                    || (loose && !is_chapter_title(self.title_of(h))));
            if !candidate {
                continue;
            }
            // Descendants follow a heading directly, up to the next one at its level or above.
            let subtree_end = hs[k + 1..]
                .iter()
                .position(|d| d.level <= h.level)
                .map_or(hs.len(), |p| k + 1 + p);
            let subtree = &hs[k + 1..subtree_end];
            if subtree.iter().any(|d| self.carries_text(d)) {
                continue;
            }
            let last_line = subtree
                .iter()
                .map(|d| d.content_end)
                .fold(h.content_end, usize::max);
            covered = subtree_end;
            out.push(Found {
                start: t.lines[h.line].start,
                end: t.lines[last_line - 1].end,
                number: h.number.clone(),
                path_from: Some(k),
                own_heading: true,
                title: h.title,
                table_units: None,
            });
        }
        out
    }

    /// Whether a heading frames the document rather than setting a task: an article
    /// stating its purpose (`第一条 为…,制定本政策。`) or closing it (`…负责解释`).
    fn frames_document(&self, h: &Heading) -> bool {
        let end = self.text.lines[h.line].end;
        let body = self.text.norm_slice(h.title.0, end);
        is_closing(body) || states_purpose(body)
    }

    /// Whether a heading holds task text of its own rather than being a list item: text
    /// after its title or below it, or a full sentence of some length.
    fn carries_text(&self, h: &Heading) -> bool {
        let line = self.text.line_str(self.text.lines[h.line]);
        h.inline_body
            || h.content_end > h.line + 1
            || (line.ends_with('。') && h.title.1 - h.title.0 >= 8)
    }

    fn under_unnumbered_chapter(&self, h: &Heading) -> bool {
        h.parent.is_some_and(|p| {
            let parent = &self.headings[p];
            parent.number.is_none() && is_chapter_title(self.title_of(parent))
        })
    }

    /// `实施…行动。` paragraphs (at least two of them, or none is taken).
    fn action_paragraphs(&self) -> Vec<Found> {
        let t = self.text;
        let heading_lines: Vec<usize> = self.headings.iter().map(|h| h.line).collect();
        let mut out = Vec::new();
        for (i, &line) in t.lines.iter().enumerate() {
            let s = t.line_str(line);
            let Some(lead) = action_lead(s) else { continue };
            if heading_lines.binary_search(&i).is_ok() {
                continue;
            }
            out.push(Found {
                start: line.start,
                end: self.paragraph_end(i, &heading_lines),
                number: None,
                path_from: heading_lines.partition_point(|&h| h < i).checked_sub(1),
                own_heading: false,
                title: (line.start, line.start + char_count(lead)),
                table_units: None,
            });
        }
        if out.len() < 2 {
            out.clear();
        }
        out
    }

    /// Body paragraphs outside any heading's own line that close with a responsibility
    /// annotation (on their last line or on a line of its own after them).
    fn annotated_paragraphs(&self) -> Vec<Found> {
        let t = self.text;
        let heading_lines: Vec<usize> = self.headings.iter().map(|h| h.line).collect();
        let is_heading = |i: usize| heading_lines.binary_search(&i).is_ok();
        let mut out = Vec::new();
        // Lines after this one are not yet inside a paragraph taken.
        let mut taken_to = 0;
        // Only lines carrying an annotation are looked at: the paragraph is found backwards
        // from them (its wrapped lines, or the line before an annotation of its own).
        for (i, &line) in t.lines.iter().enumerate() {
            let s = t.line_str(line);
            if line.is_blank() || i < taken_to || is_heading(i) {
                continue;
            }
            let own_line = starts_with_annotation(s);
            if !own_line && trailing_annotation(s).is_none() {
                continue;
            }
            let mut k = if own_line {
                match (taken_to..i).rev().find(|&j| !t.lines[j].is_blank()) {
                    Some(j) => j,
                    None => continue,
                }
            } else {
                i
            };
            while k > taken_to
                && !t.lines[k - 1].is_blank()
                && !is_heading(k - 1)
                && ends_mid_sentence(t.line_str(t.lines[k - 1]))
            {
                k -= 1;
            }
            let first = t.line_str(t.lines[k]);
            if is_heading(k) || starts_with_annotation(first) || !is_body(first) {
                continue;
            }
            let start = t.lines[k];
            let end = self.paragraph_end(k, &heading_lines);
            taken_to = t.lines[k..]
                .iter()
                .position(|l| l.start >= end && !l.is_blank())
                .map_or(t.lines.len(), |p| k + p)
                .max(i + 1);
            let enclosing = heading_lines.partition_point(|&h| h < k).checked_sub(1);
            if enclosing.is_some_and(|h| self.in_non_task_section(h)) {
                continue;
            }
            let lead = first.find('。').unwrap_or(first.len());
            let lead = trailing_annotation(&first[..lead]).unwrap_or(lead);
            out.push(Found {
                start: start.start,
                end,
                number: None,
                path_from: enclosing,
                own_heading: false,
                title: (
                    start.start,
                    start.start + char_count(first[..lead].trim_end()),
                ),
                table_units: None,
            });
        }
        out
    }

    /// End (char) of the paragraph starting at line `i`: it runs on over lines broken
    /// mid-sentence and takes an annotation on the next line.
    fn paragraph_end(&self, i: usize, heading_lines: &[usize]) -> usize {
        let t = self.text;
        let mut last = t.lines[i];
        for (j, &l) in t.lines.iter().enumerate().skip(i + 1) {
            let s = t.line_str(l);
            let prev = t.line_str(last);
            let goes_on =
                (ends_mid_sentence(prev) && continues(prev, s)) || starts_with_annotation(s);
            if l.is_blank() || heading_lines.binary_search(&j).is_ok() || !goes_on {
                break;
            }
            last = l;
        }
        last.end
    }

    /// Numbers (titles for unnumbered headings) from the top of the outline down to the
    /// measure itself.
    fn path(&self, f: &Found) -> Vec<String> {
        let mut path = Vec::new();
        let mut cur = f.path_from;
        while let Some(k) = cur {
            let h = &self.headings[k];
            path.push(match &h.number {
                Some(n) => n.clone(),
                None => self.text.orig_slice(h.title.0, h.title.1).to_string(),
            });
            cur = h.parent;
        }
        path.reverse();
        // A run-in paragraph ends its path with its own number, or its title.
        if !f.own_heading {
            path.push(match &f.number {
                Some(n) => n.clone(),
                None => self.text.orig_slice(f.title.0, f.title.1).to_string(),
            });
        }
        path
    }

    /// The rows of the task tables, each a measure: its number, the task cell as text
    /// (title up to the first `。`) and the units of its unit columns.
    fn table_rows(&self) -> Vec<Found> {
        let t = self.text;
        let mut out = Vec::new();
        for table in self.tables.iter().filter(|t| t.kind == Kind::Tasks) {
            for row in &table.rows {
                let Some((start, end)) = table.cell(row, Column::Task) else {
                    continue;
                };
                let cell = |c: Column| table.cell(row, c).map(|(a, b)| t.norm_slice(a, b));
                let units = super::units::units_of_cells(
                    cell(Column::Lead),
                    cell(Column::Co),
                    cell(Column::Responsible),
                );
                let task = t.norm_slice(start, end);
                let title_end = task
                    .find('。')
                    .map_or(end, |b| start + char_count(&task[..b]));
                let number = cell(Column::Number)
                    .map(|n| n.trim().trim_end_matches(['.', '、']).to_string());
                out.push(Found {
                    start,
                    end,
                    number,
                    path_from: self
                        .headings
                        .partition_point(|h| t.lines[h.line].start < table.start)
                        .checked_sub(1),
                    own_heading: false,
                    title: (start, title_end),
                    table_units: Some(units),
                });
            }
        }
        out
    }

    fn build(&self, f: Found) -> Measure {
        let t = self.text;
        let norm = t.norm_slice(f.start, f.end);
        let mut anns = annotations(norm);
        if let Some(units) = f.table_units.clone() {
            anns.push(super::units::Annotation {
                range: 0..0,
                units,
                enterprises: Vec::new(),
            });
        }
        let plain = tagging::without_ranges(norm, anns.iter().map(|a| a.range.clone()));
        let tags = tagging::tag(self.catalog, &plain);
        // The annotations are not needed after this: their names are moved, not copied.
        let mut units: Vec<ResponsibleUnit> = Vec::new();
        let mut key_enterprises: Vec<String> = Vec::new();
        for a in anns {
            for (name, role) in a.units {
                if !units.iter().any(|u| u.name == name) {
                    units.push(ResponsibleUnit {
                        canonical: self.catalog.canonical_agency(&name, self.city),
                        name,
                        role,
                    });
                }
            }
            key_enterprises.extend(a.enterprises);
        }
        Measure {
            number: f.number.clone(),
            path: self.path(&f),
            title: t.orig_slice(f.title.0, f.title.1).to_string(),
            text: t.orig_slice(f.start, f.end).to_string(),
            span: (f.start, f.end),
            responsible_units: units,
            key_enterprises,
            themes: tags.themes,
            instrument: tags.instrument,
            instrument_subtype: tags.subtype,
        }
    }
}

/// Adds the `extra` measures that start outside every measure of `found` (both in text
/// order, `found` without overlaps), keeping text order. Binary search per candidate: a
/// scan of `found` for each would be quadratic in a long document.
fn add_outside(found: &mut Vec<Found>, extra: Vec<Found>) {
    let inside = |found: &[Found], at: usize| {
        let k = found.partition_point(|f| f.start <= at);
        k > 0 && at < found[k - 1].end
    };
    let outside: Vec<Found> = extra
        .into_iter()
        .filter(|a| !inside(found, a.start))
        .collect();
    if !outside.is_empty() {
        found.extend(outside);
        found.sort_by_key(|f| f.start);
    }
}

/// In a document that annotates its tasks with responsible units (three or more, and at
/// least half the measures), the unannotated items of a chapter on carrying the plan out
/// without any annotated item (`safeguards`) are no tasks (`四、保障措施` /
/// `(一)加强组织领导`); with three in four measures
/// annotated, neither is a measure without units at another depth of the outline than
/// every annotated one: a chapter of closing instructions (`五、切实做好组织实施`,
/// `四、保障措施` over a plain paragraph).
fn without_unannotated_outliers(mut measures: Vec<Measure>, safeguards: &[String]) -> Vec<Measure> {
    let annotated = measures
        .iter()
        .filter(|m| !m.responsible_units.is_empty())
        .count();
    if annotated < 3 || annotated * 2 < measures.len() {
        return measures;
    }
    // Three in four measures annotated: an unannotated one at another depth is out too.
    let mostly = annotated * 4 >= measures.len() * 3;
    let depths: Vec<usize> = measures
        .iter()
        .filter(|m| !m.responsible_units.is_empty())
        .map(|m| m.path.len())
        .collect();
    // The chapters holding an annotated task.
    let chapters: Vec<Option<String>> = measures
        .iter()
        .filter(|m| !m.responsible_units.is_empty())
        .map(|m| m.path.first().cloned().filter(|_| m.path.len() > 1))
        .collect();
    measures.retain(|m| {
        let chapter = m.path.first().cloned().filter(|_| m.path.len() > 1);
        let safeguard = chapter
            .as_ref()
            .is_some_and(|c| safeguards.contains(c) && !chapters.contains(&chapter));
        !m.responsible_units.is_empty()
            || ((!mostly || depths.contains(&m.path.len()))
                && !safeguard
                && !names_own_document(&m.text))
    });
    measures
}

/// Whether an item speaks of its own document (`本办法适用于…`, `同时符合本办法和…的`,
/// `本措施由…负责解释`): an article on how the document applies, not a task.
fn names_own_document(text: &str) -> bool {
    text.match_indices('本').any(|(i, _)| {
        let rest = &text[i + '本'.len_utf8()..];
        OWN_DOCUMENT_KINDS
            .iter()
            .any(|k| *k != "若干" && rest.starts_with(k))
    })
}

#[cfg(test)]
mod tests;
