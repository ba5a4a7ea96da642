//! Readers for the formats segkarta takes, one module per format. Each reports problems with
//! the file name and the line or feature, never panics on input.
pub mod activities;
pub mod attributes;
pub mod browse;
pub mod catalogue;
pub mod crs;
pub mod embedded;
pub mod geojson;
pub mod geometry_check;
pub mod geopackage;
pub mod jsonstat;
pub mod kolada;
pub mod load;
pub mod pxweb;
pub mod pxweb_v1;
pub mod shp;
pub mod tidy;
pub mod validate;

use std::path::PathBuf;

/// A problem with an input file, named precisely enough for a user to find and fix it.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: could not read the file: {source}")]
    Read { file: String, source: std::io::Error },
    #[error("{file}: not valid UTF-8 text near byte {offset} (expected UTF-8; re-save the file as UTF-8)")]
    Encoding { file: String, offset: usize },
    #[error("{file}: {what}")]
    Format { file: String, what: String },
    #[error("{file}, line {line}: {what}")]
    Line { file: String, line: usize, what: String },
    #[error("{file}, feature {feature}: {what}")]
    Feature {
        file: String,
        feature: String,
        what: String,
    },
}

impl LoadError {
    /// The message in both languages for the UI. The Swedish says in Swedish what went wrong
    /// and where; a reader's own detail (English) follows on a line of its own, marked as such,
    /// rather than inside a Swedish sentence.
    pub fn said(&self) -> validate::Said {
        let en = self.to_string();
        let sv = match self {
            LoadError::Read { file, source } => {
                format!("{file}: filen kunde inte läsas.\nSystemets meddelande (engelska): {source}")
            }
            LoadError::Encoding { file, offset } => format!(
                "{file}: inte giltig UTF-8-text nära byte {offset} (väntat UTF-8; spara om filen som UTF-8)"
            ),
            LoadError::Format { file, what } => {
                format!("{file}: filen kunde inte tolkas.\nLäsarens meddelande (engelska): {what}")
            }
            LoadError::Line { file, line, what } => {
                format!(
                    "{file}, rad {line}: raden kunde inte tolkas.\nLäsarens meddelande (engelska): {what}"
                )
            }
            LoadError::Feature { file, feature, what } => format!(
                "{file}, objekt {feature}: objektet kunde inte tolkas.\nLäsarens meddelande (engelska): {what}"
            ),
        };
        validate::Said::new(en, sv)
    }
}

/// Read a file as UTF-8 text (a leading byte-order mark is dropped).
pub fn read_text(path: &std::path::Path) -> Result<String, LoadError> {
    text_from_bytes(&path.display().to_string(), read_bytes(path)?)
}

/// Read a file's bytes; a failure names the file.
pub fn read_bytes(path: &std::path::Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Read {
        file: path.display().to_string(),
        source,
    })
}

pub fn text_from_bytes(file: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| LoadError::Encoding {
        file: file.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Where segkarta keeps its own files (settings, tile cache): `$SEGKARTA_HOME`, else the XDG
/// directories.
pub fn app_dir(kind: AppDir) -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("SEGKARTA_HOME") {
        return Some(PathBuf::from(home).join(kind.subdir()));
    }
    let (var, fallback) = match kind {
        AppDir::Config => ("XDG_CONFIG_HOME", ".config"),
        AppDir::Cache => ("XDG_CACHE_HOME", ".cache"),
    };
    std::env::var_os(var)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(fallback)))
        .map(|p| p.join("segkarta"))
}

#[derive(Clone, Copy, Debug)]
pub enum AppDir {
    Config,
    Cache,
}

impl AppDir {
    fn subdir(self) -> &'static str {
        match self {
            AppDir::Config => "config",
            AppDir::Cache => "cache",
        }
    }
}

/// Where exports go: `$SEGKARTA_HOME/exports`, else `~/Dokument/segkarta` or
/// `~/Documents/segkarta` when such a folder exists, else `~/segkarta`.
pub fn export_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("SEGKARTA_HOME") {
        return Some(PathBuf::from(home).join("exports"));
    }
    let home = PathBuf::from(std::env::var_os("HOME")?);
    let documents = ["Dokument", "Documents"]
        .iter()
        .map(|d| home.join(d))
        .find(|d| d.is_dir());
    Some(documents.unwrap_or(home).join("segkarta"))
}

/// Write a file so that a crash never leaves it half written: write a temporary file beside
/// it, flush it to disk, then rename it over the target.
pub fn write_atomically(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        // A half-written temporary file must not be left beside the user's file.
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_drops_bom_and_names_bad_bytes() {
        assert_eq!(
            text_from_bytes("a.csv", b"\xEF\xBB\xBFx".to_vec())
                .ok()
                .as_deref(),
            Some("x")
        );
        let err = text_from_bytes("a.csv", b"ok;\xE5\n".to_vec())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("a.csv: not valid UTF-8 text near byte 3 (expected UTF-8; re-save the file as UTF-8)")
        );
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = std::env::temp_dir().join(format!("segkarta-aw-{}", std::process::id()));
        let path = dir.join("s.json");
        write_atomically(&path, b"first version, long").expect("write");
        write_atomically(&path, b"second").expect("write");
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("second"));
        let leftovers = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        let _ = std::fs::remove_dir_all(dir);
    }
}
