//! A PxWeb export read but not merged yet: the preview the import dialog shows, the column
//! roles, id, name and unit the user confirms or changes, and the merge (reading the file again
//! when the roles changed). No egui here: the dialog only draws this state.
use crate::io::load::{self, Content, Dataset, LoadOptions, Loaded};
use crate::io::pxweb::{self, ColumnRole, Preview};
use crate::io::validate::Said;
use crate::model::Atlas;

/// The export and what the user has said of it so far.
pub struct PendingImport {
    loaded: Loaded,
    pub preview: Preview,
    /// The id the parser gave the values (from the file name).
    parsed_id: String,
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Column roles as the user leaves them; the recognised ones to start with.
    pub roles: Vec<ColumnRole>,
}

impl PendingImport {
    /// The file's report as read so far (its name, how many values were found).
    pub fn report(&self) -> &crate::io::validate::ValidationReport {
        &self.loaded.report
    }

    /// The dialog's state for an export read on the loading thread (the preview reads the
    /// file's first rows again). The export comes back when there is nothing to ask about (no
    /// preview, no values), to be merged as it is rather than lost.
    pub fn new(loaded: Loaded) -> Result<Self, Box<Loaded>> {
        let preview = std::fs::read(&loaded.report.file)
            .ok()
            .and_then(|bytes| pxweb::preview(&bytes, 8, &loaded.report.file));
        let parsed_id = match &loaded.content {
            Content::Observations(obs) => obs.indicators().first().map(|id| id.to_string()),
            Content::Boundaries(_) | Content::Activities(_) => None,
        };
        let (Some(preview), Some(parsed_id)) = (preview, parsed_id) else {
            return Err(Box::new(loaded));
        };
        let Content::Observations(obs) = &loaded.content else {
            return Err(Box::new(loaded));
        };
        let name = obs
            .names
            .get(&parsed_id)
            .cloned()
            .unwrap_or_else(|| parsed_id.clone());
        Ok(Self {
            id: parsed_id.clone(),
            parsed_id,
            name,
            unit: String::new(),
            roles: preview.roles.clone(),
            preview,
            loaded,
        })
    }

    /// The dialog's choices as a project keeps them.
    pub fn choice(&self) -> crate::project::ImportChoice {
        crate::project::ImportChoice::Table {
            roles: self.roles.clone(),
            id: self.id.clone(),
            name: self.name.clone(),
            unit: self.unit.clone(),
        }
    }

    /// Take the choices a project kept for this file; `false` (nothing taken) when the file's
    /// columns no longer fit them.
    pub fn take_choice(&mut self, choice: &crate::project::ImportChoice) -> bool {
        match choice {
            crate::project::ImportChoice::Table {
                roles,
                id,
                name,
                unit,
            } if roles.len() == self.roles.len() => {
                self.roles = roles.clone();
                self.id = id.clone();
                self.name = name.clone();
                self.unit = unit.clone();
                true
            }
            _ => false,
        }
    }

    /// Merge with the confirmed column roles, id, name and unit.
    pub fn finish(self, atlas: &mut Atlas, options: &LoadOptions) -> Dataset {
        let Self {
            mut loaded,
            parsed_id,
            id,
            name,
            unit,
            roles,
            preview,
        } = self;
        let id = load::indicator_id(&id);
        if roles != preview.roles {
            // The user changed what the columns mean: read the file again with their roles.
            let file = loaded.report.file.clone();
            let reread = std::fs::read(&file).map_err(|e| e.to_string()).and_then(|bytes| {
                pxweb::parse_with_roles(&file, &bytes, &parsed_id, Some(&roles)).map_err(|e| e.to_string())
            });
            match reread {
                Ok((obs, report)) => {
                    loaded = Loaded {
                        content: Content::Observations(obs),
                        report,
                    }
                }
                Err(e) => loaded.report.warning(
                    "roles_not_used",
                    Said::new(
                        format!("the chosen column roles could not be used ({e}); the recognised ones were"),
                        format!("de valda kolumnrollerna kunde inte användas ({e}); de igenkända användes"),
                    ),
                ),
            }
        }
        if let Content::Observations(obs) = &mut loaded.content {
            if id != parsed_id
                && let Err(e) = obs.rename_indicator(&parsed_id, &id)
            {
                loaded.report.warning(
                    "not_renamed",
                    Said::new(
                        format!("could not rename {parsed_id:?} to {id:?}: {e}"),
                        format!("kunde inte byta namn på {parsed_id:?} till {id:?}: {e}"),
                    ),
                );
            }
            obs.names.insert(id.clone(), name);
            if !unit.trim().is_empty() {
                obs.units.insert(id, unit.trim().to_string());
            }
        }
        load::merge_dataset(atlas, loaded, options)
    }
}
