//! What the user has chosen ([`Selection`], [`Settings`]), the [`Action`]s the UI emits and the
//! reducer that applies them. Runtime caches (the view, meshes) live elsewhere, so saving the
//! settings never drags them along.
use serde::{Deserialize, Serialize};

use crate::analysis::classify::Scheme;
use crate::i18n::Lang;
use crate::model::{Atlas, Level, Period, TOTAL};

/// What the map and panels show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    pub domain: String,
    pub indicator: String,
    /// The period shown (a year, a month…); unset until [`Selection::normalise`] sees data.
    #[serde(alias = "year")]
    pub period: Period,
    pub group_by: String,
    pub group: String,
    pub scheme: Scheme,
    pub classes: usize,
    /// Selected area code (clicked on the map or in a list); `None` means the whole region.
    pub area: Option<String>,
    /// Classify and colour all of Sweden, not only GR.
    pub national: bool,
    /// Which area layer the map shows.
    pub level: Level,
    /// One set of class breaks over all periods, so colours mean the same in every period.
    pub pooled: bool,
    /// The user's class breaks for the manual scheme.
    pub manual_breaks: Vec<f64>,
    /// Colour by distance from a reference value with a diverging palette.
    pub reference: Option<Reference>,
    /// Show local Moran clusters on the map instead of the classes.
    pub lisa_map: bool,
    /// Significance level of the cluster map.
    pub lisa_alpha: f64,
    /// How neighbours are found for Moran's I and LISA.
    pub weights: crate::analysis::weights::WeightsSpec,
    /// The period the trend panel compares the shown one with (`None`: the first period).
    #[serde(alias = "base_year")]
    pub base_period: Option<Period>,
    /// A second map beside this one or against it (side by side, difference).
    pub comparison: Option<crate::view::compare::Comparison>,
    /// Classes without the pale end of the ramp, for a projector that washes it out.
    pub high_contrast: bool,
    /// The activities layer on the map and which activities it shows; `None`: not shown.
    pub activities: Option<crate::model::ActivityFilter>,
}

/// What a diverging palette is centred on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// The GR average of the indicator in the period shown.
    GrAverage,
    /// The national value in the period shown.
    Sweden,
    /// A value the user typed (a target, say).
    Value(f64),
}

impl Default for Selection {
    fn default() -> Self {
        Self {
            domain: "arbete".into(),
            indicator: "forvarvsarbetande".into(),
            period: Period::default(),
            group_by: TOTAL.into(),
            group: TOTAL.into(),
            scheme: Scheme::Quantile,
            classes: 5,
            area: None,
            national: false,
            level: Level::Kommun,
            pooled: false,
            manual_breaks: Vec::new(),
            reference: None,
            lisa_map: false,
            lisa_alpha: 0.05,
            weights: Default::default(),
            base_period: None,
            comparison: None,
            high_contrast: false,
            activities: None,
        }
    }
}

impl Selection {
    /// Make the selection valid for `atlas`: a known indicator in the chosen domain, a period
    /// with data (the latest when unset or gone), a group the indicator has.
    pub fn normalise(&mut self, atlas: &Atlas) {
        let cat = &atlas.catalogue;
        if cat.domain(&self.domain).is_none() {
            self.domain = cat.domains.first().map(|d| d.id.clone()).unwrap_or_default();
        }
        if let Some(ind) = cat.indicator(&self.indicator) {
            // The indicator leads: it may have moved (a user's file replaced a demo one).
            self.domain = ind.domain.clone();
        } else {
            self.indicator = cat
                .indicators_in(&self.domain)
                .next()
                .map(|i| i.id.clone())
                .unwrap_or_default();
        }
        let periods = atlas.observations.periods(&self.indicator);
        if !periods.contains(&self.period) {
            // Keep the user near the period they looked at: the closest one with data.
            let unset = self.period == Period::default();
            self.period = Period::nearest(periods, self.period)
                .filter(|_| !unset)
                .or_else(|| periods.last().copied())
                .unwrap_or_default();
        }
        if self.base_period.is_some_and(|b| !periods.contains(&b)) {
            self.base_period = None;
        }
        let has_dim = cat
            .indicator(&self.indicator)
            .is_some_and(|i| i.dimensions.contains(&self.group_by));
        if self.group_by != TOTAL && !has_dim {
            self.group_by = TOTAL.into();
        }
        // Measures of one group (segregation of a group, say) have no whole-population value.
        let group_bys = atlas.observations.group_bys(&self.indicator);
        if self.group_by == TOTAL
            && atlas.observations.groups(&self.indicator, TOTAL).is_empty()
            && let Some(first) = cat
                .indicator(&self.indicator)
                .and_then(|i| i.dimensions.iter().find(|d| group_bys.contains(d)))
        {
            self.group_by = first.clone();
        }
        if self.group_by == TOTAL {
            self.group = TOTAL.into();
        } else if !atlas
            .observations
            .groups(&self.indicator, &self.group_by)
            .contains(&self.group)
        {
            self.group = cat
                .dimension(&self.group_by)
                .and_then(|d| d.groups.first())
                .map(|g| g.id.clone())
                .unwrap_or_else(|| TOTAL.into());
        }
        self.classes = self.classes.clamp(3, 9);
        if atlas.layer(&self.level).is_none() {
            self.level = Level::Kommun;
        }
        if let Some(code) = &self.area
            && atlas.layers.iter().all(|l| l.index_of(code).is_none())
        {
            self.area = None;
        }
    }
}

/// Everything that is saved between sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub selection: Selection,
    pub lang: Lang,
    pub basemap: bool,
    pub left_panel: bool,
    pub right_panel: bool,
    /// UI scale (Ctrl + / Ctrl −), larger on a projector.
    pub ui_zoom: f32,
    /// Files opened lately, newest first.
    pub recent_files: Vec<String>,
    /// Indicators of the socioeconomic area-type index and their weights.
    pub area_type_weights: Vec<(String, f64)>,
    /// Text scale of presenter mode (`+`/`−` while presenting).
    pub presenter_scale: f32,
}

/// How many recent files are remembered.
pub const RECENT_FILES: usize = 8;

impl Default for Settings {
    fn default() -> Self {
        Self {
            selection: Selection::default(),
            lang: Lang::Sv,
            basemap: false,
            left_panel: true,
            right_panel: true,
            ui_zoom: 1.0,
            recent_files: Vec::new(),
            area_type_weights: crate::analysis::area_types::DEFAULT_COMPONENTS
                .iter()
                .map(|c| (c.to_string(), 1.0))
                .collect(),
            presenter_scale: crate::ui::presenter::DEFAULT_SCALE,
        }
    }
}

/// Something the user did. The UI emits these; [`Settings::apply`] carries them out.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SelectDomain(String),
    SelectIndicator(String),
    SetPeriod(Period),
    /// Step through the indicator's periods with data, -1 or +1.
    StepPeriod(i32),
    /// Step through the domain's indicators, -1 or +1.
    StepIndicator(i32),
    SetGroupBy(String),
    SetGroup(String),
    SetScheme(Scheme),
    SetClasses(usize),
    SetPooled(bool),
    SetManualBreaks(Vec<f64>),
    SetReference(Option<Reference>),
    SetLisaMap(bool),
    SetBasePeriod(Option<Period>),
    /// Weight of an indicator in the area-type index (0 leaves it out).
    SetAreaTypeWeight(String, f64),
    SetLisaAlpha(f64),
    SetWeights(crate::analysis::weights::WeightsSpec),
    SelectArea(Option<String>),
    SetNational(bool),
    SetLang(Lang),
    SetBasemap(bool),
    ToggleLeftPanel,
    ToggleRightPanel,
    SetUiZoom(f32),
    SetPresenterScale(f32),
    SetComparison(Option<crate::view::compare::Comparison>),
    SetHighContrast(bool),
    /// Show the activities layer with this filter, or hide it.
    SetActivities(Option<crate::model::ActivityFilter>),
    SetLevel(Level),
    /// A file was opened: it goes to the top of the recent files.
    RememberFile(String),
}

impl Settings {
    /// Apply an action; returns whether the selection changed (and the view must be rebuilt).
    pub fn apply(&mut self, atlas: &Atlas, action: Action) -> bool {
        let before = self.selection.clone();
        let sel = &mut self.selection;
        match action {
            Action::SelectDomain(d) => {
                if d != sel.domain {
                    sel.domain = d;
                    sel.indicator.clear();
                }
            }
            Action::SelectIndicator(i) => {
                if let Some(ind) = atlas.catalogue.indicator(&i) {
                    sel.domain = ind.domain.clone();
                    sel.indicator = i;
                }
            }
            Action::SetPeriod(p) => sel.period = p,
            Action::StepPeriod(step) => {
                let periods = atlas.observations.periods(&sel.indicator);
                if let Some(pos) = periods.iter().position(|p| *p == sel.period) {
                    let next = pos as i64 + step as i64;
                    if (0..periods.len() as i64).contains(&next) {
                        sel.period = periods[next as usize];
                    }
                }
            }
            Action::StepIndicator(step) => {
                let ids: Vec<&str> = atlas
                    .catalogue
                    .indicators_in(&sel.domain)
                    .map(|i| i.id.as_str())
                    .collect();
                if let Some(pos) = ids.iter().position(|i| *i == sel.indicator) {
                    let next = (pos as i64 + step as i64).rem_euclid(ids.len() as i64) as usize;
                    sel.indicator = ids[next].to_string();
                }
            }
            Action::SetGroupBy(g) => {
                sel.group_by = g;
                sel.group.clear();
            }
            Action::SetGroup(g) => sel.group = g,
            Action::SetScheme(s) => sel.scheme = s,
            Action::SetClasses(k) => sel.classes = k.clamp(3, 9),
            Action::SetPooled(p) => sel.pooled = p,
            Action::SetManualBreaks(b) => sel.manual_breaks = b,
            Action::SetReference(r) => sel.reference = r,
            Action::SetLisaMap(on) => sel.lisa_map = on,
            Action::SetBasePeriod(p) => sel.base_period = p,
            Action::SetAreaTypeWeight(id, w) => {
                let w = w.clamp(0.0, 5.0);
                match self.area_type_weights.iter_mut().find(|(i, _)| *i == id) {
                    Some(entry) => entry.1 = w,
                    None => self.area_type_weights.push((id, w)),
                }
            }
            Action::SetLisaAlpha(a) => sel.lisa_alpha = a.clamp(0.0001, 0.2),
            Action::SetWeights(spec) => {
                sel.weights = crate::analysis::weights::WeightsSpec {
                    tolerance_m: spec.tolerance_m.map(|t| t.clamp(0.01, 1000.0)),
                    ..spec
                }
            }
            Action::SelectArea(a) => sel.area = a,
            Action::SetNational(n) => sel.national = n,
            Action::SetLang(l) => self.lang = l,
            Action::SetBasemap(b) => self.basemap = b,
            Action::ToggleLeftPanel => self.left_panel = !self.left_panel,
            Action::ToggleRightPanel => self.right_panel = !self.right_panel,
            Action::SetUiZoom(z) => self.ui_zoom = z.clamp(0.5, 3.0),
            Action::SetComparison(c) => sel.comparison = c,
            Action::SetHighContrast(on) => sel.high_contrast = on,
            Action::SetActivities(filter) => sel.activities = filter,
            Action::SetPresenterScale(s) => {
                use crate::ui::presenter::{MAX_SCALE, MIN_SCALE};
                self.presenter_scale = s.clamp(MIN_SCALE, MAX_SCALE);
            }
            Action::RememberFile(path) => {
                self.recent_files.retain(|p| *p != path);
                self.recent_files.insert(0, path);
                self.recent_files.truncate(RECENT_FILES);
            }
            Action::SetLevel(l) => {
                sel.level = l;
                // The selected area belongs to the old level's layer.
                sel.area = None;
            }
        }
        self.selection.normalise(atlas);
        self.selection != before
    }
}
