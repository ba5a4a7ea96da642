//! Panels. Each reads the state through [`UiCx`] and emits [`Action`]s into [`Outputs`]; none
//! changes state directly.
pub mod activities;
pub mod analysis;
pub mod area_types;
pub mod boundary_import;
pub mod classify_dialog;
pub mod data;
pub mod export;
pub mod import;
pub mod map_view;
pub mod needs;
pub mod open_dialog;
pub mod presenter;
pub mod project;
pub mod segregation_table;
pub mod selection;
pub mod slides;
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
    /// The second map (side by side or difference), when one is chosen.
    pub compare: Option<&'a crate::view::compare::CompareView>,
    /// Whether the analysis panel is shown now (a narrow window hides it until asked for).
    pub right_panel_shown: bool,
    /// The activities the layer and the list show.
    pub activities: &'a crate::view::activities::ActivityView,
    /// The activity selected (in the list or on the map) and the one hovered in the list.
    pub selected_activity: Option<usize>,
    pub hovered_activity: Option<usize>,
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
        match self.indicator() {
            Some(ind) => crate::view::caption::region_label(ind, &self.settings.selection, self.lang),
            None => self.lang.pick("GR-snitt", "GR average"),
        }
    }

    pub fn indicator_name<'s>(&self, ind: &'s Indicator) -> &'s str {
        self.lang.pick(&ind.sv, &ind.en)
    }

    pub fn group_name(&self, dim: &str, group: &str) -> String {
        crate::view::caption::group_name(self.atlas, dim, group, self.lang)
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

pub use crate::view::caption::{level_name, scheme_name};

/// The width of `text` on one line, as a label shows it.
pub fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x
}

/// A combo box with its label beside it that fits a narrow panel: the box's text is cut
/// short (…) rather than the label pushed out of sight.
pub fn fitted_combo(
    ui: &mut egui::Ui,
    id_salt: &str,
    label: &str,
    selected_text: String,
    widest: f32,
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    ui.horizontal(|ui| {
        let width =
            (ui.available_width() - text_width(ui, label) - ui.spacing().item_spacing.x).clamp(60.0, widest);
        let size = egui::vec2(width, ui.spacing().interact_size.y);
        let combo = ui
            .allocate_ui(size, |ui| {
                egui::ComboBox::from_id_salt(id_salt)
                    .selected_text(selected_text)
                    .width(width)
                    .truncate()
                    .show_ui(ui, add_contents)
                    .response
            })
            .inner;
        let label = ui.label(label);
        combo.labelled_by(label.id);
    });
}

/// A checkbox for a setting held in state: its new value when the user changed it.
pub fn toggled(ui: &mut egui::Ui, on: bool, label: &str, hover: &str) -> Option<bool> {
    let mut on = on;
    ui.checkbox(&mut on, label)
        .on_hover_text(hover)
        .changed()
        .then_some(on)
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
    swatch_row_scaled(ui, colour, text, count, 1.0, &egui::FontFamily::Proportional);
}

/// [`swatch_row`] with box and text scaled by `scale`, the text in `family`.
pub fn swatch_row_scaled(
    ui: &mut egui::Ui,
    colour: egui::Color32,
    text: &str,
    count: Option<usize>,
    scale: f32,
    family: &egui::FontFamily,
) {
    let font = |size: f32| egui::FontId::new(size, family.clone());
    let body = egui::TextStyle::Body.resolve(ui.style()).size * scale;
    let small = egui::TextStyle::Small.resolve(ui.style()).size * scale;
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0) * scale, egui::Sense::hover());
        ui.painter().rect(
            rect,
            2.0 * scale,
            colour,
            egui::Stroke::new(0.5 * scale, style::OUTLINE),
            egui::StrokeKind::Inside,
        );
        ui.label(egui::RichText::new(text).font(font(body)));
        if let Some(n) = count {
            ui.label(
                egui::RichText::new(format!("({n})"))
                    .font(font(small))
                    .color(style::MUTED),
            );
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
    /// The user asked to enter or leave presenter mode (button, F5, Esc while presenting).
    pub toggle_presenter: bool,
    /// Start or stop the animation through the periods (Space while presenting).
    pub toggle_play: bool,
    /// The user asked for the export window (button or Ctrl+E).
    pub open_export: bool,
    /// New project, Save (Ctrl+S) or Save as (Ctrl+Shift+S).
    pub project: Option<ProjectRequest>,
    /// The user asked for the slides window (button).
    pub open_slides: bool,
    /// Presenter mode: go this many slides on (↑ ↓, PgUp PgDn with slides).
    pub step_slide: i32,
    /// Presenter mode: show or hide the slide notes window (N).
    pub toggle_notes: bool,
    /// A panel's table to write as CSV into the export folder.
    pub export_table: Option<crate::view::table::PanelTable>,
    /// The user asked for the activities window (button or V).
    pub open_activities: bool,
    /// Something done to the activities (in the list or on the map).
    pub activity: Option<ActivityRequest>,
}

/// What the user did to an activity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ActivityRequest {
    /// Select one (or clear the selection).
    Select(Option<usize>),
    /// Hovered in the list: highlight it on the map.
    Hover(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectRequest {
    New,
    Save,
    SaveAs,
}

/// The "Demodata" mark shown wherever synthetic values are on screen.
pub fn demo_badge(ui: &mut egui::Ui, lang: Lang) -> egui::Response {
    demo_badge_in(ui, lang, None)
}

/// [`demo_badge`] in `font` (presenter mode's larger, heavier text); small text by default.
pub fn demo_badge_in(ui: &mut egui::Ui, lang: Lang, font: Option<egui::FontId>) -> egui::Response {
    let text = egui::RichText::new(lang.pick("DEMODATA", "DEMO DATA"))
        .strong()
        .color(egui::Color32::WHITE);
    let text = match font {
        Some(font) => text.font(font),
        None => text.small(),
    };
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
