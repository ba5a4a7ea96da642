//! The map as a table: what a CSV export of the screen holds, one row per area in scope.
use crate::model::{AreaLayer, Period};
use crate::state::Selection;
use crate::view::View;

/// `text` as a CSV field: quoted when it holds a separator, a quote or a line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The areas of the map in scope (GR, or all of Sweden when compared) with their value,
/// class (1 = lowest), the class's bounds and rank in GR, for the indicator, period and group
/// shown; a `demo` column says whether the values are invented.
pub fn map_csv(view: &View, layer: &AreaLayer, sel: &Selection) -> String {
    let mut out = String::from(
        "area_code,area_name,indicator,period,group_by,group,value,class,class_from,class_to,rank_in_gr,demo\n",
    );
    let period: Period = view.period;
    for (i, area) in layer.areas.iter().enumerate().filter(|(i, _)| view.in_scope[*i]) {
        let value = view.values[i];
        let class = value.and_then(|v| view.classes.as_ref().map(|c| (c.class_of(v), c)));
        let (class, from, to) = match class {
            Some((c, classes)) => {
                let (lo, hi) = classes.bounds(c);
                ((c + 1).to_string(), lo.to_string(), hi.to_string())
            }
            None => Default::default(),
        };
        let row = [
            csv_field(&area.code),
            csv_field(&area.name),
            csv_field(&sel.indicator),
            period.to_string(),
            csv_field(&sel.group_by),
            csv_field(&sel.group),
            value.map_or_else(String::new, |v| v.to_string()),
            class,
            from,
            to,
            view.gr_rank[i].map_or_else(String::new, |r| r.to_string()),
            view.demo.to_string(),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(csv_field("Göteborg"), "Göteborg");
        assert_eq!(csv_field("Lerum, centrum"), "\"Lerum, centrum\"");
        assert_eq!(csv_field("a \"b\""), "\"a \"\"b\"\"\"");
    }

    #[test]
    fn the_default_map_is_13_rows_with_classes_that_hold_their_values() {
        let atlas = crate::io::embedded::atlas().expect("embedded");
        let mut sel = crate::state::Settings::default().selection;
        sel.normalise(&atlas);
        let layer = &atlas.layers[0];
        let view = View::compute(&atlas, layer, &sel);
        let csv = map_csv(&view, layer, &sel);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 14, "header and the 13 municipalities");
        for line in &lines[1..] {
            let cells: Vec<&str> = line.split(',').collect();
            let value: f64 = cells[6].parse().expect("a value");
            let (from, to): (f64, f64) = (cells[8].parse().expect("from"), cells[9].parse().expect("to"));
            assert!(from <= value && value <= to, "{line}");
            assert_eq!(cells[11], "true", "demo values say so");
        }
    }
}
