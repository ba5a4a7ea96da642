use serde::{Deserialize, Serialize};

/// `group_by` and `group` of the whole population.
pub const TOTAL: &str = "total";

/// Which direction of an indicator is favourable; decides which end of a palette is warm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HigherIsBetter,
    HigherIsWorse,
    Neutral,
}

/// How values of an indicator combine when areas are merged into a larger one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Counts: add them up.
    Sum,
    /// Rates and shares: weight by the base `n`.
    Weighted,
    /// Medians and the like cannot be combined from area values.
    #[default]
    None,
}

/// How sub-annual values of an indicator make a year (the annual view): a stock or a rate
/// (unemployment, population) is the mean of the year's periods, a flow (crimes reported per
/// 100 000, people moving in) their sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OverTime {
    #[default]
    Mean,
    Sum,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Domain {
    pub id: String,
    pub sv: String,
    pub en: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub sv: String,
    pub en: String,
}

/// A grouping dimension (kön, födelseregion, ...) and its groups in display order.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub sv: String,
    pub en: String,
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub sv: String,
    pub en: String,
    pub domain: String,
    pub unit_sv: String,
    pub unit_en: String,
    pub polarity: Polarity,
    #[serde(default)]
    pub age_band: String,
    pub source: String,
    #[serde(default)]
    pub licence: String,
    #[serde(default)]
    pub description_sv: String,
    #[serde(default)]
    pub description_en: String,
    /// Synthetic values: the UI marks them as demo data wherever they are shown.
    pub demo: bool,
    /// Grouping dimensions this indicator is published for, besides the total.
    #[serde(default)]
    pub dimensions: Vec<String>,
    #[serde(default = "default_decimals")]
    pub decimals: u8,
    /// Smallest and largest possible value (a share lies in 0..=100).
    pub min: f64,
    pub max: f64,
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Survey indicators carry a margin of error and a number of respondents.
    #[serde(default)]
    pub survey: bool,
    /// A survey's confidence level for its margins of error and its tests, in per cent.
    #[serde(default = "default_confidence")]
    pub confidence: f64,
    /// A survey value from fewer respondents than this is suppressed: shown as "too few
    /// answers", never as a colour, a rank or a score. `None`: nothing is suppressed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppress_below: Option<f64>,
    /// For categorical indicators (area types): what each value means, in order. The map
    /// then shows one colour per category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// How its sub-annual values make a year.
    #[serde(default)]
    pub over_time: OverTime,
    /// Computed from the activities layer (counts and needs-against-activities gaps): never
    /// part of the needs scores it is compared with.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_activities: bool,
    /// Set on an annual view: the id of the sub-annual indicator it is computed from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_of: Option<String>,
}

/// One value of a categorical indicator and its name.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Category {
    pub value: f64,
    pub sv: String,
    pub en: String,
}

fn default_decimals() -> u8 {
    1
}

fn default_confidence() -> f64 {
    95.0
}

impl Indicator {
    /// The category a value stands for, when the indicator is categorical.
    pub fn category(&self, value: f64) -> Option<&Category> {
        self.categories.iter().find(|c| c.value == value)
    }

    /// Whether the values count persons (or other units) that add up over areas: the region's
    /// value is their sum, and an area is compared with it as a share, not a difference.
    pub fn is_count(&self) -> bool {
        self.aggregation == Aggregation::Sum
    }

    /// Whether a survey value from `n` respondents is suppressed by the catalogue's threshold.
    /// No respondents at all always is; an unknown `n` is not.
    pub fn suppresses(&self, n: Option<f64>) -> bool {
        self.survey && n.is_some_and(|n| n <= 0.0 || self.suppress_below.is_some_and(|below| n < below))
    }

    /// Whether the unit is a percentage, so differences are percentage points.
    pub fn is_percent(&self) -> bool {
        self.unit_sv.starts_with("procent") || self.unit_sv == "%"
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Catalogue {
    pub domains: Vec<Domain>,
    pub dimensions: Vec<Dimension>,
    pub indicators: Vec<Indicator>,
}

impl Catalogue {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn indicators_in<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators.iter().filter(move |i| i.domain == domain)
    }

    /// Problems that make the catalogue unusable: unknown domains or dimensions, empty ranges.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for ind in &self.indicators {
            if self.domain(&ind.domain).is_none() {
                out.push(format!("indicator {}: unknown domain {:?}", ind.id, ind.domain));
            }
            for dim in &ind.dimensions {
                if self.dimension(dim).is_none() {
                    out.push(format!(
                        "indicator {}: unknown grouping dimension {dim:?}",
                        ind.id
                    ));
                }
            }
            if ind.min.partial_cmp(&ind.max) != Some(std::cmp::Ordering::Less) {
                out.push(format!(
                    "indicator {}: min {} is not below max {}",
                    ind.id, ind.min, ind.max
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey(below: Option<f64>) -> Indicator {
        let catalogue: Catalogue =
            serde_json::from_str(crate::io::embedded::CATALOGUE_JSON).expect("the embedded catalogue");
        Indicator {
            survey: true,
            suppress_below: below,
            ..catalogue.indicator("otrygghet").expect("a survey").clone()
        }
    }

    #[test]
    fn too_few_or_no_respondents_are_suppressed_an_unknown_base_is_not() {
        let ind = survey(Some(30.0));
        assert!(ind.suppresses(Some(0.0)), "no respondents");
        assert!(ind.suppresses(Some(29.0)), "below the threshold");
        assert!(!ind.suppresses(Some(30.0)), "at the threshold");
        assert!(!ind.suppresses(None), "unknown base: shown, not guessed away");
        assert!(
            survey(None).suppresses(Some(0.0)),
            "no respondents, even without a threshold"
        );
        assert!(!survey(None).suppresses(Some(3.0)));
        let register = Indicator { survey: false, ..ind };
        assert!(!register.suppresses(Some(1.0)), "only surveys");
        // The demo catalogue states each survey's rules.
        assert_eq!(
            (ind.confidence, survey(Some(30.0)).suppress_below),
            (95.0, Some(30.0))
        );
    }
}
