//! More on the trend of the shown series: the change from a period the user picks (absolute and
//! in per cent), the linear trend per year, and whether the selected area's gap to GR widens.
use egui::RichText;

use super::{Outputs, UiCx, style};
use crate::format;
use crate::model::Indicator;
use crate::state::Action;

pub fn details(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, ind: &Indicator) {
    let sel = &cx.settings.selection;
    let trend = &cx.view.trend;
    if let Some((base, absolute, relative)) = trend.since_base {
        // The combo and the change on their own lines, so a narrow panel wraps them.
        egui::ComboBox::new("base_period", cx.t("jämför med", "compare with"))
            .selected_text(cx.period(base))
            .width(110.0)
            .show_ui(ui, |ui| {
                for p in &trend.earlier {
                    if ui.selectable_label(*p == base, cx.period(*p)).clicked() {
                        out.actions.push(Action::SetBasePeriod(Some(*p)));
                    }
                }
            });
        let relative = relative
            .map(|r| format!(" ({} %)", format::signed(r, 1, cx.lang)))
            .unwrap_or_default();
        ui.label(format!(
            "{}–{}: {}{relative}",
            cx.period(base),
            cx.period(sel.period),
            format::signed_difference(absolute, ind, cx.lang)
        ));
    }
    if let Some((first, s)) = trend.slope {
        ui.label(format!(
            "{} {}–{}: {} {}",
            cx.t("Linjär trend", "Linear trend"),
            cx.period(first),
            cx.period(sel.period),
            format::signed_difference(s, ind, cx.lang),
            cx.t("per år", "per year")
        ));
    }
    // The selected area against the region: does the difference grow?
    if let Some(g) = &trend.gap {
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
                cx.period(g.first_period),
                format::signed_difference(g.now, ind, cx.lang),
                cx.period(g.period)
            ))
            .color(if g.widening() { style::DEMO } else { style::MUTED }),
        );
    }
}
