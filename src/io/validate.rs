//! What loading a file found: problems with their place in the file, counts of what was kept
//! and skipped, and what was assumed. Nothing is dropped without a line here.
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The row or feature was skipped.
    Error,
    /// Loaded, but worth a look (unknown code, value out of range, missing years).
    Warning,
    /// Something assumed or recognised (CRS, code suffix).
    Note,
}

/// One finding. `line` is 1-based (the header is line 1); `feature` is 1-based.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub message: String,
}

/// The report for one file. Findings of one kind beyond [`MAX_LISTED`] are counted, not listed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ValidationReport {
    pub file: String,
    pub format: String,
    pub rows_read: usize,
    pub rows_loaded: usize,
    pub rows_skipped: usize,
    pub findings: Vec<Finding>,
    /// Findings not listed because there were too many of the same kind.
    pub unlisted: usize,
}

/// How many findings are listed before the rest are only counted.
pub const MAX_LISTED: usize = 200;

impl ValidationReport {
    pub fn new(file: &str, format: &str) -> Self {
        Self {
            file: file.into(),
            format: format.into(),
            ..Self::default()
        }
    }

    pub fn push(&mut self, finding: Finding) {
        if self.findings.len() < MAX_LISTED {
            self.findings.push(finding);
        } else {
            self.unlisted += 1;
        }
    }

    pub fn line(&mut self, severity: Severity, line: usize, column: Option<&str>, message: String) {
        self.push(Finding {
            severity,
            line: Some(line),
            feature: None,
            column: column.map(str::to_string),
            message,
        });
    }

    /// A finding about one feature (a boundary, or an entry of a JSON response), numbered from 1.
    pub fn feature(&mut self, severity: Severity, feature: usize, message: String) {
        self.push(Finding {
            severity,
            line: None,
            feature: Some(feature),
            column: None,
            message,
        });
    }

    pub fn note(&mut self, message: String) {
        self.push(Finding {
            severity: Severity::Note,
            line: None,
            feature: None,
            column: None,
            message,
        });
    }

    pub fn warning(&mut self, message: String) {
        self.push(Finding {
            severity: Severity::Warning,
            line: None,
            feature: None,
            column: None,
            message,
        });
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.rows_skipped > 0 || self.count(Severity::Error) > 0
    }

    /// The report as plain text, one finding a line, as the CLI prints it.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{} ({}): {} rows read, {} loaded, {} skipped\n",
            self.file, self.format, self.rows_read, self.rows_loaded, self.rows_skipped
        );
        for f in &self.findings {
            let kind = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            };
            let place = match (f.line, f.feature, &f.column) {
                (Some(l), _, Some(c)) => format!("line {l}, column {c}: "),
                (Some(l), _, None) => format!("line {l}: "),
                (None, Some(n), _) => format!("feature {n}: "),
                _ => String::new(),
            };
            out.push_str(&format!("  {kind}: {place}{}\n", f.message));
        }
        if self.unlisted > 0 {
            out.push_str(&format!("  … and {} more findings not listed\n", self.unlisted));
        }
        out
    }
}

/// Levenshtein distance, for suggesting the closest known code or name.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The known codes closest to `code` (at most three, distance at most 2).
pub fn closest<'a>(code: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = known
        .map(|k| (edit_distance(code, k), k))
        .filter(|(d, _)| *d <= 2)
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_nearby_codes() {
        assert_eq!(edit_distance("1480", "1408"), 2);
        assert_eq!(
            closest("1408", ["1480", "1407", "2580"].into_iter()),
            vec!["1407", "1480"]
        );
        assert!(closest("9999", ["1480"].into_iter()).is_empty());
    }

    #[test]
    fn text_report_names_places_and_counts_the_rest() {
        let mut r = ValidationReport::new("t.csv", "tidy CSV");
        r.rows_read = 3;
        r.line(Severity::Error, 3, Some("year"), "\"20x4\" is not a year".into());
        for i in 0..MAX_LISTED + 5 {
            r.warning(format!("w{i}"));
        }
        let text = r.to_text();
        assert!(text.starts_with("t.csv (tidy CSV): 3 rows read"));
        assert!(text.contains("  error: line 3, column year: \"20x4\" is not a year\n"));
        assert!(text.contains("… and 6 more findings not listed"));
    }
}
