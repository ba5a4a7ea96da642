//! The spatial pattern of the values on the map: global Moran's I in numbers and in words, and
//! the switch to the local cluster map (LISA) with its significance level and counts.
use egui::RichText;

use super::{Outputs, UiCx, style};
use crate::analysis::autocorrelation::Cluster;
use crate::format;
use crate::state::Action;

/// Cluster kinds in legend order, with their names.
pub fn cluster_name(cluster: Cluster, cx: &UiCx) -> &'static str {
    crate::view::caption::cluster_name(cluster, cx.lang)
}

pub use crate::view::caption::CLUSTERS;

/// How neighbours are found (queen or rook, exact or within a tolerance), and the weights in
/// numbers, as GeoDa's weights manager shows them.
fn weights_controls(
    ui: &mut egui::Ui,
    cx: &UiCx,
    out: &mut Outputs,
    summary: &crate::analysis::weights::WeightsSummary,
) {
    use crate::analysis::weights::{Contiguity, DEFAULT_TOLERANCE_M, WeightsSpec};
    let spec = cx.settings.selection.weights;
    let name = |c: Contiguity| match c {
        Contiguity::Queen => cx.t("Queen: delad punkt", "Queen: a shared point"),
        Contiguity::Rook => cx.t("Rook: delad kant", "Rook: a shared edge"),
    };
    egui::ComboBox::new("contiguity", cx.t("grannar", "neighbours"))
        .selected_text(name(spec.contiguity))
        .show_ui(ui, |ui| {
            for c in [Contiguity::Queen, Contiguity::Rook] {
                if ui.selectable_label(spec.contiguity == c, name(c)).clicked() {
                    out.actions.push(Action::SetWeights(WeightsSpec {
                        contiguity: c,
                        ..spec
                    }));
                }
            }
        });
    ui.horizontal(|ui| {
        let mut on = spec.tolerance_m.is_some();
        if ui
            .checkbox(&mut on, cx.t("Tolerans (m)", "Tolerance (m)"))
            .on_hover_text(cx.t(
                "För gränser som inte delar hörnpunkter: punkter närmare än så räknas som delade.",
                "For boundaries that share no vertices: points closer than this count as shared.",
            ))
            .changed()
        {
            let tolerance_m = on.then_some(DEFAULT_TOLERANCE_M);
            out.actions
                .push(Action::SetWeights(WeightsSpec { tolerance_m, ..spec }));
        }
        if let Some(mut t) = spec.tolerance_m
            && ui
                .add(egui::DragValue::new(&mut t).range(0.01..=1000.0).speed(0.1))
                .changed()
        {
            out.actions.push(Action::SetWeights(WeightsSpec {
                tolerance_m: Some(t),
                ..spec
            }));
        }
    });
    let mut text = format!(
        "{} {}, {} {}, {} {}",
        format::number(summary.links as f64, 0, cx.lang),
        cx.t("länkar", "links"),
        summary.islands,
        cx.t("utan grannar", "without neighbours"),
        format::number(summary.mean_neighbours, 1, cx.lang),
        cx.t("grannar i snitt", "neighbours on average"),
    );
    if summary.tolerance_m.is_some() {
        text.push_str(&format!(
            "; {} {} {}",
            cx.t("toleransen lade till", "the tolerance added"),
            summary.added_by_tolerance,
            cx.t("länkar", "links")
        ));
    }
    super::muted_note(ui, text);
}

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
                "{} {}{}",
                spatial.areas,
                cx.t(
                    "områden med värden; utan grannar: ",
                    "areas with values; without neighbours: "
                ),
                spatial.islands
            ),
        );
    }
    weights_controls(ui, cx, out, &spatial.weights);
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
