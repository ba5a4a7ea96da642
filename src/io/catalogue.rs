use super::LoadError;
use crate::model::Catalogue;

/// Parse an indicator catalogue (JSON, the shape `scripts/make_demo_data.py` writes).
pub fn parse(file: &str, text: &str) -> Result<Catalogue, LoadError> {
    let catalogue: Catalogue = serde_json::from_str(text).map_err(|e| LoadError::Line {
        file: file.into(),
        line: e.line(),
        what: format!("not a valid catalogue: {e}"),
    })?;
    let problems = catalogue.problems();
    if let Some(first) = problems.first() {
        return Err(LoadError::Format {
            file: file.into(),
            what: first.clone(),
        });
    }
    Ok(catalogue)
}
