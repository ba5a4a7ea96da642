//! Right panel: group comparison, ranking of the municipalities, trend and area details.
use egui::{Color32, RichText, vec2};
use egui_plot::{Line, Plot, PlotPoints, VLine};

use super::{Outputs, UiCx, style};
use crate::analysis::compare;
use crate::format;
use crate::model::Indicator;
use crate::state::Action;

pub fn show(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let Some(ind) = cx.indicator() else { return };
    // Vertical only: the bars and charts take the panel's width (a horizontal scroll would
    // let them grow past it and push the numbers out of view).
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(cx.scope_name()).strong().size(18.0));
            if cx.settings.selection.area.is_some()
                && ui
                    .small_button(cx.t("Visa hela GR", "Show all of GR"))
                    .on_hover_text("Esc")
                    .clicked()
            {
                out.actions.push(Action::SelectArea(None));
            }
        });
        if [
            crate::analysis::area_types::TYPE_ID,
            crate::analysis::area_types::INDEX_ID,
        ]
        .contains(&ind.id.as_str())
        {
            egui::CollapsingHeader::new(cx.t("Områdestyper", "Area types"))
                .default_open(true)
                .show(ui, |ui| {
                    super::area_types::show(ui, cx, out);
                });
        }
        if super::segregation_table::source_of(&ind.id).is_some() {
            egui::CollapsingHeader::new(cx.t(
                "Segregationsmått för gruppen",
                "Segregation measures of the group",
            ))
            .default_open(true)
            .show(ui, |ui| {
                super::segregation_table::show(ui, cx);
            });
        }
        egui::CollapsingHeader::new(cx.t("Gruppjämförelse", "Group comparison"))
            .default_open(true)
            .show(ui, |ui| {
                csv_button(ui, cx, out, crate::view::table::PanelTable::Groups);
                groups(ui, cx, out, ind);
            });
        let ranked = if cx.settings.selection.level == crate::model::Level::Kommun {
            cx.t("Kommunerna i rangordning", "Municipalities ranked")
        } else {
            cx.t("Områdena i GR i rangordning", "Areas in GR ranked")
        };
        egui::CollapsingHeader::new(ranked)
            .default_open(true)
            .show(ui, |ui| {
                csv_button(ui, cx, out, crate::view::table::PanelTable::Ranking);
                ranking(ui, cx, out, ind);
            });
        egui::CollapsingHeader::new(cx.t("Utveckling över tid", "Trend over time"))
            .default_open(true)
            .show(ui, |ui| {
                csv_button(ui, cx, out, crate::view::table::PanelTable::Trend);
                trend_panel(ui, cx, out, ind);
            });
        egui::CollapsingHeader::new(cx.t("Rumsligt mönster", "Spatial pattern"))
            .default_open(true)
            .show(ui, |ui| {
                super::spatial::show(ui, cx, out);
            });
        egui::CollapsingHeader::new(cx.t("Områdesdetaljer", "Area details"))
            .default_open(true)
            .show(ui, |ui| {
                details(ui, cx, out);
            });
    });
}

fn groups(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, ind: &Indicator) {
    let sel = &cx.settings.selection;
    let Some((dim, cmp)) = &cx.view.groups else {
        ui.label(
            RichText::new(cx.t(
                "Indikatorn finns inte uppdelad på grupper.",
                "This indicator is not split by group.",
            ))
            .color(style::MUTED),
        );
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(cx.t("Efter", "By"));
        for d in &ind.dimensions {
            let name = cx
                .atlas
                .catalogue
                .dimension(d)
                .map_or(d.as_str(), |x| cx.dimension_name(x));
            if ui.selectable_label(d == dim, name).clicked() && d != dim {
                out.actions.push(Action::SetGroupBy(d.clone()));
            }
        }
    });
    let max = cmp
        .rows
        .iter()
        .flat_map(|r| [r.value, r.region])
        .flatten()
        .fold(ind.min.max(0.0), f64::max);
    let scale_max = if ind.is_percent() {
        max.max(1.0)
    } else {
        max * 1.05
    };
    let value_text = |row: &compare::GroupValue| match (row.value, row.moe) {
        (None, _) if row.suppressed => cx.t("för få svar", "too few answers").to_string(),
        (None, _) => cx.t("saknas", "no data").to_string(),
        (Some(v), None) => format::value(v, ind, cx.lang),
        (Some(v), Some(m)) => format!(
            "{} ± {}",
            format::value(v, ind, cx.lang),
            format::number(m, ind.decimals as usize, cx.lang)
        ),
    };
    let names: Vec<String> = cmp.rows.iter().map(|r| cx.group_name(dim, &r.group)).collect();
    let values: Vec<String> = cmp.rows.iter().map(value_text).collect();
    let width = bar_width(ui, &[widest(ui, &names), widest(ui, &values)]);
    egui::Grid::new("group_rows")
        .num_columns(3)
        .spacing(vec2(8.0, 4.0))
        .show(ui, |ui| {
            for row in &cmp.rows {
                let name = cx.group_name(dim, &row.group);
                let strong = sel.group_by == *dim && sel.group == row.group;
                let label = if strong {
                    RichText::new(&name).strong()
                } else {
                    RichText::new(&name)
                };
                if ui
                    .add(
                        egui::Label::new(label)
                            .wrap_mode(egui::TextWrapMode::Extend)
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(cx.t("Visa gruppen på kartan", "Show this group on the map"))
                    .clicked()
                {
                    out.actions.push(Action::SetGroupBy(dim.to_string()));
                    out.actions.push(Action::SetGroup(row.group.clone()));
                }
                let interval = row.estimate.zip(cmp.confidence).and_then(|(e, c)| e.interval(c));
                bar(
                    ui,
                    width,
                    row.value,
                    row.region.filter(|_| sel.area.is_some()),
                    scale_max,
                    Color32::from_rgb(0x45, 0x75, 0xb4),
                    interval,
                );
                let text = value_text(row);
                let few = row.n.is_some_and(|n| n < compare::FEW_RESPONDENTS);
                let label = ui.label(if few {
                    RichText::new(text).italics().color(style::MUTED)
                } else {
                    RichText::new(text)
                });
                if let (true, Some(n)) = (few, row.n) {
                    label.on_hover_text(format!(
                        "{} {}",
                        cx.t("Osäkert: få svarande, n =", "Uncertain: few respondents, n ="),
                        format::number(n, 0, cx.lang)
                    ));
                }
                ui.end_row();
            }
        });
    if sel.area.is_some() {
        super::muted_note(
            ui,
            cx.t("Streck: GR-snittet för gruppen", "Tick: GR average for the group"),
        );
    }
    if cmp.confidence.is_some() && cmp.rows.iter().any(|r| r.estimate.is_some()) {
        super::muted_note(
            ui,
            cx.t(
                "Linjer: konfidensintervall. Kursivt: få svarande.",
                "Whiskers: confidence interval. Italics: few respondents.",
            ),
        );
    }
    if let Some(gap) = &cmp.gap {
        let low = cx.group_name(dim, &gap.low);
        let high = lowercase_first(&cx.group_name(dim, &gap.high), cx.lang);
        let mut text = format!(
            "{low}: {} {} {high}",
            format::difference(gap.difference, ind, cx.lang),
            cx.t("lägre än", "lower than")
        );
        if let (Some(test), Some(confidence)) = (gap.test, cmp.confidence) {
            // A survey's gap is only a finding when it is larger than the sampling error.
            text.push_str(&format!(
                ", {}",
                crate::view::caption::significance_words(&test, confidence, cx.lang)
            ));
        }
        text.push('.');
        ui.label(RichText::new(text).strong());
    }
}

/// Group names start a sentence in the catalogue; inside one, Swedish writes them in lower case.
fn lowercase_first(s: &str, lang: crate::i18n::Lang) -> String {
    if lang == crate::i18n::Lang::En {
        return s.to_string();
    }
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// The widest of `texts` as a label shows it.
fn widest(ui: &egui::Ui, texts: &[impl AsRef<str>]) -> f32 {
    texts
        .iter()
        .map(|text| super::text_width(ui, text.as_ref()))
        .fold(0.0, f32::max)
}

/// The bars' width in a table whose other columns are `columns` wide: what the panel leaves
/// them, so that a narrow panel is not pushed wider by the table. Measured before the grid,
/// whose cells only know last frame's column widths.
fn bar_width(ui: &egui::Ui, columns: &[f32]) -> f32 {
    let gaps = 8.0 * columns.len() as f32;
    (ui.available_width() - columns.iter().sum::<f32>() - gaps).clamp(60.0, 130.0)
}

/// A horizontal bar for `value` on a 0..`max` scale, with an optional reference tick and an
/// optional confidence interval drawn as a whisker.
#[allow(clippy::too_many_arguments)]
fn bar(
    ui: &mut egui::Ui,
    width: f32,
    value: Option<f64>,
    reference: Option<f64>,
    max: f64,
    colour: Color32,
    interval: Option<(f64, f64)>,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(width, 14.0), egui::Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 2.0, Color32::from_gray(235));
    let x_of = |v: f64| rect.left() + rect.width() * (v / max).clamp(0.0, 1.0) as f32;
    if let Some(v) = value {
        p.rect_filled(
            egui::Rect::from_min_max(rect.min, egui::pos2(x_of(v), rect.bottom())),
            2.0,
            colour,
        );
    }
    if let Some((lo, hi)) = interval {
        let y = rect.center().y;
        let stroke = egui::Stroke::new(1.5, style::HIGHLIGHT);
        p.line_segment([egui::pos2(x_of(lo), y), egui::pos2(x_of(hi), y)], stroke);
        for x in [x_of(lo), x_of(hi)] {
            p.line_segment([egui::pos2(x, y - 4.0), egui::pos2(x, y + 4.0)], stroke);
        }
    }
    if let Some(r) = reference {
        let x = x_of(r);
        p.line_segment(
            [
                egui::pos2(x, rect.top() - 2.0),
                egui::pos2(x, rect.bottom() + 2.0),
            ],
            egui::Stroke::new(2.0, style::REGION_LINE),
        );
    }
    response
}

fn ranking(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, ind: &Indicator) {
    let view = cx.view;
    let mut rows: Vec<(usize, f64)> = (0..cx.layer.len())
        .filter(|i| view.in_gr[*i])
        .filter_map(|i| view.values[i].map(|v| (i, v)))
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let held = view
        .in_gr
        .iter()
        .zip(&view.suppressed)
        .filter(|(g, s)| **g && **s)
        .count();
    let missing = view.in_gr.iter().filter(|g| **g).count() - rows.len() - held;
    // Many areas (DeSO): the top and the bottom of the list, which is what a ranking is read for.
    const SHOWN_AT_EACH_END: usize = 10;
    let skipped = rows.len().saturating_sub(2 * SHOWN_AT_EACH_END);
    let max = rows
        .first()
        .map_or(1.0, |r| r.1)
        .max(if ind.is_percent() { 1.0 } else { f64::MIN_POSITIVE });
    let selected = cx.settings.selection.area.as_deref();
    // The middle of a long list is left out.
    let hidden = |rank: usize| (SHOWN_AT_EACH_END..SHOWN_AT_EACH_END + skipped).contains(&rank);
    let shown: Vec<&(usize, f64)> = rows
        .iter()
        .enumerate()
        .filter(|(rank, _)| !hidden(*rank))
        .map(|(_, row)| row)
        .collect();
    let names: Vec<&str> = shown
        .iter()
        .map(|(i, _)| cx.layer.areas[*i].name.as_str())
        .collect();
    // Room for a significance mark after any value.
    let values: Vec<String> = shown
        .iter()
        .map(|(_, v)| format!("{} *", format::value(*v, ind, cx.lang)))
        .collect();
    let width = bar_width(
        ui,
        &[
            widest(ui, &[rows.len().to_string()]),
            widest(ui, &names),
            widest(ui, &values),
        ],
    );
    egui::Grid::new("ranking")
        .num_columns(4)
        .spacing(vec2(8.0, 3.0))
        .show(ui, |ui| {
            for (rank, (i, v)) in rows.iter().enumerate() {
                if skipped > 0 && rank == SHOWN_AT_EACH_END {
                    ui.label("");
                    ui.label(
                        RichText::new(format!("… {skipped} {}", cx.t("områden till …", "more areas …")))
                            .color(style::MUTED),
                    );
                    ui.end_row();
                }
                if hidden(rank) {
                    continue;
                }
                let area = &cx.layer.areas[*i];
                let linked = cx.hovered == Some(*i) || selected == Some(area.code.as_str());
                ui.label(RichText::new(format!("{}", rank + 1)).color(style::MUTED));
                let name = if linked {
                    RichText::new(&area.name).strong().underline()
                } else {
                    RichText::new(&area.name)
                };
                let name_r = ui.add(egui::Label::new(name).sense(egui::Sense::click()));
                let fill = view.fills[*i];
                let interval = view.interval(*i);
                let bar_r = bar(
                    ui,
                    width,
                    Some(*v),
                    view.region.map(|r| r.value),
                    max,
                    fill.into(),
                    interval,
                );
                // A survey value is marked only where it differs from GR's beyond chance.
                let significant = view
                    .versus_region(*i)
                    .zip(view.confidence)
                    .is_some_and(|(t, c)| t.significant(c));
                let value = format::value(*v, ind, cx.lang);
                ui.label(if significant { format!("{value} *") } else { value });
                ui.end_row();
                if name_r.hovered() || bar_r.hovered() {
                    out.hovered = Some(*i);
                }
                if name_r.clicked() {
                    let again = selected == Some(area.code.as_str());
                    out.actions
                        .push(Action::SelectArea((!again).then(|| area.code.clone())));
                }
            }
        });
    if view.region.is_some() {
        super::muted_note(ui, cx.t("Streck: GR-snittet", "Tick: GR average"));
    }
    if let Some(confidence) = view.confidence {
        super::muted_note(
            ui,
            format!(
                "{} ({} %)",
                cx.t(
                    "Linjer: konfidensintervall. * skiljer sig statistiskt säkerställt från GR-snittet",
                    "Whiskers: confidence interval. * differs significantly from the GR average"
                ),
                format::number(confidence, 0, cx.lang)
            ),
        );
    }
    if missing > 0 {
        super::muted_note(
            ui,
            format!("{} {missing}", cx.t("Uppgift saknas för", "No data for")),
        );
    }
    if held > 0 {
        super::muted_note(
            ui,
            format!("{} {held}", cx.t("För få svar för", "Too few answers for")),
        );
    }
}

fn trend_panel(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, ind: &Indicator) {
    let sel = &cx.settings.selection;
    let trend = &cx.view.trend;
    let lang = cx.lang;
    let decimals = ind.decimals as usize;
    Plot::new("trend")
        .height(190.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(|m, _| super::year_tick(m.value))
        // Enough decimals to tell the ticks apart (indices of 0–1 need more than shares).
        .y_axis_formatter(move |m, _| {
            format::number(
                m.value,
                if m.step_size < 0.1 {
                    decimals.max(2)
                } else {
                    decimals.min(1)
                },
                lang,
            )
        })
        .show(ui, |plot| {
            // The confidence band, one trapezoid per step: egui_plot fills convex polygons only.
            let band_colour = if sel.area.is_some() {
                AREA_LINE
            } else {
                style::REGION_LINE
            };
            for step in trend.band.windows(2) {
                let [a, b] = [step[0], step[1]];
                let corners = vec![[a[0], a[1]], [b[0], b[1]], [b[0], b[2]], [a[0], a[2]]];
                plot.polygon(
                    egui_plot::Polygon::new("", PlotPoints::from(corners))
                        .fill_color(band_colour.gamma_multiply(0.18))
                        .stroke(egui::Stroke::NONE),
                );
            }
            for pts in &trend.context {
                plot.line(
                    Line::new("", PlotPoints::from(pts.clone()))
                        .color(Color32::from_gray(215))
                        .width(1.0),
                );
            }
            if !trend.sweden.is_empty() {
                plot.line(
                    Line::new(cx.t("Riket", "Sweden"), PlotPoints::from(trend.sweden.clone()))
                        .color(Color32::from_rgb(0x99, 0x99, 0x99))
                        .width(2.0)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
            plot.line(
                Line::new(cx.region_label(), PlotPoints::from(trend.region.clone()))
                    .color(style::REGION_LINE)
                    .width(2.0)
                    .style(egui_plot::LineStyle::dashed_dense()),
            );
            if let Some(pts) = &trend.area {
                plot.line(
                    Line::new(cx.scope_name(), PlotPoints::from(pts.clone()))
                        .color(AREA_LINE)
                        .width(3.0),
                );
            }
            plot.vline(
                VLine::new("", sel.period.axis())
                    .color(Color32::from_rgb(0x45, 0x75, 0xb4))
                    .width(1.5),
            );
        });
    // A key under the chart rather than egui_plot's legend, which would cover the lines.
    ui.horizontal_wrapped(|ui| {
        if sel.area.is_some() {
            key_item(ui, AREA_LINE, false, &cx.scope_name());
        }
        key_item(ui, style::REGION_LINE, true, cx.region_label());
        if !trend.sweden.is_empty() {
            key_item(
                ui,
                Color32::from_rgb(0x99, 0x99, 0x99),
                true,
                cx.t("Riket", "Sweden"),
            );
        }
        if !trend.context.is_empty() {
            key_item(
                ui,
                Color32::from_gray(200),
                false,
                cx.t("GR:s kommuner", "GR municipalities"),
            );
        }
        if !trend.band.is_empty() {
            let level = cx
                .atlas
                .catalogue
                .indicator(&sel.indicator)
                .map_or(95.0, |i| i.confidence);
            ui.label(
                RichText::new(format!(
                    "{} {} %",
                    cx.t("Band: konfidensintervall", "Band: confidence interval"),
                    format::number(level, 0, cx.lang)
                ))
                .color(style::MUTED),
            );
        }
    });
    match &trend.change {
        Some(ch) => {
            if let (Some(d), Some((p0, _))) = (ch.since_first(), ch.first) {
                ui.label(format!(
                    "{} {}: {}",
                    cx.t("Förändring sedan", "Change since"),
                    cx.period(p0),
                    format::signed_difference(d, ind, cx.lang)
                ));
            }
            if let (Some(d), Some((pp, _))) = (ch.since_previous(), ch.previous) {
                ui.label(format!(
                    "{} ({}): {}",
                    cx.t("Sedan föregående mätning", "Since the previous measurement"),
                    cx.period(pp),
                    format::signed_difference(d, ind, cx.lang)
                ));
            }
            if ch.first.is_none() {
                ui.label(
                    RichText::new(cx.t("Första perioden med data.", "First period with data."))
                        .color(style::MUTED),
                );
            }
        }
        None => {
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    cx.t("Uppgift saknas för", "No data for"),
                    cx.period(sel.period)
                ))
                .color(style::MUTED),
            );
        }
    }
    super::trends::details(ui, cx, out, ind);
}

const AREA_LINE: Color32 = Color32::from_rgb(0xd7, 0x30, 0x27);

fn key_item(ui: &mut egui::Ui, colour: Color32, dashed: bool, label: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(22.0, 12.0), egui::Sense::hover());
    let y = rect.center().y;
    let stroke = egui::Stroke::new(2.5, colour);
    if dashed {
        for k in 0..3 {
            let x = rect.left() + k as f32 * 8.0;
            ui.painter()
                .line_segment([egui::pos2(x, y), egui::pos2(x + 5.0, y)], stroke);
        }
    } else {
        ui.painter()
            .line_segment([egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)], stroke);
    }
    ui.label(RichText::new(label).small());
}

fn details(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    if sel.area.is_none() {
        ui.label(
            RichText::new(cx.t(
                "Klicka på en kommun på kartan för att se dess värden inom alla områden.",
                "Click a municipality on the map to see its values across all domains.",
            ))
            .color(style::MUTED),
        );
        return;
    }
    for domain in &cx.atlas.catalogue.domains {
        ui.add_space(2.0);
        ui.label(RichText::new(cx.lang.pick(&domain.sv, &domain.en)).strong());
        for ind in cx.atlas.catalogue.indicators_in(&domain.id) {
            let detail = cx.view.area_details.iter().find(|d| d.indicator == ind.id);
            let latest = detail.and_then(|d| d.latest);
            let region = detail.and_then(|d| d.region);
            ui.horizontal(|ui| {
                // Names wrap in a fixed column so that values line up and nothing is cut off.
                let name = ui
                    .allocate_ui(vec2(165.0, 0.0), |ui| {
                        ui.set_width(165.0);
                        ui.add(
                            egui::Label::new(cx.indicator_name(ind))
                                .wrap()
                                .sense(egui::Sense::click()),
                        )
                    })
                    .inner;
                if name
                    .on_hover_text(cx.t("Visa på kartan", "Show on the map"))
                    .clicked()
                {
                    out.actions.push(Action::SelectIndicator(ind.id.clone()));
                }
                let Some(o) = latest else {
                    ui.label(RichText::new(cx.t("saknas", "no data")).color(style::MUTED));
                    return;
                };
                let when = if o.period == sel.period {
                    String::new()
                } else {
                    format!(" ({})", cx.period(o.period))
                };
                ui.label(format!("{}{when}", format::value(o.value, ind, cx.lang)));
                if let Some(r) = region
                    && ind.is_count()
                    && r.value > 0.0
                {
                    // A count against GR's total says how large a part of GR the area holds.
                    let share = 100.0 * o.value / r.value;
                    let text = format!(
                        "{} {}",
                        format::number(share, 1, cx.lang),
                        cx.t("% av GR", "% of GR")
                    );
                    ui.label(RichText::new(text).small().color(style::MUTED));
                } else if let Some(r) = region {
                    let d = o.value - r.value;
                    let text = format!(
                        "{} {}",
                        format::signed(d, ind.decimals as usize, cx.lang),
                        cx.t("mot GR", "vs GR")
                    );
                    ui.label(RichText::new(text).small().color(favourability_colour(ind, d)));
                }
            });
        }
    }
}

/// Red-ish for unfavourable differences, blue-ish for favourable, grey for neutral indicators.
fn favourability_colour(ind: &Indicator, diff: f64) -> Color32 {
    use crate::model::Polarity::*;
    let good = match ind.polarity {
        HigherIsBetter => diff > 0.0,
        HigherIsWorse => diff < 0.0,
        Neutral => return style::MUTED,
    };
    if good {
        Color32::from_rgb(0x2c, 0x5f, 0x9e)
    } else {
        Color32::from_rgb(0xb2, 0x2c, 0x1c)
    }
}

/// A small button that writes the panel's numbers as CSV into the export folder.
fn csv_button(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, table: crate::view::table::PanelTable) {
    if ui
        .small_button(cx.t("Exportera tabell (CSV)", "Export table (CSV)"))
        .on_hover_text(cx.t(
            "Panelens siffror som CSV i exportmappen, med demomarkering",
            "The panel's numbers as CSV in the export folder, with the demo mark",
        ))
        .clicked()
    {
        out.export_table = Some(table);
    }
}
