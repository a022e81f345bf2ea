//! Targets: a sortable, filterable table of every target with baselines beside it, and a bar
//! chart of one canonical indicator across the ticked zones.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::{Ctx, corrected_mark};
use crate::analysis::ambition::{BaselineScope, assess};
use crate::charts::labels::{fmt_deadline, fmt_number, fmt_target, unit_label};
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::store::rows::{TargetRow, ZoneSummary};

/// Column the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Zone,
    Indicator,
    Value,
    Year,
}

/// Sort order, text filter and the cached row order.
#[derive(Debug, Default)]
pub struct TableState {
    pub sort: SortBy,
    pub descending: bool,
    pub text: String,
    order: Vec<usize>,
    key: Option<(u64, SortBy, bool, String)>,
}

impl TableState {
    /// Row order for the current data, recomputed only when data, sort or filter change.
    /// `zones` gives the zone order (the sidebar's), which the Zone column sorts by.
    fn order(&mut self, generation: u64, rows: &[TargetRow], zones: &[ZoneSummary]) -> &[usize] {
        let key = (generation, self.sort, self.descending, self.text.clone());
        if self.key.as_ref() != Some(&key) {
            let needle = self.text.trim();
            let mut order: Vec<usize> = (0..rows.len())
                .filter(|&i| {
                    let t = &rows[i].target;
                    needle.is_empty()
                        || t.indicator.contains(needle)
                        || t.sentence.contains(needle)
                        || rows[i].zone_slug.contains(needle)
                })
                .collect();
            let rank: std::collections::HashMap<&str, usize> = zones
                .iter()
                .enumerate()
                .map(|(i, z)| (z.zone.slug.as_str(), i))
                .collect();
            let zone_rank = |slug: &str| rank.get(slug).copied().unwrap_or(usize::MAX);
            let cmp = |a: &usize, b: &usize| {
                let (a, b) = (&rows[*a], &rows[*b]);
                match self.sort {
                    SortBy::Zone => zone_rank(&a.zone_slug).cmp(&zone_rank(&b.zone_slug)),
                    SortBy::Indicator => a.target.indicator.cmp(&b.target.indicator),
                    SortBy::Value => a.target.value.total_cmp(&b.target.value),
                    SortBy::Year => a.target.year.cmp(&b.target.year),
                }
            };
            order.sort_by(cmp);
            if self.descending {
                order.reverse();
            }
            self.order = order;
            self.key = Some(key);
        }
        &self.order
    }
}

/// Draws the Targets view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    super::chart::bottom_panel(ui, ctx, crate::gui::export::ChartSlot::Targets);
    // The table gets only the space above the chart: its column lines and scroll area would
    // otherwise reach down over the chart.
    let rest = ui.available_rect_before_wrap();
    ui.scope_builder(egui::UiBuilder::new().max_rect(rest), |ui| {
        ui.horizontal(|ui| {
            let label_id = ui.label(ctx.t(T::Filter)).id;
            let edit = egui::TextEdit::singleline(&mut ctx.st.targets.text).desired_width(220.0);
            ui.add(edit).labelled_by(label_id);
            if ctx.data.filtered.truncated {
                super::first_rows_note(ui, ctx);
            }
        });
        table(ui, ctx);
    });
}

fn sort_header(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, label: T, by: SortBy) {
    let st = &mut ctx.st.targets;
    let arrow = match (st.sort == by, st.descending) {
        (true, false) => " ▲",
        (true, true) => " ▼",
        _ => "",
    };
    let text = format!("{}{arrow}", label.get(ctx.prefs.lang));
    if ui
        .add(egui::Button::new(RichText::new(text).strong()).frame(false))
        .clicked()
    {
        if st.sort == by {
            st.descending = !st.descending;
        } else {
            (st.sort, st.descending) = (by, false);
        }
    }
}

fn table(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let data = ctx.data;
    let rows = &data.filtered.targets;
    if rows.is_empty() {
        ui.label(ctx.t(T::NoMatches));
        return;
    }
    let zones = &data.overview.zones;
    let order = ctx.st.targets.order(data.generation, rows, zones).to_vec();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    // Columns take shares of the width, so the table fits from 1280 px windows upwards.
    let w = ui.available_width();
    let share = |f: f32, lo: f32, hi: f32| (w * f).clamp(lo, hi);
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Column::initial(share(0.11, 80.0, 220.0))
                .at_least(70.0)
                .clip(true),
        )
        .column(
            Column::initial(share(0.17, 100.0, 360.0))
                .at_least(90.0)
                .clip(true),
        )
        .column(
            Column::initial(share(0.11, 90.0, 170.0))
                .at_least(70.0)
                .clip(true),
        )
        .column(Column::initial(52.0).at_least(44.0))
        .column(
            Column::initial(share(0.10, 80.0, 160.0))
                .at_least(60.0)
                .clip(true),
        )
        .column(Column::remainder().at_least(80.0).clip(true))
        .column(
            Column::initial(share(0.10, 70.0, 180.0))
                .at_least(60.0)
                .clip(true),
        )
        .column(Column::initial(150.0).at_least(130.0))
        .header(24.0, |mut h| {
            h.col(|ui| sort_header(ui, ctx, T::Zone, SortBy::Zone));
            h.col(|ui| sort_header(ui, ctx, T::Indicator, SortBy::Indicator));
            h.col(|ui| sort_header(ui, ctx, T::Value, SortBy::Value));
            h.col(|ui| sort_header(ui, ctx, T::Year, SortBy::Year));
            h.col(|ui| {
                ui.strong(ctx.t(T::Baseline));
            });
            h.col(|ui| {
                ui.strong(ctx.t(T::Measure));
            });
            h.col(|ui| {
                ui.strong(ctx.t(T::LeadAgency));
            });
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(row_height, order.len(), |mut row| {
                let r = &rows[order[row.index()]];
                let t = &r.target;
                row.col(|ui| {
                    super::color_chip(ui, ctx.zone_color(&r.zone_slug));
                    ui.add(egui::Label::new(ctx.zone_name(&r.zone_slug)).truncate());
                });
                row.col(|ui| {
                    let name = ctx.target_indicator(t);
                    ui.add(egui::Label::new(name).truncate())
                        .on_hover_text(&t.sentence);
                });
                row.col(|ui| {
                    let label = ui.label(ctx.target_value(t));
                    if let Some((achieved, share)) = super::actual::achieved(ctx, r) {
                        let tip = format!("{}: {achieved}", ctx.t(T::Actual));
                        label.on_hover_text(&tip);
                        let mark = share.map_or_else(
                            || format!("({})", ctx.t(T::Actual)),
                            |p| format!("({p}%)"),
                        );
                        ui.label(RichText::new(mark).small()).on_hover_text(tip);
                    }
                    if r.corrected {
                        corrected_mark(ui, ctx);
                    }
                });
                row.col(|ui| {
                    ui.label(fmt_deadline(t, ctx.lang()));
                });
                row.col(|ui| baseline(ui, ctx, r));
                row.col(|ui| {
                    let m = r
                        .measure_title
                        .as_deref()
                        .map_or("—".into(), |m| ctx.title(m));
                    // who is responsible: the lead agency of the target's measure
                    let f = &data.filtered;
                    let lead = r
                        .measure_id
                        .and_then(|id| f.measure_by_id.get(&id))
                        .and_then(|&i| {
                            f.measures[i]
                                .units
                                .iter()
                                .find(|u| u.role == crate::model::Role::Lead)
                        })
                        .map(|u| {
                            let name = ctx.agency_name(&u.canonical);
                            format!(" · {}: {name}", ctx.t(T::Lead))
                        })
                        .unwrap_or_default();
                    // a cut label shows its whole text on hover
                    ui.add(egui::Label::new(format!("{m}{lead}")).truncate());
                });
                row.col(|ui| super::owners::lead_label(ui, ctx, &r.owners));
                row.col(|ui| actions(ui, ctx, r));
            });
        });
}

/// The zone's baseline for the target and, when it is comparable, the implied annual
/// growth and the multiple; a baseline from a news report (possibly a larger area) is shown
/// greyed and not used.
fn baseline(ui: &mut egui::Ui, ctx: &Ctx<'_>, r: &TargetRow) {
    let f = &ctx.data.filtered;
    let Some(id) = &r.target.indicator_id else {
        return;
    };
    let Some(list) = f.statistics_by_key.get(&(r.zone_slug.clone(), id.clone())) else {
        return;
    };
    let stats = list.iter().map(|&i| &f.statistics[i]);
    let Some(a) = assess(r, stats, |doc| f.doc_kinds.get(&doc).copied()) else {
        return;
    };
    let lang = ctx.lang();
    let year = a
        .baseline_year
        .map(|y| format!(" ({y})"))
        .unwrap_or_default();
    let base = format!(
        "{}{}{year}",
        fmt_number(a.baseline_value, lang),
        unit_label(&a.baseline_unit, lang)
    );
    let source = list
        .iter()
        .map(|&i| &f.statistics[i])
        .find(|s| s.doc_id == a.baseline_doc_id && s.value == a.baseline_value)
        .map(|s| s.sentence.as_str())
        .unwrap_or_default();
    match (a.scope, a.implied_annual_growth_pct, a.multiple) {
        (BaselineScope::OtherScope, ..) => {
            let tip = format!("{}\n{source}", ctx.t(T::OtherScopeTip));
            ui.label(RichText::new(format!("{base} *")).weak())
                .on_hover_text(tip);
        }
        (_, growth, multiple) => {
            let mut text = base;
            if let Some(g) = growth {
                text.push_str(&format!(" → {g:+}%/{}", ctx.t(T::PerYearShort)));
            }
            if let Some(m) = multiple {
                text.push_str(&format!(" ×{m}"));
            }
            let mut tip = format!("{}\n{source}", ctx.t(T::AmbitionTip));
            if a.scope == BaselineScope::SameZone {
                tip = format!("{}\n{tip}", ctx.t(T::OtherDocumentTip));
            }
            ui.add(egui::Label::new(text).truncate()).on_hover_text(tip);
        }
    }
}

fn actions(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, r: &TargetRow) {
    let source = ui
        .add(
            egui::Button::new(ctx.t(T::Source))
                .small()
                .sense(Sense::click()),
        )
        .on_hover_text(format!("{}\n{}", ctx.t(T::OpenSource), r.target.sentence));
    if source.clicked() {
        ctx.cmds.push(Command::OpenSource {
            doc_id: r.doc_id,
            span: Some(r.target.span),
        });
    }
    if ui
        .small_button(ctx.t(T::Edit))
        .on_hover_text(ctx.t(T::EditTip))
        .clicked()
    {
        ctx.st.edit.open_target(r);
    }
    // Actuals are kept per canonical indicator: a target without one has none.
    if r.target.indicator_id.is_some() {
        let tip = match super::actual::achievement(ctx, r) {
            Some(a) => format!("{}\n{a}", ctx.t(T::ActualTip)),
            None => ctx.t(T::ActualTip).to_string(),
        };
        if ui
            .small_button(ctx.t(T::Actual))
            .on_hover_text(tip)
            .clicked()
        {
            let subject = format!(
                "{} {} — {}",
                ctx.zone_name(&r.zone_slug),
                r.target.indicator,
                fmt_target(&r.target, ctx.lang())
            );
            ctx.st.actual =
                super::actual::ActualEdit::for_target(r, &ctx.data.filtered.actuals, subject);
        }
    }
}
