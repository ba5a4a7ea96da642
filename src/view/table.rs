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
/// shown; a `demo` column says whether the values are invented. Survey values add their
/// interval and respondents, and `too_few_answers` for a value held back (whose value, class
/// and rank stay empty).
pub fn map_csv(view: &View, layer: &AreaLayer, sel: &Selection) -> String {
    let mut out = String::from(
        "area_code,area_name,indicator,period,group_by,group,value,class,class_from,class_to,rank_in_gr,\
         lower,upper,n,uncertain,too_few_answers,demo\n",
    );
    let period: Period = view.period;
    for (i, area) in layer.areas.iter().enumerate().filter(|(i, _)| view.in_scope[*i]) {
        let value = view.values[i];
        let class = value.and_then(|v| view.classes.as_ref().map(|c| (c.class_of(v), c)));
        let interval = view.interval(i);
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
            number(interval.map(|(lo, _)| lo)),
            number(interval.map(|(_, hi)| hi)),
            number(view.estimates[i].and_then(|e| e.n)),
            view.uncertain[i].to_string(),
            view.suppressed[i].to_string(),
            view.demo.to_string(),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// A panel whose table can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelTable {
    Groups,
    Ranking,
    Trend,
}

impl PanelTable {
    /// The file name's stem: "grupper", "rangordning", "utveckling".
    pub fn stem(self) -> &'static str {
        match self {
            PanelTable::Groups => "grupper",
            PanelTable::Ranking => "rangordning",
            PanelTable::Trend => "utveckling",
        }
    }
}

fn number(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

/// A panel's numbers as CSV, with the indicator, period and a demo column on every row.
pub fn panel_csv(table: PanelTable, view: &View, layer: &AreaLayer, sel: &Selection) -> String {
    let demo = view.demo.to_string();
    let ind = csv_field(&sel.indicator);
    let mut out = String::new();
    match table {
        PanelTable::Groups => {
            out.push_str("indicator,period,area,group_by,group,value,moe,n,gr_value,demo\n");
            let area = sel.area.as_deref().unwrap_or("GR");
            if let Some((dim, comparison)) = &view.groups {
                for row in &comparison.rows {
                    let cells = [
                        ind.clone(),
                        view.period.to_string(),
                        csv_field(area),
                        csv_field(dim),
                        csv_field(&row.group),
                        number(row.value),
                        number(row.moe),
                        number(row.n),
                        number(row.region),
                        demo.clone(),
                    ];
                    out.push_str(&(cells.join(",") + "\n"));
                }
            }
        }
        PanelTable::Ranking => {
            out.push_str("indicator,period,group_by,group,rank,area_code,area_name,value,demo\n");
            let mut ranked: Vec<(usize, usize)> = view
                .gr_rank
                .iter()
                .enumerate()
                .filter_map(|(i, r)| r.map(|r| (r, i)))
                .collect();
            ranked.sort();
            for (rank, i) in ranked {
                let cells = [
                    ind.clone(),
                    view.period.to_string(),
                    csv_field(&sel.group_by),
                    csv_field(&sel.group),
                    rank.to_string(),
                    csv_field(&layer.areas[i].code),
                    csv_field(&layer.areas[i].name),
                    number(view.values[i]),
                    demo.clone(),
                ];
                out.push_str(&(cells.join(",") + "\n"));
            }
        }
        PanelTable::Trend => {
            out.push_str("indicator,group_by,group,series,period,value,demo\n");
            let own = sel.area.as_deref().unwrap_or("GR");
            let mut series: Vec<(&str, &[crate::model::Observation])> =
                vec![("GR", &view.trend.region_series)];
            if sel.area.is_some() {
                series.push((own, &view.trend.own));
            }
            for (name, observations) in series {
                for o in observations {
                    let cells = [
                        ind.clone(),
                        csv_field(&sel.group_by),
                        csv_field(&sel.group),
                        csv_field(name),
                        o.period.to_string(),
                        o.value.to_string(),
                        demo.clone(),
                    ];
                    out.push_str(&(cells.join(",") + "\n"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panel_tables_hold_the_ranking_groups_and_series() {
        let (atlas, sel) = crate::view::demo_with_area("1480");
        let layer = &atlas.layers[0];
        let view = View::compute(&atlas, layer, &sel);
        let ranking = panel_csv(PanelTable::Ranking, &view, layer, &sel);
        assert_eq!(ranking.lines().count(), 14);
        assert!(
            ranking.lines().nth(1).expect("first").contains(",1,"),
            "{ranking}"
        );
        let groups = panel_csv(PanelTable::Groups, &view, layer, &sel);
        assert!(groups.lines().count() >= 3, "{groups}");
        assert!(
            groups
                .lines()
                .skip(1)
                .all(|l| l.contains(",1480,") && l.ends_with(",true"))
        );
        let trend = panel_csv(PanelTable::Trend, &view, layer, &sel);
        assert!(trend.lines().any(|l| l.contains(",GR,")) && trend.lines().any(|l| l.contains(",1480,")));
    }

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
            assert_eq!(cells.last().copied(), Some("true"), "demo values say so");
            assert_eq!(cells[15], "false", "not a survey: nothing held back");
        }
    }
}
