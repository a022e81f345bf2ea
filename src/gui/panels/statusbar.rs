//! Bottom bar: database path, counts, the running job with its progress, and messages.

use egui::RichText;

use super::Ctx;
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::gui::jobs::JobKind;

/// Draws the status bar.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        ui.label(format!("{}: {}", ctx.t(T::Database), ctx.db_path.display()));
        ui.separator();
        let f = &ctx.data.filtered;
        // A first page of rows (no zone ticked) is marked: more match than are counted.
        let more = if f.truncated { "+" } else { "" };
        ui.label(format!(
            "{} {} · {}{more} {} · {}{more} {}",
            ctx.data.overview.zones.len(),
            ctx.t(T::Zones),
            f.measures.len(),
            ctx.t(T::Measures),
            f.targets.len(),
            ctx.t(T::Targets)
        ));
        ui.separator();
        if let Some(job) = ctx.job {
            let name = ctx.t(match job.kind {
                JobKind::Preview => T::JobPreview,
                JobKind::Import => T::JobImport,
            });
            ui.label(format!("{name} {}", job.current));
            let fraction = job.done as f32 / job.total.max(1) as f32;
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(160.0)
                    .text(format!("{}/{}", job.done, job.total)),
            );
            if ui
                .button(ctx.t(T::Cancel))
                .on_hover_text(ctx.t(T::CancelJob))
                .clicked()
            {
                ctx.cmds.push(Command::CancelJob);
            }
        } else if ctx.busy {
            ui.spinner();
            ui.label(ctx.t(T::JobQuery));
        } else if let Some(err) = &ctx.st.store_error {
            ui.label(RichText::new(err).color(ui.visuals().error_fg_color));
        } else if let Some((msg, is_error)) = &ctx.st.status {
            let text = RichText::new(msg);
            let text = if *is_error {
                text.color(ui.visuals().error_fg_color)
            } else {
                text
            };
            ui.label(text);
        } else {
            ui.label(ctx.t(T::Ready));
        }
    });
}
