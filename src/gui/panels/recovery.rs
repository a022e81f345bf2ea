//! The damaged-database dialog: when the database file cannot be opened because it is
//! damaged, offer to restore the newest backup or to start fresh with the bundled documents.
//! Either way the damaged file is kept beside the database; nothing is deleted.

use std::path::PathBuf;

use egui::RichText;

use super::Ctx;
use crate::gui::i18n::T;
use crate::gui::jobs::Recovery;

/// What the dialog shows and what the user chose.
#[derive(Debug, Clone, Default)]
pub struct RecoveryState {
    /// Why opening failed.
    pub message: String,
    /// The newest backup beside the database, if any.
    pub backup: Option<PathBuf>,
    /// The choice the app still has to send to the worker.
    pub requested: Option<Recovery>,
    /// A choice was sent and has not been answered yet.
    pub waiting: bool,
    /// Why the last attempt failed.
    pub error: Option<String>,
}

/// Draws the dialog while the database is damaged.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let lang = ctx.lang();
    let db = ctx.db_path.display().to_string();
    let Some(st) = ctx.st.recovery.as_mut() else {
        return;
    };
    egui::Modal::new(egui::Id::unique("recovery_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        ui.heading(T::DamagedTitle.get(lang));
        ui.add_space(6.0);
        ui.label(format!("{}: {db}", T::Database.get(lang)));
        ui.label(RichText::new(&st.message).weak());
        ui.add_space(6.0);
        ui.label(T::DamagedKept.get(lang));
        if let Some(e) = &st.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(8.0);
        let enabled = !st.waiting;
        ui.horizontal(|ui| {
            let restore = egui::Button::new(T::RestoreBackup.get(lang));
            let backup_name = st
                .backup
                .as_ref()
                .and_then(|b| b.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            let tip = match &backup_name {
                Some(name) => format!("{}: {name}", T::RestoreBackupTip.get(lang)),
                None => T::NoBackup.get(lang).to_string(),
            };
            let clicked = ui
                .add_enabled(enabled && st.backup.is_some(), restore)
                .on_hover_text(&tip)
                .on_disabled_hover_text(&tip)
                .clicked();
            if clicked && let Some(b) = &st.backup {
                st.requested = Some(Recovery::RestoreBackup(b.clone()));
            }
            let fresh = ui
                .add_enabled(enabled, egui::Button::new(T::StartFresh.get(lang)))
                .on_hover_text(T::StartFreshTip.get(lang));
            if fresh.clicked() {
                st.requested = Some(Recovery::StartFresh);
            }
            if ui.button(T::Quit.get(lang)).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        if st.backup.is_none() {
            ui.label(RichText::new(T::NoBackup.get(lang)).small().weak());
        }
        if st.waiting {
            ui.spinner();
        }
    });
}
