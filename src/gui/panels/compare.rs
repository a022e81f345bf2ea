//! Compare: one column per ticked zone, side by side, grouped by theme or canonical
//! indicator (`compare_layout`). Columns share the width equally and live in one scroll area,
//! so they scroll together; every line has a fixed height, so rows stay aligned across
//! columns and only the lines on screen are drawn.

use egui::{Rect, RichText, Sense, UiBuilder, vec2};

use super::sidebar::combo;
use super::{Ctx, color_chip, corrected_mark};
use crate::analysis::presence::Presence;
use crate::charts::labels::fmt_deadline;
use crate::gui::command::Command;
use crate::gui::compare_layout::{Cell, GroupKey, LayoutKey, Line};
use crate::gui::i18n::T;
use crate::gui::state::CompareBy;
use crate::gui::theme;

/// Horizontal gap between columns.
const GAP: f32 = 8.0;

/// Draws the Compare view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    super::chart::bottom_panel(ui, ctx, crate::gui::export::ChartSlot::Compare);
    header(ui, ctx);
    let zones = ctx.prefs.selected_zones.clone();
    if zones.len() < 2 {
        ui.label(ctx.t(T::SelectZones));
    }
    if zones.is_empty() {
        return;
    }
    ui.separator();
    let by = ctx.prefs.compare_by;
    let key = LayoutKey {
        generation: ctx.data.generation,
        zones: zones.clone(),
        by,
        chosen: match by {
            CompareBy::Theme => ctx.prefs.filter.theme.clone(),
            CompareBy::Indicator => ctx.prefs.filter.indicator.clone(),
        },
        differences_only: ctx.prefs.differences_only,
    };
    let mut layout = std::mem::take(&mut ctx.st.compare);
    let lines = layout.lines(key, &ctx.data.filtered);
    let titles_width = ui.available_width() - ui.spacing().scroll.allocated_width();
    column_titles(ui, ctx, &zones, titles_width);
    let row_h = row_height(ui);
    let header_h = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let height = |line: &Line| match line {
        Line::Header { .. } => header_h,
        Line::Row(_) => row_h,
    };
    // Top of each line; the last entry is the total height.
    let mut tops = Vec::with_capacity(lines.len() + 1);
    let mut y = 0.0;
    for line in lines {
        tops.push(y);
        y += height(line);
    }
    tops.push(y);
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("compare_scroll")
        .auto_shrink([false, false]);
    if std::mem::take(&mut ctx.st.compare_scroll_to_top) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    scroll.show_viewport(ui, |ui, viewport| {
        let width = ui.available_width();
        let (full, _) = ui.allocate_exact_size(vec2(width, y), Sense::hover());
        let first = tops
            .partition_point(|&top| top <= viewport.min.y)
            .saturating_sub(1);
        for (i, line) in lines.iter().enumerate().skip(first) {
            if tops[i] > viewport.max.y {
                break;
            }
            let rect =
                Rect::from_min_size(full.min + vec2(0.0, tops[i]), vec2(width, height(line)));
            match line {
                Line::Header { key, counts } => group_header(ui, ctx, rect, key, counts, by),
                Line::Row(cells) => row(ui, ctx, rect, i, cells, &zones, by),
            }
        }
    });
    ctx.st.compare = layout;
}

/// Height of a row: three lines of text, a small button and the cell frame.
fn row_height(ui: &egui::Ui) -> f32 {
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let spacing = ui.spacing().item_spacing.y;
    let button = ui.spacing().button_padding.y * 2.0;
    3.0 * line + 2.0 * spacing + button + 2.0 * 6.0 + 6.0
}

/// The x-range of column `c` of `n` in a line starting at `left` of `width`.
fn column_rect(line: Rect, c: usize, n: usize) -> Rect {
    let w = (line.width() - GAP * (n.saturating_sub(1)) as f32) / n.max(1) as f32;
    let left = line.left() + c as f32 * (w + GAP);
    Rect::from_min_max(
        egui::pos2(left, line.top()),
        egui::pos2(left + w, line.bottom()),
    )
}

fn column_titles(ui: &mut egui::Ui, ctx: &Ctx<'_>, zones: &[String], width: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(width, 22.0), Sense::hover());
    for (c, slug) in zones.iter().enumerate() {
        let r = column_rect(rect, c, zones.len());
        let mut child = ui.new_child(
            UiBuilder::new()
                .max_rect(r)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        child.set_clip_rect(r.intersect(ui.clip_rect()));
        color_chip(&mut child, ctx.zone_color(slug));
        let name = RichText::new(ctx.zone_name(slug)).strong();
        child
            .add(egui::Label::new(name).truncate())
            .on_hover_text(ctx.zone_name(slug));
    }
}

fn group_name(ctx: &Ctx<'_>, key: &GroupKey, by: CompareBy) -> String {
    match (key, by) {
        (Some(id), CompareBy::Theme) => ctx.theme_name(id),
        (Some(id), CompareBy::Indicator) => ctx.indicator_name(id),
        (None, CompareBy::Theme) => ctx.t(T::NoTheme).to_string(),
        (None, CompareBy::Indicator) => ctx.t(T::OtherIndicators).to_string(),
    }
}

fn group_header(
    ui: &mut egui::Ui,
    ctx: &Ctx<'_>,
    rect: Rect,
    key: &GroupKey,
    counts: &[usize],
    by: CompareBy,
) {
    let band = rect.shrink2(vec2(0.0, 3.0));
    ui.painter()
        .rect_filled(band, 3.0, ui.visuals().faint_bg_color);
    let name = group_name(ctx, key, by);
    let presence = Presence::of(counts);
    for (c, n) in counts.iter().enumerate() {
        let r = column_rect(band, c, counts.len()).shrink2(vec2(6.0, 0.0));
        let mut child = ui.new_child(
            UiBuilder::new()
                .max_rect(r)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        child.set_clip_rect(r.intersect(ui.clip_rect()));
        let text = format!("{name} · {n}");
        child.add(egui::Label::new(RichText::new(text).strong()).truncate());
        if let Some((mark, tip)) = presence_mark(ctx, presence, *n) {
            let color = match presence {
                Some(Presence::Only) => theme::warn_color(ctx.prefs.dark),
                _ => child.visuals().weak_text_color(),
            };
            child
                .add(egui::Label::new(RichText::new(mark).color(color).small()))
                .on_hover_text(tip);
        }
    }
}

/// The mark beside a group's name in a column with `n` items: common to all, shared by
/// some, or only here (a column without items shows the gap instead).
fn presence_mark(
    ctx: &Ctx<'_>,
    presence: Option<Presence>,
    n: usize,
) -> Option<(&'static str, &'static str)> {
    if n == 0 {
        return None;
    }
    Some(match presence? {
        Presence::Common => (ctx.t(T::CommonMark), ctx.t(T::CommonTip)),
        Presence::Shared => (ctx.t(T::SharedMark), ctx.t(T::SharedTip)),
        Presence::Only => (ctx.t(T::OnlyMark), ctx.t(T::OnlyTip)),
    })
}

fn row(
    ui: &mut egui::Ui,
    ctx: &mut Ctx<'_>,
    rect: Rect,
    line: usize,
    cells: &[Cell],
    zones: &[String],
    by: CompareBy,
) {
    for (c, cell) in cells.iter().enumerate() {
        let r = column_rect(rect, c, cells.len()).shrink2(vec2(0.0, 3.0));
        let frame = match cell {
            Cell::Empty => continue,
            Cell::Gap => egui::Stroke::new(1.0, theme::warn_color(ctx.prefs.dark)),
            Cell::Item(_) => ui.visuals().widgets.noninteractive.bg_stroke,
        };
        ui.painter()
            .rect_stroke(r, 4.0, frame, egui::StrokeKind::Inside);
        let inner = r.shrink(6.0);
        let mut child = ui.new_child(
            UiBuilder::new()
                .id_salt(("compare_cell", line, &zones[c]))
                .max_rect(inner)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        child.set_clip_rect(inner.intersect(ui.clip_rect()));
        match (cell, by) {
            (Cell::Item(i), CompareBy::Theme) => measure_cell(&mut child, ctx, *i),
            (Cell::Item(i), CompareBy::Indicator) => target_cell(&mut child, ctx, *i),
            _ => {
                let color = theme::warn_color(ctx.prefs.dark);
                child.label(RichText::new(ctx.t(T::Gap)).color(color));
            }
        }
    }
}

fn measure_cell(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, i: usize) {
    let lang = ctx.lang();
    let f = &ctx.data.filtered;
    let m = &f.measures[i];
    let targets: Vec<String> = f
        .targets_by_measure
        .get(&m.id)
        .into_iter()
        .flatten()
        .map(|&t| {
            let t = &f.targets[t].target;
            let due = fmt_deadline(t, lang);
            let year = match lang {
                _ if due.is_empty() => due,
                crate::charts::Lang::En if due.chars().all(|c| c.is_ascii_digit()) => {
                    format!(" by {due}")
                }
                _ => format!(" ({due})"),
            };
            format!("{}: {}{year}", ctx.target_indicator(t), ctx.target_value(t))
        })
        .collect();
    let lead = m
        .units
        .iter()
        .find(|u| u.role == crate::model::Role::Lead)
        .map(|u| ctx.agency_name(&u.canonical))
        .unwrap_or_else(|| "—".into());
    let number = match lang {
        crate::charts::Lang::Zh => m.number.clone().unwrap_or_default(),
        crate::charts::Lang::En => m
            .number
            .as_deref()
            .map(crate::english::outline_label)
            .unwrap_or_default(),
    };
    let title = format!("{number} {}", ctx.title(&m.title))
        .trim()
        .to_string();
    let r = ui.add(
        egui::Label::new(RichText::new(&title).strong())
            .truncate()
            .sense(Sense::click()),
    );
    let hover = match lang {
        crate::charts::Lang::Zh => m.text.clone(),
        // a word-by-word gloss of the text, then the Chinese original
        crate::charts::Lang::En => format!(
            "Machine gloss of the text: {}\n\nChinese original: {}\n{}",
            crate::english::gloss(&m.text),
            m.title,
            m.text
        ),
    };
    if r.on_hover_text(hover).clicked() {
        ctx.cmds.push(Command::OpenSource {
            doc_id: m.doc_id,
            span: Some(m.span),
        });
    }
    let target_text = if targets.is_empty() {
        "—".to_string()
    } else {
        targets.join(";")
    };
    ui.add(egui::Label::new(format!("{}: {target_text}", ctx.t(T::Targets))).truncate());
    ui.horizontal(|ui| {
        if ui
            .small_button(ctx.t(T::Edit))
            .on_hover_text(ctx.t(T::EditTip))
            .clicked()
        {
            ctx.st.edit.open_measure(m, &ctx.data.overview.translations);
        }
        if m.corrected {
            corrected_mark(ui, ctx);
        }
        ui.add(egui::Label::new(format!("{}: {lead}", ctx.t(T::Lead))).truncate());
    });
}

fn target_cell(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, i: usize) {
    let row = &ctx.data.filtered.targets[i];
    let t = &row.target;
    let due = fmt_deadline(t, ctx.lang());
    let year = if due.is_empty() {
        due
    } else {
        format!(" · {due}")
    };
    let head = format!("{}{year}", ctx.target_value(t));
    let r = ui.add(
        egui::Label::new(RichText::new(head).strong())
            .truncate()
            .sense(Sense::click()),
    );
    if r.on_hover_text(ctx.t(T::OpenSource)).clicked() {
        ctx.cmds.push(Command::OpenSource {
            doc_id: row.doc_id,
            span: Some(t.span),
        });
    }
    let measure = row
        .measure_title
        .as_deref()
        .map_or("—".into(), |m| ctx.title(m));
    ui.add(egui::Label::new(ctx.target_indicator(t)).truncate())
        .on_hover_text(format!("{}\n{}: {measure}", t.sentence, ctx.t(T::Measure)));
    ui.horizontal(|ui| {
        if ui
            .small_button(ctx.t(T::Edit))
            .on_hover_text(ctx.t(T::EditTip))
            .clicked()
        {
            ctx.st.edit.open_target(row);
        }
        if row.corrected {
            corrected_mark(ui, ctx);
        }
        ui.label(format!("{}:", ctx.t(T::Lead)));
        super::owners::lead_label(ui, ctx, &row.owners);
    });
}

fn header(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(ctx.t(T::CompareBy)).strong());
        let mut by = ctx.prefs.compare_by;
        ui.radio_value(&mut by, CompareBy::Theme, ctx.t(T::ByTheme));
        ui.radio_value(&mut by, CompareBy::Indicator, ctx.t(T::ByIndicator));
        ctx.prefs.compare_by = by;
        ui.add_space(12.0);
        let (label, tip) = (ctx.t(T::DifferencesOnly), ctx.t(T::DifferencesOnlyTip));
        ui.checkbox(&mut ctx.prefs.differences_only, label)
            .on_hover_text(tip);
        ui.add_space(12.0);
        let any = ctx.t(T::Any).to_string();
        let options = ctx.st.options.current(ctx.data, ctx.prefs.lang);
        ui.scope(|ui| {
            ui.set_max_width(320.0);
            let changed = match by {
                CompareBy::Theme => {
                    let mut v = ctx.prefs.filter.theme.clone();
                    let label = ctx.t(T::Theme);
                    let c = combo(ui, label, "cmp_theme", &mut v, &options.themes, &any);
                    ctx.prefs.filter.theme = v;
                    c
                }
                CompareBy::Indicator => {
                    let mut v = ctx.prefs.filter.indicator.clone();
                    let label = ctx.t(T::Indicator);
                    let c = combo(ui, label, "cmp_ind", &mut v, &options.indicators, &any);
                    ctx.prefs.filter.indicator = v;
                    c
                }
            };
            if changed {
                ctx.cmds.push(Command::Refresh);
            }
        });
    });
}
