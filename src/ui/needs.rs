//! The needs view (P): areas ranked by need with their profile across the five domains, and
//! the groups furthest apart and drifting apart, each with the numbers behind it; exportable.
use egui::{Color32, RichText};

use super::{UiCx, style};
use crate::analysis::needs::{DOMAINS, Needs};
use crate::format;

/// What the user asked of the needs view.
pub enum NeedsAction {
    Select(String),
    Export,
    /// Show this indicator on the map (the gap map of a domain).
    ShowIndicator(String),
}

/// Bar for a standardised score: red below zero (worse than GR's areas), blue above.
fn score_bar(ui: &mut egui::Ui, score: Option<f64>, lang: crate::i18n::Lang) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 14.0), egui::Sense::hover());
    let mid = rect.center().x;
    ui.painter().line_segment(
        [egui::pos2(mid, rect.top()), egui::pos2(mid, rect.bottom())],
        egui::Stroke::new(1.0, style::OUTLINE),
    );
    if let Some(s) = score {
        let w = (s.clamp(-2.0, 2.0) / 2.0 * 60.0) as f32;
        let bar = egui::Rect::from_min_max(
            egui::pos2(mid.min(mid + w), rect.top() + 2.0),
            egui::pos2(mid.max(mid + w), rect.bottom() - 2.0),
        );
        let colour = if s < 0.0 {
            Color32::from_rgb(0xd7, 0x30, 0x27)
        } else {
            Color32::from_rgb(0x45, 0x75, 0xb4)
        };
        ui.painter().rect_filled(bar, 1.0, colour);
        ui.label(format::signed(s, 2, lang));
    } else {
        ui.label(RichText::new("–").color(style::MUTED));
    }
}

pub fn window(
    ctx: &egui::Context,
    cx: &UiCx,
    needs: &Needs,
    exported: Option<&str>,
    within: egui::Rect,
    open: &mut bool,
) -> Option<NeedsAction> {
    let mut action = None;
    let domain_name = |id: &str| {
        cx.atlas
            .catalogue
            .domain(id)
            .map_or(id.to_string(), |d| cx.lang.pick(&d.sv, &d.en).to_string())
    };
    egui::Window::new(cx.t("Behovsanalys", "Needs analysis"))
        .open(open)
        // Inside the map's part of the window, never over the top bar.
        .constrain_to(within)
        .default_pos(within.min + egui::vec2(12.0, 12.0))
        .default_width(720.0_f32.min(within.width() - 24.0))
        .default_height((within.height() - 24.0).clamp(300.0, 900.0))
        .show(ctx, |ui| {
            // The window scrolls as a whole: on a small screen its last section stays reachable.
            egui::ScrollArea::vertical().id_salt("needs_window").max_height(within.height() - 60.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} {} · {}",
                    needs.period.kind_name(cx.lang),
                    cx.period(needs.period),
                    super::level_name(&cx.settings.selection.level, cx.lang)
                ));
                if cx.view.demo || cx.atlas.catalogue.indicators.iter().any(|i| i.demo && DOMAINS.contains(&i.domain.as_str())) {
                    super::demo_badge(ui, cx.lang);
                }
                if ui.button(cx.t("Exportera CSV", "Export CSV")).clicked() {
                    action = Some(NeedsAction::Export);
                }
            });
            if let Some(path) = exported {
                ui.label(RichText::new(path).small().color(style::MUTED));
            }
            super::muted_note(ui, cx.t(
                    "Poäng i standardavvikelser mot GR:s områden, vända så att under noll är sämre. Senaste period med värden till och med den valda.",
                    "Scores in standard deviations from GR's areas, turned so that below zero is worse. Latest period with values up to the chosen one.",
                ));
            ui.separator();
            ui.columns(2, |cols| {
                let ui = &mut cols[0];
                ui.label(RichText::new(cx.t("Områden att prioritera", "Areas to prioritise")).strong());
                egui::ScrollArea::vertical().id_salt("needs_areas").max_height(13.0 * 27.0).show(ui, |ui| {
                    egui::Grid::new("needs_rank").striped(true).show(ui, |ui| {
                        for (rank, area) in needs.areas.iter().enumerate() {
                            ui.label(format!("{}", rank + 1));
                            let selected = cx.settings.selection.area.as_deref() == Some(area.code.as_str());
                            if ui.selectable_label(selected, &area.name).clicked() {
                                action = Some(NeedsAction::Select(area.code.clone()));
                            }
                            score_bar(ui, area.overall, cx.lang);
                            ui.end_row();
                        }
                    });
                });
                let profile = cx
                    .settings
                    .selection
                    .area
                    .as_deref()
                    .and_then(|c| needs.areas.iter().find(|a| a.code == c))
                    .or(needs.areas.first());
                if let Some(area) = profile {
                    ui.add_space(6.0);
                    ui.label(RichText::new(format!("{}: {}", cx.t("Profil", "Profile"), area.name)).strong());
                    egui::Grid::new("needs_profile").show(ui, |ui| {
                        for (d, score) in DOMAINS.iter().zip(&area.domains) {
                            ui.label(domain_name(d));
                            score_bar(ui, *score, cx.lang);
                            ui.end_row();
                        }
                    });
                }
                ui.add_space(6.0);
                // Left-aligned like the other column: not stretched across the column.
                ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                    if let Some(a) = activity_gaps(ui, cx, needs, &domain_name) {
                        action = Some(a);
                    }
                });
                // Left-aligned, not justified: a column's cross-justified layout stretched the
                // words of every wrapped line.
                cols[1].with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                    gap_list(ui, cx, needs, false);
                    ui.add_space(6.0);
                    gap_list(ui, cx, needs, true);
                });
            });
            });
        });
    action
}

/// Needs against activities: the areas and domains with the largest gaps (high need, few
/// activities), the groups furthest apart in those domains, and a way to the gap map.
fn activity_gaps(
    ui: &mut egui::Ui,
    cx: &UiCx,
    needs: &Needs,
    domain_name: &dyn Fn(&str) -> String,
) -> Option<NeedsAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.t("Behov mot verksamheter", "Needs against activities")).strong());
        if needs.activities_demo {
            super::demo_badge(ui, cx.lang);
        }
    });
    if needs.activity_gaps.is_empty() {
        super::muted_note(
            ui,
            cx.t(
                "Inga verksamheter igång detta år, eller inga behovspoäng på nivån: läs in en verksamhetslista (CSV eller GeoJSON-punkter).",
                "No activities running this year, or no needs scores at this level: load a list of activities (CSV or GeoJSON points).",
            ),
        );
        return None;
    }
    let top: Vec<_> = needs.activity_gaps.iter().take(5).collect();
    if let Some(first) = top.first() {
        let id = format!("{}{}", crate::analysis::activity_gaps::GAP_PREFIX, first.domain);
        if cx.atlas.catalogue.indicator(&id).is_some()
            && ui
                .button(format!(
                    "{} ({})",
                    cx.t("Visa gapkartan", "Show the gap map"),
                    domain_name(&first.domain).to_lowercase()
                ))
                .clicked()
        {
            action = Some(NeedsAction::ShowIndicator(id));
        }
    }
    // In words first: who and where, then the numbers.
    let named: Vec<String> = top
        .iter()
        .take(3)
        .map(|g| format!("{} ({})", g.name, domain_name(&g.domain).to_lowercase()))
        .collect();
    ui.label(format!(
        "{}: {}.",
        cx.t(
            "Störst gap mellan behov och verksamheter",
            "Largest gaps between needs and activities"
        ),
        named.join(", ")
    ));
    if let Some(first) = top.first() {
        let in_domain = needs.gaps.iter().find(|g| {
            cx.atlas
                .catalogue
                .indicator(&g.indicator)
                .is_some_and(|i| i.domain == first.domain)
        });
        if let Some(g) = in_domain
            && let Some(ind) = cx.atlas.catalogue.indicator(&g.indicator)
        {
            ui.label(format!(
                "{} {}: {} {} {} ({}, {}).",
                cx.t("Grupper längst ifrån varandra inom", "Groups furthest apart in"),
                domain_name(&first.domain).to_lowercase(),
                cx.group_name(&g.group_by, &g.worst),
                cx.t("mot", "vs"),
                cx.group_name(&g.group_by, &g.best),
                cx.indicator_name(ind),
                format::difference(g.gap, ind, cx.lang)
            ));
        }
    }
    egui::Grid::new("needs_activity_gaps")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                cx.t("Område", "Area"),
                cx.t("Domän", "Domain"),
                cx.t("Behov", "Need"),
                cx.t("Verksamheter", "Activities"),
                cx.t("Gap", "Gap"),
            ] {
                ui.label(RichText::new(h).small().color(style::MUTED));
            }
            ui.end_row();
            for g in &top {
                let selected = cx.settings.selection.area.as_deref() == Some(g.code.as_str());
                if ui.selectable_label(selected, &g.name).clicked() {
                    action = Some(NeedsAction::Select(g.code.clone()));
                }
                ui.label(domain_name(&g.domain));
                ui.label(format::signed(g.need, 2, cx.lang));
                ui.label(g.activities.to_string());
                ui.label(RichText::new(format::signed(g.gap, 2, cx.lang)).strong());
                ui.end_row();
            }
        });
    super::muted_note(
        ui,
        cx.t(
            "Gap = behov (behovspoängen vänd) minus antalet verksamheter som betjänar området, båda i standardavvikelser över GR:s områden. Över 0: större behov än verksamheterna motsvarar.",
            "Gap = need (the needs score turned) minus the number of activities serving the area, both in standard deviations over GR's areas. Above 0: more need than the activities match.",
        ),
    );
    action
}

/// The largest gaps between groups, or the most widening ones.
fn gap_list(ui: &mut egui::Ui, cx: &UiCx, needs: &Needs, widening: bool) {
    let title = if widening {
        cx.t("Skillnader som ökar mest", "Gaps widening most")
    } else {
        cx.t("Största skillnader mellan grupper", "Largest gaps between groups")
    };
    ui.label(RichText::new(title).strong());
    let mut gaps: Vec<_> = needs.gaps.iter().collect();
    if widening {
        gaps.retain(|g| g.change() > 0.0);
        gaps.sort_by(|a, b| b.change().total_cmp(&a.change()));
    }
    if gaps.is_empty() {
        ui.label(RichText::new(cx.t("Inga.", "None.")).color(style::MUTED));
    }
    for g in gaps.iter().take(6) {
        let Some(ind) = cx.atlas.catalogue.indicator(&g.indicator) else {
            continue;
        };
        ui.label(format!(
            "{} · {} {} {}: {} ({} {}: {})",
            cx.indicator_name(ind),
            cx.group_name(&g.group_by, &g.best),
            cx.t("mot", "vs"),
            cx.group_name(&g.group_by, &g.worst),
            format::difference(g.gap, ind, cx.lang),
            cx.period(g.first_period),
            cx.t("var", "was"),
            format::difference(g.first_gap, ind, cx.lang),
        ));
    }
}
