//! The spatial pattern of the values on the map: global Moran's I in numbers and in words, and
//! the switch to the local cluster map (LISA) with its significance level and counts.
use egui::RichText;

use super::{Outputs, UiCx, style};
use crate::analysis::autocorrelation::Cluster;
use crate::format;
use crate::state::Action;

/// Cluster kinds in legend order, with their names.
pub fn cluster_name(cluster: Cluster, cx: &UiCx) -> &'static str {
    match cluster {
        Cluster::HighHigh => cx.t("Högt bland höga (hot spot)", "High among high (hot spot)"),
        Cluster::LowLow => cx.t("Lågt bland låga (cold spot)", "Low among low (cold spot)"),
        Cluster::HighLow => cx.t("Högt bland låga", "High among low"),
        Cluster::LowHigh => cx.t("Lågt bland höga", "Low among high"),
        Cluster::NotSignificant => cx.t("Inte signifikant", "Not significant"),
    }
}

pub const CLUSTERS: [Cluster; 5] = [
    Cluster::HighHigh,
    Cluster::LowLow,
    Cluster::HighLow,
    Cluster::LowHigh,
    Cluster::NotSignificant,
];

pub fn show(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    let Some(spatial) = &cx.view.spatial else {
        ui.label(
            RichText::new(cx.t(
                "För få områden med värden för ett rumsligt mönster.",
                "Too few areas with values for a spatial pattern.",
            ))
            .color(style::MUTED),
        );
        return;
    };
    if let Some(m) = &spatial.moran {
        let words = if m.p_sim > 0.05 {
            cx.t("inget tydligt rumsligt mönster", "no clear spatial pattern")
        } else if m.i > 0.0 {
            cx.t(
                "liknande värden ligger nära varandra",
                "similar values lie close together",
            )
        } else {
            cx.t(
                "olika värden ligger bredvid varandra",
                "unlike values lie side by side",
            )
        };
        ui.label(format!(
            "Moran's I = {} ({}: p = {}) – {words}.",
            format::number(m.i, 3, cx.lang),
            cx.t("999 permutationer", "999 permutations"),
            format::number(m.p_sim, 3, cx.lang),
        ));
        super::muted_note(
            ui,
            format!(
                "{} {} {}{}",
                spatial.areas,
                cx.t(
                    "områden, grannar som delar gräns eller hörn",
                    "areas, neighbours sharing an edge or corner"
                ),
                cx.t("; utan grannar: ", "; without neighbours: "),
                spatial.islands
            ),
        );
    }
    let mut on = sel.lisa_map;
    // One control per line: the panel stays narrow.
    if ui
        .checkbox(
            &mut on,
            cx.t("Visa kluster (LISA) på kartan", "Show clusters (LISA) on the map"),
        )
        .changed()
    {
        out.actions.push(Action::SetLisaMap(on));
    }
    egui::ComboBox::new("lisa_alpha", cx.t("signifikans", "significance"))
        .selected_text(format!("p ≤ {}", format::number(sel.lisa_alpha, 3, cx.lang)))
        .width(90.0)
        .show_ui(ui, |ui| {
            for alpha in [0.05, 0.01, 0.001] {
                let text = format!("p ≤ {}", format::number(alpha, 3, cx.lang));
                if ui.selectable_label(sel.lisa_alpha == alpha, text).clicked() {
                    out.actions.push(Action::SetLisaAlpha(alpha));
                }
            }
        });
    if sel.lisa_map {
        for cluster in CLUSTERS {
            let n = spatial.clusters.iter().filter(|c| **c == Some(cluster)).count();
            let colour = crate::map::palette::cluster_colour(cluster).into();
            super::swatch_row(ui, colour, cluster_name(cluster, cx), Some(n));
        }
    }
}
