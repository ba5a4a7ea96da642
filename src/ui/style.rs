//! A calm light theme that reads on a projector: larger text, quiet chrome.
use egui::Color32;

/// Background behind the map where there is no land drawn.
pub const SEA: Color32 = Color32::from_rgb(0xdc, 0xe6, 0xee);
pub const DEMO: Color32 = Color32::from_rgb(0xb3, 0x3c, 0x00);
pub const OUTLINE: Color32 = Color32::from_rgb(0x60, 0x60, 0x60);
pub const CONTEXT_OUTLINE: Color32 = Color32::from_rgb(0xc8, 0xc8, 0xc4);
pub const HIGHLIGHT: Color32 = Color32::from_rgb(0x10, 0x10, 0x10);
/// The area under the pointer: a blue line, apart from the selection's black one.
pub const HOVER: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xd1);
pub const REGION_LINE: Color32 = Color32::from_rgb(0x33, 0x33, 0x33);
/// Errors in reports and dialogs: a dark red that reads on white and on a projector.
pub const ERROR: Color32 = Color32::from_rgb(0xb2, 0x2c, 0x1c);
pub const MUTED: Color32 = Color32::from_rgb(0x5a, 0x5a, 0x5a);

pub fn apply(ctx: &egui::Context) {
    // egui's Ubuntu-Light lacks arrows and triangles; its bundled Hack has them.
    let mut fonts = egui::FontDefinitions::default();
    if let Some(proportional) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        proportional.push("Hack".to_owned());
    }
    super::presenter::add_font(&mut fonts);
    ctx.set_fonts(fonts);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        use egui::{FontId, TextStyle};
        style
            .text_styles
            .insert(TextStyle::Body, FontId::proportional(15.0));
        style
            .text_styles
            .insert(TextStyle::Button, FontId::proportional(15.0));
        style
            .text_styles
            .insert(TextStyle::Small, FontId::proportional(12.5));
        style
            .text_styles
            .insert(TextStyle::Heading, FontId::proportional(20.0));
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    });
}
