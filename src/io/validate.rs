//! What loading a file found: problems with their place in the file, counts of what was kept
//! and skipped, and what was assumed. Nothing is dropped without a line here.
use serde::Serialize;

use crate::i18n::Lang;

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

/// A finding's message in both UI languages. The English one is also the JSON's `message`.
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    pub en: String,
    pub sv: String,
}

impl Said {
    pub fn new(en: impl Into<String>, sv: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            sv: sv.into(),
        }
    }

    /// A cell that should hold a number.
    pub fn not_a_number(cell: &str) -> Self {
        Self::new(
            format!("{cell:?} is not a number"),
            format!("{cell:?} är inget tal"),
        )
    }
}

impl From<&crate::model::NotAPeriod> for Said {
    fn from(e: &crate::model::NotAPeriod) -> Self {
        Self::new(e.to_string(), e.swedish())
    }
}

/// One finding. `line` is 1-based (the header is line 1); `feature` is 1-based. `code` names
/// the kind of finding and stays the same whatever the language and the particulars, so that
/// scripts reading the JSON can rely on it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// In English.
    pub message: String,
    pub message_sv: String,
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

    pub fn line(
        &mut self,
        severity: Severity,
        line: usize,
        column: Option<&str>,
        code: &'static str,
        said: Said,
    ) {
        self.push(Finding {
            line: Some(line),
            column: column.map(str::to_string),
            ..Finding::new(severity, code, said)
        });
    }

    /// A finding about one feature (a boundary, or an entry of a JSON response), numbered from 1.
    pub fn feature(&mut self, severity: Severity, feature: usize, code: &'static str, said: Said) {
        self.push(Finding {
            feature: Some(feature),
            ..Finding::new(severity, code, said)
        });
    }

    /// One finding that stands for many items (every unknown code, say), all kept in `details`.
    pub fn summary(&mut self, severity: Severity, code: &'static str, said: Said, details: Vec<String>) {
        self.push(Finding {
            details,
            ..Finding::new(severity, code, said)
        });
    }

    pub fn note(&mut self, code: &'static str, said: Said) {
        self.push(Finding::new(Severity::Note, code, said));
    }

    pub fn warning(&mut self, code: &'static str, said: Said) {
        self.push(Finding::new(Severity::Warning, code, said));
    }

    pub fn error(&mut self, code: &'static str, said: Said) {
        self.push(Finding::new(Severity::Error, code, said));
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.rows_skipped > 0 || self.count(Severity::Error) > 0
    }

    /// The report as plain text in English, as the CLI prints it: a finding repeated many
    /// times (the same message for other lines or values) shows its first [`SHOWN`] and a
    /// count, and a summary its first [`SHOWN`] items.
    pub fn to_text(&self) -> String {
        self.text(Some(SHOWN), Lang::En)
    }

    /// Every finding and every item in the UI's language, for the report saved beside the file.
    pub fn to_full_text(&self, lang: Lang) -> String {
        self.text(None, lang)
    }

    fn text(&self, shown: Option<usize>, lang: Lang) -> String {
        let mut out = match lang {
            Lang::En => format!(
                "{} ({}): {} rows read, {} loaded, {} skipped\n",
                self.file, self.format, self.rows_read, self.rows_loaded, self.rows_skipped
            ),
            Lang::Sv => format!(
                "{} ({}): {} rader lästa, {} inlästa, {} överhoppade\n",
                self.file, self.format, self.rows_read, self.rows_loaded, self.rows_skipped
            ),
        };
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
                out.push_str(&finding_line(g, shown, lang));
            }
            if listed < run {
                out.push_str(lang.pick(
                    &format!(
                        "  … och {} till av samma slag (alla i den sparade rapporten)\n",
                        run - listed
                    ),
                    &format!(
                        "  … and {} more like the above (all of them in the saved report and in --json)\n",
                        run - listed
                    ),
                ));
            }
            i += run;
        }
        if self.unlisted > 0 {
            out.push_str(lang.pick(
                &format!("  … och {} fynd till som inte listas\n", self.unlisted),
                &format!("  … and {} more findings not listed\n", self.unlisted),
            ));
        }
        out
    }
}

impl Finding {
    pub fn new(severity: Severity, code: &'static str, said: Said) -> Self {
        Self {
            severity,
            code,
            line: None,
            feature: None,
            column: None,
            message: said.en,
            message_sv: said.sv,
            details: Vec::new(),
        }
    }

    /// The message in the UI's language.
    pub fn message_in(&self, lang: Lang) -> &str {
        lang.pick(&self.message_sv, &self.message)
    }

    /// Where in the file, as "line 3, column year: ".
    pub fn place(&self, lang: Lang) -> String {
        let (line, column, feature) = match lang {
            Lang::Sv => ("rad", "kolumn", "objekt"),
            Lang::En => ("line", "column", "feature"),
        };
        match (self.line, self.feature, &self.column) {
            (Some(l), _, Some(c)) => format!("{line} {l}, {column} {c}: "),
            (Some(l), _, None) => format!("{line} {l}: "),
            (None, Some(n), _) => format!("{feature} {n}: "),
            _ => String::new(),
        }
    }

    /// The severity as a word: "error", "varning".
    pub fn kind(&self, lang: Lang) -> &'static str {
        match self.severity {
            Severity::Error => lang.pick("fel", "error"),
            Severity::Warning => lang.pick("varning", "warning"),
            Severity::Note => lang.pick("notering", "note"),
        }
    }
}

fn finding_line(f: &Finding, shown: Option<usize>, lang: Lang) -> String {
    let mut line = format!("  {}: {}{}\n", f.kind(lang), f.place(lang), f.message_in(lang));
    let listed = shown.map_or(f.details.len(), |n| f.details.len().min(n));
    for d in &f.details[..listed] {
        line.push_str(&format!("      {d}\n"));
    }
    if listed < f.details.len() {
        line.push_str(lang.pick(
            &format!(
                "      … och {} till (alla i den sparade rapporten)\n",
                f.details.len() - listed
            ),
            &format!(
                "      … and {} more (all of them in the saved report and in --json)\n",
                f.details.len() - listed
            ),
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
        r.line(
            Severity::Error,
            3,
            Some("year"),
            "not_a_period",
            Said::new("\"20x4\" is not a year", "\"20x4\" är inte ett år"),
        );
        for i in 0..MAX_LISTED + 5 {
            r.warning("test", Said::new(format!("w{i}"), format!("v{i}")));
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
            r.to_full_text(Lang::En).contains("  warning: w10\n"),
            "the saved report has them all"
        );
        // In Swedish, the UI's language, with the same stable code in the JSON.
        let swedish = r.to_full_text(Lang::Sv);
        assert!(
            swedish.starts_with("t.csv (tidy CSV): 3 rader lästa"),
            "{swedish}"
        );
        assert!(
            swedish.contains("  fel: rad 3, kolumn year: \"20x4\" är inte ett år\n"),
            "{swedish}"
        );
        assert!(swedish.contains("  varning: v10\n"), "{swedish}");
        let json = serde_json::to_value(&r.findings[0]).expect("json");
        assert_eq!(json["code"], "not_a_period");
        assert_eq!(json["message"], "\"20x4\" is not a year");
    }
}
