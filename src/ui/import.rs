//! The import dialog for SCB PxWeb exports: a preview of the first rows with what each column
//! was recognised as, and the indicator's id, name and unit to confirm or change before the
//! values are merged.
use egui::RichText;

use crate::i18n::Lang;
use crate::io::pxweb::ColumnRole;
use crate::pending::PendingImport;

pub enum Decision {
    Import,
    Cancel,
}

fn role_name(role: ColumnRole, lang: Lang) -> &'static str {
    match role {
        ColumnRole::Region => lang.pick("område", "area"),
        ColumnRole::Period => lang.pick("period (år, månad…)", "period (year, month…)"),
        ColumnRole::Value => lang.pick("värde", "value"),
        ColumnRole::PeriodValue(_) => lang.pick("värde för perioden", "value for the period"),
        ColumnRole::Group => lang.pick("grupp", "group"),
        ColumnRole::Lower => lang.pick("nedre gräns", "lower bound"),
        ColumnRole::Upper => lang.pick("övre gräns", "upper bound"),
        ColumnRole::Margin => lang.pick("felmarginal (±)", "margin of error (±)"),
        ColumnRole::Respondents => lang.pick("antal svarande (n)", "respondents (n)"),
        ColumnRole::Ignore => lang.pick("används inte", "not used"),
    }
}

/// Shows the dialog; returns the user's decision once made.
pub fn dialog(ctx: &egui::Context, lang: Lang, pending: &mut PendingImport) -> Option<Decision> {
    let mut decision = None;
    egui::Window::new(lang.pick("Importera tabell", "Import table"))
        .collapsible(false)
        .default_width(640.0)
        .default_pos(ctx.content_rect().center() - egui::vec2(320.0, 220.0))
        .show(ctx, |ui| {
            ui.label(RichText::new(&pending.report().file).strong());
            if let Some(t) = &pending.preview.title {
                ui.label(RichText::new(t).italics());
            }
            ui.label(format!(
                "{} {}",
                pending.report().rows_loaded,
                lang.pick(
                    "värden hittades. Så här lästes kolumnerna:",
                    "values found. The columns were read like this:"
                )
            ));
            egui::ScrollArea::horizontal().max_height(220.0).show(ui, |ui| {
                egui::Grid::new("import_preview").striped(true).show(ui, |ui| {
                    // Each role box is labelled by its column's header, for screen readers.
                    let header_ids: Vec<egui::Id> = pending
                        .preview
                        .header
                        .iter()
                        .map(|h| ui.label(RichText::new(h).strong()).id)
                        .collect();
                    ui.end_row();
                    for (column, role) in pending.roles.iter_mut().enumerate() {
                        let period = crate::io::pxweb::period_header(&pending.preview.header[column]);
                        let mut choices = vec![ColumnRole::Region, ColumnRole::Period, ColumnRole::Value];
                        choices.extend(period.map(ColumnRole::PeriodValue));
                        choices.extend([
                            ColumnRole::Group,
                            ColumnRole::Ignore,
                            ColumnRole::Lower,
                            ColumnRole::Upper,
                            ColumnRole::Margin,
                            ColumnRole::Respondents,
                        ]);
                        let combo = egui::ComboBox::new(("import_role", column), "")
                            .selected_text(RichText::new(role_name(*role, lang)).color(super::style::DEMO))
                            .show_ui(ui, |ui| {
                                for choice in choices {
                                    ui.selectable_value(role, choice, role_name(choice, lang));
                                }
                            });
                        if let Some(id) = header_ids.get(column) {
                            let _ = combo.response.labelled_by(*id);
                        }
                    }
                    ui.end_row();
                    for row in &pending.preview.rows {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
            });
            ui.separator();
            egui::Grid::new("import_names").num_columns(2).show(ui, |ui| {
                ui.label(lang.pick("Indikatorns id", "Indicator id"));
                ui.text_edit_singleline(&mut pending.id);
                ui.end_row();
                ui.label(lang.pick("Namn", "Name"));
                ui.text_edit_singleline(&mut pending.name);
                ui.end_row();
                ui.label(lang.pick("Enhet (t.ex. procent, personer)", "Unit (e.g. procent, personer)"));
                ui.text_edit_singleline(&mut pending.unit);
                ui.end_row();
            });
            ui.horizontal(|ui| {
                if ui.button(lang.pick("Importera", "Import")).clicked() {
                    decision = Some(Decision::Import);
                }
                if ui.button(lang.pick("Avbryt", "Cancel")).clicked() {
                    decision = Some(Decision::Cancel);
                }
            });
        });
    decision
}
