//! segkarta: opens the map on the embedded Göteborgsregionen data (and any files named on the
//! command line); the subcommands check, convert and analyse files without opening a window.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use segkarta::io::attributes::RoleOverrides;
use segkarta::io::load::{self, LoadOptions};
use segkarta::io::validate::ValidationReport;

const FILES_HELP: &str = "FILE: boundaries (.geojson/.json, .gpkg or .shp, in WGS84 or SWEREF 99 TM), a tidy \
table (.csv or .parquet: area_code, indicator, period (or year), group_by, group, value[, moe, n]), an SCB PxWeb CSV \
export, or a Kolada or PxWeb JSON-stat 2.0 response (.json).";

#[derive(Parser)]
#[command(
    name = "segkarta",
    version,
    about = "Maps of segregation in Göteborgsregionen: opens the map, or checks, converts and analyses files",
    after_help = FILES_HELP,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to open in the map.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    load: LoadFlags,
}

#[derive(Subcommand)]
enum Command {
    /// Check files and print what was found; exits 1 on errors or when a file loads nothing.
    #[command(after_help = FILES_HELP)]
    Validate {
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The reports as JSON (shape documented in the README).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        load: LoadFlags,
    },
    /// Write the values of the files as one tidy table.
    #[command(after_help = FILES_HELP)]
    Convert {
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// OUT.csv or OUT.parquet.
        #[arg(long, value_name = "OUT")]
        to: PathBuf,
        #[command(flatten)]
        load: LoadFlags,
    },
    /// Class breaks, Moran's I, LISA clusters and segregation measures (embedded data by default).
    Analyze(AnalyzeArgs),
    /// Draw a map as PNG or SVG without a window, display or GPU: title, legend, source, date.
    Render(RenderArgs),
}

/// How files are read: which areas are kept and, for boundary files, what their attributes
/// hold (applies to every boundary file of the command; without these the roles are recognised).
#[derive(Args, Clone, Default)]
struct LoadFlags {
    /// Keep areas outside GR from national boundary files.
    #[arg(long)]
    all_sweden: bool,
    /// Draw DeSO/RegSO areas as given, over the sea too (clipped to land by default).
    #[arg(long)]
    keep_sea: bool,
    /// The attribute that holds each area's code (unique over the features).
    #[arg(long, value_name = "ATTRIBUTE")]
    code_attribute: Option<String>,
    /// The attribute that holds each area's name.
    #[arg(long, value_name = "ATTRIBUTE")]
    name_attribute: Option<String>,
    /// The attribute that holds the municipality code.
    #[arg(long, value_name = "ATTRIBUTE")]
    kommun_attribute: Option<String>,
    /// The attribute that holds the code of the area on the level above (a base area's primary area).
    #[arg(long, value_name = "ATTRIBUTE")]
    parent_attribute: Option<String>,
    /// The level: kommun, regso, deso, or the name of the user's own level (e.g. "Primärområde").
    #[arg(long, value_name = "NAME")]
    level_name: Option<String>,
}

impl LoadFlags {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            all_sweden: self.all_sweden,
            keep_sea: self.keep_sea,
            roles: RoleOverrides {
                code: self.code_attribute.clone(),
                name: self.name_attribute.clone(),
                kommun: self.kommun_attribute.clone(),
                parent: self.parent_attribute.clone(),
                level: self.level_name.clone(),
            },
            roles_by_file: Default::default(),
        }
    }
}

/// Which map: level, group and classification (shared by `analyze` and `render`).
#[derive(Args)]
struct MapFlags {
    /// kommun, regso, deso or a custom level's name; by default the level of the last
    /// --boundaries file, else kommun.
    #[arg(long, value_name = "LEVEL")]
    level: Option<String>,
    /// Show one group of this dimension (kon, fodelseregion, …) instead of everyone.
    #[arg(long, value_name = "DIM")]
    group_by: Option<String>,
    /// The group of --group-by (kvinnor, …); by default its first.
    #[arg(long, value_name = "G", requires = "group_by")]
    group: Option<String>,
    /// quantile, equal-interval, fisher-jenks, std-mean, box-plot or unique-values.
    #[arg(long, default_value = "quantile")]
    scheme: String,
    /// Number of classes, 3 to 9.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(3..=9))]
    k: u8,
}

impl MapFlags {
    /// The scheme asked for (manual breaks have no flag).
    fn scheme(&self) -> anyhow::Result<segkarta::analysis::classify::Scheme> {
        use segkarta::analysis::classify::Scheme;
        Scheme::from_cli_name(&self.scheme)
            .filter(|s| *s != Scheme::Manual)
            .with_context(|| {
                format!(
                    "--scheme {:?}: expected quantile, equal-interval, fisher-jenks, std-mean, box-plot or unique-values",
                    self.scheme
                )
            })
    }
}

#[derive(Args)]
struct AnalyzeArgs {
    #[arg(long, value_name = "ID")]
    indicator: String,
    /// The period: a year (2024), a quarter (2024K1), a month (2024-03 or 2024M03), a date.
    #[arg(long, value_name = "PERIOD", visible_alias = "year")]
    period: segkarta::model::Period,
    #[command(flatten)]
    map: MapFlags,
    /// Significance level of the LISA clusters.
    #[arg(long, default_value_t = 0.05)]
    alpha: f64,
    /// Neighbours share a point (queen) or an edge (rook), as libpysal and GeoDa build them.
    #[arg(long, default_value = "queen", value_parser = ["queen", "rook"])]
    contiguity: String,
    /// Count boundary points closer than this many metres as shared (for boundaries that share
    /// no vertices); the report says how many links it added.
    #[arg(long, value_name = "METRES")]
    tolerance: Option<f64>,
    /// Tables to load (repeatable).
    #[arg(long, value_name = "FILE")]
    data: Vec<PathBuf>,
    /// Boundary files to load, before the tables (repeatable).
    #[arg(long, value_name = "FILE")]
    boundaries: Vec<PathBuf>,
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    load: LoadFlags,
}

#[derive(Args)]
struct RenderArgs {
    /// A project file (.segkarta): its data files are loaded and its view drawn.
    #[arg(long, value_name = "P")]
    project: Option<PathBuf>,
    /// Draw the project's slide N (1 = the first) instead of its current view.
    #[arg(long, value_name = "N", requires = "project", conflicts_with_all = ["indicator", "period", "group_by", "level"])]
    slide: Option<usize>,
    /// The indicator; by default the first of the first domain, as the app opens.
    #[arg(long, value_name = "ID")]
    indicator: Option<String>,
    /// The period; by default the indicator's latest.
    #[arg(long, value_name = "PERIOD", visible_alias = "year")]
    period: Option<segkarta::model::Period>,
    #[command(flatten)]
    map: MapFlags,
    /// Picture size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    size: (u32, u32),
    /// Text language: sv or en.
    #[arg(long, default_value = "sv", value_parser = ["sv", "en"])]
    lang: String,
    /// Tables to load (repeatable).
    #[arg(long, value_name = "FILE")]
    data: Vec<PathBuf>,
    /// Boundary files to load, before the tables (repeatable).
    #[arg(long, value_name = "FILE")]
    boundaries: Vec<PathBuf>,
    /// OUT.png or OUT.svg.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[command(flatten)]
    load: LoadFlags,
}

/// "1920x1080" (or with ×) as a width and height of at least one pixel and at most 16384.
fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("{text:?}: expected WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let side = |s: &str| -> Result<u32, String> {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|v| (1..=16384).contains(v))
            .ok_or_else(|| format!("{s:?}: expected a whole number of pixels from 1 to 16384"))
    };
    Ok((side(w)?, side(h)?))
}

fn main() -> ExitCode {
    segkarta::startup_elapsed();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Validate { files, json, load }) => validate(&files, json, &load.options()),
        Some(Command::Convert { files, to, load }) => convert(&files, &to, &load.options()),
        Some(Command::Analyze(args)) => analyze(args),
        Some(Command::Render(args)) => render(args),
        None => gui(cli.files, cli.load.options()).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        eprintln!("segkarta: {e:#}");
        ExitCode::FAILURE
    })
}

/// Load each file onto the embedded atlas (so codes are checked against real areas) and
/// print what was found.
fn validate(files: &[PathBuf], json: bool, options: &LoadOptions) -> anyhow::Result<ExitCode> {
    let mut atlas = segkarta::io::embedded::atlas().context("the embedded data could not be loaded")?;
    let mut reports = Vec::new();
    let mut failed = false;
    for file in files {
        let report = match load::load_path_with(file, &options.roles) {
            Ok(loaded) => load::merge(&mut atlas, loaded, options),
            Err(e) => {
                let mut r = ValidationReport::new(&file.display().to_string(), "unreadable");
                let e = e.to_string();
                r.error("unreadable", segkarta::io::validate::Said::new(e.clone(), e));
                r
            }
        };
        // A file that loads nothing has failed, whatever else it says.
        failed |= report.has_errors() || report.rows_loaded == 0;
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
fn convert(inputs: &[PathBuf], out: &Path, options: &LoadOptions) -> anyhow::Result<ExitCode> {
    let mut all = segkarta::model::Observations::default();
    let mut failed = false;
    for file in inputs {
        let loaded = load::load_path_with(file, &options.roles)?;
        failed |= loaded.report.has_errors();
        eprint!("{}", loaded.report.to_text());
        match loaded.content {
            load::Content::Observations(obs) => all.extend(obs)?,
            load::Content::Boundaries(_) => {
                anyhow::bail!("{}: boundaries have no values to convert", file.display())
            }
            load::Content::Activities(_) => {
                anyhow::bail!("{}: activities have no values to convert", file.display())
            }
        }
    }
    segkarta::io::tidy::write(&all, out)?;
    eprintln!("wrote {} rows to {}", all.len(), out.display());
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let scheme = args.map.scheme()?;
    let (atlas, level) = load_for_command(
        &args.boundaries,
        &args.data,
        &args.load,
        args.map.level.as_deref(),
        !args.json,
    )?;
    let request = segkarta::report::Request {
        indicator: args.indicator,
        period: args.period,
        level,
        group_by: args.map.group_by,
        group: args.map.group,
        scheme,
        k: usize::from(args.map.k),
        alpha: args.alpha,
        weights: segkarta::analysis::weights::WeightsSpec {
            contiguity: if args.contiguity == "rook" {
                segkarta::analysis::weights::Contiguity::Rook
            } else {
                segkarta::analysis::weights::Contiguity::Queen
            },
            tolerance_m: args.tolerance,
        },
    };
    let report = segkarta::report::analyze(&atlas, &request).map_err(anyhow::Error::msg)?;
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(if report.computed_nothing() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The embedded atlas with `boundaries` then `data` merged (so values are checked against
/// their areas) and derived indicators computed, and the level asked for: by name, else the
/// level of the last boundary file, else the municipalities. Reports go to stderr when
/// `verbose` or when they have errors.
fn load_for_command(
    boundaries: &[PathBuf],
    data: &[PathBuf],
    flags: &LoadFlags,
    level: Option<&str>,
    verbose: bool,
) -> anyhow::Result<(segkarta::model::Atlas, segkarta::model::Level)> {
    let options = flags.options();
    let embedded = || "the embedded data could not be loaded";
    let land = segkarta::io::embedded::municipalities().context(embedded())?;
    // The demo values parse beside the user's files (both take about 100 ms).
    let background = {
        let kommuner = land.clone();
        std::thread::spawn(move || segkarta::io::embedded::atlas_with(kommuner))
    };
    let mut files = Vec::new();
    for file in boundaries.iter().chain(data) {
        let mut loaded = load::load_path_with(file, &options.roles)?;
        if let load::Content::Boundaries(layer) = &mut loaded.content {
            segkarta::jobs::prepare_layer(&mut layer.layer, &options, &land, &mut loaded.report);
        }
        files.push(loaded);
    }
    let mut atlas = background
        .join()
        .map_err(|_| anyhow::anyhow!(embedded()))?
        .context(embedded())?;
    // Boundaries before tables, so that values are checked against their areas (a project
    // lists its files in the order they were opened).
    files.sort_by_key(|l| !matches!(l.content, load::Content::Boundaries(_)));
    let mut last_level = None;
    for loaded in files {
        let dataset = load::merge_dataset(&mut atlas, loaded, &options);
        if let load::Added::Layer(level) = &dataset.added {
            last_level = Some(level.clone());
        }
        if dataset.report.has_errors() || verbose {
            eprint!("{}", dataset.report.to_text());
        }
    }
    let weights = segkarta::state::Settings::default().area_type_weights;
    segkarta::analysis::refresh_derived(&mut atlas, &weights);
    let level = match level {
        Some(name) => segkarta::report::level_by_name(&atlas, name).map_err(anyhow::Error::msg)?,
        None => last_level.unwrap_or(segkarta::model::Level::Kommun),
    };
    Ok((atlas, level))
}

/// Draw the map the flags describe into a PNG or SVG file, written atomically.
fn render(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let scheme = args.map.scheme()?;
    let svg = match args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if e == "png" => false,
        Some(e) if e == "svg" => true,
        _ => anyhow::bail!(
            "--out {}: expected a file ending in .png or .svg",
            args.out.display()
        ),
    };
    let project = match &args.project {
        Some(path) => Some(read_project(path)?),
        None => None,
    };
    let mut data = args.data.clone();
    if let Some(project) = &project {
        data.extend(project.datasets.iter().map(|f| PathBuf::from(&f.path)));
    }
    let (atlas, level) = load_for_command(
        &args.boundaries,
        &data,
        &args.load,
        args.map.level.as_deref(),
        false,
    )?;
    let lang = if args.lang == "en" {
        segkarta::i18n::Lang::En
    } else {
        segkarta::i18n::Lang::Sv
    };
    let date = segkarta::render::today();
    if let (Some(project), Some(n)) = (&project, args.slide) {
        let slide = n
            .checked_sub(1)
            .and_then(|i| project.slides.get(i))
            .with_context(|| format!("--slide {n}: the project has {} slides", project.slides.len()))?;
        let missing = slide.missing(&atlas, lang);
        anyhow::ensure!(
            missing.is_empty(),
            "slide {n} ({}) shows what is not loaded: {}",
            slide.name,
            missing.join(", ")
        );
        let (scene, _) = segkarta::render::slide_scene(&atlas, slide, lang, &date)
            .context("nothing to draw: no indicator, or no areas of that level")?;
        return write_scene(&scene, svg, args.size, &args.out);
    }
    let mut sel = project.as_ref().map_or_else(
        || segkarta::state::Settings::default().selection,
        |p| p.selection.clone(),
    );
    if let Some(id) = &args.indicator {
        anyhow::ensure!(
            atlas.catalogue.indicator(id).is_some(),
            "--indicator {id:?}: no such indicator in the embedded data or the files given"
        );
        sel.indicator = id.clone();
    }
    if project.is_none() || args.map.level.is_some() {
        sel.level = level;
    }
    if let Some(dim) = &args.map.group_by {
        sel.group_by = dim.clone();
        sel.group = args.map.group.clone().unwrap_or_default();
    }
    if project.is_none() {
        sel.scheme = scheme;
        sel.classes = usize::from(args.map.k);
    }
    if let Some(period) = args.period {
        sel.period = period;
    }
    let asked = sel.clone();
    let (scene, view) = segkarta::render::scene_of(&atlas, &mut sel, lang, &date)
        .context("nothing to draw: no indicator, or no areas of that level")?;
    if view.areas_with_values() == 0 {
        anyhow::bail!(
            "{} has no values for {} at level {}{}",
            sel.indicator,
            sel.period,
            sel.level.report_name(),
            if view.indicators_with_values.is_empty() {
                String::new()
            } else {
                format!(
                    "; indicators that have: {}",
                    view.indicators_with_values.join(", ")
                )
            }
        );
    }
    // The selection is made valid as in the app; say what changed rather than draw it silently.
    if args.period.is_some() && sel.period != asked.period {
        anyhow::bail!(
            "--period {}: {} has no values then (it has {})",
            asked.period,
            sel.indicator,
            segkarta::report::periods_text(atlas.observations.periods(&sel.indicator))
        );
    }
    if args.map.group_by.is_some() && (sel.group_by != asked.group_by || sel.group != asked.group) {
        anyhow::bail!(
            "--group-by {} --group {}: {} has no such group",
            asked.group_by,
            asked.group,
            sel.indicator
        );
    }
    write_scene(&scene, svg, args.size, &args.out)
}

/// Write `scene` as SVG or PNG of `size` to `out`, atomically.
fn write_scene(
    scene: &segkarta::render::Scene,
    svg: bool,
    (w, h): (u32, u32),
    out: &Path,
) -> anyhow::Result<ExitCode> {
    let bytes = if svg {
        segkarta::render::svg(scene, w, h).0.into_bytes()
    } else {
        segkarta::render::png(scene, w, h)?.0
    };
    segkarta::io::write_atomically(out, &bytes)
        .with_context(|| format!("{} could not be written", out.display()))?;
    eprintln!(
        "wrote {} ({w} × {h}): {}",
        out.display(),
        scene.caption.title_line()
    );
    Ok(ExitCode::SUCCESS)
}

/// A project file, with its data files checked: a missing one stops (naming it), a changed one
/// is said on stderr.
fn read_project(path: &Path) -> anyhow::Result<segkarta::project::Project> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("{file} could not be read"))?;
    let project = segkarta::project::Project::parse(&file, &text).map_err(anyhow::Error::msg)?;
    for (data, state) in project.datasets.iter().zip(project.check_files()) {
        match state {
            segkarta::project::FileState::Missing => {
                anyhow::bail!(
                    "{file}: its data file {} is missing (moved or deleted)",
                    data.path
                )
            }
            segkarta::project::FileState::Changed => {
                eprintln!("note: {} changed since the project was saved", data.path)
            }
            segkarta::project::FileState::Unchanged => {}
        }
    }
    Ok(project)
}

fn gui(files: Vec<PathBuf>, options: LoadOptions) -> anyhow::Result<()> {
    // The embedded data parses while the window and its GL context are made.
    let atlas = std::thread::spawn(segkarta::io::embedded::atlas);
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
            let atlas = atlas
                .join()
                .map_err(|_| anyhow::anyhow!("the embedded data could not be loaded"))?
                .context("the embedded data could not be loaded")?;
            let mut app = segkarta::app::SegkartaApp::new(&cc.egui_ctx, atlas, settings, true);
            app.load_files(&cc.egui_ctx, files, options);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
