//! Socioeconomic area types in the analysis panel: areas and residents per type (now and in the
//! first year), and the weights of the index's indicators, editable.
use egui::RichText;

use super::{Outputs, UiCx};
use crate::analysis::area_types::TYPES;
use crate::format;
use crate::state::Action;

pub fn show(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    // No typed area at this level (its indicators have no values here): say so, rather than
    // a table of zeros. The weights stay editable below.
    if cx.view.areas_with_values() == 0 {
        super::muted_note(
            ui,
            cx.t(
                "Inga områden på nivån har en områdestyp: indexets indikatorer saknar värden här.",
                "No area at this level has a type: the index's indicators have no values here.",
            ),
        );
        weights(ui, cx, out);
        return;
    }
    let series = &cx.view.residents_by_type;
    let first = series.first().map(|(y, _, _)| *y);
    let (now, missing) = series
        .iter()
        .find(|(p, _, _)| *p == sel.period)
        .map_or(([0.0; 5], 0), |(_, r, m)| (*r, *m));
    let then = series.first().map(|(_, r, _)| *r);
    let colours = crate::map::palette::class_colours(crate::model::Polarity::HigherIsBetter, TYPES.len());
    // Sideways scrolling when the panel is narrower than the table, which would otherwise
    // widen the panel past its edge and cut the panel's text off.
    egui::ScrollArea::horizontal()
        .id_salt("area_types_table")
        .show(ui, |ui| types_table(ui, cx, &colours, (first, then), now));
    // Residents per type over the years, one line per type in its map colour.
    if series.len() > 1 {
        egui_plot::Plot::new("residents_by_type")
            .height(110.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .x_axis_formatter(|m, _| super::year_tick(m.value))
            .y_axis_formatter(move |m, _| format!("{:.0}", m.value / 1000.0) + " k")
            .show(ui, |plot| {
                for (t, (sv, en)) in TYPES.iter().enumerate() {
                    let points: Vec<[f64; 2]> = series.iter().map(|(p, r, _)| [p.axis(), r[t]]).collect();
                    plot.line(
                        egui_plot::Line::new(cx.lang.pick(sv, en), egui_plot::PlotPoints::from(points))
                            .color(egui::Color32::from(colours[t]))
                            .width(2.0),
                    );
                }
            });
    }
    // Below the municipal level: how many areas of each type every municipality has.
    if sel.level != crate::model::Level::Kommun {
        ui.add_space(4.0);
        egui::Grid::new("area_types_by_municipality")
            .striped(true)
            .show(ui, |ui| {
                ui.label(RichText::new(cx.t("Kommun", "Municipality")).strong());
                for t in 1..=TYPES.len() {
                    ui.label(RichText::new(t.to_string()).strong());
                }
                ui.end_row();
                for m in crate::model::GR_MUNICIPALITIES {
                    let counts: Vec<usize> = (1..=TYPES.len())
                        .map(|t| {
                            cx.layer
                                .areas
                                .iter()
                                .zip(&cx.view.values)
                                .filter(|(a, v)| a.municipality_code() == Some(m) && **v == Some(t as f64))
                                .count()
                        })
                        .collect();
                    if counts.iter().all(|c| *c == 0) {
                        continue;
                    }
                    ui.label(cx.atlas.layers[0].get(m).map_or(m, |a| a.name.as_str()));
                    for c in counts {
                        ui.label(c.to_string());
                    }
                    ui.end_row();
                }
            });
    }
    if missing > 0 {
        super::muted_note(
            ui,
            format!(
                "{missing} {}",
                cx.t("områden saknar folkmängd", "areas lack a population figure")
            ),
        );
    }
    weights(ui, cx, out);
}

/// Areas and residents per type, now and in the first period with types.
fn types_table(
    ui: &mut egui::Ui,
    cx: &UiCx,
    colours: &[crate::map::palette::Rgb],
    (first, then): (Option<crate::model::Period>, Option<[f64; 5]>),
    now: [f64; 5],
) {
    let sel = &cx.settings.selection;
    egui::Grid::new("area_types").striped(true).show(ui, |ui| {
        ui.label(RichText::new(cx.t("Typ", "Type")).strong());
        ui.label(RichText::new(cx.t("Områden", "Areas")).strong());
        ui.label(
            RichText::new(format!(
                "{} {}",
                cx.t("Invånare", "Residents"),
                cx.period(sel.period)
            ))
            .strong(),
        );
        if let Some(p) = first {
            ui.label(RichText::new(cx.period(p)).strong());
        }
        ui.end_row();
        for (t, (sv, en)) in TYPES.iter().enumerate() {
            let areas = cx
                .view
                .values
                .iter()
                .zip(&cx.view.in_gr)
                .filter(|(v, g)| **g && **v == Some((t + 1) as f64))
                .count();
            ui.horizontal(|ui| {
                super::swatch(ui, colours[t].into());
                ui.label(cx.lang.pick(sv, en));
            });
            ui.label(areas.to_string());
            ui.label(format::number(now[t], 0, cx.lang));
            if let Some(then) = then {
                ui.label(format::number(then[t], 0, cx.lang));
            }
            ui.end_row();
        }
    });
}

/// The index's indicators with their weights, editable, and how the index is made.
fn weights(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    ui.add_space(4.0);
    ui.label(
        RichText::new(cx.t(
            "Indexets indikatorer och vikter",
            "The index's indicators and weights",
        ))
        .strong(),
    );
    for (id, weight) in &cx.settings.area_type_weights {
        let Some(ind) = cx.atlas.catalogue.indicator(id) else {
            continue;
        };
        let mut w = *weight;
        if ui
            .add(
                egui::Slider::new(&mut w, 0.0..=3.0)
                    .step_by(0.5)
                    .text(cx.indicator_name(ind)),
            )
            .changed()
        {
            out.actions.push(Action::SetAreaTypeWeight(id.clone(), w));
        }
    }
    super::muted_note(ui, cx.t(
            "Varje indikator standardiseras över GR:s områden och vänds så att högre är bättre; typen följer det vägda medelvärdet (gränser −1, −0,35, 0,35, 1). Vikt 0 tar bort indikatorn.",
            "Each indicator is standardised over GR's areas and turned so that higher is better; the type follows the weighted mean (cuts −1, −0.35, 0.35, 1). Weight 0 leaves an indicator out.",
        ));
}
