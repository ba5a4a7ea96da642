//! The import dialog for SCB PxWeb exports: a preview of the first rows with what each column
//! was recognised as, and the indicator's id, name and unit to confirm or change before the
//! values are merged.
use crate::io::validate::Said;
use egui::RichText;

use crate::i18n::Lang;
use crate::io::load::{self, Content, Dataset, LoadOptions, Loaded};
use crate::io::pxweb::{self, ColumnRole, Preview};
use crate::model::Atlas;

pub struct PendingImport {
    loaded: Loaded,
    pub preview: Preview,
    /// The id the parser gave the values (from the file name).
    parsed_id: String,
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Column roles as the user leaves them; the recognised ones to start with.
    pub roles: Vec<ColumnRole>,
}

pub enum Decision {
    Import,
    Cancel,
}

impl PendingImport {
    pub fn new(loaded: Loaded) -> Option<Self> {
        let bytes = std::fs::read(&loaded.report.file).ok()?;
        let preview = pxweb::preview(&bytes, 8)?;
        let Content::Observations(obs) = &loaded.content else {
            return None;
        };
        let parsed_id = obs.indicators().first()?.to_string();
        let name = obs
            .names
            .get(&parsed_id)
            .cloned()
            .unwrap_or_else(|| parsed_id.clone());
        Some(Self {
            id: parsed_id.clone(),
            parsed_id,
            name,
            unit: String::new(),
            roles: preview.roles.clone(),
            preview,
            loaded,
        })
    }

    /// Merge with the confirmed column roles, id, name and unit.
    pub fn finish(self, atlas: &mut Atlas, options: &LoadOptions) -> Dataset {
        let Self {
            mut loaded,
            parsed_id,
            id,
            name,
            unit,
            roles,
            preview,
        } = self;
        let id = load::indicator_id(&id);
        if roles != preview.roles {
            // The user changed what the columns mean: read the file again with their roles.
            let file = loaded.report.file.clone();
            let reread = std::fs::read(&file).map_err(|e| e.to_string()).and_then(|bytes| {
                pxweb::parse_with_roles(&file, &bytes, &parsed_id, Some(&roles)).map_err(|e| e.to_string())
            });
            match reread {
                Ok((obs, report)) => {
                    loaded = Loaded {
                        content: Content::Observations(obs),
                        report,
                    }
                }
                Err(e) => loaded.report.warning(
                    "roles_not_used",
                    Said::new(
                        format!("the chosen column roles could not be used ({e}); the recognised ones were"),
                        format!("de valda kolumnrollerna kunde inte användas ({e}); de igenkända användes"),
                    ),
                ),
            }
        }
        if let Content::Observations(obs) = &mut loaded.content {
            if id != parsed_id
                && let Err(e) = obs.rename_indicator(&parsed_id, &id)
            {
                loaded.report.warning(
                    "not_renamed",
                    Said::new(
                        format!("could not rename {parsed_id:?} to {id:?}: {e}"),
                        format!("kunde inte byta namn på {parsed_id:?} till {id:?}: {e}"),
                    ),
                );
            }
            obs.names.insert(id.clone(), name);
            if !unit.trim().is_empty() {
                obs.units.insert(id, unit.trim().to_string());
            }
        }
        load::merge_dataset(atlas, loaded, options)
    }
}

fn role_name(role: ColumnRole, lang: Lang) -> &'static str {
    match role {
        ColumnRole::Region => lang.pick("område", "area"),
        ColumnRole::Period => lang.pick("period (år, månad…)", "period (year, month…)"),
        ColumnRole::Value => lang.pick("värde", "value"),
        ColumnRole::PeriodValue(_) => lang.pick("värde för perioden", "value for the period"),
        ColumnRole::Group => lang.pick("grupp", "group"),
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
            ui.label(RichText::new(&pending.loaded.report.file).strong());
            if let Some(t) = &pending.preview.title {
                ui.label(RichText::new(t).italics());
            }
            ui.label(format!(
                "{} {}",
                pending.loaded.report.rows_loaded,
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
                        choices.extend([ColumnRole::Group, ColumnRole::Ignore]);
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
