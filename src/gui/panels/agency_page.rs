//! One agency's page beside the Agencies table: every measure it leads or co-owns in each
//! ticked zone of its city, with the targets those measures carry — who carries how much,
//! and where. A click on a measure opens its source in the reader.

use egui::RichText;

use super::{Ctx, color_chip};
use crate::charts::labels::fmt_target;
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::model::Role;

/// Draws the page of `(agency, city)`; returns false when the user closed it.
pub fn show(
    ui: &mut egui::Ui,
    ctx: &mut Ctx<'_>,
    (agency, city): &(String, String),
    zones: &[String],
) -> bool {
    let mut open = true;
    ui.horizontal(|ui| {
        ui.strong(format!(
            "{} · {}",
            ctx.agency_name(agency),
            super::names::city(ctx.lang(), city)
        ));
        if ui.small_button(ctx.t(T::Close)).clicked() {
            open = false;
        }
    });
    ui.label(RichText::new(ctx.t(T::AgencyOwns)).weak());
    ui.separator();
    let f = &ctx.data.filtered;
    let mut picked: Option<(i64, (usize, usize))> = None;
    egui::ScrollArea::vertical()
        .id_salt("agency_page_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for slug in zones {
                let in_city = ctx
                    .data
                    .overview
                    .zones
                    .iter()
                    .find(|z| &z.zone.slug == slug)
                    .is_some_and(|z| {
                        z.zone.city == *city || z.zone.city.is_empty() && slug == city
                    });
                if !in_city {
                    continue;
                }
                let owned: Vec<(usize, Role)> = f
                    .measures_by_zone
                    .get(slug)
                    .into_iter()
                    .flatten()
                    .filter_map(|&i| {
                        let m = &f.measures[i];
                        let u = m.units.iter().find(|u| u.canonical == *agency)?;
                        Some((i, u.role))
                    })
                    .collect();
                if owned.is_empty() {
                    continue;
                }
                ui.horizontal(|ui| {
                    color_chip(ui, ctx.zone_color(slug));
                    let lead = owned.iter().filter(|(_, r)| *r == Role::Lead).count();
                    ui.strong(format!(
                        "{} — {} {lead} · {} {}",
                        ctx.zone_name(slug),
                        ctx.t(T::Lead),
                        ctx.t(T::Co),
                        owned.len() - lead
                    ));
                });
                for (i, role) in owned {
                    let m = &f.measures[i];
                    let role = match role {
                        Role::Lead => ctx.t(T::Lead),
                        Role::Co => ctx.t(T::Co),
                    };
                    let r = ui.add(
                        egui::Label::new(format!("[{role}] {}", m.title))
                            .truncate()
                            .sense(egui::Sense::click()),
                    );
                    if r.on_hover_text(ctx.t(T::OpenSource)).clicked() {
                        picked = Some((m.doc_id, m.span));
                    }
                    for &t in f.targets_by_measure.get(&m.id).into_iter().flatten() {
                        let t = &f.targets[t].target;
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!(
                                    "    ◆ {} {}",
                                    t.indicator,
                                    fmt_target(t, ctx.lang())
                                ))
                                .weak(),
                            )
                            .truncate(),
                        );
                    }
                }
                ui.add_space(6.0);
            }
        });
    if let Some((doc_id, span)) = picked {
        ctx.cmds.push(Command::OpenSource {
            doc_id,
            span: Some(span),
        });
    }
    open
}
