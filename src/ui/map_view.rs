//! The central map with its legend, hover tooltip and overlay controls.
use egui::{Align2, Color32, RichText, vec2};
use walkers::{Map, MapMemory, Tiles, lon_lat};

use super::{ActivityRequest, Outputs, UiCx, demo_badge, style};
use crate::format;
use crate::map::LayerGeometry;
use crate::map::activities::{ActivityClick, ActivityEvents, ActivityPlugin};
use crate::map::plugin::{ChoroplethPlugin, MapEvents};
use crate::map::tiles::Reachability;
use crate::model::{TOTAL, is_gr_municipality};
use crate::state::Action;
use crate::view::caption::{Caption, NoteKind};

/// The runtime parts of the map the app owns.
pub struct MapParts<'a> {
    pub memory: &'a mut MapMemory,
    pub geometry: &'a LayerGeometry,
    /// The municipalities, drawn underneath a sub-municipal layer.
    /// The municipalities under a finer level, with their fills.
    pub context: Option<(&'a LayerGeometry, &'a [egui::Color32])>,
    pub fills: &'a [Color32],
    pub tiles: Option<&'a mut dyn Tiles>,
    pub reachability: Option<Reachability>,
    /// While presenting: the text scale. The map then has heavier lines and no legend,
    /// buttons or tooltip of its own (presenter mode draws its own, larger).
    pub presenter_scale: Option<f32>,
    /// The second map of a side-by-side pair: no legend or buttons of its own (the pair shares
    /// the first map's).
    pub secondary: bool,
    /// The activities layer's points (empty when the layer is off).
    pub activities: &'a [crate::view::activities::ActivityPoint],
}

/// Where the map and its legend were drawn, for fitting the view.
pub struct MapFrame {
    pub map: egui::Rect,
    pub legend: egui::Rect,
    /// The user dragged or zoomed the map this frame.
    pub user_moved_map: bool,
}

/// Draws the map and its overlays.
pub fn show(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs, parts: MapParts) -> MapFrame {
    let selected = cx
        .settings
        .selection
        .area
        .as_deref()
        .and_then(|c| cx.layer.index_of(c));
    // GR's municipalities keep a stronger outline, also when all of Sweden is coloured, so the
    // region stays recognisable.
    let emphasised: Vec<usize> = (0..cx.layer.len())
        .filter(|i| is_gr_municipality(&cx.layer.areas[*i].code))
        .collect();
    // Lines a little heavier when presenting, so they hold on a projector.
    let w = parts.presenter_scale.map_or(1.0, |s| 1.0 + 0.4 * s);
    let style = crate::map::plugin::MapStyle {
        outline: egui::Stroke::new(
            0.7 * w,
            if cx.settings.selection.national {
                style::OUTLINE
            } else {
                style::CONTEXT_OUTLINE
            },
        ),
        // With all of Sweden coloured, GR's municipalities get a heavy dark line to stand out.
        emphasis: if cx.settings.selection.national {
            egui::Stroke::new(2.2 * w, style::REGION_LINE)
        } else {
            egui::Stroke::new(1.2 * w, style::OUTLINE)
        },
        context_outline: egui::Stroke::new(0.7 * w, style::CONTEXT_OUTLINE),
        // Hover in blue, selection black on a white halo: never mistaken for each other.
        hover: egui::Stroke::new(2.5 * w, style::HOVER),
        selected_halo: egui::Stroke::new(5.0 * w, egui::Color32::WHITE),
        selected: egui::Stroke::new(2.5 * w, style::HIGHLIGHT),
    };
    let presenting = parts.presenter_scale.is_some();
    let secondary = parts.secondary;
    let mut events = MapEvents::default();
    let mut activity_events = ActivityEvents::default();
    let has_tiles = parts.tiles.is_some();
    let radius = 5.0 * parts.presenter_scale.map_or(1.0, |s| s.max(1.0));
    let response = Map::new(parts.tiles, &mut *parts.memory, lon_lat(12.0, 57.75))
        .zoom_with_ctrl(false)
        .with_plugin(ChoroplethPlugin {
            layer: cx.layer,
            mesh: &parts.geometry.mesh,
            hits: &parts.geometry.hits,
            fills: parts.fills,
            emphasised: &emphasised,
            style,
            linked_hover: cx.hovered,
            selected,
            events: &mut events,
            context: parts.context.map(|(g, fills)| (&g.mesh, fills)),
        })
        .with_plugin(ActivityPlugin {
            points: parts.activities,
            radius,
            selected: cx.selected_activity,
            linked_hover: cx.hovered_activity,
            events: &mut activity_events,
        })
        .show(ui, |_, _, _, _| ())
        .response;
    // An activity under the pointer takes the click and the tooltip from the area beneath.
    let over_activity = activity_events.hovered.is_some() || activity_events.hovered_cluster.is_some();
    match activity_events.clicked {
        Some(ActivityClick::Activity(i)) => {
            out.activity = Some(ActivityRequest::Select(Some(i)));
        }
        Some(ActivityClick::Cluster(lonlat)) => {
            // Closer, so that the cluster's activities part.
            parts.memory.center_at(lon_lat(lonlat.0, lonlat.1));
            let _ = parts.memory.set_zoom(parts.memory.zoom() + 2.0);
        }
        None => {}
    }
    if over_activity && let Some(pointer) = response.hover_pos() {
        egui::Area::new(egui::Id::unique("segkarta_activity_tip"))
            .order(egui::Order::Tooltip)
            .fixed_pos(pointer + vec2(18.0, 18.0))
            .constrain_to(response.rect)
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(320.0);
                    match (activity_events.hovered, activity_events.hovered_cluster) {
                        (Some(i), _) => {
                            if let Some(a) = cx.atlas.activities.get(i) {
                                super::activities::details(ui, cx, a);
                            }
                        }
                        (None, Some(n)) => {
                            ui.label(format!(
                                "{n} {}",
                                cx.t(
                                    "verksamheter – klicka för att zooma in",
                                    "activities – click to zoom in"
                                )
                            ));
                        }
                        (None, None) => {}
                    }
                });
            });
    }
    if over_activity {
        events.hovered = None;
        events.clicked = None;
    }
    let map_rect = response.rect;
    let legend = if presenting || secondary {
        egui::Rect::NOTHING
    } else {
        controls(ui.ctx(), cx, out, map_rect, has_tiles, parts.reachability);
        legend(ui.ctx(), cx, map_rect)
    };
    if let Some(i) = events.hovered {
        out.hovered = Some(i);
    }
    if !parts.activities.is_empty() && !secondary {
        activity_key(ui.ctx(), cx, map_rect, parts.presenter_scale.unwrap_or(1.0));
    }
    if let Some(i) = events.hovered.filter(|_| !presenting) {
        let tip_id = if secondary {
            "segkarta_map_tip_b"
        } else {
            "segkarta_map_tip"
        };
        // An area beside the pointer rather than an egui tooltip: it appears at once, without
        // the tooltip delay, as map tips do in desktop GIS.
        if let Some(pointer) = response.hover_pos() {
            egui::Area::new(egui::Id::unique(tip_id))
                .order(egui::Order::Tooltip)
                .fixed_pos(pointer + vec2(18.0, 18.0))
                .constrain_to(map_rect)
                .interactable(false)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(320.0);
                        tooltip(ui, cx, i)
                    })
                });
        }
    }
    if let Some(clicked) = events.clicked {
        let code = clicked.map(|i| cx.layer.areas[i].code.clone());
        // A second click on the selected area clears the selection.
        let code = if code == cx.settings.selection.area {
            None
        } else {
            code
        };
        out.actions.push(Action::SelectArea(code));
    }
    let scrolled = response.hovered()
        && ui.input(|i| i.smooth_scroll_delta != egui::Vec2::ZERO || i.zoom_delta() != 1.0);
    MapFrame {
        map: map_rect,
        legend,
        user_moved_map: response.dragged() || scrolled,
    }
}

fn tooltip(ui: &mut egui::Ui, cx: &UiCx, i: usize) {
    let area = &cx.layer.areas[i];
    ui.label(RichText::new(&area.name).strong().size(16.0));
    let Some(ind) = cx.indicator() else { return };
    let sel = &cx.settings.selection;
    if sel.group_by != TOTAL {
        ui.label(RichText::new(cx.group_name(&sel.group_by, &sel.group)).color(style::MUTED));
    }
    let key = &cx.view.key;
    // The view's value, which may be aggregated from sub-areas; margins come with the row.
    let obs = cx.view.values[i].map(|value| {
        let row = cx.atlas.observations.get(key, &area.code, sel.period);
        crate::model::Observation {
            period: sel.period,
            value,
            moe: row.and_then(|r| r.moe),
            n: row.and_then(|r| r.n),
        }
    });
    match obs {
        Some(obs) => {
            let mut text = format!(
                "{}: {}",
                cx.indicator_name(ind),
                format::value(obs.value, ind, cx.lang)
            );
            if let Some(moe) = obs.moe {
                text.push_str(&format!(
                    " (± {})",
                    format::number(moe, ind.decimals as usize, cx.lang)
                ));
            }
            ui.label(RichText::new(text).size(15.0));
            if let (Some(confidence), Some((lo, hi))) = (cx.view.confidence, cx.view.interval(i)) {
                ui.label(crate::view::caption::interval_words(
                    lo, hi, confidence, ind, cx.lang,
                ));
            }
            if let Some(n) = obs.n {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        cx.t("Svarande:", "Respondents:"),
                        format::number(n, 0, cx.lang)
                    ))
                    .small(),
                );
            }
            if let Some(rank) = cx.view.gr_rank[i] {
                ui.label(crate::view::caption::rank_words(
                    rank,
                    cx.view.gr_count,
                    cx.lang,
                    true,
                ));
            } else if !cx.view.in_gr[i] {
                ui.label(
                    RichText::new(cx.t("Utanför Göteborgsregionen", "Outside the Gothenburg region"))
                        .color(style::MUTED),
                );
            }
            match cx.view.region {
                Some(region) if region.summed && region.value > 0.0 => {
                    ui.label(format!(
                        "{} {}",
                        format::number(100.0 * obs.value / region.value, 1, cx.lang),
                        cx.t("% av GR:s summa", "% of GR's total")
                    ));
                }
                Some(region) => {
                    let mut text = region_difference(cx, ind, obs.value - region.value);
                    if let (Some(test), Some(confidence)) = (cx.view.versus_region(i), cx.view.confidence) {
                        text.push_str(": ");
                        text.push_str(&crate::view::caption::significance_words(
                            &test, confidence, cx.lang,
                        ));
                    }
                    ui.label(text);
                }
                None => {}
            }
        }
        None => match cx.atlas.observations.suppressed(key, &area.code, sel.period) {
            Some(held) => {
                ui.label(
                    RichText::new(crate::view::caption::suppressed_words(held.n, ind, cx.lang)).size(15.0),
                );
            }
            None => {
                ui.label(cx.t(
                    &format!("Uppgift saknas för {}", cx.period(sel.period)),
                    &format!("No data for {}", cx.period(sel.period)),
                ));
            }
        },
    }
    if let Some(c) = cx.compare {
        // Both maps' values and their difference.
        let (what_a, what_b) = crate::view::caption::compared_parts(cx.atlas, sel, &c.b_selection, cx.lang);
        let show = |v: Option<f64>| {
            v.map_or_else(
                || cx.t("saknas", "no data").to_string(),
                |v| format::value(v, ind, cx.lang),
            )
        };
        ui.label(format!("{what_a}: {}", show(cx.view.values[i])));
        ui.label(format!(
            "{what_b}: {}",
            show(c.b.values.get(i).copied().flatten())
        ));
        if let Some(d) = c.difference.get(i).copied().flatten() {
            ui.label(
                RichText::new(format!(
                    "{what_b} − {what_a}: {}",
                    format::signed_difference(d, ind, cx.lang)
                ))
                .strong(),
            );
        }
    }
    if cx.view.demo {
        demo_badge(ui, cx.lang);
    }
}

/// The activities layer's key at the map's bottom right (the legend has the bottom left): a
/// symbol per domain, and what a cluster's number means.
fn activity_key(ctx: &egui::Context, cx: &UiCx, map: egui::Rect, scale: f32) {
    egui::Area::new(egui::Id::unique("segkarta_activity_key"))
        .pivot(Align2::RIGHT_BOTTOM)
        .fixed_pos(map.right_bottom() + vec2(-12.0, -12.0))
        .constrain_to(map)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(Color32::from_white_alpha(235))
                .show(ui, |ui| {
                    let size = 12.0 * scale;
                    ui.label(
                        RichText::new(cx.t("Verksamheter", "Activities"))
                            .strong()
                            .size(size + 1.0),
                    );
                    for (d, id) in crate::analysis::needs::DOMAINS.iter().enumerate() {
                        ui.horizontal(|ui| {
                            super::activities::swatch(ui, d);
                            let name = cx
                                .atlas
                                .catalogue
                                .domain(id)
                                .map_or(*id, |x| cx.lang.pick(&x.sv, &x.en));
                            ui.label(RichText::new(name).size(size));
                        });
                    }
                    ui.label(
                        RichText::new(cx.t(
                            "Ring med tal: så många verksamheter nära varandra",
                            "Circle with a number: that many activities close together",
                        ))
                        .size(size - 1.0)
                        .color(style::MUTED),
                    );
                    if cx.activities.demo {
                        demo_badge(ui, cx.lang);
                    }
                });
        });
}

/// "2,1 procentenheter över GR-snittet".
fn region_difference(cx: &UiCx, ind: &crate::model::Indicator, diff: f64) -> String {
    if format::rounds_to_zero(diff, ind.decimals as usize) {
        return cx.t("Samma som GR-snittet", "Same as the GR average").into();
    }
    let side = if diff > 0.0 {
        cx.t("över", "above")
    } else {
        cx.t("under", "below")
    };
    format!(
        "{} {side} {}",
        format::difference(diff, ind, cx.lang),
        cx.t("GR-snittet", "the GR average")
    )
}

/// The line every map carries at its top: indicator, group, period and level, since period
/// and group carry over between domains; under it, for a while, what a switch changed.
/// Returns where it covers the map.
pub fn title_line(
    ctx: &egui::Context,
    id: &str,
    text: &str,
    map: egui::Rect,
    notice: Option<&str>,
) -> egui::Rect {
    if text.is_empty() {
        return egui::Rect::NOTHING;
    }
    egui::Area::new(egui::Id::unique(id))
        .fixed_pos(map.left_top() + vec2(12.0, 10.0))
        .constrain_to(map)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(Color32::from_white_alpha(230))
                .show(ui, |ui| {
                    // Room for the buttons at the top right.
                    ui.set_max_width((map.width() - 200.0).max(200.0));
                    ui.label(RichText::new(text).strong().size(16.0));
                    if let Some(text) = notice {
                        ui.label(RichText::new(text).color(style::DEMO));
                    }
                })
        })
        .response
        .rect
}

fn legend(ctx: &egui::Context, cx: &UiCx, map_rect: egui::Rect) -> egui::Rect {
    let sel = &cx.settings.selection;
    let caption = match cx.compare {
        Some(c) => Caption::of_comparison(cx.atlas, cx.view, c, sel, cx.lang),
        None => Caption::of(cx.atlas, cx.view, sel, cx.lang),
    };
    let Some(caption) = caption else {
        return egui::Rect::NOTHING;
    };
    // On a small map (a small window, the UI scaled up) the legend gives the map room: it
    // drops its method and plain notes, and folds to one line on a very small one; the user's
    // own fold or unfold wins.
    let fold_id = egui::Id::unique("segkarta_legend_folded");
    let folded_by_user: Option<bool> = ctx.data(|d| d.get_temp(fold_id));
    let folded = folded_by_user.unwrap_or(map_rect.height() < 420.0);
    let compact = map_rect.height() < 640.0 || map_rect.width() < 560.0;
    egui::Area::new(egui::Id::unique("segkarta_legend"))
        .fixed_pos(map_rect.left_bottom() + vec2(12.0, -12.0))
        .pivot(Align2::LEFT_BOTTOM)
        .constrain_to(map_rect)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(Color32::from_white_alpha(240))
                .show(ui, |ui| {
                    ui.set_max_width(250.0);
                    let arrow = if folded { "▸" } else { "▾" };
                    let header = ui
                        .small_button(format!("{arrow} {}", cx.t("Teckenförklaring", "Legend")))
                        .on_hover_text(cx.t("Fäll ihop eller ut", "Fold or unfold"));
                    if header.clicked() {
                        ctx.data_mut(|d| d.insert_temp(fold_id, !folded));
                    }
                    if folded {
                        return;
                    }
                    let look = LegendLook {
                        scale: 1.0,
                        family: egui::FontFamily::Proportional,
                        title: true,
                        compact,
                    };
                    caption_body(ui, &caption, cx.lang, &look);
                })
        })
        .response
        .rect
}

/// How a legend is drawn: text scale (1 on the desktop, more when presenting), font family,
/// and whether it names the indicator (presenter mode has a title of its own).
pub struct LegendLook {
    pub scale: f32,
    pub family: egui::FontFamily,
    pub title: bool,
    /// Leave out the method and plain notes (GR's and Sweden's value), for a small map.
    pub compact: bool,
}

/// A map's legend from its caption.
pub fn caption_body(ui: &mut egui::Ui, caption: &Caption, lang: crate::i18n::Lang, look: &LegendLook) {
    let LegendLook { scale, family, .. } = look;
    let scale = *scale;
    let body = egui::TextStyle::Body.resolve(ui.style()).size * scale;
    let small = egui::TextStyle::Small.resolve(ui.style()).size * scale;
    let text = |t: &str, size: f32| RichText::new(t).font(egui::FontId::new(size, family.clone()));
    if look.title {
        ui.horizontal_wrapped(|ui| {
            ui.label(text(&caption.title, body).strong());
            if caption.demo {
                demo_badge(ui, lang);
            }
        });
    }
    ui.label(text(&caption.what(), body));
    if !look.compact {
        ui.label(text(&caption.method, small).color(style::MUTED));
    }
    ui.add_space(2.0 * scale);
    if let Some(heading) = &caption.entries_heading {
        ui.label(text(heading, small).color(style::MUTED));
    }
    for entry in &caption.entries {
        super::swatch_row_scaled(ui, entry.colour.into(), &entry.label, entry.count, scale, family);
    }
    for note in caption
        .notes
        .iter()
        .filter(|n| !look.compact || n.kind != NoteKind::Plain)
    {
        ui.label(match note.kind {
            NoteKind::Plain => text(&note.text, body),
            NoteKind::Strong => text(&note.text, body).strong(),
            NoteKind::Warning => text(&note.text, small).color(style::DEMO),
        });
    }
    ui.label(text(&caption.source, small).color(style::MUTED));
}

fn controls(
    ctx: &egui::Context,
    cx: &UiCx,
    out: &mut Outputs,
    map_rect: egui::Rect,
    has_tiles: bool,
    reach: Option<Reachability>,
) {
    egui::Area::new(egui::Id::unique("segkarta_map_controls"))
        .fixed_pos(map_rect.right_top() + vec2(-12.0, 12.0))
        .pivot(Align2::RIGHT_TOP)
        .constrain_to(map_rect)
        .show(ctx, |ui| {
            ui.vertical(|ui| {
                if ui
                    .button(RichText::new(cx.t("Zooma till GR", "Zoom to GR")).size(15.0))
                    .on_hover_text("G / Home")
                    .clicked()
                {
                    out.zoom_to_gr = true;
                }
                // The activities layer is a layer of the map: its switch sits with the map's.
                let label = if cx.activities.shown {
                    cx.t("Verksamheter: på", "Activities: on")
                } else {
                    cx.t("Verksamheter", "Activities")
                };
                if ui
                    .add(egui::Button::new(RichText::new(label).size(15.0)).wrap_mode(egui::TextWrapMode::Extend))
                    .on_hover_text(cx.t(
                        "Verksamheter som redan arbetar med livsvillkoren: på kartan, filtrerade, i en lista (V)",
                        "Activities already working on living conditions: on the map, filtered, in a list (V)",
                    ))
                    .clicked()
                {
                    out.open_activities = true;
                }
                let status = match (has_tiles, reach) {
                    (false, _) => cx.t("Bakgrundskarta av", "Basemap off"),
                    (true, Some(Reachability::Online)) => {
                        cx.t("© OpenStreetMap-bidragsgivare", "© OpenStreetMap contributors")
                    }
                    (true, Some(Reachability::Offline)) => cx.t("Bakgrundskarta offline", "Basemap offline"),
                    (true, _) => cx.t("Bakgrundskarta ansluter …", "Basemap connecting …"),
                };
                ui.label(
                    RichText::new(status)
                        .small()
                        .color(style::MUTED)
                        .background_color(Color32::from_white_alpha(200)),
                );
            });
        });
}
