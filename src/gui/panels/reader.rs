//! Document reader: outline tree on the left, the text on the right with measures, targets
//! and agencies highlighted; opening a source sentence scrolls to it and highlights it.

use std::sync::Arc;

use egui::RichText;
use egui::text::CCursor;

use super::Ctx;
use crate::gui::command::Command;
use crate::gui::data::{DocMarks, OpenDocument};
use crate::gui::i18n::{Lang, T};
use crate::gui::theme;
use crate::model::Span;
use crate::store::rows::{DocumentText, DocumentTitle};

mod highlight;
use highlight::{Highlighted, highlight, word_meaning};

/// What the cached highlighted text depends on: document, focus, dark, English titles (the
/// marks come with the document, so a new copy clears the cache).
type LayoutKey = (i64, Option<Span>, bool, bool);

/// Which document is open and where to scroll.
#[derive(Default)]
pub struct ReaderState {
    pub doc_id: Option<i64>,
    pub doc: Option<DocumentText>,
    /// The open document's measures and targets, as highlighted.
    marks: DocMarks,
    /// The open document's outline and text were asked for again after a change.
    reloading: bool,
    /// The highlighted sentence (character span).
    pub focus: Option<Span>,
    scroll_pending: bool,
    loading: bool,
    cached: Option<(LayoutKey, Arc<Highlighted>)>,
    picker: PickerList,
}

impl ReaderState {
    /// Opens `doc_id` (loading it unless it is already open) with `span` highlighted.
    pub fn open(&mut self, doc_id: i64, span: Option<Span>) {
        if self.doc_id != Some(doc_id) {
            self.doc_id = Some(doc_id);
            self.doc = None;
            self.loading = true;
        }
        self.focus = span;
        self.scroll_pending = span.is_some();
    }

    /// True when the open document still has to be fetched.
    pub fn needs_load(&self) -> bool {
        self.loading
    }

    /// Whether to ask for the document titles of overview generation `generation` (once).
    pub fn ask_titles(&mut self, generation: u64) -> bool {
        let p = &mut self.picker;
        if !p.stale(generation) || p.asked == Some(generation) {
            return false;
        }
        p.asked = Some(generation);
        true
    }

    /// The document titles asked for by [`ReaderState::ask_titles`] arrived.
    pub fn set_titles(&mut self, titles: Vec<DocumentTitle>) {
        if let Some(generation) = self.picker.asked {
            self.picker.titles = Some((generation, Arc::new(titles)));
        }
    }

    /// The document titles of overview generation `generation`, once loaded (the Diff
    /// view's pickers share the reader's list).
    pub fn titles(&self, generation: u64) -> Option<Arc<Vec<DocumentTitle>>> {
        match &self.picker.titles {
            Some((g, titles)) if *g == generation => Some(titles.clone()),
            _ => None,
        }
    }

    /// What is highlighted in the open document.
    pub fn marks(&self) -> &DocMarks {
        &self.marks
    }

    /// The fetched document arrived.
    pub fn set_document(&mut self, doc: OpenDocument) {
        if Some(doc.text.info.id) == self.doc_id {
            self.doc = Some(doc.text);
            self.marks = doc.marks;
            self.loading = false;
            self.reloading = false;
            self.cached = None;
        }
    }

    /// The document to fetch again because the data changed (corrections, re-parses): the
    /// open one, still shown until the new copy arrives.
    pub fn reload(&mut self) -> Option<i64> {
        if self.doc.is_none() || self.reloading {
            return None;
        }
        self.reloading = true;
        self.doc_id
    }

    /// The text of the highlighted sentence, if any (tests and the header).
    pub fn focused_text(&self) -> Option<String> {
        let doc = self.doc.as_ref()?;
        let (a, b) = self.focus?;
        Some(doc.text.chars().skip(a).take(b.saturating_sub(a)).collect())
    }
}

/// Draws the Reader view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    document_picker(ui, ctx);
    ui.separator();
    if ctx.st.reader.loading {
        ui.spinner();
        ui.label(ctx.t(T::Loading));
        return;
    }
    if ctx.st.reader.doc.is_none() {
        ui.label(ctx.t(T::ChooseDocument));
        // Nothing opened yet: open the first document of the first ticked zone.
        if ctx.st.reader.doc_id.is_none()
            && let Some(doc_id) = first_document(ctx)
        {
            ctx.cmds.push(Command::OpenSource { doc_id, span: None });
        }
        return;
    }
    egui::Panel::left("outline")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| outline(ui, ctx));
    legend(ui, ctx);
    if let Some(sentence) = ctx.st.reader.focused_text() {
        let color = theme::focus_highlight(ctx.prefs.dark);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", ctx.t(T::Sentence))).strong());
            ui.label(RichText::new(sentence).background_color(color));
        });
    }
    ui.separator();
    text(ui, ctx);
}

/// The first document of the first ticked zone (or of any zone), from the zones whose
/// documents are loaded or from the picker's titles.
fn first_document(ctx: &Ctx<'_>) -> Option<i64> {
    let zones = &ctx.data.overview.zones;
    let ticked = ctx.prefs.selected_zones.first();
    let of_ticked = zones
        .iter()
        .find(|z| Some(&z.zone.slug) == ticked)
        .and_then(|z| z.documents.first());
    let titles = ctx
        .st
        .reader
        .picker
        .titles
        .as_ref()
        .map(|(_, t)| t.as_slice());
    let titles = titles.unwrap_or_default();
    of_ticked
        .map(|d| d.id)
        .or_else(|| {
            let t = titles.iter().find(|d| Some(&d.zone_slug) == ticked);
            t.map(|d| d.id)
        })
        .or_else(|| zones.iter().find_map(|z| z.documents.first()).map(|d| d.id))
        .or_else(|| titles.first().map(|d| d.id))
}

/// Every document as the picker lists it ("zone — title"), built from the titles the
/// store returned for one overview load and the interface language; rebuilt when either
/// changes, never per frame.
#[derive(Default)]
pub struct PickerList {
    /// The titles and the overview generation they were asked for.
    titles: Option<(u64, Arc<Vec<DocumentTitle>>)>,
    /// The overview generation titles were last asked for.
    asked: Option<u64>,
    key: Option<(u64, Lang)>,
    docs: Arc<Vec<(i64, String)>>,
    /// What the filter box searches per document: its label, and in English also the
    /// Chinese title.
    keys: Arc<Vec<String>>,
    /// Typed into the picker's filter box, and the documents it matches (indices).
    query: String,
    shown: Option<(String, Arc<Vec<usize>>)>,
}

impl PickerList {
    /// The picker's entries, or `None` while the titles of this data are not loaded.
    fn docs(&mut self, ctx: &Ctx<'_>) -> Option<Arc<Vec<(i64, String)>>> {
        let (generation, titles) = self.titles.as_ref()?;
        let key = (*generation, ctx.lang());
        if self.key != Some(key) {
            let docs: Vec<(i64, String)> = titles
                .iter()
                .map(|d| {
                    let title = ctx.title(&d.title);
                    (d.id, format!("{} — {title}", ctx.zone_name(&d.zone_slug)))
                })
                .collect();
            let keys = docs
                .iter()
                .zip(titles.iter())
                .map(|((_, label), d)| match ctx.lang() {
                    Lang::Zh => label.clone(),
                    Lang::En => format!("{label} {}", d.title),
                })
                .collect();
            self.docs = Arc::new(docs);
            self.keys = Arc::new(keys);
            self.key = Some(key);
            self.shown = None;
        }
        Some(self.docs.clone())
    }

    /// Whether the titles must be (re)loaded for overview generation `generation`.
    fn stale(&self, generation: u64) -> bool {
        self.titles.as_ref().map(|(g, _)| *g) != Some(generation)
    }

    /// Indices of the documents whose label contains every word of the filter box.
    fn matching(&mut self) -> Arc<Vec<usize>> {
        if let Some((q, hits)) = &self.shown
            && *q == self.query
        {
            return hits.clone();
        }
        let words = super::Words::new(&self.query);
        let hits: Vec<usize> = self
            .keys
            .iter()
            .enumerate()
            .filter(|(_, key)| words.matches(key))
            .map(|(i, _)| i)
            .collect();
        let hits = Arc::new(hits);
        self.shown = Some((self.query.clone(), hits.clone()));
        hits
    }
}

/// Documents listed at once before the picker asks for a filter word.
const PICKER_ROWS: f32 = 16.0;

fn document_picker(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let generation = ctx.data.overview_generation;
    if ctx.st.reader.picker.stale(generation) {
        // The app asks once per overview load.
        ctx.cmds.push(Command::LoadDocumentTitles);
    }
    let mut picker = std::mem::take(&mut ctx.st.reader.picker);
    let docs = picker.docs(ctx).unwrap_or_default();
    let current = ctx.st.reader.doc_id;
    let shown = docs
        .iter()
        .find(|(id, _)| Some(*id) == current)
        .map(|(_, n)| n.clone())
        .or_else(|| {
            let doc = ctx.st.reader.doc.as_ref()?;
            let zone = ctx.zone_name(&doc.info.zone_slug);
            Some(format!("{zone} — {}", ctx.title(&doc.info.title)))
        })
        .unwrap_or_else(|| ctx.t(T::ChooseDocument).to_string());
    ui.horizontal(|ui| {
        let label_id = ui.label(ctx.t(T::Document)).id;
        // In English, the open document's title can be translated in place.
        if ctx.lang() == Lang::En
            && ctx.st.reader.doc.is_some()
            && ui
                .small_button(ctx.t(T::Translate))
                .on_hover_text(ctx.t(T::EnglishTitle))
                .clicked()
            && let Some(doc) = &ctx.st.reader.doc
        {
            let stored = ctx
                .data
                .overview
                .translations
                .get(doc.info.title.trim())
                .cloned()
                .unwrap_or_default();
            ctx.st.edit.title = Some(super::edit::TitleEdit {
                zh: doc.info.title.clone(),
                english: stored.clone(),
                stored,
            });
        }
        egui::ComboBox::from_id_salt("reader_doc")
            .selected_text(shown)
            .width(ui.available_width().min(760.0))
            .truncate()
            // Room for the filter box and a page of documents.
            .height(
                (PICKER_ROWS + 3.0) * (ui.spacing().interact_size.y + ui.spacing().item_spacing.y),
            )
            // Typing in the filter box must not close it; choosing a document does.
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show_ui(ui, |ui| {
                if docs.is_empty() {
                    ui.spinner();
                    return;
                }
                // Thousands of documents: a filter box, and only the rows in view are drawn.
                ui.horizontal(|ui| {
                    let label_id = ui.label(ctx.t(T::Filter)).id;
                    let edit = egui::TextEdit::singleline(&mut picker.query)
                        .hint_text(ctx.t(T::PickerHint))
                        .desired_width(f32::INFINITY);
                    ui.add(edit).labelled_by(label_id);
                });
                let hits = picker.matching();
                let row_h = ui.spacing().interact_size.y;
                egui::ScrollArea::vertical()
                    .id_salt("reader_doc_rows")
                    .max_height(PICKER_ROWS * (row_h + ui.spacing().item_spacing.y))
                    .show_rows(ui, row_h, hits.len(), |ui, range| {
                        for &i in &hits[range] {
                            let (id, name) = &docs[i];
                            if ui.selectable_label(current == Some(*id), name).clicked() {
                                ui.close();
                                ctx.cmds.push(Command::OpenSource {
                                    doc_id: *id,
                                    span: None,
                                });
                            }
                        }
                    });
            })
            .response
            .labelled_by(label_id);
    });
    ctx.st.reader.picker = picker;
}

fn outline(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.strong(ctx.t(T::Outline));
    let english = ctx.lang() == Lang::En;
    let Some(doc) = &ctx.st.reader.doc else {
        return;
    };
    let mut jump = None;
    egui::ScrollArea::vertical()
        .id_salt("outline_scroll")
        .show(ui, |ui| {
            for s in &doc.outline {
                ui.horizontal(|ui| {
                    ui.add_space(12.0 * f32::from(s.level.saturating_sub(1)));
                    let label = outline_entry(s, english);
                    if ui
                        .add(egui::Button::new(label).frame(false).truncate())
                        .on_hover_text(if english { s.title.as_str() } else { "" })
                        .clicked()
                    {
                        jump = Some(s.span);
                    }
                });
            }
        });
    if let Some(span) = jump {
        ctx.st.reader.focus = Some(span);
        ctx.st.reader.scroll_pending = true;
    }
}

fn legend(ui: &mut egui::Ui, ctx: &Ctx<'_>) {
    let dark = ctx.prefs.dark;
    ui.horizontal(|ui| {
        let m =
            RichText::new(ctx.t(T::LegendMeasure)).background_color(theme::measure_highlight(dark));
        ui.label(m);
        let t =
            RichText::new(ctx.t(T::LegendTarget)).background_color(theme::target_highlight(dark));
        ui.label(t);
        ui.label(RichText::new(ctx.t(T::LegendAgency)).color(theme::agency_color(dark)));
    });
}

fn text(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let dark = ctx.prefs.dark;
    let english = ctx.prefs.lang == crate::charts::Lang::En;
    let translations = &ctx.data.overview.translations;
    let reader = &mut ctx.st.reader;
    let Some(doc) = &reader.doc else {
        return;
    };
    let key = (doc.info.id, reader.focus, dark, english);
    let lit = match &reader.cached {
        Some((k, lit)) if *k == key => lit.clone(),
        _ => {
            let titles = english.then_some(translations);
            let lit = Arc::new(highlight(
                ui,
                doc,
                &reader.marks,
                reader.focus,
                dark,
                titles,
            ));
            reader.cached = Some((key, lit.clone()));
            lit
        }
    };
    let chars: Vec<char> = if english {
        doc.text.chars().collect()
    } else {
        Vec::new()
    };
    let focus = reader.focus;
    let scroll = std::mem::take(&mut reader.scroll_pending);
    egui::ScrollArea::vertical()
        .id_salt("reader_text")
        .auto_shrink([false, false])
        .content_margin(egui::Margin::symmetric(10, 4))
        .show(ui, |ui| {
            let mut job = lit.job.clone();
            job.wrap.max_width = ui.available_width();
            let galley = ui.painter().layout_job(job);
            let mut response = ui.add(egui::Label::new(galley.clone()).selectable(true));
            if scroll && let Some((start, _)) = focus {
                let rect = galley
                    .pos_from_cursor(CCursor::new(lit.to_layout(start)))
                    .translate(response.rect.min.to_vec2());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
            // In English, the meaning of the Chinese word under the pointer.
            if english && let Some(pos) = response.hover_pos() {
                let at = galley.cursor_from_pos(pos - response.rect.min).index.0;
                if let Some(meaning) = lit.to_doc(at).and_then(|i| word_meaning(&chars, i)) {
                    response = response.on_hover_text_at_pointer(meaning);
                }
            }
            let _ = response;
        });
}

/// An outline entry's label: number and title; in English the number in digits and the
/// title glossed (headings are not translated by users).
pub fn outline_entry(s: &crate::model::Section, english: bool) -> String {
    let (number, title) = match english {
        false => (s.number.clone(), s.title.clone()),
        true => (
            s.number.as_deref().map(crate::english::outline_label),
            crate::english::gloss(&s.title),
        ),
    };
    match number {
        Some(n) => format!("{n} {title}"),
        None => title,
    }
}
