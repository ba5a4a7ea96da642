//! segkarta: opens the map on the embedded Göteborgsregionen data.
use anyhow::Context as _;

fn main() -> anyhow::Result<()> {
    let atlas = segkarta::io::embedded::atlas().context("the embedded data could not be loaded")?;
    let settings = segkarta::settings::load();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("segkarta")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "segkarta",
        options,
        Box::new(move |cc| {
            Ok(Box::new(segkarta::app::SegkartaApp::new(
                &cc.egui_ctx,
                atlas,
                settings,
                true,
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
