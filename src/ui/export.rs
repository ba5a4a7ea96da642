//! The export window: the map as PNG or SVG at a chosen size (title, legend, source, date and
//! demo mark, as `segkarta render` draws it), or the map's table as CSV.
use crate::i18n::Lang;
use crate::render::ExportFormat;

/// Sizes offered, besides a custom one.
pub const SIZES: [(u32, u32); 3] = [(1920, 1080), (3840, 2160), (1280, 720)];

pub struct ExportDialog {
    pub format: ExportFormat,
    pub width: u32,
    pub height: u32,
    /// The part of the map on screen; otherwise all of GR.
    pub on_screen: bool,
    pub path: String,
    /// Where the last export went, or why it failed.
    pub result: Option<Result<String, String>>,
}

impl ExportDialog {
    /// Opened with PNG at 1920 × 1080 into `dir`, named after what the map shows.
    pub fn new(dir: Option<std::path::PathBuf>, name: &str) -> Self {
        let dir = dir.unwrap_or_default();
        Self {
            format: ExportFormat::Png,
            width: 1920,
            height: 1080,
            on_screen: false,
            path: dir.join(format!("{name}.png")).display().to_string(),
            result: None,
        }
    }

    fn set_format(&mut self, format: ExportFormat) {
        self.format = format;
        let path = std::path::Path::new(&self.path).with_extension(format.extension());
        self.path = path.display().to_string();
    }
}

pub enum Decision {
    Export,
}

pub fn window(
    ctx: &egui::Context,
    lang: Lang,
    dialog: &mut ExportDialog,
    open: &mut bool,
) -> Option<Decision> {
    let mut decision = None;
    egui::Window::new(lang.pick("Exportera kartan", "Export the map"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label(lang.pick("Format", "Format"));
                for (format, label) in [
                    (ExportFormat::Png, "PNG"),
                    (ExportFormat::Svg, "SVG"),
                    (ExportFormat::Csv, lang.pick("CSV (tabell)", "CSV (table)")),
                ] {
                    if ui.selectable_label(dialog.format == format, label).clicked() {
                        dialog.set_format(format);
                    }
                }
            });
            if dialog.format != ExportFormat::Csv {
                ui.horizontal(|ui| {
                    ui.label(lang.pick("Storlek", "Size"));
                    for (w, h) in SIZES {
                        let on = (dialog.width, dialog.height) == (w, h);
                        if ui.selectable_label(on, format!("{w}×{h}")).clicked() {
                            (dialog.width, dialog.height) = (w, h);
                        }
                    }
                });
                ui.horizontal(|ui| {
                    ui.label(lang.pick("Egen", "Custom"));
                    ui.add(
                        egui::DragValue::new(&mut dialog.width)
                            .range(200..=16384)
                            .suffix(" px"),
                    );
                    ui.label("×");
                    ui.add(
                        egui::DragValue::new(&mut dialog.height)
                            .range(200..=16384)
                            .suffix(" px"),
                    );
                });
                ui.horizontal(|ui| {
                    ui.label(lang.pick("Utsnitt", "Extent"));
                    ui.radio_value(&mut dialog.on_screen, false, lang.pick("hela GR", "all of GR"));
                    ui.radio_value(
                        &mut dialog.on_screen,
                        true,
                        lang.pick("som på skärmen", "as on screen"),
                    );
                });
            } else {
                super::muted_note(
                    ui,
                    lang.pick(
                        "Områdena i kartan med värde, klass, klassgränser och plats i GR.",
                        "The map's areas with value, class, class bounds and rank in GR.",
                    ),
                );
            }
            ui.horizontal(|ui| {
                ui.label(lang.pick("Fil", "File"));
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(380.0));
            });
            if ui.button(lang.pick("Exportera", "Export")).clicked() {
                decision = Some(Decision::Export);
            }
            match &dialog.result {
                Some(Ok(done)) => {
                    ui.label(done);
                }
                Some(Err(why)) => {
                    ui.label(egui::RichText::new(why).color(super::style::ERROR));
                }
                None => {}
            }
        });
    decision
}
