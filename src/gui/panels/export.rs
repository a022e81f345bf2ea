//! Export controls: the buttons beside each view's chart (PNG, SVG, CSV, XLSX, HTML
//! briefing), `Ctrl+E` for the current view's chart, and the in-app save window with its
//! path field, used where no system save dialog can be shown.

use egui::RichText;

use super::{Ctx, UiState, selection};
use crate::catalog::Catalog;
use crate::export::table::{self, Table};
use crate::gui::command::Command;
use crate::gui::export::{ChartSlot, ExportRequest, ExportWhat, FileKind};
use crate::gui::i18n::{Lang, T};
use crate::gui::state::Prefs;

/// Label of the save window's path field.
pub fn path_label(lang: Lang) -> &'static str {
    lang.pick("保存到", "Save to")
}

/// Label of the save window's save button.
pub fn save_label(lang: Lang) -> &'static str {
    lang.pick("保存文件", "Save file")
}

/// Label of the briefing button for a file type (HTML or DOCX).
pub fn briefing_label(lang: Lang, kind: FileKind) -> String {
    format!("{} {}", lang.pick("简报", "Briefing"), kind.label())
}

/// File-name stem of a view's chart: its kind, and the indicator when it has one.
fn chart_stem(ui_state: &UiState, slot: ChartSlot) -> String {
    let kind = ui_state.export.charts.kind(slot);
    match ui_state.export.charts.indicator(slot) {
        Some(ind) => format!("{kind}-{ind}"),
        None => kind.to_string(),
    }
}

/// A request to save the chart the view shows, if it has drawn one; its notes say which
/// filters and search it was made under.
pub fn chart_request(
    ui_state: &UiState,
    prefs: &Prefs,
    slot: ChartSlot,
    kind: FileKind,
) -> Option<ExportRequest> {
    let mut chart = ui_state.export.charts.current(slot)?.clone();
    let lines = selection::lines(prefs, &ui_state.search, |z| z.to_string());
    chart.notes.push(selection::note(&lines, prefs.lang));
    Some(ExportRequest {
        what: ExportWhat::Chart(Box::new(chart)),
        kind,
        stem: chart_stem(ui_state, slot),
    })
}

/// The tables of a view, from the rows on screen, and a last sheet naming the selection.
/// Compare adds the tidy targets table (one row per target, numeric value, unit and
/// comparator in their own columns) beside its formatted one; its gaps sheet is left out
/// when a filter or search narrows the rows (a zone would seem to lack what was filtered).
fn view_tables(ctx: &mut Ctx<'_>, slot: ChartSlot) -> Vec<Table> {
    let zones = ctx.prefs.selected_zones.clone();
    let ds = ctx.st.export.charts.dataset(ctx.data, &zones);
    let (catalog, lang) = (Catalog::in_use(), ctx.lang());
    let narrowed = selection::narrowed(ctx.prefs, &ctx.st.search);
    let mut tables = match slot {
        ChartSlot::Targets => vec![table::targets_table(&ds, catalog, lang)],
        ChartSlot::Compare => {
            let mut t = table::compare_tables(&ds, catalog, lang);
            if narrowed {
                t.truncate(2);
            }
            t.push(table::targets_table(&ds, catalog, lang));
            t
        }
        ChartSlot::Agencies => vec![table::agencies_table(&ds, catalog, lang)],
    };
    let lines = selection::lines(ctx.prefs, &ctx.st.search, |z| ctx.zone_name(z));
    tables.push(selection::sheet(&lines, lang));
    tables
}

/// The export buttons of a view.
pub fn buttons(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, slot: ChartSlot) {
    let lang = ctx.lang();
    ui.label(RichText::new(lang.pick("导出", "Export")).weak());
    for kind in [FileKind::Png, FileKind::Svg] {
        let tip = match kind {
            FileKind::Png => lang.pick("把图表保存为 PNG 图片", "Save the chart as a PNG image"),
            _ => lang.pick(
                "把图表保存为 SVG 矢量图",
                "Save the chart as an SVG drawing",
            ),
        };
        let has_chart = ctx.st.export.charts.current(slot).is_some();
        let clicked = ui
            .add_enabled(has_chart, egui::Button::new(kind.label()).small())
            .on_hover_text(tip)
            .clicked();
        if clicked && let Some(request) = chart_request(ctx.st, ctx.prefs, slot, kind) {
            ctx.cmds.push(Command::Export(request));
        }
    }
    for kind in [FileKind::Csv, FileKind::Xlsx] {
        let tip = lang.pick(
            "导出表格（当前筛选的记录）",
            "Save the table (rows matching the filters)",
        );
        if ui
            .add(egui::Button::new(kind.label()).small())
            .on_hover_text(tip)
            .clicked()
        {
            let request = ExportRequest {
                what: ExportWhat::Tables(view_tables(ctx, slot)),
                kind,
                stem: format!("{}-table", slot.as_str()),
            };
            ctx.cmds.push(Command::Export(request));
        }
    }
    let tip = lang.pick(
        "所选开发区（及所选主题）的对比简报，含图表与原文",
        "A briefing on the ticked zones (and the chosen theme) with charts and source sentences",
    );
    for kind in [FileKind::Html, FileKind::Docx] {
        if ui
            .add(egui::Button::new(briefing_label(lang, kind)).small())
            .on_hover_text(tip)
            .clicked()
        {
            let selection =
                selection::briefing_lines(ctx.prefs, &ctx.st.search, |z| ctx.zone_name(z));
            let request = ExportRequest {
                what: ExportWhat::Briefing {
                    zones: ctx.prefs.selected_zones.clone(),
                    themes: ctx.prefs.filter.theme.iter().cloned().collect(),
                    lang,
                    selection,
                },
                kind,
                stem: "briefing".into(),
            };
            ctx.cmds.push(Command::Export(request));
        }
    }
}

/// `Ctrl+E`: the current view's chart as PNG (the dialog or path field can choose .svg),
/// or a note when the view has no chart.
pub fn export_view(ui_state: &mut UiState, prefs: &Prefs) -> Option<ExportRequest> {
    let request = ChartSlot::for_view(prefs.view)
        .and_then(|slot| chart_request(ui_state, prefs, slot, FileKind::Png));
    if request.is_none() {
        let msg = crate::gui::i18n::Localized::new(
            "此视图没有图表；请在“目标”、“对比”或“部门分工”视图中导出。",
            "This view has no chart; export from the Targets, Compare or Agencies view.",
        );
        ui_state.set_localized(msg, false, prefs.lang);
    }
    request
}

/// Draws the in-app save window while one is open.
pub fn window(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let lang = ctx.lang();
    let Some(w) = &mut ctx.st.export.window else {
        return;
    };
    let what = match &w.request.what {
        ExportWhat::Chart(chart) => chart.title.clone(),
        ExportWhat::Tables(tables) => {
            let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
            names.join(" · ")
        }
        ExportWhat::Briefing { .. } => lang.pick("对比简报", "Briefing").to_string(),
    };
    let kinds: Vec<String> = w
        .request
        .what
        .kinds()
        .iter()
        .map(|k| format!(".{}", k.ext()))
        .collect();
    let (mut save, mut cancel) = (false, ui.input(|i| i.key_pressed(egui::Key::Escape)));
    egui::Window::new(lang.pick("导出到文件", "Export to file"))
        .collapsible(false)
        .resizable(true)
        .default_width(620.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ui.ctx().content_rect().center())
        .show(ui.ctx(), |ui| {
            ui.strong(what);
            ui.add(egui::Label::new(RichText::new(&w.note).weak()).wrap());
            if let Some(err) = &w.error {
                let color = ui.visuals().error_fg_color;
                ui.add(egui::Label::new(RichText::new(err).color(color)).wrap());
            }
            ui.horizontal(|ui| {
                let label = ui.label(path_label(lang));
                let edit = egui::TextEdit::singleline(&mut w.path).desired_width(480.0);
                let r = ui.add(edit).labelled_by(label.id);
                save |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            let hint = match lang {
                Lang::Zh => format!("文件类型由扩展名决定：{}", kinds.join(" 或 ")),
                Lang::En => format!("The extension sets the file type: {}", kinds.join(" or ")),
            };
            ui.label(RichText::new(hint).small().weak());
            ui.horizontal(|ui| {
                save |= ui
                    .add_enabled(!w.saving, egui::Button::new(save_label(lang)))
                    .clicked();
                cancel = ui.button(T::Cancel.get(lang)).clicked();
                if w.saving {
                    ui.spinner();
                }
            });
        });
    if save {
        ctx.st.export.save_window();
    } else if cancel {
        ctx.st.export.cancel_window();
    }
}
