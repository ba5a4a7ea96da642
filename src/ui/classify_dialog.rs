//! Classification: the scheme and number of classes (also in the left panel), and a window
//! (K) with everything else — pooled breaks, a diverging palette around a reference, manual
//! breaks — beside a histogram of the values with the breaks drawn on it and the class table.
use egui::RichText;
use egui_plot::{Bar, BarChart, Plot, VLine};

use super::{Outputs, UiCx, scheme_name};
use crate::analysis::classify::Scheme;
use crate::format;
use crate::state::{Action, Reference};

/// Text typed into the manual-breaks field, kept between frames while the window is open.
#[derive(Default)]
pub struct ClassifyDialog {
    pub breaks_text: String,
}

/// Scheme picker, number of classes and the pooled switch: shared by the panel and the window.
pub fn scheme_controls(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let sel = &cx.settings.selection;
    super::fitted_combo(
        ui,
        "scheme",
        cx.t("Metod", "Method"),
        scheme_name(cx.view.scheme, cx.lang).to_string(),
        250.0,
        |ui| {
            for scheme in Scheme::ALL {
                if ui
                    .selectable_label(sel.scheme == scheme, scheme_name(scheme, cx.lang))
                    .clicked()
                {
                    if scheme == Scheme::Manual && sel.manual_breaks.is_empty() {
                        // Start from the breaks on screen, without the closing maximum.
                        let mut breaks = cx
                            .view
                            .classes
                            .as_ref()
                            .map_or_else(Vec::new, |c| c.breaks.clone());
                        breaks.pop();
                        out.actions.push(Action::SetManualBreaks(breaks));
                    }
                    out.actions.push(Action::SetScheme(scheme));
                }
            }
        },
    );
    let mut k = sel.classes;
    if ui
        .add_enabled(
            sel.scheme.uses_k(),
            egui::Slider::new(&mut k, 3..=9).text(cx.t("klasser", "classes")),
        )
        .changed()
    {
        out.actions.push(Action::SetClasses(k));
    }
    if let Some(pooled) = super::toggled(
        ui,
        sel.pooled,
        cx.t("Samma gränser alla perioder", "Same breaks in every period"),
        cx.t(
            "Gränserna räknas på alla perioders värden, så att en färg betyder samma sak i varje period",
            "Breaks are computed over every period's values, so a colour means the same in every period",
        ),
    ) {
        out.actions.push(Action::SetPooled(pooled));
    }
}

/// Parse breaks typed as `10; 20,5; 30` (semicolons or spaces between, decimal comma or point).
pub fn parse_breaks(text: &str) -> Result<Vec<f64>, String> {
    text.split(|c: char| c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.replace(',', ".")
                .replace('−', "-")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("\"{t}\""))
        })
        .collect()
}

pub fn window(
    ctx: &egui::Context,
    cx: &UiCx,
    out: &mut Outputs,
    dialog: &mut ClassifyDialog,
    open: &mut bool,
) {
    let sel = &cx.settings.selection;
    let Some(ind) = cx.indicator() else {
        return;
    };
    egui::Window::new(cx.t("Klassindelning", "Classification"))
        .open(open)
        .default_width(460.0)
        // Beside the left panel, over the sea west of GR rather than over the region.
        .default_pos(ctx.content_rect().left_top() + egui::vec2(280.0, 90.0))
        .show(ctx, |ui| {
            scheme_controls(ui, cx, out);
            if sel.scheme == Scheme::UniqueValues && cx.view.scheme != Scheme::UniqueValues {
                ui.colored_label(
                    super::style::ERROR,
                    cx.t(
                        "För många olika värden för en färg per värde: visar kvantiler.",
                        "Too many distinct values for one colour each: showing quantiles.",
                    ),
                );
            }
            if sel.scheme == Scheme::Manual {
                ui.horizontal(|ui| {
                    ui.label(cx.t("Gränser", "Breaks"));
                    if dialog.breaks_text.is_empty() && !sel.manual_breaks.is_empty() {
                        dialog.breaks_text = sel
                            .manual_breaks
                            .iter()
                            .map(|b| format::number(*b, ind.decimals as usize, cx.lang))
                            .collect::<Vec<_>>()
                            .join("; ");
                    }
                    let field =
                        ui.add(egui::TextEdit::singleline(&mut dialog.breaks_text).desired_width(200.0));
                    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if (ui.button(cx.t("Använd", "Apply")).clicked() || entered)
                        && let Ok(breaks) = parse_breaks(&dialog.breaks_text)
                    {
                        out.actions.push(Action::SetManualBreaks(breaks));
                    }
                });
                if let Err(bad) = parse_breaks(&dialog.breaks_text) {
                    ui.colored_label(
                        super::style::ERROR,
                        format!(
                            "{} {bad} ({})",
                            cx.t("Inte ett tal:", "Not a number:"),
                            cx.t(
                                "skilj gränserna åt med semikolon",
                                "separate breaks with semicolons"
                            )
                        ),
                    );
                }
            }
            ui.separator();
            reference_controls(ui, cx, out);
            ui.separator();
            histogram(ui, cx);
            class_table(ui, cx);
        });
}

/// Sequential colours, or diverging around the GR average, Sweden or a typed value.
fn reference_controls(ui: &mut egui::Ui, cx: &UiCx, out: &mut Outputs) {
    let current = cx.settings.selection.reference;
    let label = |r: Option<Reference>| match r {
        None => cx.t("Stigande (sekventiell)", "Sequential"),
        Some(Reference::GrAverage) => {
            cx.t("Divergerande kring GR-snittet", "Diverging around the GR average")
        }
        Some(Reference::Sweden) => cx.t("Divergerande kring riket", "Diverging around Sweden"),
        Some(Reference::Value(_)) => cx.t("Divergerande kring ett värde", "Diverging around a value"),
    };
    let typed = match current {
        Some(Reference::Value(v)) => v,
        _ => cx.view.region.map_or(0.0, |r| r.value),
    };
    egui::ComboBox::from_label(cx.t("Färgskala", "Colours"))
        .width(250.0)
        .selected_text(label(current))
        .show_ui(ui, |ui| {
            for r in [
                None,
                Some(Reference::GrAverage),
                Some(Reference::Sweden),
                Some(Reference::Value(typed)),
            ] {
                let kind = |r: Option<Reference>| r.map(|r| std::mem::discriminant(&r));
                if ui.selectable_label(kind(r) == kind(current), label(r)).clicked() {
                    out.actions.push(Action::SetReference(r));
                }
            }
        });
    if let Some(Reference::Value(v)) = current {
        let mut v = v;
        if ui
            .add(
                egui::DragValue::new(&mut v)
                    .speed(0.1)
                    .prefix(cx.t("referens: ", "reference: ")),
            )
            .changed()
        {
            out.actions.push(Action::SetReference(Some(Reference::Value(v))));
        }
    }
    if current.is_some() && cx.view.reference.is_none() {
        ui.colored_label(
            super::style::ERROR,
            cx.t(
                "Referensvärdet saknas för perioden: visar stigande färger.",
                "No reference value for the period: showing sequential colours.",
            ),
        );
    }
}

/// The values in scope as a histogram (bins split at the breaks, coloured by class), with the
/// breaks as vertical lines.
fn histogram(ui: &mut egui::Ui, cx: &UiCx) {
    let values: Vec<f64> = cx
        .view
        .values
        .iter()
        .zip(&cx.view.in_scope)
        .filter_map(|(v, s)| v.filter(|_| *s))
        .collect();
    let bins = crate::analysis::histogram::bins(&values, cx.view.classes.as_ref());
    if bins.is_empty() {
        ui.label(cx.t("Inga värden att visa.", "No values to show."));
        return;
    }
    // Bins split at the breaks, each in its class's colour, as on the map.
    let bars: Vec<Bar> = bins
        .iter()
        .map(|b| {
            let fill = b
                .class
                .and_then(|c| cx.view.class_colours.get(c))
                .map_or(egui::Color32::from_gray(150), |c| (*c).into());
            let width = (b.hi - b.lo).max(f64::EPSILON);
            Bar::new((b.lo + b.hi) / 2.0, b.count as f64)
                .width(width * 0.96)
                .fill(fill)
                .stroke(egui::Stroke::new(0.5, super::style::OUTLINE))
        })
        .collect();
    Plot::new("classify_histogram")
        .height(150.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_y(false)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(cx.t("Antal områden", "Areas"), bars));
            if let Some(classes) = &cx.view.classes {
                for (i, b) in classes.breaks.iter().enumerate() {
                    plot.vline(
                        VLine::new(format!("{i}"), *b)
                            .color(super::style::OUTLINE)
                            .width(1.5),
                    );
                }
            }
            if let Some(r) = cx.view.reference {
                plot.vline(
                    VLine::new(cx.t("Referens", "Reference"), r)
                        .color(egui::Color32::BLACK)
                        .style(egui_plot::LineStyle::dashed_dense()),
                );
            }
        });
}

/// Class bounds and counts, lowest class first, as in the legend.
fn class_table(ui: &mut egui::Ui, cx: &UiCx) {
    let (Some(classes), Some(ind)) = (&cx.view.classes, cx.indicator()) else {
        return;
    };
    egui::Grid::new("classify_table").striped(true).show(ui, |ui| {
        ui.label(RichText::new(cx.t("Klass", "Class")).strong());
        ui.label(RichText::new(cx.t("Från – till", "From – to")).strong());
        ui.label(RichText::new(cx.t("Områden", "Areas")).strong());
        ui.end_row();
        for c in 0..classes.len() {
            let (lo, hi) = classes.bounds(c);
            super::swatch(ui, cx.view.class_colours[c].into());
            ui.label(format!(
                "{} – {}",
                format::number(lo, ind.decimals as usize, cx.lang),
                format::value(hi, ind, cx.lang)
            ));
            ui.label(classes.counts[c].to_string());
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_breaks_take_decimal_commas_and_name_what_is_not_a_number() {
        assert_eq!(parse_breaks("10; 20,5;30  −1"), Ok(vec![10.0, 20.5, 30.0, -1.0]));
        assert_eq!(parse_breaks("10; tjugo"), Err("\"tjugo\"".to_string()));
        assert_eq!(parse_breaks(""), Ok(vec![]));
    }
}
