//! Listing a folder for the File → Open window: sub-folders first, then the files segkarta
//! reads, by name. Plain file-system code, so the window stays a thin view over it.
use std::path::{Path, PathBuf};

/// File name endings `load_path` reads.
pub const SUPPORTED_EXTENSIONS: [&str; 9] = [
    "csv", "txt", "parquet", "json", "geojson", "gpkg", "shp", "xlsx", "segkarta",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
    /// Size in bytes, for files.
    pub size: u64,
}

/// Whether segkarta reads files named like `path`.
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SUPPORTED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The folders and readable files in `dir`, hidden ones left out; folders first, by name
/// (case-insensitive). An unreadable folder is an error naming it.
pub fn list(dir: &Path) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let path = e.path();
            // Follows symbolic links, so a linked data folder opens like a real one.
            let meta = std::fs::metadata(&path).ok()?;
            let is_dir = meta.is_dir();
            (is_dir || is_supported(&path)).then_some(Entry {
                name,
                path,
                is_dir,
                size: if is_dir { 0 } else { meta.len() },
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

/// A size for people: `812 B`, `3.4 MB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "kB", "MB", "GB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1000.0 && unit + 1 < UNITS.len() {
        size /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{size:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_first_then_readable_files_by_name() {
        let dir = std::env::temp_dir().join(format!("segkarta-browse-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("Zeta")).expect("dir");
        std::fs::create_dir_all(dir.join("alfa")).expect("dir");
        for name in ["b.CSV", "a.geojson", "notes.docx", ".hidden.csv", "deso.gpkg"] {
            std::fs::write(dir.join(name), "x").expect("file");
        }
        let names: Vec<String> = list(&dir).expect("lists").into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["alfa", "Zeta", "a.geojson", "b.CSV", "deso.gpkg"]);
        assert!(
            list(&dir.join("missing"))
                .expect_err("no such folder")
                .contains("missing")
        );
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(3_400_000), "3.4 MB");
    }
}
