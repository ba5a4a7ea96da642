//! The slides window: the views of a story, each with a name and a note. Save the current
//! view as a slide, show, rename, reorder, duplicate and delete; presenter mode steps through
//! them in order.
use crate::i18n::Lang;
use crate::model::Atlas;
use crate::project::Slide;

/// What the user did in the slides window.
#[derive(Clone, Debug, PartialEq)]
pub enum SlideAction {
    /// Save the current view as a new slide after the current one.
    Add,
    Show(usize),
    Rename(usize, String),
    Note(usize, String),
    /// Move a slide one place up (−1) or down (+1).
    Move(usize, i32),
    /// Move a slide to another place (dragged there).
    MoveTo(usize, usize),
    Duplicate(usize),
    Delete(usize),
    /// Every slide as a 1920 × 1080 PNG into one folder.
    ExportAll,
}

pub fn window(
    ctx: &egui::Context,
    lang: Lang,
    atlas: &Atlas,
    slides: &[Slide],
    current: Option<usize>,
    open: &mut bool,
) -> Vec<SlideAction> {
    let mut actions = Vec::new();
    egui::Window::new(lang.pick("Bilder", "Slides"))
        .open(open)
        .default_width(340.0)
        .show(ctx, |ui| {
            if ui
                .button(lang.pick("+ Spara vyn som bild", "+ Save the view as a slide"))
                .on_hover_text(lang.pick(
                    "Nivå, indikator, period, grupp, klassindelning, kartutsnitt, valt område och paneler",
                    "Level, indicator, period, group, classification, map extent, selected area and panels",
                ))
                .clicked()
            {
                actions.push(SlideAction::Add);
            }
            if slides.is_empty() {
                super::muted_note(
                    ui,
                    lang.pick(
                        "Inga bilder än. I presentationsläget (F5) visas bilderna i ordning med ↑ ↓.",
                        "No slides yet. In presenter mode (F5) the slides show in order with ↑ ↓.",
                    ),
                );
                return;
            }
            if ui
                .button(lang.pick("Exportera alla bilder (PNG)", "Export every slide (PNG)"))
                .on_hover_text(lang.pick(
                    "Varje bild som 1920×1080 PNG med rubrik, teckenförklaring och källa, i en mapp i exportmappen",
                    "Every slide as a 1920×1080 PNG with title, legend and source, in a folder in the export folder",
                ))
                .clicked()
            {
                actions.push(SlideAction::ExportAll);
            }
            ui.separator();
            for (i, slide) in slides.iter().enumerate() {
                let missing = slide.missing(atlas, lang);
                let row = ui.horizontal(|ui| {
                    // A handle to drag the slide to another place in the story.
                    ui.dnd_drag_source(egui::Id::unique(("slide_handle", i)), i, |ui| {
                        ui.label(egui::RichText::new("↑↓").color(super::style::MUTED))
                            .on_hover_text(lang.pick("Dra för att flytta", "Drag to move"));
                    });
                    let label = if missing.is_empty() {
                        format!("{}. {}", i + 1, slide.name)
                    } else {
                        format!("{}. (!) {}", i + 1, slide.name)
                    };
                    let response = ui.selectable_label(current == Some(i), label);
                    let response = if missing.is_empty() {
                        response
                    } else {
                        response.on_hover_text(format!(
                            "{}: {}",
                            lang.pick("Inte inläst", "Not loaded"),
                            missing.join(", ")
                        ))
                    };
                    if response.clicked() {
                        actions.push(SlideAction::Show(i));
                    }
                });
                if let Some(from) = row.response.dnd_release_payload::<usize>()
                    && *from != i
                {
                    actions.push(SlideAction::MoveTo(*from, i));
                }
            }
            let Some(i) = current.filter(|i| *i < slides.len()) else {
                return;
            };
            ui.separator();
            let slide = &slides[i];
            let mut name = slide.name.clone();
            ui.horizontal(|ui| {
                ui.label(lang.pick("Namn", "Name"));
                if ui.text_edit_singleline(&mut name).changed() {
                    actions.push(SlideAction::Rename(i, name.clone()));
                }
            });
            let mut note = slide.note.clone();
            ui.label(lang.pick("Anteckning (visas inte på skärmen)", "Note (not shown on screen)"));
            if ui
                .add(
                    egui::TextEdit::multiline(&mut note)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .changed()
            {
                actions.push(SlideAction::Note(i, note));
            }
            let missing = slide.missing(atlas, lang);
            if !missing.is_empty() {
                ui.label(
                    egui::RichText::new(format!(
                        "{}: {}",
                        lang.pick(
                            "Bilden visar data som inte är inläst",
                            "The slide shows data that is not loaded"
                        ),
                        missing.join(", ")
                    ))
                    .color(super::style::ERROR),
                );
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(i > 0, egui::Button::new("↑"))
                    .on_hover_text(lang.pick("Flytta upp", "Move up"))
                    .clicked()
                {
                    actions.push(SlideAction::Move(i, -1));
                }
                if ui
                    .add_enabled(i + 1 < slides.len(), egui::Button::new("↓"))
                    .on_hover_text(lang.pick("Flytta ner", "Move down"))
                    .clicked()
                {
                    actions.push(SlideAction::Move(i, 1));
                }
                if ui.button(lang.pick("Duplicera", "Duplicate")).clicked() {
                    actions.push(SlideAction::Duplicate(i));
                }
                if ui.button(lang.pick("Ta bort", "Delete")).clicked() {
                    actions.push(SlideAction::Delete(i));
                }
            });
        });
    actions
}
