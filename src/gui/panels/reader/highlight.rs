//! The Reader's text as one layout job: measures tinted, targets marked, agencies
//! coloured, the focused sentence strongest, and in English each measure's English title
//! on a line above it; and the meaning of the Chinese word under the pointer.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::gui::data::DocMarks;
use crate::gui::theme;
use crate::model::Span;
use crate::store::rows::DocumentText;

/// The highlighted text and the English title lines put into it: (character position in
/// the document, characters inserted there), in document order.
pub(super) struct Highlighted {
    pub job: LayoutJob,
    inserted: Vec<(usize, usize)>,
}

impl Highlighted {
    /// Position in the laid-out text of a document character.
    pub fn to_layout(&self, doc_pos: usize) -> usize {
        doc_pos
            + self
                .inserted
                .iter()
                .filter(|(at, _)| *at <= doc_pos)
                .map(|(_, n)| n)
                .sum::<usize>()
    }

    /// The document character at a laid-out position (`None` inside an English line).
    pub fn to_doc(&self, layout_pos: usize) -> Option<usize> {
        let mut shift = 0;
        for &(at, n) in &self.inserted {
            if layout_pos < at + shift {
                break;
            }
            if layout_pos < at + shift + n {
                return None;
            }
            shift += n;
        }
        Some(layout_pos - shift)
    }
}

/// The glossary or dictionary meaning of the Chinese word at character `i` (words cut as
/// the gloss cuts the clause around it): `培育 — foster (glossary)`.
pub(super) fn word_meaning(chars: &[char], i: usize) -> Option<String> {
    use crate::english::gloss::{Origin, tokens};
    if !chars.get(i).is_some_and(|c| crate::english::is_cjk(*c)) {
        return None;
    }
    let stop = |c: &char| "。，；：、！？\n,;".contains(*c);
    let start = (i.saturating_sub(40)..i)
        .rev()
        .find(|&j| stop(&chars[j]))
        .map_or(i.saturating_sub(40), |j| j + 1);
    let end = (i..chars.len().min(i + 40))
        .find(|&j| stop(&chars[j]))
        .unwrap_or(chars.len().min(i + 40));
    let clause: String = chars[start..end].iter().collect();
    let mut pos = start;
    for t in tokens(&clause) {
        let len = t.zh.chars().count();
        if (pos..pos + len).contains(&i) {
            let from = match t.origin {
                Origin::Glossary => "glossary",
                Origin::Dictionary => "CC-CEDICT",
                Origin::Pinyin => "pinyin",
                Origin::Text => return None,
            };
            return Some(format!("{} — {} ({from})", t.zh, t.en));
        }
        pos += len;
    }
    None
}

/// Builds the highlighted text: measures tinted, targets marked, agencies coloured, and the
/// focused sentence strongest. With `english` (the users' translations), each measure's
/// English title (translation, or machine gloss marked so) stands on a line above it.
pub(super) fn highlight(
    ui: &egui::Ui,
    doc: &DocumentText,
    marks: &DocMarks,
    focus: Option<Span>,
    dark: bool,
    english: Option<&std::collections::HashMap<String, String>>,
) -> Highlighted {
    let chars: Vec<char> = doc.text.chars().collect();
    let n = chars.len();
    // One style code per character: bit 0 measure, bit 1 target, bit 2 agency, bit 3 focus.
    let mut style = vec![0u8; n];
    let mut mark = |(a, b): Span, bit: u8| {
        for s in &mut style[a.min(n)..b.min(n)] {
            *s |= bit;
        }
    };
    for (span, units) in &marks.measures {
        mark(*span, 1);
        let (a, b) = (span.0.min(n), span.1.min(n));
        let body: String = chars[a..b].iter().collect();
        for name in units {
            for (byte, _) in body.match_indices(name.as_str()) {
                let start = a + body[..byte].chars().count();
                mark((start, start + name.chars().count()), 4);
            }
        }
    }
    for span in &marks.targets {
        mark(*span, 2);
    }
    if let Some(span) = focus {
        mark(span, 8);
    }
    let font = FontId::proportional(15.0);
    let text_color = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    // English title lines: (position, text), in document order
    let mut lines: Vec<(usize, String)> = match english {
        Some(translations) => marks
            .measures
            .iter()
            .zip(&marks.titles)
            .filter(|((span, _), _)| span.0 < n)
            .map(|((span, _), zh)| {
                let t = crate::english::title(translations, zh);
                let mark = match t.source {
                    crate::english::TitleSource::Gloss => "  [machine gloss]",
                    crate::english::TitleSource::Translation => "  [translation]",
                };
                (span.0, format!("» {}{mark}\n", t.text))
            })
            .collect(),
        None => Vec::new(),
    };
    lines.sort_by_key(|(at, _)| *at);
    let mut inserted = Vec::new();
    let mut next_line = 0;
    let mut start = 0;
    while start < n {
        while let Some((at, line)) = lines.get(next_line)
            && *at <= start
        {
            let mut format =
                TextFormat::simple(FontId::proportional(14.0), theme::english_title(dark));
            format.line_height = Some(24.0);
            format.italics = true;
            job.append(line, 0.0, format);
            inserted.push((*at, line.chars().count()));
            next_line += 1;
        }
        let code = style[start];
        let limit = lines
            .get(next_line)
            .map_or(n, |(at, _)| (*at).max(start + 1));
        let mut end = start + 1;
        while end < n && end < limit && style[end] == code {
            end += 1;
        }
        let mut format = TextFormat::simple(font.clone(), text_color);
        format.line_height = Some(24.0);
        if code & 1 != 0 {
            format.background = theme::measure_highlight(dark);
        }
        if code & 2 != 0 {
            format.background = theme::target_highlight(dark);
        }
        if code & 8 != 0 {
            format.background = theme::focus_highlight(dark);
            format.underline = Stroke::new(1.5, Color32::from_rgb(0xc0, 0x30, 0x30));
        }
        if code & 4 != 0 {
            format.color = theme::agency_color(dark);
        }
        let piece: String = chars[start..end].iter().collect();
        job.append(&piece, 0.0, format);
        start = end;
    }
    Highlighted { job, inserted }
}
