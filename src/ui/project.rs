//! The project windows: Save as (a path), the offer to restore work a crash left, and the
//! last word on saving or opening.
use crate::i18n::Lang;
use crate::project::Recovery;

/// Save as: the path field; `Some(true)` to save, `Some(false)` to cancel.
pub fn save_as_window(ctx: &egui::Context, lang: Lang, path: &mut String) -> Option<bool> {
    let mut answer = None;
    egui::Window::new(lang.pick("Spara projekt som", "Save project as"))
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(lang.pick(
                "Projektet sparar vilka filer som är öppna (med kontrollsumma), urval, inställningar och bilder. Själva datafilerna ligger kvar där de är.",
                "The project keeps which files are open (with a checksum), the selection, settings and slides. The data files stay where they are.",
            ));
            ui.add(egui::TextEdit::singleline(path).desired_width(420.0));
            ui.horizontal(|ui| {
                if ui.button(lang.pick("Spara", "Save")).clicked() {
                    answer = Some(true);
                }
                if ui.button(lang.pick("Avbryt", "Cancel")).clicked() {
                    answer = Some(false);
                }
            });
        });
    answer
}

/// The offer to restore unsaved work; `Some(true)` restores, `Some(false)` discards.
pub fn recovery_window(ctx: &egui::Context, lang: Lang, recovery: Option<&Recovery>) -> Option<bool> {
    let recovery = recovery?;
    let mut answer = None;
    egui::Window::new(lang.pick("Osparat arbete", "Unsaved work"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(lang.pick(
                "segkarta avslutades senast utan att arbetet sparades. Vill du återställa det?",
                "segkarta last ended before the work was saved. Restore it?",
            ));
            let files = recovery.project.datasets.len();
            let slides = recovery.project.slides.len();
            super::muted_note(
                ui,
                format!(
                    "{files} {} · {slides} {}{}",
                    lang.pick("filer", "files"),
                    lang.pick("bilder", "slides"),
                    recovery
                        .saved_as
                        .as_deref()
                        .map_or_else(String::new, |p| format!(" · {p}"))
                ),
            );
            ui.horizontal(|ui| {
                if ui.button(lang.pick("Återställ", "Restore")).clicked() {
                    answer = Some(true);
                }
                if ui.button(lang.pick("Släng", "Discard")).clicked() {
                    answer = Some(false);
                }
            });
        });
    answer
}

/// The last word on a project action, at the bottom of the window; true when closed.
pub fn note(ctx: &egui::Context, text: &str) -> bool {
    let mut closed = false;
    egui::Area::new(egui::Id::unique("segkarta_project_note"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -12.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(600.0);
                ui.horizontal(|ui| {
                    ui.label(text);
                    if ui.small_button("×").clicked() {
                        closed = true;
                    }
                });
            });
        });
    closed
}

/// What the user did about the project's missing files.
pub enum Missing {
    /// Open file `i` from the path typed for it.
    Open(usize),
    /// Go on without them.
    Skip,
}

/// The project's data files that were not where it said: where each is now (typed), or skip.
pub fn missing_files_window(
    ctx: &egui::Context,
    lang: Lang,
    missing: &mut [(String, String)],
) -> Option<Missing> {
    let mut answer = None;
    egui::Window::new(lang.pick("Saknade filer", "Missing files"))
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(lang.pick(
                "Projektets datafiler finns inte där de var när det sparades. Ange var de finns nu:",
                "The project's data files are not where they were when it was saved. Say where they are now:",
            ));
            for (i, (was, now)) in missing.iter_mut().enumerate() {
                super::muted_note(ui, format!("{} {was}", lang.pick("Var:", "Was:")));
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(now).desired_width(380.0));
                    if ui.button(lang.pick("Öppna", "Open")).clicked() {
                        answer = Some(Missing::Open(i));
                    }
                });
            }
            if ui
                .button(lang.pick("Fortsätt utan dem", "Go on without them"))
                .clicked()
            {
                answer = Some(Missing::Skip);
            }
        });
    answer
}
