//! Left panel: the domain's indicators, period, group and classification.
use egui::RichText;

use super::{Outputs, UiCx, demo_badge, style};
use crate::model::TOTAL;
use crate::state::Action;

pub fn show(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    // Up and down only: rows wrap at the panel's width, so long indicator names, their demo
    // mark and the descriptions stay readable instead of running off to the right.
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.add_space(6.0);
            if cx.atlas.layers.len() > 1 {
                level_choice(ui, cx, out);
                ui.separator();
            }
            indicator_list(ui, cx, out);
            ui.separator();
            if let Some(ind) = cx.indicator() {
                indicator_details(ui, cx, out, ind);
            }
            ui.separator();
            classification(ui, cx, out);
            ui.separator();
            compare_controls(ui, cx, out);
        });
}

/// The levels loaded, and what to show when the indicator has no values at the chosen one.
fn level_choice(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(cx.t("Nivå", "Level")).strong());
        for layer in &cx.atlas.layers {
            let name = super::level_name(&layer.level, cx.lang);
            if ui.selectable_label(sel.level == layer.level, name).clicked() && sel.level != layer.level {
                out.actions.push(Action::SetLevel(layer.level.clone()));
            }
        }
    });
    if cx.view.areas_with_values() == 0 {
        ui.label(
            RichText::new(format!(
                "{} {}",
                cx.t(
                    "Indikatorn har inga värden på nivån",
                    "The indicator has no values at the level"
                ),
                super::level_name(&sel.level, cx.lang)
            ))
            .color(style::DEMO),
        );
        let with_values: Vec<&crate::model::Indicator> = cx
            .view
            .indicators_with_values
            .iter()
            .filter_map(|id| cx.atlas.catalogue.indicator(id))
            .collect();
        if with_values.is_empty() {
            super::muted_note(
                ui,
                cx.t(
                    "Ingen indikator har värden här ännu: läs in en tabell för nivån.",
                    "No indicator has values here yet: load a table for the level.",
                ),
            );
        } else {
            ui.label(cx.t(
                "Indikatorer med värden på nivån:",
                "Indicators with values at the level:",
            ));
            ui.horizontal_wrapped(|ui| {
                for ind in with_values {
                    if ui.link(cx.indicator_name(ind)).clicked() {
                        out.actions.push(Action::SelectIndicator(ind.id.clone()));
                    }
                }
            });
        }
    }
}

/// The domain's indicators, each with its demo mark.
fn indicator_list(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    let domain = cx.atlas.catalogue.domain(&sel.domain);
    ui.label(
        egui::RichText::new(domain.map_or("", |d| cx.lang.pick(&d.sv, &d.en)))
            .strong()
            .size(17.0),
    );
    ui.add_space(2.0);
    for ind in cx.atlas.catalogue.indicators_in(&sel.domain) {
        let selected = ind.id == sel.indicator;
        // The name and its demo mark are one text, so the mark wraps with the name.
        let mut text = egui::text::LayoutJob::default();
        let ui_style = ui.style().clone();
        egui::RichText::new(cx.indicator_name(ind)).append_to(
            &mut text,
            &ui_style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
        if ind.demo {
            // Read out as "… demo" by screen readers, with a little more room on screen.
            egui::RichText::new(" demo").small().color(style::DEMO).append_to(
                &mut text,
                &ui_style,
                egui::FontSelection::Default,
                egui::Align::Center,
            );
            if let Some(mark) = text.sections.last_mut() {
                mark.leading_space = 3.0;
            }
        }
        let r = ui.add(egui::Button::selectable(selected, text).wrap());
        if r.clicked() && !selected {
            out.actions.push(Action::SelectIndicator(ind.id.clone()));
        }
    }
}

/// The chosen indicator: name, description, unit, period and group.
fn indicator_details(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, ind: &crate::model::Indicator) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(cx.indicator_name(ind)).strong());
        if ind.demo {
            // A framed badge cannot wrap by itself: it goes below when it would not fit.
            if ui.available_size_before_wrap().x < 72.0 {
                ui.end_row();
            }
            demo_badge(ui, cx.lang);
        }
    });
    ui.label(egui::RichText::new(cx.lang.pick(&ind.description_sv, &ind.description_en)).color(style::MUTED));
    ui.label(
        egui::RichText::new(format!(
            "{}: {} · {}: {}",
            cx.t("Enhet", "Unit"),
            Some(cx.lang.pick(&ind.unit_sv, &ind.unit_en))
                .filter(|u| !u.is_empty())
                .unwrap_or(cx.t("index (inget mått)", "index (no unit)")),
            cx.t("Ålder", "Age"),
            crate::format::age_band(&ind.age_band, cx.lang)
        ))
        .small(),
    );
    ui.add_space(6.0);
    period_slider(ui, cx, out);
    annual_switch(ui, cx, out, ind);
    ui.add_space(6.0);
    group_pickers(ui, cx, out, &ind.dimensions);
}

/// Scheme, classes and whether to classify against all of Sweden.
fn classification(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(cx.t("Klassindelning", "Classification")).strong());
        if ui
            .small_button(cx.t("Mer …", "More …"))
            .on_hover_text(cx.t(
                "Histogram, egna gränser och divergerande färger (K)",
                "Histogram, manual breaks and diverging colours (K)",
            ))
            .clicked()
        {
            out.open_classification = true;
        }
    });
    super::classify_dialog::scheme_controls(ui, cx, out);
    if let Some(national) = super::toggled(
        ui,
        sel.national,
        cx.t("Jämför med hela Sverige", "Compare with all of Sweden"),
        cx.t(
            "Klassindela och färglägg alla kommuner som har värden, inte bara GR (N)",
            "Classify and colour every municipality with values, not only GR (N)",
        ),
    ) {
        out.actions.push(Action::SetNational(national));
    }
}

/// A second map: beside this one (the same classes on both) or the difference B − A, where B
/// is another period, group or indicator.
fn compare_controls(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    use crate::view::compare::{CompareMode, CompareWith, Comparison};
    let sel = &cx.settings.selection;
    ui.label(egui::RichText::new(cx.t("Jämför två kartor", "Compare two maps")).strong());
    let current = sel.comparison.clone();
    let periods = cx.atlas.observations.periods(&sel.indicator);
    // By default B is the first period (or the one before, when the first is shown).
    let default_with = || {
        let b = periods
            .iter()
            .copied()
            .find(|p| *p != sel.period)
            .unwrap_or(sel.period);
        CompareWith::Period(b)
    };
    ui.horizontal_wrapped(|ui| {
        let mode = current.as_ref().map(|c| c.mode);
        let choices = [
            (None, cx.t("Av", "Off")),
            (
                Some(CompareMode::SideBySide),
                cx.t("Sida vid sida", "Side by side"),
            ),
            (
                Some(CompareMode::Difference),
                cx.t("Skillnad B − A", "Difference B − A"),
            ),
        ];
        for (choice, label) in choices {
            if ui.selectable_label(mode == choice, label).clicked() && mode != choice {
                let comparison = choice.map(|mode| Comparison {
                    mode,
                    with: current.as_ref().map_or_else(default_with, |c| c.with.clone()),
                });
                out.actions.push(Action::SetComparison(comparison));
            }
        }
    });
    let Some(comparison) = current else { return };
    let set = |with: CompareWith| {
        Action::SetComparison(Some(Comparison {
            mode: comparison.mode,
            with,
        }))
    };
    let kind = match &comparison.with {
        CompareWith::Period(_) => 0,
        CompareWith::Group(..) => 1,
        CompareWith::Indicator(_) => 2,
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(cx.t("B är", "B is"));
        if ui
            .selectable_label(kind == 0, cx.t("en period", "a period"))
            .clicked()
            && kind != 0
        {
            out.actions.push(set(default_with()));
        }
        let dims = cx.indicator().map(|i| i.dimensions.clone()).unwrap_or_default();
        let first_group = dims.iter().find_map(|d| {
            cx.atlas
                .observations
                .groups(&sel.indicator, d)
                .first()
                .map(|g| (d.clone(), g.clone()))
        });
        if let Some((d, g)) = first_group
            && ui
                .selectable_label(kind == 1, cx.t("en grupp", "a group"))
                .clicked()
            && kind != 1
        {
            out.actions.push(set(CompareWith::Group(d, g)));
        }
        let other = cx
            .atlas
            .catalogue
            .indicators_in(&sel.domain)
            .find(|i| i.id != sel.indicator)
            .map(|i| i.id.clone());
        if let Some(id) = other
            && ui
                .selectable_label(kind == 2, cx.t("en indikator", "an indicator"))
                .clicked()
            && kind != 2
        {
            out.actions.push(set(CompareWith::Indicator(id)));
        }
    });
    match &comparison.with {
        CompareWith::Period(p) => {
            egui::ComboBox::new("compare_period", cx.t("period för B", "B's period"))
                .selected_text(cx.period(*p))
                .show_ui(ui, |ui| {
                    for q in periods {
                        if ui.selectable_label(q == p, cx.period(*q)).clicked() {
                            out.actions.push(set(CompareWith::Period(*q)));
                        }
                    }
                });
        }
        CompareWith::Group(d, g) => {
            egui::ComboBox::new("compare_group", cx.t("grupp för B", "B's group"))
                .selected_text(cx.group_name(d, g))
                .show_ui(ui, |ui| {
                    for dim in cx.indicator().map(|i| i.dimensions.clone()).unwrap_or_default() {
                        for group in cx.atlas.observations.groups(&sel.indicator, &dim) {
                            let on = (&dim, group) == (d, g);
                            if ui.selectable_label(on, cx.group_name(&dim, group)).clicked() {
                                out.actions
                                    .push(set(CompareWith::Group(dim.clone(), group.clone())));
                            }
                        }
                    }
                });
        }
        CompareWith::Indicator(id) => {
            let name = |id: &str| {
                cx.atlas
                    .catalogue
                    .indicator(id)
                    .map_or_else(|| id.to_string(), |i| cx.indicator_name(i).to_string())
            };
            egui::ComboBox::new("compare_indicator", cx.t("indikator för B", "B's indicator"))
                .selected_text(name(id))
                .show_ui(ui, |ui| {
                    for ind in cx.atlas.catalogue.indicators_in(&sel.domain) {
                        if ind.id != sel.indicator
                            && ui.selectable_label(&ind.id == id, name(&ind.id)).clicked()
                        {
                            out.actions.push(set(CompareWith::Indicator(ind.id.clone())));
                        }
                    }
                });
        }
    }
}

/// The time slider: steps through the indicator's own periods (years, quarters, months),
/// named as people read them.
fn period_slider(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    let periods = cx.atlas.observations.periods(&sel.indicator);
    let Some(mut pos) = periods.iter().position(|p| *p == sel.period) else {
        ui.label(cx.t("Inga perioder med data", "No periods with data"));
        return;
    };
    let (first, last) = (periods[0], periods[periods.len() - 1]);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(sel.period.kind_name(cx.lang)).strong());
        ui.label(egui::RichText::new(cx.period(sel.period)).size(20.0).strong());
        if first.count_to(last).is_some_and(|n| periods.len() < n) {
            ui.label(
                egui::RichText::new(cx.t("(vissa perioder saknas)", "(some periods missing)"))
                    .small()
                    .color(style::MUTED),
            );
        }
    });
    let slider = egui::Slider::new(&mut pos, 0..=periods.len() - 1)
        .show_value(false)
        .custom_formatter(|v, _| {
            periods
                .get(v as usize)
                .map_or_else(String::new, |p| cx.period(*p))
        });
    let r = ui.horizontal(|ui| {
        ui.label(cx.period(first));
        let r = ui.add(slider).on_hover_text("← →");
        ui.label(cx.period(last));
        r
    });
    if r.inner.changed()
        && let Some(p) = periods.get(pos)
    {
        out.actions.push(Action::SetPeriod(*p));
    }
}

/// Between a sub-annual indicator and its annual view (the catalogue's rule makes the years).
fn annual_switch(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, ind: &crate::model::Indicator) {
    let annual = crate::analysis::annual::annual_id(&ind.id);
    let (target, label) = match &ind.annual_of {
        Some(source) => {
            let kind = cx.atlas.observations.periods(source).first().map_or(
                cx.t("perioder", "periods"),
                |p| match p {
                    crate::model::Period::Month(..) => cx.t("månader", "months"),
                    crate::model::Period::Quarter(..) => cx.t("kvartal", "quarters"),
                    crate::model::Period::Half(..) => cx.t("halvår", "half-years"),
                    _ => cx.t("perioder", "periods"),
                },
            );
            (source.clone(), format!("{} {kind}", cx.t("Visa", "Show")))
        }
        None if cx.atlas.catalogue.indicator(&annual).is_some() => {
            (annual, cx.t("Visa årsvärden", "Show annual values").to_string())
        }
        None => return,
    };
    if ui
        .small_button(label)
        .on_hover_text(cx.t(
            "Årsvärden: medel av årets perioder (summa för flöden som brott); år där en period saknas visas inte",
            "Annual values: the mean of the year's periods (the sum for flows such as crimes); years missing a period are not shown",
        ))
        .clicked()
    {
        out.actions.push(Action::SelectIndicator(target));
    }
}

fn group_pickers(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, dims: &[String]) {
    let sel = &cx.settings.selection;
    let total = cx.t("Hela befolkningen", "Whole population");
    let dim_label = |id: &str| {
        cx.atlas
            .catalogue
            .dimension(id)
            .map_or_else(|| total.to_string(), |d| cx.dimension_name(d).to_string())
    };
    super::fitted_combo(
        ui,
        "group_by",
        cx.t("Indelning", "Grouping"),
        dim_label(&sel.group_by),
        170.0,
        |ui| {
            // Measures of one group (segregation, say) have no whole-population value.
            let has_total = !cx.atlas.observations.groups(&sel.indicator, TOTAL).is_empty();
            if has_total && ui.selectable_label(sel.group_by == TOTAL, total).clicked() {
                out.actions.push(Action::SetGroupBy(TOTAL.into()));
            }
            for d in dims {
                if ui.selectable_label(sel.group_by == *d, dim_label(d)).clicked() {
                    out.actions.push(Action::SetGroupBy(d.clone()));
                }
            }
        },
    );
    if sel.group_by != TOTAL {
        super::fitted_combo(
            ui,
            "group",
            cx.t("Grupp", "Group"),
            cx.group_name(&sel.group_by, &sel.group),
            170.0,
            |ui| {
                for g in &cx.atlas.groups_ordered(&sel.indicator, &sel.group_by) {
                    if ui
                        .selectable_label(sel.group == *g, cx.group_name(&sel.group_by, g))
                        .clicked()
                    {
                        out.actions.push(Action::SetGroup(g.clone()));
                    }
                }
            },
        );
    }
    if dims.is_empty() {
        ui.label(
            egui::RichText::new(cx.t(
                "Indikatorn finns inte uppdelad på grupper.",
                "This indicator is not split by group.",
            ))
            .small()
            .color(style::MUTED),
        );
    }
}
