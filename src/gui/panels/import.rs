//! Import: files from the dialog (`Ctrl+O`), drops or a typed path; a parse preview before
//! anything is saved; the destination zone (existing or new); per-file results.

use std::path::PathBuf;

use egui::RichText;

use super::Ctx;
use crate::gui::command::Command;
use crate::gui::i18n::{Lang, T};
use crate::gui::jobs::{FilePreview, FileResult, PreviewTarget};
use crate::gui::panels::edit::TargetEdit;
use crate::model::{Comparator, Zone};
use crate::store::ImportSource;
use crate::store::rows::{ImportOutcome, TargetCorrection};

/// Files waiting to be imported and the choices made about them.
#[derive(Default)]
pub struct ImportState {
    pub files: Vec<PathBuf>,
    pub path_input: String,
    pub previews: Vec<FilePreview>,
    pub results: Vec<FileResult>,
    /// Existing zone to import into.
    pub zone: Option<String>,
    pub new_zone: bool,
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    pub message: Option<String>,
    /// The native dialog could not be shown; the path field is the way in.
    pub no_portal: bool,
    /// Stands in for the native file dialog when set (tests; other front ends).
    pub picker: Option<FilePicker>,
    /// Canonical indicators chosen in the preview in place of the parsed mapping: (file,
    /// index of the target in the preview, indicator id). Saved as corrections with the
    /// import, so they survive re-parsing like any other correction.
    pub mappings: Vec<(PathBuf, usize, String)>,
    /// Value, unit, comparator and year typed in the preview: (file, index of the target,
    /// the edit). Saved with the import as corrections, like the mappings.
    pub edits: Vec<(PathBuf, usize, TargetEdit)>,
    /// The preview target whose editor is open under its file's list.
    pub editing: Option<(PathBuf, usize)>,
    /// The file whose preview is shown under a long list (index into `files`).
    pub selected: Option<usize>,
}

/// A replacement for the native file dialog: returns the chosen files, `None` if cancelled.
pub type FilePicker = Box<dyn FnMut() -> Option<Vec<PathBuf>> + Send>;

impl ImportState {
    /// Adds files not already listed; the previous preview no longer applies.
    pub fn add_files(&mut self, files: Vec<PathBuf>) {
        for f in files {
            if !self.files.contains(&f) {
                self.files.push(f);
            }
        }
        self.previews.clear();
        self.results.clear();
        self.mappings.clear();
        self.edits.clear();
        self.editing = None;
        self.message = None;
        self.selected = None;
    }

    /// The preview of file `i`: the preview job lists the files in order, so it is at
    /// index `i` unless the list changed since.
    pub fn preview_of(&self, i: usize) -> Option<&FilePreview> {
        let path = self.files.get(i)?;
        match self.previews.get(i) {
            Some(p) if &p.path == path => Some(p),
            _ => self.previews.iter().find(|p| &p.path == path),
        }
    }

    /// The import result of file `i` (results come in the order of the files too).
    pub fn result_of(&self, i: usize) -> Option<&Result<ImportOutcome, String>> {
        let path = self.files.get(i)?;
        match self.results.get(i) {
            Some(r) if &r.path == path => Some(&r.result),
            _ => self
                .results
                .iter()
                .find(|r| &r.path == path)
                .map(|r| &r.result),
        }
    }

    /// The edit of target `index` of `file`, if one was started.
    pub fn edit(&self, file: &std::path::Path, index: usize) -> Option<&TargetEdit> {
        self.edits
            .iter()
            .find(|(f, i, _)| f == file && *i == index)
            .map(|(_, _, e)| e)
    }

    /// Everything changed in the preview, as corrections of the targets to be imported:
    /// the indicator chosen and the fields typed, one correction per target that differs
    /// from its parse. A value or year that is not a number is refused, naming the target.
    pub fn corrections(
        &self,
        lang: Lang,
    ) -> Result<Vec<(PathBuf, usize, TargetCorrection)>, String> {
        let mut out: Vec<(PathBuf, usize, TargetCorrection)> = Vec::new();
        for (file, i, edit) in &self.edits {
            let c = edit
                .correction()
                .map_err(|key| format!("{}: {}", edit.original.indicator, key.get(lang)))?;
            if c != TargetCorrection::default() {
                out.push((file.clone(), *i, c));
            }
        }
        for (file, i, id) in &self.mappings {
            match out.iter_mut().find(|(f, j, _)| f == file && j == i) {
                Some((_, _, c)) => c.indicator_id = Some(id.clone()),
                None => out.push((
                    file.clone(),
                    *i,
                    TargetCorrection {
                        indicator_id: Some(id.clone()),
                        ..TargetCorrection::default()
                    },
                )),
            }
        }
        Ok(out)
    }

    /// The indicator chosen for target `index` of `file`, if one was.
    pub fn mapping(&self, file: &std::path::Path, index: usize) -> Option<&str> {
        self.mappings
            .iter()
            .find(|(f, i, _)| f == file && *i == index)
            .map(|(_, _, id)| id.as_str())
    }

    /// What to import: each listed file, with the parse its preview kept when there is one.
    pub fn sources(&self) -> Vec<ImportSource> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let parsed = self.preview_of(i).and_then(|p| p.parsed.clone());
                match parsed {
                    Some(parsed) => ImportSource::Parsed(parsed),
                    None => ImportSource::Path(f.clone()),
                }
            })
            .collect()
    }

    /// Shows the native file dialog. Where none can be shown (the same check as the save
    /// dialog: no desktop portal and no `zenity`, or `ZONECOMPARE_NO_DIALOG`) it is not
    /// attempted and the path field is offered instead.
    pub fn pick_files(&mut self) -> Option<Vec<PathBuf>> {
        if let Some(picker) = self.picker.as_mut() {
            return picker();
        }
        if !crate::gui::export::dialog_possible() {
            self.no_portal = true;
            return None;
        }
        rfd::FileDialog::new()
            .add_filter("documents", &["txt", "html", "htm", "docx", "pdf"])
            .pick_files()
    }

    /// The zone to import into: an existing slug, or a new zone to create first.
    pub fn destination(&self, lang: Lang) -> Result<(String, Option<Zone>), String> {
        if !self.new_zone {
            return self
                .zone
                .clone()
                .map(|z| (z, None))
                .ok_or_else(|| T::NeedZone.get(lang).into());
        }
        let slug = self.slug.trim();
        let valid = !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            return Err(T::SlugInvalid.get(lang).into());
        }
        let name_zh = self.name_zh.trim();
        if name_zh.is_empty() {
            return Err(T::NeedZone.get(lang).into());
        }
        let name_en = match self.name_en.trim() {
            "" => slug,
            n => n,
        };
        let zone = Zone {
            slug: slug.to_string(),
            name_zh: name_zh.to_string(),
            name_en: name_en.to_string(),
            city: String::new(),
            province: String::new(),
            level: String::new(),
            kind: String::new(),
            documents: Vec::new(),
        };
        Ok((slug.to_string(), Some(zone)))
    }
}

/// Draws the Import view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.heading(ctx.t(T::ImportTitle));
    ui.horizontal(|ui| {
        let open = Command::OpenImportDialog;
        let tip = open.tooltip(ui.ctx(), ctx.lang());
        if ui
            .button(ctx.t(T::ChooseFiles))
            .on_hover_text(tip)
            .clicked()
        {
            ctx.cmds.push(open);
        }
        ui.label(RichText::new(ctx.t(T::DropHint)).weak());
    });
    if ctx.st.import.no_portal {
        ui.colored_label(ui.visuals().warn_fg_color, ctx.t(T::NoPortal));
    }
    ui.horizontal(|ui| {
        ui.label(ctx.t(T::PathLabel));
        let edit = egui::TextEdit::singleline(&mut ctx.st.import.path_input).desired_width(420.0);
        let r = ui.add(edit);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(ctx.t(T::Add)).clicked() || enter {
            let path = ctx.st.import.path_input.trim().to_string();
            if !path.is_empty() {
                ctx.cmds
                    .push(Command::AddImportFiles(vec![PathBuf::from(path)]));
                ctx.st.import.path_input.clear();
            }
        }
    });
    ui.separator();
    // The destination and the save button come before the list: they stay in reach
    // however many files are listed.
    if !ctx.st.import.files.is_empty() {
        destination(ui, ctx);
        ui.separator();
    }
    files(ui, ctx);
}

/// Up to this many files, each is listed with its preview to unfold (open when there are
/// at most three). More are listed one line each, only the lines in view drawn, and the
/// clicked file's preview is shown under the list: a thousand files keep the frame short.
const UNFOLDED_LIST_MAX: usize = 20;

fn files(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let count = ctx.st.import.files.len();
    ui.horizontal(|ui| {
        ui.strong(format!("{} ({count})", ctx.t(T::Files)));
        if count > 0 && ctx.job.is_none() {
            if ui
                .button(ctx.t(T::Preview))
                .on_hover_text(ctx.t(T::PreviewTip))
                .clicked()
            {
                ctx.cmds.push(Command::StartPreview);
            }
            if ui.button(ctx.t(T::ClearList)).clicked() {
                ctx.st.import = ImportState {
                    no_portal: ctx.st.import.no_portal,
                    picker: ctx.st.import.picker.take(),
                    ..ImportState::default()
                };
            }
        }
        if count > UNFOLDED_LIST_MAX {
            ui.label(RichText::new(tally(ctx)).weak());
        }
    });
    if let Some(job) = ctx.job {
        ui.horizontal(|ui| {
            let fraction = job.done as f32 / job.total.max(1) as f32;
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(300.0)
                    .show_percentage(),
            );
            ui.label(&job.current);
            if ui
                .button(ctx.t(T::Cancel))
                .on_hover_text(ctx.t(T::CancelJob))
                .clicked()
            {
                ctx.cmds.push(Command::CancelJob);
            }
        });
    }
    // The typed edits are taken out while the list is drawn (it reads the rest of the
    // state) and put back after.
    let mut rows = Edits {
        edits: std::mem::take(&mut ctx.st.import.edits),
        editing: ctx.st.import.editing.take(),
        chosen: Vec::new(),
    };
    if count <= UNFOLDED_LIST_MAX {
        unfolded_list(ui, ctx, &mut rows);
    } else {
        one_line_list(ui, ctx, &mut rows);
    }
    ctx.st.import.edits = rows.edits;
    ctx.st.import.editing = rows.editing;
    for (file, i, id) in rows.chosen {
        let m = &mut ctx.st.import.mappings;
        m.retain(|(f, j, _)| !(*f == file && *j == i));
        m.push((file, i, id));
    }
}

/// The edits of the previews, taken out of the state while the list is drawn, and the
/// indicators chosen in this frame.
struct Edits {
    edits: Vec<(PathBuf, usize, TargetEdit)>,
    editing: Option<(PathBuf, usize)>,
    chosen: Vec<(PathBuf, usize, String)>,
}

/// Each file under a header that unfolds its preview and result.
fn unfolded_list(ui: &mut egui::Ui, ctx: &Ctx<'_>, rows: &mut Edits) {
    let st = &ctx.st.import;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, path) in st.files.iter().enumerate() {
                let name = path.display().to_string();
                egui::CollapsingHeader::new(&name)
                    .id_salt(&name)
                    .default_open(st.files.len() <= 3)
                    .show(ui, |ui| file_details(ui, ctx, i, rows));
            }
        });
}

/// One line per file (a mark, its name and what became of it), only the lines in view
/// drawn; the clicked file's preview below.
fn one_line_list(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, rows: &mut Edits) {
    let row_height = ui.text_style_height(&egui::TextStyle::Button) + 2.0;
    let list_height = (ui.available_height() * 0.45).max(row_height * 4.0);
    let mut clicked = None;
    {
        let st = &ctx.st.import;
        egui::ScrollArea::vertical()
            .id_salt("import_files")
            .max_height(list_height)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, st.files.len(), |ui, range| {
                for i in range {
                    let line = file_line(ctx, i);
                    let on = st.selected == Some(i);
                    if ui
                        .add(egui::Button::selectable(on, line).truncate())
                        .clicked()
                    {
                        clicked = Some(i);
                    }
                }
            });
    }
    if let Some(i) = clicked {
        let st = &mut ctx.st.import;
        st.selected = (st.selected != Some(i)).then_some(i);
    }
    ui.separator();
    let st = &ctx.st.import;
    let Some(i) = st.selected.filter(|&i| i < st.files.len()) else {
        ui.label(RichText::new(ctx.t(T::ClickFileForPreview)).weak());
        return;
    };
    ui.strong(st.files[i].display().to_string());
    egui::ScrollArea::vertical()
        .id_salt("import_file_details")
        .auto_shrink([false, false])
        .show(ui, |ui| file_details(ui, ctx, i, rows));
}

/// `12 previewed · 1 failed · 3 imported`: what became of the listed files.
fn tally(ctx: &Ctx<'_>) -> String {
    let st = &ctx.st.import;
    let failed = st.previews.iter().filter(|p| p.result.is_err()).count()
        + st.results.iter().filter(|r| r.result.is_err()).count();
    let saved = st.results.iter().filter(|r| r.result.is_ok()).count();
    let previewed = st.previews.iter().filter(|p| p.result.is_ok()).count();
    let mut parts = Vec::new();
    if previewed > 0 {
        parts.push(format!("{previewed} {}", ctx.t(T::Previewed)));
    }
    if saved > 0 {
        parts.push(format!("{saved} {}", ctx.t(T::Imported)));
    }
    if failed > 0 {
        parts.push(format!("{failed} {}", ctx.t(T::Failed)));
    }
    parts.join(" · ")
}

/// The line of file `i` in the one-line list: √ stored, = already present, × refused or
/// not readable; a previewed file with its counts, one not yet read followed by `…`.
fn file_line(ctx: &Ctx<'_>, i: usize) -> String {
    let st = &ctx.st.import;
    let path = &st.files[i];
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let what = match (st.result_of(i), st.preview_of(i).map(|p| &p.result)) {
        (Some(Ok(ImportOutcome::Imported { .. })), _) => format!("√ {name}"),
        (Some(Ok(ImportOutcome::AlreadyPresent { .. })), _) => {
            format!("= {name} · {}", ctx.t(T::AlreadyPresent))
        }
        (Some(Err(e)), _) | (None, Some(Err(e))) => format!("× {name} · {e}"),
        (None, Some(Ok(info))) => format!(
            "{name} · {} {} · {} {}",
            info.measure_count,
            ctx.t(T::Measures),
            info.targets.len(),
            ctx.t(T::Targets)
        ),
        (None, None) => format!("{name} …"),
    };
    what.replace('\n', " ")
}

/// What became of file `i` (its import result) and its preview, with the editable rows.
fn file_details(ui: &mut egui::Ui, ctx: &Ctx<'_>, i: usize, rows: &mut Edits) {
    let st = &ctx.st.import;
    let path = &st.files[i];
    let error = ui.visuals().error_fg_color;
    if let Some(r) = st.result_of(i) {
        match r {
            Ok(ImportOutcome::Imported {
                measures, targets, ..
            }) => {
                ui.label(format!(
                    "√ {} · {measures} {} · {targets} {}",
                    ctx.t(T::Imported),
                    ctx.t(T::Measures),
                    ctx.t(T::Targets)
                ));
            }
            Ok(ImportOutcome::AlreadyPresent { .. }) => {
                ui.label(ctx.t(T::AlreadyPresent));
            }
            Err(e) => {
                ui.colored_label(error, format!("{}: {e}", ctx.t(T::Failed)));
            }
        }
    }
    match st.preview_of(i).map(|p| &p.result) {
        Some(Ok(info)) => {
            let mut preview = PreviewRows {
                path,
                edits: &mut rows.edits,
                editing: &mut rows.editing,
            };
            for (t, id) in preview_body(ui, ctx, info, &mut preview) {
                rows.chosen.push((path.clone(), t, id));
            }
        }
        Some(Err(e)) => {
            ui.colored_label(error, format!("{}: {e}", ctx.t(T::Failed)));
        }
        None => {}
    }
}

/// The preview rows' editable part: the file and the edits typed so far.
struct PreviewRows<'a> {
    path: &'a std::path::Path,
    edits: &'a mut Vec<(PathBuf, usize, TargetEdit)>,
    editing: &'a mut Option<(PathBuf, usize)>,
}

impl PreviewRows<'_> {
    fn edit(&self, index: usize) -> Option<&TargetEdit> {
        self.edits
            .iter()
            .find(|(f, i, _)| f == self.path && *i == index)
            .map(|(_, _, e)| e)
    }

    fn is_open(&self, index: usize) -> bool {
        matches!(&*self.editing, Some((f, i)) if f == self.path && *i == index)
    }
}

/// The target as it will be saved: the parse with the fields typed so far (a field that is
/// not a number yet keeps the parsed value).
fn edited(t: &PreviewTarget, edit: Option<&TargetEdit>) -> crate::model::Target {
    let mut out = t.parsed.clone();
    if let Some(e) = edit {
        if let Ok(v) = e.value.trim().parse::<f64>()
            && v != out.value
        {
            out.value = v;
            out.value_max = None;
        }
        out.unit = e.unit.clone();
        out.comparator = e.comparator;
        match e.year.trim() {
            "" => out.year = None,
            y => {
                if let Ok(y) = y.parse() {
                    out.year = Some(y);
                }
            }
        }
    }
    out
}

/// The preview of one file; returns the indicators newly chosen for its targets.
fn preview_body(
    ui: &mut egui::Ui,
    ctx: &Ctx<'_>,
    info: &crate::gui::jobs::PreviewInfo,
    rows: &mut PreviewRows<'_>,
) -> Vec<(usize, String)> {
    let path = rows.path;
    let mut chosen = Vec::new();
    ui.label(format!("{}: {}", ctx.t(T::Title), ctx.title(&info.title)));
    if let Some((start, end)) = info.period {
        let period = match ctx.lang() {
            Lang::Zh => format!("{start}–{end}"),
            Lang::En => crate::english::values::period(crate::model::Period { start, end }),
        };
        ui.label(format!("{}: {period}", ctx.t(T::Period)));
    }
    ui.label(format!(
        "{} {} · {} {} · {} {}",
        info.measure_count,
        ctx.t(T::Measures),
        info.targets.len(),
        ctx.t(T::Targets),
        info.agencies.len(),
        ctx.t(T::Agencies)
    ));
    for title in info.measure_titles.iter().take(8) {
        ui.add(egui::Label::new(format!("· {}", ctx.title(title))).truncate());
    }
    // Every target, with the canonical indicator it was mapped to: a wrong mapping is
    // seen before anything is saved (the count above is this list's length).
    if !info.targets.is_empty() {
        egui::Grid::new(("preview_targets", info.title.as_str()))
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                ui.strong(ctx.t(T::IndicatorText));
                ui.strong(ctx.t(T::CanonicalIndicator));
                ui.strong(ctx.t(T::Value));
                ui.strong(ctx.t(T::Year));
                ui.label("");
                ui.end_row();
                for (i, t) in info.targets.iter().enumerate() {
                    // Wide enough for a usual indicator; a longer one is cut, whole on hover.
                    ui.scope(|ui| {
                        ui.set_min_width(180.0);
                        ui.add(egui::Label::new(format!("◆ {}", t.indicator)).truncate())
                            .on_hover_text(&t.indicator);
                    });
                    // The mapping can be changed before saving (kept as a correction).
                    let current = ctx.st.import.mapping(path, i).or(t.indicator_id.as_deref());
                    let shown = match current {
                        Some(id) => format!("→ {}", ctx.indicator_name(id)),
                        None => format!("→ {}", ctx.t(T::NotMapped)),
                    };
                    egui::ComboBox::from_id_salt(("preview_ind", path, i))
                        .selected_text(shown)
                        .width(200.0)
                        .truncate()
                        .show_ui(ui, |ui| {
                            for ind in &crate::catalog::Catalog::in_use().indicators {
                                let on = current == Some(ind.id.as_str());
                                if ui
                                    .selectable_label(on, ctx.indicator_name(&ind.id))
                                    .clicked()
                                {
                                    chosen.push((i, ind.id.clone()));
                                }
                            }
                        })
                        .response
                        .on_hover_text(ctx.t(T::MappingTip));
                    // Value and year as they will be saved; a changed one is marked.
                    let edit = rows.edit(i);
                    let now = edited(t, edit);
                    let value = crate::charts::labels::fmt_target(&now, crate::charts::Lang::Zh);
                    let year = now.year.map(|y| y.to_string()).unwrap_or_default();
                    let changed = edit
                        .and_then(|e| e.correction().ok())
                        .is_some_and(|c| c != TargetCorrection::default());
                    if changed {
                        ui.label(format!("{value} · {}", ctx.t(T::Corrected)))
                            .on_hover_text(ctx.t(T::EditedInPreview));
                        ui.label(match year.as_str() {
                            "" => "—".to_string(),
                            y => y.to_string(),
                        });
                    } else {
                        ui.label(value);
                        ui.label(year);
                    }
                    let open = rows.is_open(i);
                    if ui
                        .selectable_label(open, ctx.t(T::Edit))
                        .on_hover_text(ctx.t(T::PreviewEditTip))
                        .clicked()
                    {
                        *rows.editing = (!open).then(|| (path.to_path_buf(), i));
                        if !open && rows.edit(i).is_none() {
                            rows.edits.push((
                                path.to_path_buf(),
                                i,
                                TargetEdit::of_parsed(&t.parsed),
                            ));
                        }
                    }
                    ui.end_row();
                }
            });
        preview_editor(ui, ctx, info, rows);
    }
    if !info.agencies.is_empty() {
        let shown: Vec<String> = info
            .agencies
            .iter()
            .take(12)
            .map(|a| ctx.agency_name(a))
            .collect();
        let sep = ctx.lang().pick("、", "; ");
        ui.add(egui::Label::new(format!("{}: {}", ctx.t(T::Agency), shown.join(sep))).wrap());
    }
    chosen
}

/// The open editor of one previewed target: comparator, value, unit and year, checked as
/// typed; saved with the import. An empty year means the target has none.
fn preview_editor(
    ui: &mut egui::Ui,
    ctx: &Ctx<'_>,
    info: &crate::gui::jobs::PreviewInfo,
    rows: &mut PreviewRows<'_>,
) {
    let Some((_, index)) = rows.editing.clone().filter(|(f, _)| f == rows.path) else {
        return;
    };
    let path = rows.path;
    let Some(t) = info.targets.get(index) else {
        return;
    };
    let Some((_, _, edit)) = rows
        .edits
        .iter_mut()
        .find(|(f, i, _)| f == path && *i == index)
    else {
        return;
    };
    let lang = ctx.lang();
    let mut close = false;
    let mut reset = false;
    ui.group(|ui| {
        ui.strong(format!("{}: {}", T::CorrectTarget.get(lang), t.indicator));
        ui.add(egui::Label::new(RichText::new(&t.parsed.sentence).weak()).wrap());
        ui.horizontal(|ui| {
            let label_id = ui.label(T::Comparator.get(lang)).id;
            egui::ComboBox::from_id_salt(("preview_cmp", path, index))
                .selected_text(edit.comparator.as_str())
                .width(48.0)
                .show_ui(ui, |ui| {
                    use Comparator::*;
                    for c in [Ge, Gt, Eq, Approx, Le, Lt] {
                        ui.selectable_value(&mut edit.comparator, c, c.as_str());
                    }
                })
                .response
                .labelled_by(label_id);
            for (label, field, width, hint) in [
                (T::Value, &mut edit.value, 90.0, ""),
                (T::Unit, &mut edit.unit, 60.0, ""),
                (T::Year, &mut edit.year, 60.0, "—"),
            ] {
                let label_id = ui.label(label.get(lang)).id;
                ui.add(
                    egui::TextEdit::singleline(field)
                        .desired_width(width)
                        .hint_text(hint),
                )
                .labelled_by(label_id);
            }
        });
        ui.label(RichText::new(T::YearClearHint.get(lang)).weak().small());
        if let Err(key) = edit.correction() {
            ui.colored_label(ui.visuals().error_fg_color, key.get(lang));
        }
        ui.horizontal(|ui| {
            if ui.button(T::ResetToParsed.get(lang)).clicked() {
                reset = true;
            }
            if ui.button(T::Close.get(lang)).clicked() {
                close = true;
            }
        });
    });
    if reset {
        *edit = TargetEdit::of_parsed(&t.parsed);
    }
    if close || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        *rows.editing = None;
    }
}

fn destination(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let zones: Vec<(String, String)> = ctx
        .data
        .overview
        .zones
        .iter()
        .map(|z| (z.zone.slug.clone(), ctx.zone_name(&z.zone.slug)))
        .collect();
    let lang = ctx.lang();
    let st = &mut ctx.st.import;
    let label_id = ui.strong(T::TargetZone.get(lang)).id;
    ui.horizontal(|ui| {
        ui.radio_value(&mut st.new_zone, false, T::Zone.get(lang));
        ui.add_enabled_ui(!st.new_zone, |ui| {
            let shown = st
                .zone
                .as_ref()
                .and_then(|z| zones.iter().find(|(s, _)| s == z))
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| T::NeedZone.get(lang).to_string());
            egui::ComboBox::from_id_salt("import_zone")
                .selected_text(shown)
                .width(300.0)
                .show_ui(ui, |ui| {
                    for (slug, name) in &zones {
                        ui.selectable_value(&mut st.zone, Some(slug.clone()), name);
                    }
                })
                .response
                .labelled_by(label_id);
        });
    });
    ui.radio_value(&mut st.new_zone, true, T::NewZone.get(lang));
    if st.new_zone {
        egui::Grid::new("new_zone").num_columns(2).show(ui, |ui| {
            for (label, value) in [
                (T::Slug, &mut st.slug),
                (T::NameZh, &mut st.name_zh),
                (T::NameEn, &mut st.name_en),
            ] {
                let label_id = ui.label(label.get(lang)).id;
                ui.text_edit_singleline(value).labelled_by(label_id);
                ui.end_row();
            }
        });
    }
    if let Some(msg) = &st.message {
        ui.colored_label(ui.visuals().error_fg_color, msg);
    }
    let ready = ctx.job.is_none() && !st.previews.is_empty();
    let button = egui::Button::new(RichText::new(T::SaveImport.get(lang)).strong());
    if ui
        .add_enabled(ready, button)
        .on_hover_text(T::SaveImportTip.get(lang))
        .clicked()
    {
        ctx.cmds.push(Command::SaveImport);
    }
}
