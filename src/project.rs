//! Project files (`.segkarta`, JSON): what a planner built — the data files by path with a
//! checksum, the selection, the analysis settings and the slides — saved atomically, autosaved
//! to a recovery file, and read back with clear messages for files that moved or changed and
//! for projects from a newer segkarta.
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use crate::state::Selection;

/// The `format` field every project file starts with.
pub const FORMAT: &str = "segkarta-project";
/// The version this segkarta writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The file extension.
pub const EXTENSION: &str = "segkarta";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub format: String,
    pub version: u32,
    /// The segkarta that wrote it ("segkarta 0.1.0").
    #[serde(default)]
    pub saved_by: String,
    /// The user's data files, in the order they were opened.
    #[serde(default)]
    pub datasets: Vec<DataFile>,
    pub selection: Selection,
    #[serde(default)]
    pub area_type_weights: Vec<(String, f64)>,
    #[serde(default)]
    pub slides: Vec<Slide>,
}

/// A data file of the project: where it was, and its checksum and size then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    pub path: String,
    /// SHA-256 of the file's bytes, hexadecimal.
    pub sha256: String,
    pub bytes: u64,
    /// What the user said of it in an import dialog, so it reopens the same way unasked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportChoice>,
}

/// The choices of an import dialog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportChoice {
    /// A boundary file: which attribute is the code, name, municipality and parent code, and
    /// the level (`kommun`, `regso`, `deso` or a level's own name).
    Boundaries(crate::io::attributes::RoleOverrides),
    /// A table export: each column's role, and the indicator's id, name and unit.
    Table {
        roles: Vec<crate::io::pxweb::ColumnRole>,
        id: String,
        name: String,
        unit: String,
    },
}

/// A saved view with a note: one step of a story told with the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    pub name: String,
    #[serde(default)]
    pub note: String,
    pub selection: Selection,
    /// The map's centre (longitude, latitude) and zoom; `None`: fitted to GR.
    #[serde(default)]
    pub map: Option<(f64, f64, f64)>,
    #[serde(default = "yes")]
    pub left_panel: bool,
    #[serde(default = "yes")]
    pub right_panel: bool,
}

fn yes() -> bool {
    true
}

impl Slide {
    /// What the slide shows that is not loaded now, in `lang`: an indicator, its period, the
    /// level or the selected area. Empty when the slide can be shown as saved.
    pub fn missing(&self, atlas: &crate::model::Atlas, lang: crate::i18n::Lang) -> Vec<String> {
        let sel = &self.selection;
        let mut missing = Vec::new();
        if atlas.catalogue.indicator(&sel.indicator).is_none() {
            missing.push(format!(
                "{} {}",
                lang.pick("indikatorn", "the indicator"),
                sel.indicator
            ));
        } else if !atlas.observations.periods(&sel.indicator).contains(&sel.period) {
            missing.push(format!(
                "{} {} {}",
                sel.indicator,
                lang.pick("för", "for"),
                sel.period.label(lang)
            ));
        }
        if atlas.layer(&sel.level).is_none() {
            missing.push(format!(
                "{} {}",
                lang.pick("nivån", "the level"),
                crate::view::caption::level_name(&sel.level, lang)
            ));
        } else if let Some(code) = &sel.area
            && atlas.layers.iter().all(|l| l.index_of(code).is_none())
        {
            missing.push(format!("{} {code}", lang.pick("området", "the area")));
        }
        missing
    }
}

/// What became of a project's data file since it was saved.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    Unchanged,
    /// Not where it was: the user is asked where it went.
    Missing,
    /// There, but other bytes than when saved (a newer export, an edit).
    Changed,
}

impl Project {
    /// An empty project with `selection`.
    pub fn new(selection: Selection, area_type_weights: Vec<(String, f64)>) -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            saved_by: format!("segkarta {}", env!("CARGO_PKG_VERSION")),
            datasets: Vec::new(),
            selection,
            area_type_weights,
            slides: Vec::new(),
        }
    }

    /// Read a project from `text` (from `file`, named in messages).
    pub fn parse(file: &str, text: &str) -> Result<Project, String> {
        // The format and version first, so that a newer project says so rather than failing
        // on a field this version does not know.
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u32>,
        }
        let head: Head = serde_json::from_str(text)
            .map_err(|e| format!("{file}: not a segkarta project (not valid JSON: {e})"))?;
        if head.format.as_deref() != Some(FORMAT) {
            return Err(format!(
                "{file}: not a segkarta project (expected \"format\": \"{FORMAT}\")"
            ));
        }
        match head.version {
            Some(v) if v > VERSION => {
                return Err(format!(
                    "{file}: made by a newer segkarta (project version {v}); this one reads up to version {VERSION}. Update segkarta to open it."
                ));
            }
            None => return Err(format!("{file}: the project has no \"version\"")),
            _ => {}
        }
        serde_json::from_str(text).map_err(|e| format!("{file}: the project could not be read: {e}"))
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data cannot fail; an empty string would only be written if it did.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Write to `path` atomically: a failed write leaves the previous file as it was.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        crate::io::write_atomically(path, self.to_json().as_bytes())
    }

    /// Each data file's state now.
    pub fn check_files(&self) -> Vec<FileState> {
        self.datasets
            .iter()
            .map(|f| match fingerprint(Path::new(&f.path)) {
                Err(_) => FileState::Missing,
                Ok((sha, bytes)) if sha == f.sha256 && bytes == f.bytes => FileState::Unchanged,
                Ok(_) => FileState::Changed,
            })
            .collect()
    }
}

/// The SHA-256 (hexadecimal) and size of a file.
pub fn fingerprint(path: &Path) -> std::io::Result<(String, u64)> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = sha2::Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        bytes += n as u64;
    }
    let hex = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok((hex, bytes))
}

/// A data file of a project, fingerprinted now.
pub fn data_file(path: &Path) -> std::io::Result<DataFile> {
    let (sha256, bytes) = fingerprint(path)?;
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Ok(DataFile {
        path: path.display().to_string(),
        sha256,
        bytes,
        import: None,
    })
}

/// How many segkarta windows at once each autosave their own work.
const RECOVERY_SLOTS: usize = 16;

/// This instance's recovery file, beside the settings, and the lock that keeps it its own
/// while it runs: a second segkarta takes the next free file, so neither overwrites (or, on
/// saving, deletes) the other's autosave. The lock ends with the process, so the next
/// segkarta to take the file after a crash finds the work that was left in it.
#[derive(Debug)]
pub struct RecoverySlot {
    pub path: PathBuf,
    _lock: Option<std::fs::File>,
}

/// The first recovery file no running segkarta holds. `None` without a settings folder or
/// when every slot is taken (the work is then not autosaved).
pub fn claim_recovery() -> Option<RecoverySlot> {
    claim_recovery_in(&crate::io::app_dir(crate::io::AppDir::Config)?)
}

/// [`claim_recovery`] in `dir`.
pub fn claim_recovery_in(dir: &Path) -> Option<RecoverySlot> {
    std::fs::create_dir_all(dir).ok()?;
    for n in 0..RECOVERY_SLOTS {
        // The first keeps the name one instance has always used.
        let stem = if n == 0 {
            "recovery".to_string()
        } else {
            format!("recovery-{n}")
        };
        let path = dir.join(format!("{stem}.{EXTENSION}"));
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(format!("{stem}.lock")))
            .ok()?;
        match lock.try_lock() {
            Ok(()) => {
                return Some(RecoverySlot {
                    path,
                    _lock: Some(lock),
                });
            }
            Err(std::fs::TryLockError::WouldBlock) => continue,
            // A file system without locks: one shared file, as before there were slots.
            Err(std::fs::TryLockError::Error(_)) => return Some(RecoverySlot { path, _lock: None }),
        }
    }
    None
}

/// What a recovery file holds: the project, and the file it belongs to when it had been
/// saved (the recovery has newer changes than that file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub project: Project,
    pub saved_as: Option<String>,
}

impl Recovery {
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::io::write_atomically(path, &json)
    }

    /// The recovery at `path`, if there is a readable one.
    pub fn read(path: &Path) -> Option<Recovery> {
        let text = std::fs::read_to_string(path).ok()?;
        serde_json::from_str(&text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        let mut p = Project::new(Selection::default(), vec![("x".into(), 2.0)]);
        p.slides.push(Slide {
            name: "Sysselsättning 2024".into(),
            note: "Börja här".into(),
            selection: Selection::default(),
            map: Some((11.97, 57.7, 9.5)),
            left_panel: false,
            right_panel: true,
        });
        p
    }

    #[test]
    fn a_slide_says_what_it_shows_that_is_not_loaded() {
        let atlas = crate::io::embedded::atlas().expect("embedded");
        let mut slide = project().slides.remove(0);
        slide.selection.normalise(&atlas);
        assert!(slide.missing(&atlas, crate::i18n::Lang::Sv).is_empty());
        slide.selection.indicator = "mitt_eget".into();
        slide.selection.level = crate::model::Level::Deso;
        let missing = slide.missing(&atlas, crate::i18n::Lang::Sv);
        assert_eq!(
            missing,
            vec!["indikatorn mitt_eget".to_string(), "nivån DeSO".to_string()]
        );
    }

    /// Two windows autosave to two files; the file of one that ended goes to the next
    /// window, which finds the work left in it.
    #[test]
    fn each_running_instance_autosaves_to_its_own_recovery_file() {
        let dir = std::env::temp_dir().join(format!("segkarta-slots-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = claim_recovery_in(&dir).expect("a slot");
        let second = claim_recovery_in(&dir).expect("another slot");
        assert_ne!(first.path, second.path);
        assert!(first.path.ends_with("recovery.segkarta"));
        let left = Recovery {
            project: project(),
            saved_as: None,
        };
        left.write(&first.path).expect("autosave");
        let crashed = first.path.clone();
        drop(first);
        let next = claim_recovery_in(&dir).expect("the freed slot");
        assert_eq!(next.path, crashed);
        assert_eq!(Recovery::read(&next.path), Some(left));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_project_round_trips_through_its_json() {
        let p = project();
        assert_eq!(Project::parse("p.segkarta", &p.to_json()), Ok(p));
    }

    #[test]
    fn a_newer_version_and_other_json_are_refused_with_the_reason() {
        let newer = project().to_json().replace("\"version\": 1", "\"version\": 7");
        let e = Project::parse("p.segkarta", &newer).expect_err("refused");
        assert!(e.contains("newer segkarta") && e.contains("version 7"), "{e}");
        let e = Project::parse("p.segkarta", "{\"type\": \"FeatureCollection\"}").expect_err("refused");
        assert!(e.contains("not a segkarta project"), "{e}");
        let e = Project::parse("p.segkarta", "{\"format\": \"segkarta-pro").expect_err("refused");
        assert!(e.contains("not valid JSON"), "{e}");
    }

    #[test]
    fn files_are_unchanged_changed_or_missing() {
        let dir = std::env::temp_dir().join(format!("segkarta-project-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let (a, b, c) = (dir.join("a.csv"), dir.join("b.csv"), dir.join("c.csv"));
        for f in [&a, &b, &c] {
            std::fs::write(f, b"area_code,indicator,period,value\n").unwrap_or_default();
        }
        let mut p = project();
        p.datasets = [&a, &b, &c].iter().filter_map(|f| data_file(f).ok()).collect();
        std::fs::write(&b, b"area_code,indicator,period,value\n1480,x,2024,1\n").unwrap_or_default();
        std::fs::remove_file(&c).unwrap_or_default();
        assert_eq!(
            p.check_files(),
            vec![FileState::Unchanged, FileState::Changed, FileState::Missing]
        );
        // SHA-256 of the header line, as `sha256sum` gives it.
        assert_eq!(p.datasets[0].bytes, 33);
        assert_eq!(
            p.datasets[0].sha256,
            "ef13dda61b776ee8703862c4a42e4482387233f5bbf2db9fb919060e82748071"
        );
    }
}
