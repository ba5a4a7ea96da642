//! Boundary files read but not merged yet: what the boundary import dialog shows and edits
//! (each attribute's role, the level and a custom level's name), and the merge once the user
//! confirms. No egui here: the dialog only draws this state and says Import or Cancel.
pub mod table;

pub use table::PendingImport;

use crate::io::attributes::{AttributeRole, BoundaryRoles};
use crate::io::load::{self, Content, Dataset, LoadOptions, Loaded};
use crate::jobs::prepare_for_map;
use crate::map::LayerGeometry;
use crate::model::{AreaLayer, Atlas, Level};

/// The level choices of the dialog; a custom level takes its name from the text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelChoice {
    Kommun,
    Regso,
    Deso,
    Custom,
}

/// How many different values of each attribute the dialog shows.
const EXAMPLES: usize = 3;

pub struct PendingBoundaries {
    loaded: Loaded,
    /// Built on the loading thread for the recognised roles; rebuilt when the user changes them.
    geometry: Option<LayerGeometry>,
    /// The roles as recognised, to tell whether the user changed anything.
    recognised: BoundaryRoles,
    /// Per attribute: its name, first different values and how many different values it has
    /// (computed once, not in every frame the dialog is shown).
    attributes: Vec<(String, Vec<String>, usize)>,
    /// One per attribute, as the user leaves them.
    pub roles: Vec<AttributeRole>,
    pub level: LevelChoice,
    pub custom_name: String,
}

impl PendingBoundaries {
    /// `None` when `loaded` holds no boundaries.
    pub fn new(loaded: Loaded, geometry: Option<LayerGeometry>) -> Option<Self> {
        let Content::Boundaries(b) = &loaded.content else {
            return None;
        };
        let recognised = b.roles.clone();
        let (level, custom_name) = match &recognised.level {
            Level::Kommun => (LevelChoice::Kommun, String::new()),
            Level::Regso => (LevelChoice::Regso, String::new()),
            Level::Deso => (LevelChoice::Deso, String::new()),
            Level::Custom(name) => (LevelChoice::Custom, name.clone()),
        };
        let attributes = (0..b.table.attributes.len())
            .map(|i| {
                let (first, distinct) = b.table.examples(i, EXAMPLES);
                (b.table.attributes[i].clone(), first, distinct)
            })
            .collect();
        Some(Self {
            attributes,
            roles: recognised.roles.clone(),
            recognised,
            level,
            custom_name,
            geometry,
            loaded,
        })
    }

    pub fn file(&self) -> &str {
        &self.loaded.report.file
    }

    /// Attribute names with their first different values and how many different values each
    /// has, in the file's order.
    pub fn attributes(&self) -> &[(String, Vec<String>, usize)] {
        &self.attributes
    }

    pub fn feature_count(&self) -> usize {
        match &self.loaded.content {
            Content::Boundaries(b) => b.table.features.len(),
            Content::Observations(_) | Content::Activities(_) => 0,
        }
    }

    /// The roles and level as the dialog shows them now.
    pub fn chosen(&self) -> BoundaryRoles {
        BoundaryRoles {
            roles: self.roles.clone(),
            level: match self.level {
                LevelChoice::Kommun => Level::Kommun,
                LevelChoice::Regso => Level::Regso,
                LevelChoice::Deso => Level::Deso,
                LevelChoice::Custom => Level::Custom(self.custom_name.trim().to_string()),
            },
        }
    }

    /// The dialog's choices as a project keeps them: attributes by name, the level by name.
    pub fn choice(&self) -> crate::project::ImportChoice {
        let chosen = self.chosen();
        let attribute = |role| match &self.loaded.content {
            Content::Boundaries(b) => chosen.attribute(&b.table, role).map(str::to_string),
            _ => None,
        };
        crate::project::ImportChoice::Boundaries(crate::io::attributes::RoleOverrides {
            code: attribute(AttributeRole::Code),
            name: attribute(AttributeRole::Name),
            kommun: attribute(AttributeRole::Kommun),
            parent: attribute(AttributeRole::Parent),
            level: Some(match &chosen.level {
                Level::Kommun => "kommun".into(),
                Level::Regso => "regso".into(),
                Level::Deso => "deso".into(),
                Level::Custom(name) => name.clone(),
            }),
        })
    }

    /// Why the chosen roles cannot be imported (shown in the dialog; Import is off meanwhile).
    pub fn problem(&self) -> Option<crate::io::validate::Said> {
        let Content::Boundaries(b) = &self.loaded.content else {
            return None;
        };
        self.chosen().check(&b.table).err()
    }

    /// Merge with the chosen roles: the layer is rebuilt (and its mesh) when they differ from
    /// the recognised ones. Returns what was merged and the layer's geometry, or why not.
    pub fn finish(
        self,
        atlas: &mut Atlas,
        options: &LoadOptions,
    ) -> Result<(Dataset, LayerGeometry), String> {
        let chosen = self.chosen();
        let Self {
            mut loaded,
            geometry,
            recognised,
            ..
        } = self;
        let geometry = match (&mut loaded.content, geometry) {
            (Content::Boundaries(_), Some(geometry)) if chosen == recognised => geometry,
            (Content::Boundaries(b), _) => {
                loaded.report = b.set_roles(chosen)?;
                let land = atlas
                    .layer(&Level::Kommun)
                    .cloned()
                    .unwrap_or_else(|| AreaLayer::new(Level::Kommun, Vec::new()));
                prepare_for_map(&mut b.layer, options, &land, &mut loaded.report)
            }
            (Content::Observations(_) | Content::Activities(_), _) => {
                return Err("not a boundary file".into());
            }
        };
        Ok((load::merge_dataset(atlas, loaded, options), geometry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn division() -> Loaded {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/division/basomraden.geojson");
        load::load_path(&path).expect("fixture loads")
    }

    #[test]
    fn the_users_roles_and_level_name_are_used_and_bad_ones_refused() {
        let mut pending = PendingBoundaries::new(division(), None).expect("boundaries");
        assert_eq!(pending.level, LevelChoice::Custom);
        assert_eq!(pending.custom_name, "Basomraden");
        let names: Vec<String> = pending.attributes().iter().map(|(n, ..)| n.clone()).collect();
        let kommun = names.iter().position(|n| n == "kommun_kod").expect("attribute");
        let id = names.iter().position(|n| n == "id").expect("attribute");
        // The municipal code as the area code: refused, it repeats.
        let code = pending
            .roles
            .iter()
            .position(|r| *r == AttributeRole::Code)
            .expect("code");
        pending.roles[code] = AttributeRole::Unused;
        pending.roles[kommun] = AttributeRole::Code;
        assert!(
            pending
                .problem()
                .expect("refused")
                .en
                .contains("16 features share the value \"1480\"")
        );
        // The running number as the code, and a name of the user's own.
        pending.roles[kommun] = AttributeRole::Kommun;
        pending.roles[id] = AttributeRole::Code;
        pending.custom_name = "Basområde".into();
        assert_eq!(pending.problem(), None);
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let (dataset, geometry) = pending
            .finish(&mut atlas, &LoadOptions::default())
            .expect("merged");
        let level = Level::Custom("Basområde".into());
        assert_eq!(dataset.added, load::Added::Layer(level.clone()));
        let layer = atlas.layer(&level).expect("layer");
        assert!(layer.get("16").is_some(), "codes from the id attribute");
        assert_eq!(geometry.mesh.area_bbox.len(), layer.len());
    }
}
