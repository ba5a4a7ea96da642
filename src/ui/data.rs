//! Loading files: progress with cancel, the validation reports, and the drop hint.
use egui::{Color32, RichText};

use crate::i18n::Lang;
use crate::io::load::{Added, Dataset};
use crate::io::validate::{Severity, ValidationReport};
use crate::jobs::LoadJob;

/// A thin bar under the top bar while files load.
pub fn progress(ui: &mut egui::Ui, lang: Lang, job: &LoadJob) {
    egui::Panel::top("loading").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!(
                "{} {} ({} {} {})",
                lang.pick("Läser in", "Loading"),
                job.current(),
                job.done() + 1,
                lang.pick("av", "of"),
                job.total
            ));
            ui.add(egui::ProgressBar::new(job.done() as f32 / job.total.max(1) as f32).desired_width(160.0));
            if job.is_cancelled() {
                ui.label(lang.pick("Avbryter efter den här filen …", "Cancelling after this file …"));
            } else if ui.button(lang.pick("Avbryt", "Cancel")).clicked() {
                job.cancel();
            }
        });
    });
}

/// What the user asked of a listed dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportAction {
    Remove(usize),
    /// Keep the report: write it as text beside the file.
    Save(usize),
}

/// The loaded files, newest first, each with what it added, its check, and buttons to keep the
/// report or remove the data. `saved` is where the last report was written (or why not).
pub fn reports_window(
    ctx: &egui::Context,
    lang: Lang,
    datasets: &[Dataset],
    saved: Option<&str>,
    open: &mut bool,
) -> Option<ReportAction> {
    let mut action = None;
    egui::Window::new(lang.pick("Datakontroll", "Data check"))
        .open(open)
        .default_width(620.0)
        // Over the map, not over the panels the user continues with.
        .default_pos(ctx.content_rect().center() - egui::vec2(200.0, 250.0))
        .default_height(420.0)
        .show(ctx, |ui| {
            if let Some(saved) = saved {
                ui.label(RichText::new(saved).color(super::style::MUTED));
                ui.separator();
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, dataset) in datasets.iter().enumerate().rev() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(&dataset.report.file).strong());
                        let added = match &dataset.added {
                            Added::Layer(level) => Some(format!(
                                "{}: {}",
                                lang.pick("nivå", "level"),
                                super::level_name(level, lang)
                            )),
                            Added::Indicators(ids) => Some(format!(
                                "{}: {}",
                                lang.pick("indikatorer", "indicators"),
                                ids.join(", ")
                            )),
                            Added::Activities(_, count) => {
                                Some(format!("{count} {}", lang.pick("verksamheter", "activities")))
                            }
                            Added::Nothing => None,
                        };
                        if let Some(added) = added {
                            ui.label(RichText::new(added).color(super::style::MUTED));
                            if ui.small_button(lang.pick("Ta bort", "Remove")).clicked() {
                                action = Some(ReportAction::Remove(i));
                            }
                        }
                        if ui
                            .small_button(lang.pick("Spara rapport", "Save report"))
                            .on_hover_text(lang.pick(
                                "Skriver rapporten som text bredvid filen",
                                "Writes the report as text beside the file",
                            ))
                            .clicked()
                        {
                            action = Some(ReportAction::Save(i));
                        }
                    });
                    report_ui(ui, lang, &dataset.report);
                    ui.separator();
                }
            });
        });
    action
}

fn report_ui(ui: &mut egui::Ui, lang: Lang, r: &ValidationReport) {
    ui.label(format!(
        "{} · {} {} · {} {} · {} {}",
        r.format,
        r.rows_read,
        lang.pick("lästa", "read"),
        r.rows_loaded,
        lang.pick("inlästa", "loaded"),
        r.rows_skipped,
        lang.pick("överhoppade", "skipped"),
    ));
    for f in &r.findings {
        let (mark, colour) = match f.severity {
            Severity::Error => (lang.pick("Fel", "Error"), super::style::ERROR),
            Severity::Warning => (
                lang.pick("Varning", "Warning"),
                Color32::from_rgb(0x9a, 0x5b, 0x00),
            ),
            Severity::Note => (lang.pick("Notering", "Note"), super::style::MUTED),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(mark).color(colour).strong());
            ui.label(format!("{}{}", f.place(lang), f.message_in(lang)));
        });
    }
    if r.unlisted > 0 {
        ui.label(format!(
            "… {} {}",
            r.unlisted,
            lang.pick("fler fynd visas inte", "more findings not listed")
        ));
    }
}

/// While a file is dragged over the window, say what dropping it does.
pub fn drop_hint(ctx: &egui::Context, lang: Lang) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("segkarta_drop"),
    ));
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(140));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        lang.pick(
            "Släpp filerna för att läsa in dem (statistik eller gränser)",
            "Drop the files to load them (statistics or boundaries)",
        ),
        egui::FontId::proportional(26.0),
        Color32::WHITE,
    );
}
