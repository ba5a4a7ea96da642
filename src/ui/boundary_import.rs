//! The boundary import dialog: a boundary file that is none of SCB's levels (a city's own
//! districts, say) waits here until the user has confirmed what each attribute holds and which
//! level the areas form. Draws [`PendingBoundaries`] and reports the user's decision.
use egui::RichText;

use crate::i18n::Lang;
use crate::io::attributes::AttributeRole;
use crate::pending::{LevelChoice, PendingBoundaries};

pub enum Decision {
    Import,
    Cancel,
}

fn role_name(role: AttributeRole, lang: Lang) -> &'static str {
    match role {
        AttributeRole::Code => lang.pick("områdeskod", "area code"),
        AttributeRole::Name => lang.pick("namn", "name"),
        AttributeRole::Kommun => lang.pick("kommunkod", "municipality code"),
        AttributeRole::Parent => lang.pick("överordnat område", "parent area code"),
        AttributeRole::Unused => lang.pick("används inte", "not used"),
    }
}

const ROLES: [AttributeRole; 5] = [
    AttributeRole::Code,
    AttributeRole::Name,
    AttributeRole::Kommun,
    AttributeRole::Parent,
    AttributeRole::Unused,
];

/// Shows the dialog; returns the user's decision once made.
pub fn dialog(ctx: &egui::Context, lang: Lang, pending: &mut PendingBoundaries) -> Option<Decision> {
    let mut decision = None;
    egui::Window::new(lang.pick("Importera områdesgränser", "Import area boundaries"))
        .collapsible(false)
        .default_width(620.0)
        .default_pos(ctx.content_rect().center() - egui::vec2(310.0, 240.0))
        .show(ctx, |ui| {
            ui.label(RichText::new(pending.file()).strong());
            ui.label(format!(
                "{} {}",
                pending.feature_count(),
                lang.pick(
                    "områden. Ange vad varje attribut innehåller och vilken nivå områdena är:",
                    "areas. Say what each attribute holds and which level the areas form:"
                )
            ));
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                egui::Grid::new("boundary_roles").striped(true).num_columns(3).show(ui, |ui| {
                    ui.label(RichText::new(lang.pick("Attribut", "Attribute")).strong());
                    ui.label(RichText::new(lang.pick("Innehåller", "Holds")).strong());
                    ui.label(RichText::new(lang.pick("Värden", "Values")).strong());
                    ui.end_row();
                    let attributes = pending.attributes().to_vec();
                    for (i, (name, examples, distinct)) in attributes.iter().enumerate() {
                        let label = ui.label(name).id;
                        let Some(role) = pending.roles.get_mut(i) else { continue };
                        let combo = egui::ComboBox::new(("boundary_role", i), "")
                            .selected_text(role_name(*role, lang))
                            .show_ui(ui, |ui| {
                                for choice in ROLES {
                                    ui.selectable_value(role, choice, role_name(choice, lang));
                                }
                            });
                        // Each role box is named by its attribute, for screen readers.
                        let _ = combo.response.labelled_by(label);
                        let more = if *distinct > examples.len() { " …" } else { "" };
                        let different = lang.pick("olika", "different");
                        ui.label(RichText::new(format!("{}{more} ({distinct} {different})", examples.join(", "))).weak());
                        ui.end_row();
                    }
                });
            });
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(lang.pick("Nivå", "Level")).strong());
                ui.radio_value(&mut pending.level, LevelChoice::Kommun, lang.pick("Kommun", "Municipality"));
                ui.radio_value(&mut pending.level, LevelChoice::Regso, "RegSO");
                ui.radio_value(&mut pending.level, LevelChoice::Deso, "DeSO");
                let own =
                    ui.radio_value(&mut pending.level, LevelChoice::Custom, lang.pick("Egen nivå:", "Own level:"));
                let name = ui.add_enabled(
                    pending.level == LevelChoice::Custom,
                    egui::TextEdit::singleline(&mut pending.custom_name)
                        .hint_text(lang.pick("t.ex. Primärområde", "e.g. Primary area"))
                        .desired_width(180.0),
                );
                let _ = name.labelled_by(own.id);
            });
            if pending.level == LevelChoice::Kommun {
                super::muted_note(
                    ui,
                    lang.pick(
                        "Kommungränserna byts bara ut från en fil med ett område per kommunkod.",
                        "Municipal boundaries are replaced only from a file with one area per municipality code.",
                    ),
                );
            }
            let problem = pending.problem();
            if let Some(problem) = &problem {
                ui.label(RichText::new(lang.pick(&problem.sv, &problem.en)).color(super::style::ERROR));
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(problem.is_none(), egui::Button::new(lang.pick("Importera", "Import")))
                    .clicked()
                {
                    decision = Some(Decision::Import);
                }
                if ui.button(lang.pick("Avbryt", "Cancel")).clicked() {
                    decision = Some(Decision::Cancel);
                }
            });
        });
    decision
}
