//! segkarta: opens the map on the embedded Göteborgsregionen data (and any files named on the
//! command line); `segkarta validate FILE...` checks files without opening a window.
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use segkarta::io::load::{self, LoadOptions};
use segkarta::io::validate::ValidationReport;

const USAGE: &str = "usage:
  segkarta [--all-sweden] [--keep-sea] [FILE...]
                                              open the map (with FILE... loaded); DeSO/RegSO
                                              areas are drawn clipped to land unless --keep-sea
  segkarta validate [--json] [--all-sweden] FILE...
                                              check files, print the report; exit 1 on errors
  segkarta convert FILE... --to OUT.csv|OUT.parquet
                                              write the files' values as one tidy table
  segkarta analyze --indicator ID --year Y [--level kommun|regso|deso|custom]
          [--group-by DIM [--group G]] [--scheme quantile|equal-interval|fisher-jenks|
          std-mean|box-plot|unique-values] [--k N] [--alpha P]
          [--data FILE]... [--boundaries FILE]... [--all-sweden] [--json]
                                              class breaks, Moran's I, LISA clusters and
                                              segregation measures (embedded data by default)
FILE: boundaries (.geojson, .json in WGS84 or SWEREF 99 TM), a tidy table (.csv or .parquet:
area_code, indicator, year, group_by, group, value[, moe, n]), an SCB PxWeb CSV export, or a
Kolada or PxWeb JSON-stat 2.0 response (.json).";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let all_sweden = take_flag(&mut args, "--all-sweden");
    let keep_sea = take_flag(&mut args, "--keep-sea");
    let options = LoadOptions { all_sweden, keep_sea };
    let result = if args.first().map(String::as_str) == Some("validate") {
        let json = take_flag(&mut args, "--json");
        validate(&args[1..], json, options)
    } else if args.first().map(String::as_str) == Some("convert") {
        convert(&args[1..])
    } else if args.first().map(String::as_str) == Some("analyze") {
        let json = take_flag(&mut args, "--json");
        analyze(args.split_off(1), json, options)
    } else if let Some(flag) = args.iter().find(|a| a.starts_with("--")) {
        eprintln!("segkarta: unknown option {flag}\n{USAGE}");
        return ExitCode::from(2);
    } else {
        gui(args.into_iter().map(PathBuf::from).collect(), options).map(|()| ExitCode::SUCCESS)
    };
    result.unwrap_or_else(|e| {
        eprintln!("segkarta: {e:#}");
        ExitCode::FAILURE
    })
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

/// Load each file onto the embedded atlas (so codes are checked against real areas) and
/// print what was found.
fn validate(files: &[String], json: bool, options: LoadOptions) -> anyhow::Result<ExitCode> {
    if files.is_empty() {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    }
    let mut atlas = segkarta::io::embedded::atlas().context("the embedded data could not be loaded")?;
    let mut reports = Vec::new();
    let mut failed = false;
    for file in files {
        let report = match load::load_path(std::path::Path::new(file)) {
            Ok(loaded) => load::merge(&mut atlas, loaded, options),
            Err(e) => {
                let mut r = ValidationReport::new(file, "unreadable");
                r.push(segkarta::io::validate::Finding {
                    severity: segkarta::io::validate::Severity::Error,
                    line: None,
                    feature: None,
                    column: None,
                    message: e.to_string(),
                });
                r
            }
        };
        failed |= report.has_errors();
        reports.push(report);
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    } else {
        for r in &reports {
            print!("{}", r.to_text());
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Read each file and write all their values as one tidy table (CSV or Parquet).
fn convert(args: &[String]) -> anyhow::Result<ExitCode> {
    let Some(to) = args.iter().position(|a| a == "--to") else {
        eprintln!("segkarta: convert needs --to OUT.csv or OUT.parquet\n{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let (Some(out), inputs) = (
        args.get(to + 1),
        [&args[..to], &args[(to + 2).min(args.len())..]].concat(),
    ) else {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    }
    let mut all = segkarta::model::Observations::default();
    let mut failed = false;
    for file in &inputs {
        let loaded = load::load_path(std::path::Path::new(file))?;
        failed |= loaded.report.has_errors();
        eprint!("{}", loaded.report.to_text());
        match loaded.content {
            load::Content::Observations(obs) => all.extend(obs)?,
            load::Content::Boundaries(_) => anyhow::bail!("{file}: boundaries have no values to convert"),
        }
    }
    segkarta::io::tidy::write(&all, std::path::Path::new(out))?;
    eprintln!("wrote {} rows to {out}", all.len());
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The value after `flag`, taken out of `args` (every occurrence, for repeatable options).
fn take_values(args: &mut Vec<String>, flag: &str) -> Result<Vec<String>, String> {
    let mut values = Vec::new();
    while let Some(i) = args.iter().position(|a| a == flag) {
        if i + 1 >= args.len() {
            return Err(format!("{flag} needs a value"));
        }
        values.push(args.remove(i + 1));
        args.remove(i);
    }
    Ok(values)
}

fn analyze(mut args: Vec<String>, json: bool, options: LoadOptions) -> anyhow::Result<ExitCode> {
    use segkarta::analysis::classify::Scheme;
    use segkarta::model::Level;
    let mut one = |flag: &str| -> anyhow::Result<Option<String>> {
        let mut v = take_values(&mut args, flag).map_err(anyhow::Error::msg)?;
        anyhow::ensure!(v.len() <= 1, "{flag} given more than once");
        Ok(v.pop())
    };
    let (indicator, year, level, group_by, group, scheme, k, alpha) = (
        one("--indicator")?,
        one("--year")?,
        one("--level")?,
        one("--group-by")?,
        one("--group")?,
        one("--scheme")?,
        one("--k")?,
        one("--alpha")?,
    );
    let data = take_values(&mut args, "--data").map_err(anyhow::Error::msg)?;
    let boundaries = take_values(&mut args, "--boundaries").map_err(anyhow::Error::msg)?;
    if let Some(extra) = args.first() {
        eprintln!("segkarta analyze: unexpected {extra:?}\n{USAGE}");
        return Ok(ExitCode::from(2));
    }
    let (Some(indicator), Some(year)) = (indicator, year) else {
        eprintln!("segkarta analyze needs --indicator ID and --year Y\n{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let year: i32 = year
        .parse()
        .with_context(|| format!("--year {year:?} is not a year"))?;
    let level = match level.as_deref().unwrap_or("kommun") {
        "kommun" => Level::Kommun,
        "regso" => Level::Regso,
        "deso" => Level::Deso,
        "custom" => Level::Custom,
        other => anyhow::bail!("--level {other:?}: expected kommun, regso, deso or custom"),
    };
    let scheme = match scheme.as_deref() {
        None => Scheme::Quantile,
        Some(name) => Scheme::from_cli_name(name)
            .filter(|s| *s != Scheme::Manual)
            .with_context(|| format!("--scheme {name:?}: expected quantile, equal-interval, fisher-jenks, std-mean, box-plot or unique-values"))?,
    };
    let k: usize = k
        .as_deref()
        .unwrap_or("5")
        .parse()
        .context("--k is not a number")?;
    anyhow::ensure!((3..=9).contains(&k), "--k {k}: expected 3 to 9 classes");
    let alpha: f64 = alpha
        .as_deref()
        .unwrap_or("0.05")
        .parse()
        .context("--alpha is not a number")?;
    let mut atlas = segkarta::io::embedded::atlas().context("the embedded data could not be loaded")?;
    // Boundaries first, so that values are checked against their areas.
    for file in boundaries.iter().chain(&data) {
        let loaded = load::load_path(std::path::Path::new(file))?;
        let report = load::merge(&mut atlas, loaded, options);
        if report.has_errors() || !json {
            eprint!("{}", report.to_text());
        }
    }
    let weights = segkarta::state::Settings::default().area_type_weights;
    segkarta::analysis::refresh_derived(&mut atlas, &weights);
    let request = segkarta::report::Request {
        indicator,
        year,
        level,
        group_by,
        group,
        scheme,
        k,
        alpha,
    };
    let report = segkarta::report::analyze(&atlas, &request).map_err(anyhow::Error::msg)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

fn gui(files: Vec<PathBuf>, options: LoadOptions) -> anyhow::Result<()> {
    let atlas = segkarta::io::embedded::atlas().context("the embedded data could not be loaded")?;
    let settings = segkarta::settings::load();
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("segkarta")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "segkarta",
        native,
        Box::new(move |cc| {
            let mut app = segkarta::app::SegkartaApp::new(&cc.egui_ctx, atlas, settings, true);
            app.load_files(&cc.egui_ctx, files, options);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
