//! Panels. Each reads the state through [`UiCx`] and emits [`Action`]s into [`Outputs`]; none
//! changes state directly.
pub mod analysis;
pub mod area_types;
pub mod boundary_import;
pub mod classify_dialog;
pub mod data;
pub mod import;
pub mod map_view;
pub mod needs;
pub mod open_dialog;
pub mod segregation_table;
pub mod selection;
pub mod spatial;
pub mod style;
pub mod top;
pub mod trends;

use crate::i18n::Lang;
use crate::model::{AreaLayer, Atlas, Dimension, Indicator};
use crate::state::{Action, Settings};
use crate::view::View;

/// Read-only state a panel draws from.
pub struct UiCx<'a> {
    pub atlas: &'a Atlas,
    pub layer: &'a AreaLayer,
    pub settings: &'a Settings,
    pub view: &'a View,
    pub lang: Lang,
    /// Area hovered in the previous frame (on the map or in a list), for linked highlights.
    pub hovered: Option<usize>,
}

/// A time-axis tick in years: the year at whole-year ticks only, since a tick inside a year
/// (monthly series) would read as a wrong year.
pub fn year_tick(axis: f64) -> String {
    if (axis - axis.round()).abs() < 1e-6 {
        format!("{}", axis.round() as i64)
    } else {
        String::new()
    }
}

impl UiCx<'_> {
    pub fn indicator(&self) -> Option<&Indicator> {
        self.atlas.catalogue.indicator(&self.settings.selection.indicator)
    }

    pub fn t<'s>(&self, sv: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(sv, en)
    }

    /// A period as people read it in the UI language: "2024", "mars 2024", "kv. 1 2024".
    pub fn period(&self, period: crate::model::Period) -> String {
        period.label(self.lang)
    }

    /// What the region's value of the shown indicator is: an average of rates, or, for a
    /// segregation measure, the measure over all of GR.
    pub fn region_label(&self) -> &'static str {
        if self
            .settings
            .selection
            .indicator
            .starts_with(crate::analysis::segregation_series::PREFIX)
        {
            self.lang.pick("Hela GR", "All of GR")
        } else if self.indicator().is_some_and(Indicator::is_count) {
            self.lang.pick("GR totalt", "GR total")
        } else {
            self.lang.pick("GR-snitt", "GR average")
        }
    }

    pub fn indicator_name<'s>(&self, ind: &'s Indicator) -> &'s str {
        self.lang.pick(&ind.sv, &ind.en)
    }

    pub fn group_name(&self, dim: &str, group: &str) -> String {
        self.atlas
            .catalogue
            .dimension(dim)
            .and_then(|d| d.groups.iter().find(|g| g.id == group))
            .map_or_else(|| group.to_string(), |g| self.lang.pick(&g.sv, &g.en).to_string())
    }

    pub fn dimension_name<'s>(&self, dim: &'s Dimension) -> &'s str {
        self.lang.pick(&dim.sv, &dim.en)
    }

    pub fn area_name(&self, index: usize) -> &str {
        self.layer.areas.get(index).map_or("", |a| a.name.as_str())
    }

    /// Name of the selected area, or of the region when none is selected.
    pub fn scope_name(&self) -> String {
        self.settings
            .selection
            .area
            .as_deref()
            .and_then(|c| self.layer.get(c))
            .map_or_else(
                || self.t("Göteborgsregionen", "Gothenburg region").to_string(),
                |a| a.name.clone(),
            )
    }
}

/// A level's name in the UI; a custom level by the name the user gave it.
pub fn level_name(level: &crate::model::Level, lang: Lang) -> std::borrow::Cow<'_, str> {
    use crate::model::Level::*;
    match level {
        Kommun => lang.pick("Kommuner", "Municipalities").into(),
        Regso => "RegSO".into(),
        Deso => "DeSO".into(),
        Custom(name) => name.as_str().into(),
    }
}

/// A classification scheme's name, as a GIS user knows it.
pub fn scheme_name(scheme: crate::analysis::classify::Scheme, lang: Lang) -> &'static str {
    use crate::analysis::classify::Scheme::*;
    match scheme {
        Quantile => lang.pick("Kvantiler", "Quantiles"),
        EqualInterval => lang.pick("Lika intervall", "Equal interval"),
        FisherJenks => lang.pick(
            "Naturliga brytpunkter (Fisher–Jenks)",
            "Natural breaks (Fisher–Jenks)",
        ),
        StdMean => lang.pick("Medelvärde ± standardavvikelse", "Mean ± standard deviation"),
        BoxPlot => lang.pick("Lådagram (box map)", "Box map"),
        Manual => lang.pick("Egna gränser", "Manual breaks"),
        UniqueValues => lang.pick("Unika värden", "Unique values"),
    }
}

/// A small grey note under a section: how something was computed, what is missing.
pub fn muted_note(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.label(egui::RichText::new(text).small().color(style::MUTED));
}

/// A small colour box as in the legend (class, cluster or area type).
pub fn swatch(ui: &mut egui::Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0), egui::Sense::hover());
    ui.painter().rect(
        rect,
        2.0,
        colour,
        egui::Stroke::new(0.5, style::OUTLINE),
        egui::StrokeKind::Inside,
    );
}

/// A legend row: colour box, text and, when given, how many areas it covers.
pub fn swatch_row(ui: &mut egui::Ui, colour: egui::Color32, text: &str, count: Option<usize>) {
    ui.horizontal(|ui| {
        swatch(ui, colour);
        ui.label(text);
        if let Some(n) = count {
            ui.label(egui::RichText::new(format!("({n})")).small().color(style::MUTED));
        }
    });
}

/// What panels emit during a frame.
#[derive(Default)]
pub struct Outputs {
    pub actions: Vec<Action>,
    pub hovered: Option<usize>,
    pub zoom_to_gr: bool,
    /// The user asked for File → Open (button or Ctrl+O).
    pub open_files: bool,
    /// The user asked for the classification window (button or K).
    pub open_classification: bool,
    /// The user asked for the needs view (button or P).
    pub open_needs: bool,
}

/// The "Demodata" mark shown wherever synthetic values are on screen.
pub fn demo_badge(ui: &mut egui::Ui, lang: Lang) -> egui::Response {
    let text = egui::RichText::new(lang.pick("DEMODATA", "DEMO DATA"))
        .strong()
        .color(egui::Color32::WHITE)
        .small();
    egui::Frame::new()
        .fill(style::DEMO)
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(5, 1))
        .show(ui, |ui| {
            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
        })
        .inner
        .on_hover_text(lang.pick(
            "Påhittade värden för att visa hur segkarta fungerar. Inte statistik.",
            "Invented values that show how segkarta works. Not statistics.",
        ))
}
