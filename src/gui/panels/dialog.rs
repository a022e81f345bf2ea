//! The pieces every editing window shares: a window over an edit that its ✕, Esc or the
//! body's own buttons close; rows of labelled text fields; the machine gloss of a Chinese
//! text; the button row that closes with Cancel.

use egui::RichText;

use crate::gui::i18n::{Lang, T};

/// Shows `edit` in a window titled `title`; `body` draws it and returns whether one of its
/// buttons closed it. The edit comes back while the window stays open, `None` once it is
/// closed by the ✕, by Esc (as Cancel does, nothing saved) or by `body`.
pub fn dialog<E>(
    ui: &egui::Ui,
    title: &str,
    width: f32,
    mut edit: E,
    body: impl FnOnce(&mut egui::Ui, &mut E) -> bool,
) -> Option<E> {
    let mut open = true;
    let mut close = ui.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .default_width(width)
        .show(ui.ctx(), |ui| close |= body(ui, &mut edit));
    (open && !close).then_some(edit)
}

/// Rows of a two-column grid: a label and its single-line field each.
pub fn field_rows<'a>(
    ui: &mut egui::Ui,
    lang: Lang,
    fields: impl IntoIterator<Item = (T, &'a mut String)>,
) {
    for (label, field) in fields {
        let label_id = ui.label(label.get(lang)).id;
        ui.text_edit_singleline(field).labelled_by(label_id);
        ui.end_row();
    }
}

/// `Machine gloss: …` of a Chinese text, weak and italic.
pub fn gloss_line(ui: &mut egui::Ui, lang: Lang, zh: &str) {
    let gloss = crate::english::gloss(zh);
    ui.label(
        RichText::new(format!("{}: {gloss}", T::MachineGloss.get(lang)))
            .weak()
            .italics(),
    );
}

/// The error a failed save left, in the error colour.
pub fn error_line(ui: &mut egui::Ui, error: Option<&str>) {
    if let Some(e) = error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

/// A row of buttons drawn by `buttons` (which returns whether one closed the window),
/// ended by Cancel; whether the window is to close.
pub fn button_row(
    ui: &mut egui::Ui,
    lang: Lang,
    buttons: impl FnOnce(&mut egui::Ui) -> bool,
) -> bool {
    ui.horizontal(|ui| {
        let closed = buttons(ui);
        ui.button(T::Cancel.get(lang)).clicked() || closed
    })
    .inner
}
