//! Activities (verksamheter) that already work on residents' living conditions: who runs them,
//! for which domains and groups, when, and where (a point, or the areas they serve).

/// Who runs an activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganiserType {
    Municipal,
    Region,
    State,
    CivilSociety,
    Business,
    Other,
}

impl OrganiserType {
    pub const ALL: [OrganiserType; 6] = [
        OrganiserType::Municipal,
        OrganiserType::Region,
        OrganiserType::State,
        OrganiserType::CivilSociety,
        OrganiserType::Business,
        OrganiserType::Other,
    ];

    /// Read the words files use, Swedish or English, any case ("kommun", "ideell", "civil
    /// society", "näringsliv"); `None` when the word is none of them.
    pub fn parse(text: &str) -> Option<OrganiserType> {
        let t = text.trim().to_lowercase();
        let starts = |words: &[&str]| words.iter().any(|w| t.starts_with(w));
        Some(if starts(&["kommun", "municipal", "stadsdel"]) {
            OrganiserType::Municipal
        } else if starts(&["region"]) {
            OrganiserType::Region
        } else if starts(&["stat", "myndighet", "government"]) {
            OrganiserType::State
        } else if starts(&[
            "civil",
            "ideell",
            "förening",
            "forening",
            "idéburen",
            "ideburen",
            "trossamfund",
        ]) {
            OrganiserType::CivilSociety
        } else if starts(&[
            "näringsliv",
            "naringsliv",
            "företag",
            "foretag",
            "business",
            "privat",
            "private",
        ]) {
            OrganiserType::Business
        } else if starts(&["annan", "annat", "övrig", "ovrig", "other"]) {
            OrganiserType::Other
        } else {
            return None;
        })
    }

    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            OrganiserType::Municipal => lang.pick("Kommun", "Municipality"),
            OrganiserType::Region => lang.pick("Region", "Region"),
            OrganiserType::State => lang.pick("Stat", "State"),
            OrganiserType::CivilSociety => lang.pick("Civilsamhälle", "Civil society"),
            OrganiserType::Business => lang.pick("Näringsliv", "Business"),
            OrganiserType::Other => lang.pick("Annan", "Other"),
        }
    }
}

/// One activity.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    pub name: String,
    pub organiser: String,
    pub organiser_type: OrganiserType,
    /// Catalogue domain ids (`bostad`, `skola`, `arbete`, `brott`, `demokrati`).
    pub domains: Vec<String>,
    /// Target groups as the file names them ("unga 16–24", "nyanlända").
    pub target_groups: Vec<String>,
    /// First and last year it runs; `None`: open.
    pub start: Option<i32>,
    pub end: Option<i32>,
    /// Where it is, WGS84 longitude and latitude.
    pub location: Option<(f64, f64)>,
    /// The area codes it serves (municipalities, DeSO, RegSO or a user's own areas).
    pub areas: Vec<String>,
    pub contact: String,
    pub url: String,
    /// Invented (demo data).
    pub demo: bool,
    /// The file it was read from.
    pub source: String,
}

impl Activity {
    /// Whether it runs at some time in `year`.
    pub fn active_in(&self, year: i32) -> bool {
        self.start.is_none_or(|s| s <= year) && self.end.is_none_or(|e| e >= year)
    }
}

/// Which activities to show: empty sets mean all.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ActivityFilter {
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub target_groups: Vec<String>,
    #[serde(default)]
    pub organiser_types: Vec<OrganiserType>,
    /// Only those running in the year shown.
    #[serde(default)]
    pub running_only: bool,
}

impl ActivityFilter {
    /// Whether `a` passes, with `year` the year shown.
    pub fn accepts(&self, a: &Activity, year: i32) -> bool {
        (self.domains.is_empty() || a.domains.iter().any(|d| self.domains.contains(d)))
            && (self.target_groups.is_empty()
                || a.target_groups.iter().any(|g| self.target_groups.contains(g)))
            && (self.organiser_types.is_empty() || self.organiser_types.contains(&a.organiser_type))
            && (!self.running_only || a.active_in(year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn activity() -> Activity {
        Activity {
            name: "Läxhjälp".into(),
            organiser: "Röda Korset".into(),
            organiser_type: OrganiserType::CivilSociety,
            domains: vec!["skola".into()],
            target_groups: vec!["unga".into()],
            start: Some(2020),
            end: Some(2023),
            location: None,
            areas: vec!["1480".into()],
            contact: String::new(),
            url: String::new(),
            demo: false,
            source: "test".into(),
        }
    }

    #[test]
    fn organiser_words_in_both_languages() {
        assert_eq!(OrganiserType::parse("Kommunal"), Some(OrganiserType::Municipal));
        assert_eq!(
            OrganiserType::parse(" Ideell förening"),
            Some(OrganiserType::CivilSociety)
        );
        assert_eq!(
            OrganiserType::parse("civil society"),
            Some(OrganiserType::CivilSociety)
        );
        assert_eq!(OrganiserType::parse("Företag"), Some(OrganiserType::Business));
        assert_eq!(OrganiserType::parse("Regionen"), Some(OrganiserType::Region));
        assert_eq!(OrganiserType::parse("okänt"), None);
    }

    #[test]
    fn filters_by_domain_group_organiser_and_year() {
        let a = activity();
        assert!(ActivityFilter::default().accepts(&a, 2010));
        let running = ActivityFilter {
            running_only: true,
            ..ActivityFilter::default()
        };
        assert!(running.accepts(&a, 2020) && running.accepts(&a, 2023));
        assert!(!running.accepts(&a, 2019) && !running.accepts(&a, 2024));
        let domain = ActivityFilter {
            domains: vec!["arbete".into()],
            ..ActivityFilter::default()
        };
        assert!(!domain.accepts(&a, 2020));
        let organiser = ActivityFilter {
            organiser_types: vec![OrganiserType::Municipal, OrganiserType::CivilSociety],
            target_groups: vec!["unga".into()],
            ..ActivityFilter::default()
        };
        assert!(organiser.accepts(&a, 2020));
    }
}
