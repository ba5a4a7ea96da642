//! Numbers as people read them: Swedish (decimal comma, space between thousands, minus sign)
//! or English.
use crate::i18n::Lang;
use crate::model::Indicator;

/// `v` with `decimals` decimals, grouped in thousands.
pub fn number(v: f64, decimals: usize, lang: Lang) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sep, point, minus) = match lang {
        Lang::Sv => ('\u{a0}', ',', '\u{2212}'),
        Lang::En => (',', '.', '-'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    // Rounding can turn -0.04 into "0.0": no sign then.
    if v < 0.0 && !rounds_to_zero(v, decimals) {
        out.push(minus);
    }
    let digits = int.len();
    for (i, ch) in int.chars().enumerate() {
        // Swedish style leaves four-digit numbers ungrouped (2024, 8500).
        let group = digits > 4 || (lang == Lang::En && digits > 3);
        if i > 0 && group && (digits - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A number with an explicit sign (+ or −), for differences.
pub fn signed(v: f64, decimals: usize, lang: Lang) -> String {
    let body = number(v, decimals, lang);
    if v < 0.0 || rounds_to_zero(v, decimals) {
        body
    } else {
        format!("+{body}")
    }
}

/// Whether `v` shows as zero with `decimals` decimals (so it has no sign and no direction).
pub fn rounds_to_zero(v: f64, decimals: usize) -> bool {
    format!("{:.*}", decimals, v.abs())
        .bytes()
        .all(|b| !b.is_ascii_digit() || b == b'0')
}

/// The unit as shown after a value: `%` for percentages.
pub fn unit(ind: &Indicator, lang: Lang) -> String {
    if ind.is_percent() {
        "%".into()
    } else {
        lang.pick(&ind.unit_sv, &ind.unit_en).to_string()
    }
}

/// A value with its unit: "81,5 %", "10 500 per 100 000 inv.".
pub fn value(v: f64, ind: &Indicator, lang: Lang) -> String {
    // A categorical value is its category's name ("Goda socioekonomiska förutsättningar").
    if let Some(category) = ind.category(v) {
        return lang.pick(&category.sv, &category.en).to_string();
    }
    let unit = unit(ind, lang);
    let number = number(v, ind.decimals as usize, lang);
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// The unit of a difference: percentage points for percentages.
pub fn difference_unit(ind: &Indicator, lang: Lang) -> String {
    if ind.is_percent() {
        lang.pick("procentenheter", "percentage points").into()
    } else {
        unit(ind, lang)
    }
}

/// An age band as the catalogue writes it ("16–64 år", "alla åldrar") in the UI language, so
/// English text does not end in Swedish.
pub fn age_band(band: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => band.to_string(),
        Lang::En => band
            .replace("alla åldrar", "all ages")
            .replace(" år och äldre", " years and older")
            .replace(" år", " years")
            .replace("åk ", "grade "),
    }
}

/// A size of difference with its unit, unsigned: "18,2 procentenheter".
pub fn difference(v: f64, ind: &Indicator, lang: Lang) -> String {
    format!(
        "{} {}",
        number(v.abs(), ind.decimals as usize, lang),
        difference_unit(ind, lang)
    )
}

/// A signed difference with its unit: "+1,8 procentenheter".
pub fn signed_difference(v: f64, ind: &Indicator, lang: Lang) -> String {
    format!(
        "{} {}",
        signed(v, ind.decimals as usize, lang),
        difference_unit(ind, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands_read_in_the_ui_language() {
        assert_eq!(age_band("16–64 år", Lang::En), "16–64 years");
        assert_eq!(age_band("65 år och äldre", Lang::En), "65 years and older");
        assert_eq!(age_band("alla åldrar", Lang::En), "all ages");
        assert_eq!(age_band("åk 9", Lang::En), "grade 9");
        assert_eq!(age_band("18+ år", Lang::En), "18+ years");
        assert_eq!(age_band("16–64 år", Lang::Sv), "16–64 år");
    }

    #[test]
    fn swedish_uses_decimal_comma_spaces_and_minus_sign() {
        assert_eq!(number(1234567.891, 1, Lang::Sv), "1\u{a0}234\u{a0}567,9");
        assert_eq!(number(10500.0, 0, Lang::Sv), "10\u{a0}500");
        assert_eq!(number(2024.0, 0, Lang::Sv), "2024");
        assert_eq!(number(-18.26, 1, Lang::Sv), "\u{2212}18,3");
        assert_eq!(number(-0.04, 1, Lang::Sv), "0,0");
        assert_eq!(signed(1.8, 1, Lang::Sv), "+1,8");
        assert_eq!(signed(-1.8, 1, Lang::Sv), "\u{2212}1,8");
        assert_eq!(signed(0.0, 1, Lang::Sv), "0,0");
    }

    #[test]
    fn english_uses_point_and_commas() {
        assert_eq!(number(1234567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(number(2024.0, 0, Lang::En), "2,024");
        assert_eq!(number(999.0, 0, Lang::En), "999");
        assert_eq!(number(-3.5, 1, Lang::En), "-3.5");
    }
}
