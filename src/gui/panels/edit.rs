//! In-place corrections: a target's indicator, value, unit, comparator and year, or a
//! measure's themes and responsible units. Saved as overlays; "reset to parsed" drops them.

use egui::RichText;

use super::Ctx;
use super::dialog::{button_row, dialog, error_line, field_rows, gloss_line};
use crate::catalog::Catalog;
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::model::{Comparator, ResponsibleUnit, Role, Target};
use crate::store::rows::{MeasureCorrection, MeasureRow, TargetCorrection, TargetRow};

/// A target being corrected: the parsed values and the text fields.
#[derive(Debug, Clone)]
pub struct TargetEdit {
    pub id: i64,
    pub corrected: bool,
    pub original: Target,
    pub indicator: String,
    pub indicator_id: Option<String>,
    pub value: String,
    pub unit: String,
    pub comparator: Comparator,
    pub year: String,
    pub error: Option<String>,
}

/// A measure being corrected.
#[derive(Debug, Clone)]
pub struct MeasureEdit {
    pub id: i64,
    pub corrected: bool,
    pub title: String,
    pub themes: Vec<String>,
    /// Unit names separated by `、`; the first leads.
    pub units: String,
    /// The user's English title as stored when the editor opened (empty: none).
    pub english_stored: String,
    /// The English title being typed (empty: the machine gloss).
    pub english: String,
    /// Themes and units when the editor opened: a save that only changes the English
    /// title corrects nothing else.
    opened: (Vec<String>, String),
}

/// A zone's English name being typed.
#[derive(Debug, Clone)]
pub struct ZoneNameEdit {
    pub slug: String,
    pub name_zh: String,
    pub english: String,
}

/// A document title's English being typed.
#[derive(Debug, Clone)]
pub struct TitleEdit {
    /// The Chinese title (the key of the translation).
    pub zh: String,
    pub english: String,
    /// The translation stored when the editor opened (empty: none).
    pub stored: String,
}

/// The open editors (at most one of each).
#[derive(Debug, Default)]
pub struct Editors {
    pub target: Option<TargetEdit>,
    pub measure: Option<MeasureEdit>,
    pub zone: Option<ZoneNameEdit>,
    pub title: Option<TitleEdit>,
}

impl Editors {
    /// Opens the target editor on a row.
    pub fn open_target(&mut self, r: &TargetRow) {
        let t = &r.target;
        self.target = Some(TargetEdit {
            id: r.id,
            corrected: r.corrected,
            original: t.clone(),
            indicator: t.indicator.clone(),
            indicator_id: t.indicator_id.clone(),
            value: t.value.to_string(),
            unit: t.unit.clone(),
            comparator: t.comparator,
            year: t.year.map(|y| y.to_string()).unwrap_or_default(),
            error: None,
        });
    }

    /// Opens the measure editor on a row; `translations` are the users' English titles.
    pub fn open_measure(
        &mut self,
        m: &MeasureRow,
        translations: &std::collections::HashMap<String, String>,
    ) {
        let units: Vec<&str> = m.units.iter().map(|u| u.canonical.as_str()).collect();
        let english = translations
            .get(m.title.trim())
            .cloned()
            .unwrap_or_default();
        self.measure = Some(MeasureEdit {
            id: m.id,
            corrected: m.corrected,
            title: m.title.clone(),
            themes: m.themes.clone(),
            units: units.join("、"),
            english_stored: english.clone(),
            english,
            opened: (m.themes.clone(), units.join("、")),
        });
    }
}

impl TargetEdit {
    /// An edit of a target not stored yet (the import preview): its parse is the original.
    pub fn of_parsed(t: &Target) -> TargetEdit {
        TargetEdit {
            id: 0,
            corrected: false,
            original: t.clone(),
            indicator: t.indicator.clone(),
            indicator_id: t.indicator_id.clone(),
            value: t.value.to_string(),
            unit: t.unit.clone(),
            comparator: t.comparator,
            year: t.year.map(|y| y.to_string()).unwrap_or_default(),
            error: None,
        }
    }

    /// The correction this edit amounts to: only fields that differ from the parsed value.
    pub fn correction(&self) -> Result<TargetCorrection, T> {
        let value: f64 = self.value.trim().parse().map_err(|_| T::InvalidNumber)?;
        let year = match self.year.trim() {
            "" => None,
            y => Some(y.parse::<i32>().map_err(|_| T::InvalidNumber)?),
        };
        let o = &self.original;
        let changed = |a: bool| a.then_some(());
        Ok(TargetCorrection {
            indicator: changed(self.indicator != o.indicator).map(|_| self.indicator.clone()),
            indicator_id: changed(self.indicator_id != o.indicator_id)
                .and_then(|_| self.indicator_id.clone()),
            value: changed(value != o.value).map(|_| value),
            unit: changed(self.unit != o.unit).map(|_| self.unit.clone()),
            comparator: changed(self.comparator != o.comparator).map(|_| self.comparator),
            year: changed(year != o.year).and(year),
            clear_year: year.is_none() && o.year.is_some(),
        })
    }
}

/// Draws whichever editor is open.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    target_window(ui, ctx);
    measure_window(ui, ctx);
    zone_window(ui, ctx);
    title_window(ui, ctx);
}

fn title_window(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let lang = ctx.lang();
    let Some(edit) = ctx.st.edit.title.take() else {
        return;
    };
    ctx.st.edit.title = dialog(ui, T::Translate.get(lang), 520.0, edit, |ui, edit| {
        ui.label(RichText::new(&edit.zh).strong());
        gloss_line(ui, lang, &edit.zh);
        english_field(ui, lang, T::EnglishTitle, &mut edit.english);
        button_row(ui, lang, |ui| {
            let save = ui.button(T::Save.get(lang)).clicked();
            if save && edit.english.trim() != edit.stored.trim() {
                ctx.cmds.push(Command::SetTranslation {
                    zh: edit.zh.clone(),
                    en: edit.english.trim().to_string(),
                });
            }
            save
        })
    });
}

fn zone_window(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let lang = ctx.lang();
    let Some(edit) = ctx.st.edit.zone.take() else {
        return;
    };
    ctx.st.edit.zone = dialog(ui, T::EnglishName.get(lang), 420.0, edit, |ui, edit| {
        ui.label(RichText::new(&edit.name_zh).strong());
        gloss_line(ui, lang, &edit.name_zh);
        english_field(ui, lang, T::EnglishName, &mut edit.english);
        button_row(ui, lang, |ui| {
            let save = ui.button(T::Save.get(lang)).clicked();
            if save {
                ctx.cmds.push(Command::SetZoneEnglishName {
                    slug: edit.slug.clone(),
                    en: edit.english.trim().to_string(),
                });
            }
            save
        })
    });
}

/// The field for a user's English text (a title or a zone name), labelled `label`.
fn english_field(ui: &mut egui::Ui, lang: crate::gui::i18n::Lang, label: T, text: &mut String) {
    let label_id = ui.label(label.get(lang)).id;
    let field = egui::TextEdit::singleline(text).desired_width(f32::INFINITY);
    let field = match label {
        T::EnglishTitle => field.hint_text(T::EnglishTitleHint.get(lang)),
        _ => field,
    };
    ui.add(field).labelled_by(label_id);
}

fn target_window(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let lang = ctx.lang();
    let Some(edit) = ctx.st.edit.target.take() else {
        return;
    };
    let indicators: Vec<(String, String)> = Catalog::in_use()
        .indicators
        .iter()
        .map(|i| (i.id.clone(), ctx.indicator_name(&i.id)))
        .collect();
    ctx.st.edit.target = dialog(ui, T::CorrectTarget.get(lang), 420.0, edit, |ui, edit| {
        ui.label(RichText::new(&edit.original.sentence).weak());
        egui::Grid::new("target_edit")
            .num_columns(2)
            .show(ui, |ui| {
                field_rows(ui, lang, [(T::IndicatorText, &mut edit.indicator)]);
                let any = T::Any.get(lang);
                let label = T::CanonicalIndicator.get(lang);
                super::sidebar::combo(
                    ui,
                    label,
                    "edit_ind",
                    &mut edit.indicator_id,
                    &indicators,
                    any,
                );
                ui.end_row();
                let label_id = ui.label(T::Comparator.get(lang)).id;
                egui::ComboBox::from_id_salt("edit_cmp")
                    .selected_text(edit.comparator.as_str())
                    .show_ui(ui, |ui| {
                        use Comparator::*;
                        for c in [Ge, Gt, Eq, Approx, Le, Lt] {
                            ui.selectable_value(&mut edit.comparator, c, c.as_str());
                        }
                    })
                    .response
                    .labelled_by(label_id);
                ui.end_row();
                field_rows(
                    ui,
                    lang,
                    [
                        (T::Value, &mut edit.value),
                        (T::Unit, &mut edit.unit),
                        (T::Year, &mut edit.year),
                    ],
                );
            });
        error_line(ui, edit.error.as_deref());
        button_row(ui, lang, |ui| {
            if ui.button(T::Save.get(lang)).clicked() {
                match edit.correction() {
                    Ok(correction) => {
                        ctx.cmds.push(Command::CorrectTarget {
                            id: edit.id,
                            correction,
                        });
                        return true;
                    }
                    Err(key) => edit.error = Some(key.get(lang).to_string()),
                }
            }
            let reset = edit.corrected && ui.button(T::ResetToParsed.get(lang)).clicked();
            if reset {
                ctx.cmds.push(Command::ResetTarget(edit.id));
            }
            reset
        })
    });
}

fn measure_window(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let lang = ctx.lang();
    let Some(edit) = ctx.st.edit.measure.take() else {
        return;
    };
    let themes: Vec<(String, String)> = Catalog::in_use()
        .themes
        .iter()
        .map(|t| (t.id.clone(), ctx.theme_name(&t.id)))
        .collect();
    ctx.st.edit.measure = dialog(ui, T::CorrectMeasure.get(lang), 460.0, edit, |ui, edit| {
        ui.label(RichText::new(&edit.title).strong());
        ui.label(T::Themes.get(lang));
        ui.horizontal_wrapped(|ui| {
            for (id, name) in &themes {
                let mut on = edit.themes.contains(id);
                if ui.checkbox(&mut on, name).changed() {
                    if on {
                        edit.themes.push(id.clone());
                    } else {
                        edit.themes.retain(|t| t != id);
                    }
                }
            }
        });
        let label_id = ui.label(T::UnitsHint.get(lang)).id;
        ui.text_edit_multiline(&mut edit.units)
            .labelled_by(label_id);
        gloss_line(ui, lang, &edit.title);
        english_field(ui, lang, T::EnglishTitle, &mut edit.english);
        button_row(ui, lang, |ui| {
            if ui.button(T::Save.get(lang)).clicked() {
                let translated = edit.english.trim() != edit.english_stored.trim();
                let unchanged = (edit.themes.clone(), edit.units.clone()) == edit.opened;
                if !(translated && unchanged) {
                    let correction = MeasureCorrection {
                        themes: Some(edit.themes.clone()),
                        units: Some(parse_units(&edit.units)),
                    };
                    ctx.cmds.push(Command::CorrectMeasure {
                        id: edit.id,
                        correction,
                    });
                }
                if translated {
                    ctx.cmds.push(Command::SetTranslation {
                        zh: edit.title.clone(),
                        en: edit.english.trim().to_string(),
                    });
                }
                return true;
            }
            let reset = edit.corrected && ui.button(T::ResetToParsed.get(lang)).clicked();
            if reset {
                ctx.cmds.push(Command::ResetMeasure(edit.id));
            }
            reset
        })
    });
}

/// Splits a typed unit list on `、,,;;` and newlines; the first unit leads.
pub fn parse_units(text: &str) -> Vec<ResponsibleUnit> {
    text.split(['、', ',', ',', ';', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, name)| ResponsibleUnit {
            name: name.to_string(),
            canonical: Catalog::in_use().canonical_agency(name, None),
            role: if i == 0 { Role::Lead } else { Role::Co },
        })
        .collect()
}
