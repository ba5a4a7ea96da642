//! What a map says about itself: its title line and its legend, as text and colours without
//! egui, so the app's legend, presenter mode and image exports say the same.
use crate::analysis::autocorrelation::Cluster;
use crate::analysis::classify::Scheme;
use crate::format;
use crate::i18n::Lang;
use crate::map::palette::{self, Rgb};
use crate::model::{Atlas, Indicator, Level, TOTAL};
use crate::state::Selection;
use crate::view::View;

/// A map's title line and legend.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// The indicator's name.
    pub title: String,
    /// The group shown, when not everyone ("Född i Sverige").
    pub group: Option<String>,
    /// The period as people read it ("2024", "mars 2024").
    pub period: String,
    /// The level's name ("DeSO", "Kommuner", a user's own level).
    pub level: String,
    /// The unit ("procent"); empty when the indicator has none.
    pub unit: String,
    /// How the classes were made and over which areas ("Kvantiler · GR").
    pub method: String,
    /// A heading over the entries when they are not classes (the LISA cluster map).
    pub entries_heading: Option<String>,
    /// Legend rows from the highest class down, then no data and the context.
    pub entries: Vec<Entry>,
    pub notes: Vec<Note>,
    pub source: String,
    /// Synthetic values are on the map: every rendering carries the demo mark.
    pub demo: bool,
}

/// One legend row: a colour box, its text and, when it counts areas, how many.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub colour: Rgb,
    pub label: String,
    pub count: Option<usize>,
}

/// A line under the legend rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub text: String,
    pub kind: NoteKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    Plain,
    /// Changes how the values must be read (aggregated from a finer level).
    Strong,
    /// What is missing for the map to show more.
    Warning,
}

impl Caption {
    /// The caption of `view`, the map of `sel` on `atlas`; `None` without an indicator.
    pub fn of(atlas: &Atlas, view: &View, sel: &Selection, lang: Lang) -> Option<Caption> {
        let ind = atlas.catalogue.indicator(&sel.indicator)?;
        let group = (sel.group_by != TOTAL).then(|| group_name(atlas, &sel.group_by, &sel.group, lang));
        let scope = if sel.national {
            lang.pick("hela Sverige", "all of Sweden")
        } else {
            "GR"
        };
        let pooled = if sel.pooled {
            lang.pick(", samma alla perioder", ", same in every period")
        } else {
            ""
        };
        let mut entries = Vec::new();
        let mut entries_heading = None;
        if let Some(spatial) = view.clusters_shown(sel) {
            // The cluster map replaces the classes.
            entries_heading = Some(format!(
                "{} (p ≤ {})",
                lang.pick("Lokala kluster, LISA", "Local clusters, LISA"),
                format::number(sel.lisa_alpha, 3, lang)
            ));
            for cluster in CLUSTERS {
                entries.push(Entry {
                    colour: palette::cluster_colour(cluster),
                    label: cluster_name(cluster, lang).to_string(),
                    count: Some(spatial.clusters.iter().filter(|c| **c == Some(cluster)).count()),
                });
            }
        } else if let Some(classes) = &view.classes {
            for c in (0..classes.len()).rev() {
                let (lo, hi) = classes.bounds(c);
                let label = match ind.category(hi) {
                    Some(category) => format!("{}. {}", hi, lang.pick(&category.sv, &category.en)),
                    None => format!(
                        "{} – {}",
                        format::number(lo, ind.decimals as usize, lang),
                        format::value(hi, ind, lang)
                    ),
                };
                entries.push(Entry {
                    colour: view.class_colours[c],
                    label,
                    count: Some(classes.counts[c]),
                });
            }
        }
        let in_scope = |flags: &[bool]| {
            flags
                .iter()
                .zip(&view.in_scope)
                .filter(|(f, s)| **f && **s)
                .count()
        };
        // Paler classes are drawn only on the class map, not on the cluster map.
        let uncertain = if view.clusters_shown(sel).is_some() {
            0
        } else {
            in_scope(&view.uncertain)
        };
        if uncertain > 0
            && let Some(middle) = view.class_colours.get(view.class_colours.len() / 2)
        {
            entries.push(Entry {
                colour: palette::uncertain(*middle),
                label: lang.pick("Osäker skattning", "Uncertain estimate").into(),
                count: Some(uncertain),
            });
        }
        let suppressed = in_scope(&view.suppressed);
        if suppressed > 0 {
            let below = ind
                .suppress_below
                .map(|b| {
                    format!(
                        " ({} {})",
                        lang.pick("under", "below"),
                        format::number(b, 0, lang)
                    )
                })
                .unwrap_or_default();
            entries.push(Entry {
                colour: palette::SUPPRESSED,
                label: format!("{}{below}", lang.pick("För få svar", "Too few answers")),
                count: Some(suppressed),
            });
        }
        let missing = view
            .values
            .iter()
            .zip(&view.in_scope)
            .zip(&view.suppressed)
            .filter(|((v, s), held)| **s && v.is_none() && !**held)
            .count();
        entries.push(Entry {
            colour: palette::NO_DATA,
            label: lang.pick("Uppgift saknas", "No data").into(),
            count: Some(missing),
        });
        if !sel.national {
            entries.push(Entry {
                colour: palette::CONTEXT,
                label: lang.pick("Övriga Sverige", "Rest of Sweden").into(),
                count: None,
            });
        }
        Some(Caption {
            title: lang.pick(&ind.sv, &ind.en).to_string(),
            group,
            period: sel.period.label(lang),
            level: level_name(&view.level, lang).into_owned(),
            unit: lang.pick(&ind.unit_sv, &ind.unit_en).to_string(),
            method: format!("{}{pooled} · {scope}", scheme_name(view.scheme, lang)),
            entries_heading,
            entries,
            notes: notes(ind, view, sel, lang),
            source: format!("{}: {}", lang.pick("Källa", "Source"), ind.source),
            demo: view.demo || ind.demo,
        })
    }

    /// The caption of a comparison: side by side, map A's caption with the classes both maps
    /// share; the difference, titled "Skillnad: B − A" with signed differences and the split
    /// at zero named.
    pub fn of_comparison(
        atlas: &Atlas,
        a: &View,
        c: &crate::view::compare::CompareView,
        sel: &Selection,
        lang: Lang,
    ) -> Option<Caption> {
        use crate::view::compare::CompareMode;
        let mut caption = Caption::of(atlas, a, sel, lang)?;
        let ind = atlas.catalogue.indicator(&sel.indicator)?;
        let decimals = ind.decimals as usize;
        let missing = caption
            .entries
            .iter()
            .filter(|e| [palette::NO_DATA, palette::CONTEXT, palette::SUPPRESSED].contains(&e.colour))
            .cloned()
            .collect::<Vec<_>>();
        let mut entries = Vec::new();
        if let Some(classes) = &c.classes {
            for k in (0..classes.len()).rev() {
                let (lo, hi) = classes.bounds(k);
                let label = match c.mode {
                    CompareMode::SideBySide => format!(
                        "{} – {}",
                        format::number(lo, decimals, lang),
                        format::value(hi, ind, lang)
                    ),
                    CompareMode::Difference => format!(
                        "{} – {}",
                        format::signed(lo, decimals, lang),
                        format::signed_difference(hi, ind, lang)
                    ),
                };
                entries.push(Entry {
                    colour: c.class_colours[k],
                    label,
                    count: Some(classes.counts[k]),
                });
            }
        }
        entries.extend(missing);
        caption.entries = entries;
        let (what_a, what_b) = compared_parts(atlas, sel, &c.b_selection, lang);
        match c.mode {
            CompareMode::SideBySide => {
                // A note that stays in a compact legend: both maps read from these classes.
                caption.notes.insert(
                    0,
                    Note {
                        text: lang
                            .pick("Samma klasser i båda kartorna", "The same classes on both maps")
                            .into(),
                        kind: NoteKind::Strong,
                    },
                );
            }
            CompareMode::Difference => {
                caption.title = format!(
                    "{}, {} {what_b} − {what_a}",
                    caption.title,
                    lang.pick("skillnad", "difference")
                );
                caption.unit = format::difference_unit(ind, lang);
                // The title names both periods (or groups, indicators) already.
                if what_a == caption.period {
                    caption.period = String::new();
                }
                caption.notes = vec![Note {
                    text: lang
                        .pick(
                            "Färgerna delas vid 0 (ingen skillnad); båda kartorna behöver ett värde",
                            "Colours part at 0 (no difference); both maps need a value",
                        )
                        .into(),
                    kind: NoteKind::Strong,
                }];
            }
        }
        Some(caption)
    }

    /// "Född i Sverige · 2024 · procent": what the legend's colours are, under its title.
    pub fn what(&self) -> String {
        join_parts(&[
            self.group.as_deref().unwrap_or_default(),
            &self.period,
            &self.unit,
        ])
    }

    /// The title line a map always carries: indicator, group, period and level, since period
    /// and group carry over between domains ("Förvärvsarbetande · Född i Sverige · 2024 · DeSO").
    pub fn title_line(&self) -> String {
        join_parts(&[&self.title, &self.subtitle()])
    }

    /// What a picture's title is of: group, period and level ("Född i Sverige · 2024 · DeSO"),
    /// leaving out what is empty.
    pub fn subtitle(&self) -> String {
        join_parts(&[
            self.group.as_deref().unwrap_or_default(),
            &self.period,
            &self.level,
        ])
    }
}

/// `parts` joined by " · ", without the empty ones.
fn join_parts(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What differs between maps A and B, in words: their periods, groups or indicators.
pub fn compared_parts(atlas: &Atlas, a: &Selection, b: &Selection, lang: Lang) -> (String, String) {
    if a.indicator != b.indicator {
        let name = |id: &str| {
            atlas
                .catalogue
                .indicator(id)
                .map_or_else(|| id.to_string(), |i| lang.pick(&i.sv, &i.en).to_string())
        };
        (name(&a.indicator), name(&b.indicator))
    } else if (a.group_by.as_str(), a.group.as_str()) != (b.group_by.as_str(), b.group.as_str()) {
        let group = |s: &Selection| {
            if s.group_by == TOTAL {
                lang.pick("alla", "everyone").to_string()
            } else {
                group_name(atlas, &s.group_by, &s.group, lang)
            }
        };
        (group(a), group(b))
    } else {
        (a.period.label(lang), b.period.label(lang))
    }
}

/// A difference between survey values in words: significant or not at the survey's level.
pub fn significance_words(
    d: &crate::analysis::significance::Difference,
    confidence: f64,
    lang: Lang,
) -> String {
    let level = format::number(confidence, 0, lang);
    if d.significant(confidence) {
        format!(
            "{} ({level} %)",
            lang.pick("statistiskt säkerställd", "statistically significant")
        )
    } else {
        format!(
            "{} ({level} %)",
            lang.pick("inte statistiskt säkerställd", "not statistically significant")
        )
    }
}

/// An area's value as a presenter says it: the value with its interval for a survey value,
/// "För få svar" for one held back, else "Uppgift saknas".
pub fn area_value_words(
    atlas: &Atlas,
    view: &View,
    code: &str,
    i: usize,
    ind: &Indicator,
    lang: Lang,
) -> String {
    match view.values.get(i).copied().flatten() {
        Some(v) => {
            let value = format::value(v, ind, lang);
            match view.interval(i).zip(view.confidence) {
                Some(((lo, hi), c)) => format!("{value} ({})", interval_words(lo, hi, c, ind, lang)),
                None => value,
            }
        }
        None => match atlas.observations.suppressed(&view.key, code, view.period) {
            Some(held) => suppressed_words(held.n, ind, lang),
            None => lang.pick("Uppgift saknas", "No data").to_string(),
        },
    }
}

/// A survey value's confidence interval: "95 % KI 22,3–25,9".
pub fn interval_words(lo: f64, hi: f64, confidence: f64, ind: &Indicator, lang: Lang) -> String {
    format!(
        "{} % {} {}–{}",
        format::number(confidence, 0, lang),
        lang.pick("KI", "CI"),
        format::number(lo.max(ind.min), ind.decimals as usize, lang),
        format::number(hi.min(ind.max), ind.decimals as usize, lang)
    )
}

/// An area's place in GR: "Plats 3 av 13 i GR", with "(högst värde först)" where there is room
/// to say which way the ranking runs (the tooltip; not the presenter's short line).
pub fn rank_words(rank: usize, count: usize, lang: Lang, say_order: bool) -> String {
    let words = format!(
        "{} {rank} {} {count} {}",
        lang.pick("Plats", "Rank"),
        lang.pick("av", "of"),
        lang.pick("i GR", "in GR")
    );
    if say_order {
        format!(
            "{words} {}",
            lang.pick("(högst värde först)", "(highest value first)")
        )
    } else {
        words
    }
}

/// Why a survey value is not shown: "För få svar (12 svarande, gräns 30)".
pub fn suppressed_words(n: Option<f64>, ind: &Indicator, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(n) = n {
        parts.push(format!(
            "{} {}",
            format::number(n, 0, lang),
            lang.pick("svarande", "respondents")
        ));
    }
    if let Some(b) = ind.suppress_below {
        parts.push(format!(
            "{} {}",
            lang.pick("gräns", "threshold"),
            format::number(b, 0, lang)
        ));
    }
    let why = if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    };
    format!("{}{why}", lang.pick("För få svar", "Too few answers"))
}

/// The lines under the legend rows: GR's and Sweden's value, how the values were made.
fn notes(ind: &Indicator, view: &View, sel: &Selection, lang: Lang) -> Vec<Note> {
    let mut notes = Vec::new();
    let note = |text: String, kind| Note { text, kind };
    if let (Some(reference), Some(kind)) = (view.reference, sel.reference)
        && view.classes.as_ref().is_some_and(|c| c.below_reference.is_some())
    {
        // A diverging map says what its colours part at.
        let what = match kind {
            crate::state::Reference::GrAverage => lang.pick("GR-snittet", "the GR average"),
            crate::state::Reference::Sweden => lang.pick("rikets värde", "Sweden's value"),
            crate::state::Reference::Value(_) => lang.pick("det valda värdet", "the chosen value"),
        };
        notes.push(note(
            format!(
                "{} {what}, {}",
                lang.pick("Färgerna delas vid", "Colours part at"),
                format::value(reference, ind, lang)
            ),
            NoteKind::Strong,
        ));
    }
    if ind.survey {
        notes.push(note(
            format!(
                "{} {} %",
                lang.pick("Enkät: konfidensnivå", "Survey: confidence level"),
                format::number(ind.confidence, 0, lang)
            ),
            NoteKind::Plain,
        ));
        if view.clusters_shown(sel).is_none()
            && view.uncertain.iter().zip(&view.in_scope).any(|(u, s)| *u && *s)
        {
            notes.push(note(
                lang.pick(
                    "Blekare: intervallet bredare än klassen",
                    "Paler: interval wider than the class",
                )
                .into(),
                NoteKind::Plain,
            ));
        }
    }
    if view.classes.is_none() && ind.id.starts_with(crate::analysis::segregation_series::PREFIX) {
        // Only the region-wide measure exists: say what a map per area needs.
        notes.push(note(
            lang.pick(
                "Mått per kommun kräver antal per DeSO eller RegSO. Nu finns bara hela GR, mätt mellan kommunerna.",
                "Measures per municipality need counts per DeSO or RegSO. For now only all of GR, measured between municipalities.",
            )
            .into(),
            NoteKind::Warning,
        ));
    }
    if let Some(region) = view.region {
        let how = if region.published {
            ""
        } else if region.summed {
            lang.pick(" (summa av områdena)", " (sum of the areas)")
        } else {
            lang.pick(" (medel av områdena)", " (mean of the areas)")
        };
        notes.push(note(
            format!(
                "{}: {}{how}",
                region_label(ind, sel, lang),
                format::value(region.value, ind, lang)
            ),
            NoteKind::Plain,
        ));
    }
    if let Some(se) = view.sweden {
        notes.push(note(
            format!(
                "{}: {}",
                lang.pick("Riket", "Sweden"),
                format::value(se, ind, lang)
            ),
            NoteKind::Plain,
        ));
    }
    if let Some((level, rule)) = &view.aggregated {
        let how = match rule {
            crate::model::Aggregation::Sum => lang.pick("summerat", "summed"),
            _ => lang.pick("viktat med antal", "weighted by base"),
        };
        notes.push(note(
            format!(
                "{} {} ({how})",
                lang.pick("Aggregerat från", "Aggregated from"),
                level_name(level, lang)
            ),
            NoteKind::Strong,
        ));
    }
    notes
}

/// What the region's value of the shown indicator is: an average of rates, a total of counts,
/// or, for a segregation measure, the measure over all of GR.
pub fn region_label(ind: &Indicator, sel: &Selection, lang: Lang) -> &'static str {
    if sel
        .indicator
        .starts_with(crate::analysis::segregation_series::PREFIX)
    {
        lang.pick("Hela GR", "All of GR")
    } else if ind.is_count() {
        lang.pick("GR totalt", "GR total")
    } else {
        lang.pick("GR-snitt", "GR average")
    }
}

/// A group's name in the UI language; its id when the catalogue does not know it.
pub fn group_name(atlas: &Atlas, dim: &str, group: &str, lang: Lang) -> String {
    atlas
        .catalogue
        .dimension(dim)
        .and_then(|d| d.groups.iter().find(|g| g.id == group))
        .map_or_else(|| group.to_string(), |g| lang.pick(&g.sv, &g.en).to_string())
}

/// A level's name in the UI; a custom level by the name the user gave it.
pub fn level_name(level: &Level, lang: Lang) -> std::borrow::Cow<'_, str> {
    match level {
        Level::Kommun => lang.pick("Kommuner", "Municipalities").into(),
        Level::Regso => "RegSO".into(),
        Level::Deso => "DeSO".into(),
        Level::Custom(name) => name.as_str().into(),
    }
}

/// A classification scheme's name, as a GIS user knows it.
pub fn scheme_name(scheme: Scheme, lang: Lang) -> &'static str {
    match scheme {
        Scheme::Quantile => lang.pick("Kvantiler", "Quantiles"),
        Scheme::EqualInterval => lang.pick("Lika intervall", "Equal interval"),
        Scheme::FisherJenks => lang.pick(
            "Naturliga brytpunkter (Fisher–Jenks)",
            "Natural breaks (Fisher–Jenks)",
        ),
        Scheme::StdMean => lang.pick("Medelvärde ± standardavvikelse", "Mean ± standard deviation"),
        Scheme::BoxPlot => lang.pick("Lådagram (box map)", "Box map"),
        Scheme::Manual => lang.pick("Egna gränser", "Manual breaks"),
        Scheme::UniqueValues => lang.pick("Unika värden", "Unique values"),
    }
}

/// A LISA cluster's name, hot and cold spots as GeoDa calls them.
pub fn cluster_name(cluster: Cluster, lang: Lang) -> &'static str {
    match cluster {
        Cluster::HighHigh => lang.pick("Högt bland höga (hot spot)", "High among high (hot spot)"),
        Cluster::LowLow => lang.pick("Lågt bland låga (cold spot)", "Low among low (cold spot)"),
        Cluster::HighLow => lang.pick("Högt bland låga", "High among low"),
        Cluster::LowHigh => lang.pick("Lågt bland höga", "Low among high"),
        Cluster::NotSignificant => lang.pick("Inte signifikant", "Not significant"),
    }
}

/// The clusters in the order the legend lists them.
pub const CLUSTERS: [Cluster; 5] = [
    Cluster::HighHigh,
    Cluster::LowLow,
    Cluster::HighLow,
    Cluster::LowHigh,
    Cluster::NotSignificant,
];
