//! More on the trend of the shown series: the change from a year the user picks (absolute and
//! in per cent), the linear trend per year, and whether the selected area's gap to GR widens.
use egui::RichText;

use super::{Outputs, UiCx, style};
use crate::analysis::trend;
use crate::format;
use crate::model::{Indicator, Observation};
use crate::state::Action;

pub fn details(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, ind: &Indicator, own: &[Observation]) {
    let sel = &cx.settings.selection;
    let years: Vec<i32> = own.iter().map(|o| o.year).filter(|y| *y < sel.year).collect();
    if let Some(&first) = years.first() {
        let base = sel.base_year.filter(|y| years.contains(y)).unwrap_or(first);
        // The combo and the change on their own lines, so a narrow panel wraps them.
        egui::ComboBox::new("base_year", cx.t("jämförelseår", "year to compare with"))
            .selected_text(base.to_string())
            .width(70.0)
            .show_ui(ui, |ui| {
                for y in &years {
                    if ui.selectable_label(*y == base, y.to_string()).clicked() {
                        out.actions.push(Action::SetBaseYear(Some(*y)));
                    }
                }
            });
        if let Some((absolute, relative)) = trend::change_between(own, base, sel.year) {
            let relative = relative
                .map(|r| format!(" ({} %)", format::signed(r, 1, cx.lang)))
                .unwrap_or_default();
            ui.label(format!(
                "{base}–{}: {}{relative}",
                sel.year,
                format::signed_difference(absolute, ind, cx.lang)
            ));
        }
    }
    let up_to: Vec<Observation> = own.iter().filter(|o| o.year <= sel.year).copied().collect();
    if let (Some(s), Some(first)) = (trend::slope(&up_to), up_to.first()) {
        ui.label(format!(
            "{} {}–{}: {} {}",
            cx.t("Linjär trend", "Linear trend"),
            first.year,
            sel.year,
            format::signed_difference(s, ind, cx.lang),
            cx.t("per år", "per year")
        ));
    }
    // The selected area against the region: does the difference grow?
    if let Some(code) = sel.area.as_deref() {
        let key = &cx.view.key;
        let region: Vec<Observation> = cx
            .atlas
            .observations
            .years(&key.indicator)
            .iter()
            .filter_map(|y| {
                cx.atlas.region_value(key, *y).map(|r| Observation {
                    year: *y,
                    value: r.value,
                    moe: None,
                    n: None,
                })
            })
            .collect();
        if let Some(g) = trend::gap(cx.atlas.observations.series(key, code), &region, sel.year) {
            let direction = if g.widening() {
                cx.t("ökar", "widening")
            } else {
                cx.t("minskar", "narrowing")
            };
            ui.label(
                RichText::new(format!(
                    "{} {}: {} ({}) → {} ({}), {direction}",
                    cx.t("Skillnad mot", "Difference to"),
                    cx.region_label(),
                    format::signed_difference(g.first, ind, cx.lang),
                    g.first_year,
                    format::signed_difference(g.now, ind, cx.lang),
                    g.year
                ))
                .color(if g.widening() { style::DEMO } else { style::MUTED }),
            );
        }
    }
}
