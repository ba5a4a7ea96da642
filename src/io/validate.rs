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
    /// Every item a summary finding stands for (all unknown codes, say): the text report shows
    /// the first [`SHOWN`], the JSON and the saved report all of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
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

/// How many findings are kept before the rest are only counted (a guard on memory for a file
/// that is wrong on every one of millions of lines).
pub const MAX_LISTED: usize = 20_000;
/// How many findings of one kind, or items of a summary, the short text shows.
pub const SHOWN: usize = 10;

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
            details: Vec::new(),
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
            details: Vec::new(),
        });
    }

    /// A finding about the file as a whole.
    fn general(&mut self, severity: Severity, message: String) {
        self.summary(severity, message, Vec::new());
    }

    /// One finding that stands for many items (every unknown code, say), all kept in `details`.
    pub fn summary(&mut self, severity: Severity, message: String, details: Vec<String>) {
        self.push(Finding {
            severity,
            line: None,
            feature: None,
            column: None,
            message,
            details,
        });
    }

    pub fn note(&mut self, message: String) {
        self.general(Severity::Note, message);
    }

    pub fn warning(&mut self, message: String) {
        self.general(Severity::Warning, message);
    }

    pub fn error(&mut self, message: String) {
        self.general(Severity::Error, message);
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.rows_skipped > 0 || self.count(Severity::Error) > 0
    }

    /// The report as plain text, as the CLI prints it and the data window shows it: a finding
    /// repeated many times (the same message for other lines or values) shows its first
    /// [`SHOWN`] and a count, and a summary its first [`SHOWN`] items.
    pub fn to_text(&self) -> String {
        self.text(Some(SHOWN))
    }

    /// Every finding and every item, for the report saved beside the file.
    pub fn to_full_text(&self) -> String {
        self.text(None)
    }

    fn text(&self, shown: Option<usize>) -> String {
        let mut out = format!(
            "{} ({}): {} rows read, {} loaded, {} skipped\n",
            self.file, self.format, self.rows_read, self.rows_loaded, self.rows_skipped
        );
        let mut i = 0;
        while i < self.findings.len() {
            let f = &self.findings[i];
            // A run of findings of the same kind and shape.
            let shape = (f.severity, f.column.as_deref(), message_shape(&f.message));
            let run = self.findings[i..]
                .iter()
                .take_while(|g| (g.severity, g.column.as_deref(), message_shape(&g.message)) == shape)
                .count();
            let listed = shown.map_or(run, |n| run.min(n));
            for g in &self.findings[i..i + listed] {
                out.push_str(&finding_line(g, shown));
            }
            if listed < run {
                out.push_str(&format!(
                    "  … and {} more like the above (all of them in the saved report and in --json)\n",
                    run - listed
                ));
            }
            i += run;
        }
        if self.unlisted > 0 {
            out.push_str(&format!("  … and {} more findings not listed\n", self.unlisted));
        }
        out
    }
}

fn finding_line(f: &Finding, shown: Option<usize>) -> String {
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
    let mut line = format!("  {kind}: {place}{}\n", f.message);
    let listed = shown.map_or(f.details.len(), |n| f.details.len().min(n));
    for d in &f.details[..listed] {
        line.push_str(&format!("      {d}\n"));
    }
    if listed < f.details.len() {
        line.push_str(&format!(
            "      … and {} more (all of them in the saved report and in --json)\n",
            f.details.len() - listed
        ));
    }
    line
}

/// A message with its particulars (quoted text, text in parentheses, numbers) blanked, so
/// that the same finding about other lines or values has the same shape.
fn message_shape(message: &str) -> String {
    let mut shape = String::with_capacity(message.len());
    let mut quoted = false;
    let mut depth = 0usize;
    for c in message.chars() {
        match c {
            '"' if depth == 0 => {
                quoted = !quoted;
                if quoted {
                    shape.push('…');
                }
            }
            _ if quoted => {}
            '(' => {
                if depth == 0 {
                    shape.push_str("(…)");
                }
                depth += 1;
            }
            ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_ascii_digit() => {
                if !shape.ends_with('#') {
                    shape.push('#');
                }
            }
            c => shape.push(c),
        }
    }
    shape
}

/// What a code looks like, letter by letter: `1480C1622` → `9999A9999`. Codes of one kind
/// (DeSO, RegSO, a municipality's own) share a shape; suggestions come only from the same one.
pub fn code_shape(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_alphabetic() {
                'A'
            } else {
                c
            }
        })
        .collect()
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

/// The known codes of the same shape closest to `code` (at most three, distance at most 2).
pub fn closest<'a>(code: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let shape = code_shape(code);
    let mut scored: Vec<(usize, &str)> = known
        .filter(|k| code_shape(k) == shape)
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
        assert!(
            closest("14801", ["1480", "1481"].into_iter()).is_empty(),
            "no municipal codes for a five-digit area code"
        );
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
        assert!(text.contains("  warning: w9\n"));
        assert!(
            !text.contains("w10\n"),
            "the same finding is shown ten times, then counted"
        );
        assert!(
            text.contains(&format!("… and {} more like the above", MAX_LISTED - 1 - SHOWN)),
            "{text}"
        );
        assert!(text.contains("… and 6 more findings not listed"));
        assert!(
            r.to_full_text().contains("  warning: w10\n"),
            "the saved report has them all"
        );
    }
}
