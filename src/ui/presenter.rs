//! Presenter mode: the map alone on the whole screen with a large title, legend, period and
//! hovered area in the bundled heavier font, driven from the keyboard. It draws the same View
//! and Caption as the desktop; only sizes and what is hidden differ.
use egui::{Align2, Color32, FontFamily, FontId, RichText, vec2};

use super::{UiCx, demo_badge_in, style};
use crate::view::caption::Caption;

/// The font family of presenter mode: Inter SemiBold (`assets/`), then egui's fonts for
/// anything it lacks.
pub const FAMILY: &str = "presenter";

/// Text scale of presenter mode: default and bounds (`+`/`−` while presenting).
pub const DEFAULT_SCALE: f32 = 1.5;
pub const MIN_SCALE: f32 = 1.0;
pub const MAX_SCALE: f32 = 3.0;

/// Seconds per period while the animation plays, and how long colours take to change.
pub const PLAY_STEP: std::time::Duration = std::time::Duration::from_millis(1600);
pub const TRANSITION: std::time::Duration = std::time::Duration::from_millis(500);

pub fn family() -> FontFamily {
    FontFamily::Name(FAMILY.into())
}

/// Presenter text of `size` points (before the presenter scale).
fn text(text: impl Into<String>, size: f32) -> RichText {
    RichText::new(text).font(FontId::new(size, family()))
}

/// Register the bundled font as the presenter family.
pub fn add_font(fonts: &mut egui::FontDefinitions) {
    fonts.font_data.insert(
        "inter-semibold".into(),
        std::sync::Arc::new(egui::FontData::from_static(crate::render::text::FONT_BYTES)),
    );
    let mut chain = vec!["inter-semibold".to_owned()];
    chain.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(family(), chain);
}

/// Where the overlays cover the map, for fitting the region into what is left.
#[derive(Clone, Copy, Debug)]
pub struct Covered {
    pub title: egui::Rect,
    pub legend: egui::Rect,
}

impl Default for Covered {
    fn default() -> Self {
        Self {
            title: egui::Rect::NOTHING,
            legend: egui::Rect::NOTHING,
        }
    }
}

/// What the presenter sees besides the map: the state of the animation.
pub struct Show {
    pub scale: f32,
    pub playing: bool,
    /// The slide shown and how many there are (1-based), when the story has slides.
    pub slide: Option<(usize, usize)>,
    /// What the slide shows that is not loaded.
    pub slide_missing: Vec<String>,
    /// Side by side: the second map's place and its title line, titled as large as the first.
    pub second: Option<(egui::Rect, String)>,
}

/// Draw the overlays over `map`: title and period at the top, legend at the bottom left, the
/// hovered area at the bottom centre, and a line of keys at the bottom right.
pub fn overlays(
    ctx: &egui::Context,
    cx: &UiCx,
    map: egui::Rect,
    hovered: Option<usize>,
    show: &Show,
) -> Covered {
    // A difference map is titled and keyed as the difference, side by side with the shared
    // classes: the same caption as the desktop legend.
    let sel = &cx.settings.selection;
    let caption = match cx.compare {
        Some(c) => Caption::of_comparison(cx.atlas, cx.view, c, sel, cx.lang),
        None => Caption::of(cx.atlas, cx.view, sel, cx.lang),
    };
    let Some(caption) = caption else {
        return Covered::default();
    };
    let s = show.scale;
    let panel = |ui: &egui::Ui| {
        egui::Frame::popup(ui.style())
            .fill(Color32::from_white_alpha(238))
            .inner_margin(egui::Margin::same((12.0 * s) as i8))
    };
    let title = egui::Area::new(egui::Id::unique("presenter_title"))
        .fixed_pos(map.left_top() + vec2(16.0, 16.0))
        .constrain_to(map)
        .interactable(false)
        .show(ctx, |ui| {
            panel(ui).show(ui, |ui| {
                ui.set_max_width(map.width() * 0.66);
                ui.horizontal_wrapped(|ui| {
                    ui.label(text(&caption.title, 26.0 * s).color(style::HIGHLIGHT));
                    if caption.demo {
                        demo_badge_in(ui, cx.lang, Some(FontId::new(14.0 * s, family())));
                    }
                });
                let mut sub: Vec<&str> = caption.group.iter().map(String::as_str).collect();
                sub.push(&caption.level);
                if !caption.unit.is_empty() {
                    sub.push(&caption.unit);
                }
                ui.label(text(sub.join(" · "), 17.0 * s).color(style::MUTED));
            })
        })
        .response
        .rect;
    if let Some((rect, title_b)) = &show.second {
        // Side by side, map B says what it shows as plainly as map A.
        egui::Area::new(egui::Id::unique("presenter_title_b"))
            .fixed_pos(rect.left_top() + vec2(16.0, 16.0))
            .constrain_to(*rect)
            .interactable(false)
            .show(ctx, |ui| {
                panel(ui).show(ui, |ui| {
                    ui.set_max_width(rect.width() * 0.8);
                    ui.label(text(title_b, 22.0 * s).color(style::HIGHLIGHT));
                })
            });
    }
    // The period large on the right: it is what changes while the animation plays.
    let period = egui::Area::new(egui::Id::unique("presenter_period"))
        .fixed_pos(map.right_top() + vec2(-16.0, 16.0))
        .pivot(Align2::RIGHT_TOP)
        .constrain_to(map)
        .interactable(false)
        .show(ctx, |ui| {
            panel(ui).show(ui, |ui| {
                let mark = if show.playing { "▶ " } else { "" };
                ui.label(text(format!("{mark}{}", caption.period), 34.0 * s).color(style::HIGHLIGHT));
                if let Some((n, of)) = show.slide {
                    ui.label(
                        text(format!("{} {n}/{of}", cx.t("Bild", "Slide")), 14.0 * s).color(style::MUTED),
                    );
                }
            })
        })
        .response
        .rect;
    let legend = egui::Area::new(egui::Id::unique("presenter_legend"))
        .fixed_pos(map.left_bottom() + vec2(16.0, -16.0))
        .pivot(Align2::LEFT_BOTTOM)
        .constrain_to(map)
        .interactable(false)
        .show(ctx, |ui| {
            panel(ui).show(ui, |ui| {
                ui.set_max_width((260.0 * s).min(map.width() * 0.4));
                let look = super::map_view::LegendLook {
                    scale: s,
                    family: family(),
                    title: false,
                    compact: false,
                };
                super::map_view::caption_body(ui, &caption, cx.lang, &look);
            })
        })
        .response
        .rect;
    if let Some(i) = hovered {
        hovered_area(ctx, cx, map, i, s);
    }
    if !show.slide_missing.is_empty() {
        egui::Area::new(egui::Id::unique("presenter_slide_missing"))
            .fixed_pos(map.center_top() + vec2(0.0, 16.0))
            .pivot(Align2::CENTER_TOP)
            .interactable(false)
            .show(ctx, |ui| {
                panel(ui).show(ui, |ui| {
                    ui.label(
                        text(
                            format!(
                                "{}: {}",
                                cx.t(
                                    "Bilden visar data som inte är inläst",
                                    "The slide shows data that is not loaded"
                                ),
                                show.slide_missing.join(", ")
                            ),
                            14.0 * s,
                        )
                        .color(style::ERROR),
                    );
                })
            });
    }
    egui::Area::new(egui::Id::unique("presenter_keys"))
        .fixed_pos(map.right_bottom() + vec2(-16.0, -16.0))
        .pivot(Align2::RIGHT_BOTTOM)
        .interactable(false)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(cx.t(
                    "Esc avslutar · ← → period · 1–8 område · Mellanslag spelar · + − textstorlek · H kontrast · N anteckningar",
                    "Esc leaves · ← → period · 1–8 domain · Space plays · + − text size · H contrast · N notes",
                ))
                .small()
                .color(style::MUTED)
                .background_color(Color32::from_white_alpha(200)),
            );
        });
    Covered {
        title: title.union(period),
        legend,
    }
}

/// The hovered area's name and value, large, at the bottom centre of the map.
fn hovered_area(ctx: &egui::Context, cx: &UiCx, map: egui::Rect, i: usize, s: f32) {
    let Some(ind) = cx.indicator() else { return };
    let value =
        crate::view::caption::area_value_words(cx.atlas, cx.view, &cx.layer.areas[i].code, i, ind, cx.lang);
    egui::Area::new(egui::Id::unique("presenter_hover"))
        .fixed_pos(map.center_bottom() + vec2(0.0, -16.0))
        .pivot(Align2::CENTER_BOTTOM)
        .interactable(false)
        .order(egui::Order::Tooltip)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(Color32::from_white_alpha(245))
                .inner_margin(egui::Margin::same((10.0 * s) as i8))
                .show(ui, |ui| {
                    ui.label(text(cx.area_name(i), 22.0 * s).color(style::HIGHLIGHT));
                    ui.label(text(value, 20.0 * s));
                    if let Some(rank) = cx.view.gr_rank.get(i).copied().flatten() {
                        ui.label(
                            text(
                                crate::view::caption::rank_words(rank, cx.view.gr_count, cx.lang, false),
                                14.0 * s,
                            )
                            .color(style::MUTED),
                        );
                    }
                });
        });
}

/// The slide's note in a window of its own (a second OS window where the platform allows, to
/// drag to the presenter's screen; embedded otherwise).
pub fn notes_window(ctx: &egui::Context, lang: crate::i18n::Lang, slide: &crate::project::Slide) {
    let title = lang.pick("Anteckningar", "Notes");
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("segkarta_notes"),
        egui::ViewportBuilder::default()
            .with_title(format!("segkarta — {title}"))
            .with_inner_size([520.0, 360.0]),
        |ui, _| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label(RichText::new(&slide.name).strong().size(18.0));
                ui.separator();
                if slide.note.trim().is_empty() {
                    ui.label(RichText::new(lang.pick("(ingen anteckning)", "(no note)")).color(style::MUTED));
                } else {
                    ui.label(RichText::new(&slide.note).size(18.0));
                }
            });
        },
    );
}

/// Colours part way from `from` to `to` (`t` from 0 to 1), for the smooth change between
/// periods; `to` when the layers differ.
pub fn blend(from: &[Color32], to: &[Color32], t: f32) -> Vec<Color32> {
    if from.len() != to.len() {
        return to.to_vec();
    }
    let t = t.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    from.iter()
        .zip(to)
        .map(|(a, b)| {
            Color32::from_rgba_unmultiplied(
                mix(a.r(), b.r()),
                mix(a.g(), b.g()),
                mix(a.b(), b.b()),
                mix(a.a(), b.a()),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_blend_from_start_to_end() {
        let from = [Color32::from_rgb(0, 0, 0), Color32::from_rgb(200, 100, 0)];
        let to = [Color32::from_rgb(100, 200, 50), Color32::from_rgb(0, 100, 200)];
        assert_eq!(blend(&from, &to, 0.0), from.to_vec());
        assert_eq!(blend(&from, &to, 1.0), to.to_vec());
        assert_eq!(blend(&from, &to, 0.5)[0], Color32::from_rgb(50, 100, 25));
        // A changed layer has other areas: no blend.
        assert_eq!(blend(&from[..1], &to, 0.5), to.to_vec());
    }
}
