//! A table of the segregation measures of the selected group, for GR and each municipality
//! that has them, beside the map of the selected measure.
use egui::RichText;

use super::UiCx;
use crate::analysis::segregation_series::PREFIX;
use crate::format;
use crate::model::{GR_MUNICIPALITIES, REGION_GR, SeriesKey};

/// The single-group measures, in table order: (id part, column head).
const MEASURES: [(&str, &str); 5] = [
    ("d", "D"),
    ("gini", "Gini"),
    ("h", "H"),
    ("isolation", "xPx"),
    ("exposure", "xPy"),
];

/// The count indicator a single-group measure was computed from (`seg_d_folkmangd` → `folkmangd`).
pub fn source_of(indicator: &str) -> Option<&str> {
    let rest = indicator.strip_prefix(PREFIX)?;
    MEASURES
        .iter()
        .find_map(|(m, _)| rest.strip_prefix(m)?.strip_prefix('_'))
}

pub fn show(ui: &mut egui::Ui, cx: &UiCx) {
    let sel = &cx.settings.selection;
    let Some(source) = source_of(&sel.indicator) else {
        return;
    };
    let value = |m: &str, place: &str| {
        cx.atlas.observations.value(
            &SeriesKey::new(&format!("{PREFIX}{m}_{source}"), &sel.group_by, &sel.group),
            place,
            sel.period,
        )
    };
    let places: Vec<&str> = std::iter::once(REGION_GR)
        .chain(GR_MUNICIPALITIES)
        .filter(|p| value("d", p).is_some())
        .collect();
    super::muted_note(
        ui,
        format!(
            "{} · {}",
            cx.group_name(&sel.group_by, &sel.group),
            cx.period(sel.period)
        ),
    );
    egui::Grid::new("segregation_table").striped(true).show(ui, |ui| {
        ui.label("");
        for (_, head) in MEASURES {
            ui.label(RichText::new(head).strong());
        }
        ui.end_row();
        for place in places {
            let name = if place == REGION_GR {
                cx.t("Hela GR", "All of GR").to_string()
            } else {
                cx.atlas.layers[0]
                    .get(place)
                    .map_or(place.to_string(), |a| a.name.clone())
            };
            ui.label(name);
            for (m, _) in MEASURES {
                ui.label(value(m, place).map_or("–".into(), |v| format::number(v, 3, cx.lang)));
            }
            ui.end_row();
        }
    });
    super::muted_note(ui, cx.t(
            "D: andel av gruppen som skulle behöva flytta för en jämn fördelning. H: Theils entropiindex. xPx: gruppens andel bland grannarna för en typisk medlem; xPy: övrigas andel.",
            "D: share of the group that would have to move for an even spread. H: Theil's entropy index. xPx: the group's share among a typical member's neighbours; xPy: the others' share.",
        ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_count_is_read_from_the_measure_id() {
        assert_eq!(source_of("seg_d_folkmangd"), Some("folkmangd"));
        assert_eq!(source_of("seg_isolation_boende_test"), Some("boende_test"));
        assert_eq!(
            source_of("seg_multi_d_folkmangd_kon"),
            None,
            "multigroup has no group"
        );
        assert_eq!(source_of("forvarvsarbetande"), None);
    }
}
