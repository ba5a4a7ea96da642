//! The activities window (V): the layer on or off, its filters (domain, target group,
//! organiser type, running in the year shown), the list synced with the map, and the
//! selected activity's details.
use egui::{RichText, vec2};

use super::{ActivityRequest, Outputs, UiCx, style};
use crate::analysis::needs::DOMAINS;
use crate::map::activities::symbol;
use crate::model::{Activity, ActivityFilter, OrganiserType};
use crate::state::Action;

/// A domain's symbol as a legend swatch.
pub fn swatch(ui: &mut egui::Ui, domain: usize) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().add(symbol(
        rect.center(),
        5.5,
        domain,
        egui::Stroke::new(1.0, egui::Color32::WHITE),
    ));
}

fn domain_name<'a>(cx: &'a UiCx, id: &'a str) -> &'a str {
    cx.atlas
        .catalogue
        .domain(id)
        .map_or(id, |d| cx.lang.pick(&d.sv, &d.en))
}

pub fn window(ctx: &egui::Context, cx: &UiCx, out: &mut Outputs, within: egui::Rect, open: &mut bool) {
    egui::Window::new(cx.t("Verksamheter", "Activities"))
        .open(open)
        .constrain_to(within)
        .default_pos(within.right_top() + vec2(-380.0, 12.0))
        .default_width(360.0)
        .show(ctx, |ui| {
            let sel = &cx.settings.selection;
            let mut shown = sel.activities.is_some();
            if ui
                .checkbox(&mut shown, cx.t("Visa på kartan", "Show on the map"))
                .changed()
            {
                out.actions.push(Action::SetActivities(
                    shown.then(|| sel.activities.clone().unwrap_or_default()),
                ));
            }
            let Some(filter) = &sel.activities else {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        cx.atlas.activities.len(),
                        cx.t("verksamheter inlästa", "activities loaded")
                    ))
                    .color(style::MUTED),
                );
                return;
            };
            filters(ui, cx, out, filter);
            ui.separator();
            let view = cx.activities;
            ui.horizontal(|ui| {
                let without_place = view.listed.len() - view.points.len();
                ui.label(format!(
                    "{} {} {} ({} {})",
                    view.listed.len(),
                    cx.t("av", "of"),
                    cx.atlas.activities.len(),
                    without_place,
                    cx.t("utan plats på kartan", "without a place on the map")
                ));
                if view.demo {
                    super::demo_badge(ui, cx.lang);
                }
            });
            list(ui, cx, out, filter);
            if let Some(a) = cx.selected_activity.and_then(|i| cx.atlas.activities.get(i)) {
                ui.separator();
                details(ui, cx, a);
            }
        });
}

fn filters(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, filter: &ActivityFilter) {
    let mut changed = filter.clone();
    ui.label(RichText::new(cx.t("Domäner", "Domains")).strong());
    for (d, id) in DOMAINS.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut on = filter.domains.is_empty() || filter.domains.iter().any(|x| x == id);
            swatch(ui, d);
            if ui.checkbox(&mut on, domain_name(cx, id)).changed() {
                let mut chosen: Vec<String> = if filter.domains.is_empty() {
                    DOMAINS.iter().map(|x| x.to_string()).collect()
                } else {
                    filter.domains.clone()
                };
                chosen.retain(|x| x != id);
                if on {
                    chosen.push(id.to_string());
                }
                // All five is the same as no choice.
                if chosen.len() == DOMAINS.len() {
                    chosen.clear();
                }
                changed.domains = chosen;
            }
        });
    }
    ui.label(RichText::new(cx.t("Arrangör", "Organiser")).strong());
    ui.horizontal_wrapped(|ui| {
        for t in OrganiserType::ALL {
            let mut on = filter.organiser_types.is_empty() || filter.organiser_types.contains(&t);
            if ui.checkbox(&mut on, t.name(cx.lang)).changed() {
                let mut chosen: Vec<OrganiserType> = if filter.organiser_types.is_empty() {
                    OrganiserType::ALL.to_vec()
                } else {
                    filter.organiser_types.clone()
                };
                chosen.retain(|x| *x != t);
                if on {
                    chosen.push(t);
                }
                if chosen.len() == OrganiserType::ALL.len() {
                    chosen.clear();
                }
                chosen.sort();
                changed.organiser_types = chosen;
            }
        }
    });
    ui.horizontal(|ui| {
        let all = cx.t("Alla målgrupper", "All target groups");
        let current = filter.target_groups.first().map_or(all, String::as_str);
        egui::ComboBox::new("activity_target_group", cx.t("Målgrupp", "Target group"))
            .selected_text(current)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(filter.target_groups.is_empty(), all)
                    .clicked()
                {
                    changed.target_groups.clear();
                }
                for g in &cx.activities.target_groups {
                    if ui.selectable_label(filter.target_groups.contains(g), g).clicked() {
                        changed.target_groups = vec![g.clone()];
                    }
                }
            });
    });
    let year = cx.settings.selection.period.year();
    ui.checkbox(
        &mut changed.running_only,
        format!("{} {year}", cx.t("Bara de som pågår", "Only those running in")),
    );
    if changed != *filter {
        out.actions.push(Action::SetActivities(Some(changed)));
    }
}

fn list(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, filter: &ActivityFilter) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, cx.activities.listed.len(), |ui, range| {
            for &i in &cx.activities.listed[range] {
                let a = &cx.atlas.activities[i];
                let selected = cx.selected_activity == Some(i);
                ui.horizontal(|ui| {
                    swatch(ui, crate::view::activities::symbol_domain(a, filter));
                    let name = if cx.hovered_activity == Some(i) {
                        RichText::new(&a.name).underline()
                    } else {
                        RichText::new(&a.name)
                    };
                    let r = ui.selectable_label(selected, name);
                    if a.location.is_none() {
                        ui.label(
                            RichText::new(cx.t("(ingen plats)", "(no place)"))
                                .small()
                                .color(style::MUTED),
                        );
                    }
                    if r.hovered() {
                        out.activity = Some(ActivityRequest::Hover(i));
                    }
                    if r.clicked() {
                        out.activity = Some(ActivityRequest::Select((!selected).then_some(i)));
                    }
                });
            }
        });
}

/// An activity's details, in the window and in the map's tooltip.
pub fn details(ui: &mut egui::Ui, cx: &UiCx, a: &Activity) {
    ui.label(RichText::new(&a.name).strong().size(15.0));
    if !a.organiser.is_empty() {
        ui.label(format!("{} ({})", a.organiser, a.organiser_type.name(cx.lang)));
    }
    let domains: Vec<&str> = a.domains.iter().map(|d| domain_name(cx, d)).collect();
    if !domains.is_empty() {
        ui.label(format!("{}: {}", cx.t("Domäner", "Domains"), domains.join(", ")));
    }
    if !a.target_groups.is_empty() {
        ui.label(format!(
            "{}: {}",
            cx.t("Målgrupper", "Target groups"),
            a.target_groups.join(", ")
        ));
    }
    let years = match (a.start, a.end) {
        (Some(s), Some(e)) if s == e => s.to_string(),
        (Some(s), Some(e)) => format!("{s}–{e}"),
        (Some(s), None) => format!("{} {s}", cx.t("sedan", "since")),
        (None, Some(e)) => format!("{} {e}", cx.t("till", "until")),
        (None, None) => String::new(),
    };
    if !years.is_empty() {
        ui.label(years);
    }
    if !a.areas.is_empty() {
        let names: Vec<String> = a
            .areas
            .iter()
            .map(|code| {
                cx.atlas
                    .layers
                    .iter()
                    .find_map(|l| l.get(code))
                    .map_or_else(|| code.clone(), |area| area.name.clone())
            })
            .collect();
        ui.label(format!("{}: {}", cx.t("Betjänar", "Serves"), names.join(", ")));
    }
    if !a.contact.is_empty() {
        ui.label(&a.contact);
    }
    if !a.url.is_empty() {
        ui.hyperlink(&a.url);
    }
    if a.demo {
        super::demo_badge(ui, cx.lang);
    }
}
