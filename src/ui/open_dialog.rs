//! File → Open: a folder browser inside the app (no desktop portal needed, so it works the
//! same on every machine and in tests). Lists folders and the files segkarta reads; several
//! files can be picked and open together, as with drag and drop.
use std::path::{Path, PathBuf};

use egui::RichText;

use crate::i18n::Lang;
use crate::io::browse::{self, Entry};

pub struct OpenDialog {
    pub dir: PathBuf,
    /// The path field: a folder to go to or a file to open.
    pub path_text: String,
    pub entries: Result<Vec<Entry>, String>,
    pub selected: Vec<PathBuf>,
}

pub enum Decision {
    Open(Vec<PathBuf>),
    Cancel,
}

impl OpenDialog {
    /// Opens in the folder of the most recent file, else the working folder.
    pub fn new(recent: Option<&str>) -> Self {
        let start = recent
            .map(Path::new)
            .and_then(Path::parent)
            .filter(|d| d.is_dir())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        let mut dialog = Self {
            dir: PathBuf::new(),
            path_text: String::new(),
            entries: Ok(Vec::new()),
            selected: Vec::new(),
        };
        dialog.go(start);
        dialog
    }

    pub fn go(&mut self, dir: PathBuf) {
        self.entries = browse::list(&dir);
        self.path_text = dir.display().to_string();
        self.dir = dir;
        self.selected.clear();
    }

    fn toggle(&mut self, path: &Path) {
        match self.selected.iter().position(|p| p == path) {
            Some(i) => {
                self.selected.remove(i);
            }
            None => self.selected.push(path.to_path_buf()),
        }
    }

    /// What the path field asks for: go to a folder, or open a file.
    fn follow_path_text(&mut self) -> Option<Decision> {
        let path = PathBuf::from(self.path_text.trim());
        if path.is_dir() {
            self.go(path);
            None
        } else if path.is_file() {
            Some(Decision::Open(vec![path]))
        } else {
            self.entries = Err(format!("{}: no such file or folder", path.display()));
            None
        }
    }
}

pub fn show(ctx: &egui::Context, lang: Lang, dialog: &mut OpenDialog) -> Option<Decision> {
    let mut decision = None;
    let mut open = true;
    egui::Window::new(lang.pick("Öppna filer", "Open files"))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let up = dialog.dir.parent().map(Path::to_path_buf);
                if ui
                    .add_enabled(up.is_some(), egui::Button::new(lang.pick("↑ Upp", "↑ Up")))
                    .clicked()
                    && let Some(up) = up
                {
                    dialog.go(up);
                }
                let field = ui.add(
                    egui::TextEdit::singleline(&mut dialog.path_text)
                        .desired_width(ui.available_width() - 50.0),
                );
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(lang.pick("Gå", "Go")).clicked() || entered {
                    decision = dialog.follow_path_text();
                }
            });
            super::muted_note(ui, lang.pick(
                    "Läser tabeller (CSV, Parquet, SCB PxWeb, JSON-stat, Kolada) och gränser (GeoJSON, GeoPackage, Shapefile).",
                    "Reads tables (CSV, Parquet, SCB PxWeb, JSON-stat, Kolada) and boundaries (GeoJSON, GeoPackage, Shapefile).",
                ));
            ui.separator();
            egui::ScrollArea::vertical().min_scrolled_height(320.0).max_height(320.0).auto_shrink([false, false]).show(ui, |ui| {
                let entries = match &dialog.entries {
                    Ok(entries) => entries.clone(),
                    Err(e) => {
                        ui.colored_label(super::style::ERROR, e);
                        return;
                    }
                };
                if entries.is_empty() {
                    ui.label(lang.pick("Inga mappar eller läsbara filer här.", "No folders or readable files here."));
                }
                for entry in entries {
                    if entry.is_dir {
                        if ui.selectable_label(false, format!("{}/", entry.name)).clicked() {
                            dialog.go(entry.path.clone());
                        }
                        continue;
                    }
                    let selected = dialog.selected.contains(&entry.path);
                    ui.horizontal(|ui| {
                        let row = ui.selectable_label(selected, entry.name.as_str());
                        ui.label(RichText::new(browse::human_size(entry.size)).color(super::style::MUTED));
                        if row.double_clicked() {
                            decision = Some(Decision::Open(vec![entry.path.clone()]));
                        } else if row.clicked() {
                            dialog.toggle(&entry.path);
                        }
                    });
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let n = dialog.selected.len();
                let label = match n {
                    0 => lang.pick("Öppna", "Open").to_string(),
                    n => format!("{} ({n})", lang.pick("Öppna", "Open")),
                };
                if ui.add_enabled(n > 0, egui::Button::new(RichText::new(label).strong())).clicked() {
                    decision = Some(Decision::Open(dialog.selected.clone()));
                }
                if ui.button(lang.pick("Avbryt", "Cancel")).clicked() {
                    decision = Some(Decision::Cancel);
                }
                super::muted_note(ui, lang.pick(
                        "Klicka för att välja flera, dubbelklicka för att öppna en.",
                        "Click to pick several, double-click to open one.",
                    ));
            });
        });
    if !open {
        decision = Some(Decision::Cancel);
    }
    decision
}
