//! Which attributes of a boundary file hold an area's code, name, municipality and RegSO,
//! recognised by SCB's names in any letter case (shapefiles write them in capitals), and the
//! [`Area`] built from one feature's attributes. Shared by the GeoJSON, GeoPackage and
//! Shapefile readers so that they agree.
use geo::MultiPolygon;

use crate::model::{Area, Level};

/// Attribute names that carry an area's code, most specific level first.
pub const CODE_ATTRIBUTES: [(&str, Level); 6] = [
    ("desokod", Level::Deso),
    ("deso", Level::Deso),
    ("regsokod", Level::Regso),
    ("kommunkod", Level::Kommun),
    ("kommun_kod", Level::Kommun),
    ("kod", Level::Custom),
];
/// Attribute names that carry a name, most specific first.
pub const NAME_ATTRIBUTES: [&str; 6] = ["desonamn", "regsonamn", "kommunnamn", "kommun", "namn", "name"];

/// The attributes (as the file spells them) found for one boundary file.
#[derive(Clone, Debug)]
pub struct AreaAttributes {
    pub code: String,
    pub level: Level,
    /// The recognised name attribute: (canonical name, as spelled in the file).
    name: Option<(&'static str, String)>,
    kommun: Option<String>,
    regso: Option<String>,
}

impl AreaAttributes {
    /// Recognise the attributes among `names`; `None` when no code attribute is there.
    pub fn recognise<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        let names: Vec<&str> = names.into_iter().collect();
        let find = |wanted: &str| {
            names
                .iter()
                .find(|n| n.eq_ignore_ascii_case(wanted))
                .map(|n| n.to_string())
        };
        let (code, level) = CODE_ATTRIBUTES
            .iter()
            .find_map(|(wanted, level)| find(wanted).map(|n| (n, *level)))?;
        Some(Self {
            name: NAME_ATTRIBUTES.iter().find_map(|w| find(w).map(|n| (*w, n))),
            kommun: find("kommunkod").filter(|_| level != Level::Kommun),
            regso: find("regsokod").filter(|_| level == Level::Deso),
            code,
            level,
        })
    }

    /// What a file without a code attribute should have had.
    pub fn expected() -> String {
        format!("one of {}", CODE_ATTRIBUTES.map(|(k, _)| k).join(", "))
    }

    /// The area of one feature, whose attribute values `get` returns (trimmed, non-empty).
    pub fn area(
        &self,
        get: impl Fn(&str) -> Option<String>,
        polygons: MultiPolygon<f64>,
    ) -> Result<Area, String> {
        let code = get(&self.code).ok_or_else(|| {
            format!(
                "property {:?} is missing or empty (expected an area code)",
                self.code
            )
        })?;
        let name = self
            .name
            .as_ref()
            .and_then(|(canonical, spelled)| get(spelled).map(|v| (*canonical, v)));
        let name = match name {
            // SCB's DeSO files carry only the name of the enclosing RegSO: say which DeSO it is.
            Some(("regsonamn", regso)) if self.level == Level::Deso => format!("{code} ({regso})"),
            Some((_, n)) => n,
            None => code.clone(),
        };
        let parent = self.kommun.as_deref().and_then(&get);
        let regso = self.regso.as_deref().and_then(&get);
        Ok(Area::new(code, name, parent, polygons).in_regso(regso))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapefile_capitals_are_recognised_like_geojson_lower_case() {
        let attrs =
            AreaAttributes::recognise(["DESOKOD", "REGSOKOD", "KOMMUNKOD", "REGSONAMN"]).expect("found");
        assert_eq!((attrs.code.as_str(), attrs.level), ("DESOKOD", Level::Deso));
        let get = |k: &str| {
            Some(
                match k {
                    "DESOKOD" => "1480C1622",
                    "REGSOKOD" => "1480R042",
                    "KOMMUNKOD" => "1480",
                    "REGSONAMN" => "Centrum",
                    _ => return None,
                }
                .to_string(),
            )
        };
        let area = attrs.area(get, MultiPolygon(vec![])).expect("area");
        assert_eq!(area.name, "1480C1622 (Centrum)");
        assert_eq!(area.parent.as_deref(), Some("1480"));
        assert_eq!(area.regso.as_deref(), Some("1480R042"));
        assert!(AreaAttributes::recognise(["id", "value"]).is_none());
        let kommun = AreaAttributes::recognise(["kommunkod", "kommunnamn"]).expect("found");
        let area = kommun
            .area(
                |k| (k == "kommunkod").then(|| "1480".to_string()),
                MultiPolygon(vec![]),
            )
            .expect("area");
        assert_eq!(
            (area.name.as_str(), area.parent),
            ("1480", None),
            "no name: the code"
        );
    }
}
