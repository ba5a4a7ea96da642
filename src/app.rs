//! The eframe application: owns the atlas, the settings and the runtime caches (view, meshes,
//! hit index, basemap), lays out the panels and applies the actions they emit.
use egui::{Color32, Key};
use walkers::{MapMemory, Projection as _, lon_lat};

use crate::analysis::weights::Weights;
use crate::io;
use crate::io::load::Dataset;
use crate::io::load::{self, LoadOptions};
use crate::io::validate::{Severity, ValidationReport};
use crate::jobs::{JobResult, LoadJob};
use crate::map::LayerGeometry;
use crate::map::mesh::merc_of;
use crate::map::tiles::Basemap;
use crate::model::{AreaLayer, Atlas, Level, is_gr_municipality};
use crate::state::{Action, Settings};
use crate::ui::{self, Outputs, UiCx};
use crate::view::View;
use crate::view::caption::Caption;

/// The newest level and the indicators the current load has added.
#[derive(Default)]
struct Opened {
    level: Option<crate::model::Level>,
    indicators: Vec<String>,
}

pub struct SegkartaApp {
    pub atlas: Atlas,
    pub settings: Settings,
    pub view: View,
    /// Mesh and hit index per layer of the atlas, in the same order.
    geometry: Vec<LayerGeometry>,
    fills: Vec<Color32>,
    /// Fills of the municipalities drawn under a finer level (transparent where it covers them).
    context_fills: Vec<Color32>,
    pub map_memory: MapMemory,
    basemap: Option<Basemap>,
    /// Area under the pointer, on the map or in a linked list.
    pub hovered: Option<usize>,
    /// Fit the map to GR on the next frame (needs the map's size, known only when drawn).
    /// Keep the map fitted to GR while the layout settles (panels and legend take their size
    /// over the first frames); off once the user pans or zooms.
    auto_fit: bool,
    /// Whether settings are saved to disk (off in tests).
    persist: bool,
    /// When the settings last changed without being written: they are written once they
    /// settle ([`SETTINGS_SETTLE`]) and on exit, not on every step of a slider drag.
    unsaved_since: Option<std::time::Instant>,
    show_help: bool,
    /// Where the map was drawn last frame (screen points).
    pub map_rect: egui::Rect,
    /// Where the legend covers the map.
    legend_rect: egui::Rect,
    /// Files being read in the background.
    job: Option<LoadJob>,
    load_options: LoadOptions,
    /// What loading the user's files found, newest last.
    pub datasets: Vec<Dataset>,
    show_reports: bool,
    /// A PxWeb table read but not yet merged: the user confirms its columns and names first.
    pub pending_import: Option<crate::pending::PendingImport>,
    /// Further exports of the same load, shown one after the other.
    queued_imports: std::collections::VecDeque<crate::pending::PendingImport>,
    /// Boundary files of no SCB level, read but not merged: the user confirms their
    /// attributes and level first, one file at a time.
    pub pending_boundaries: std::collections::VecDeque<crate::pending::PendingBoundaries>,
    /// What the files being loaded brought, to decide which level to show.
    opened: Opened,
    /// Tables read in the current load, merged after its boundaries.
    held_tables: Vec<load::Loaded>,
    /// Where the last saved report went, shown in the data window.
    pub saved_report: Option<String>,
    /// Queen weights per level, built when a level is first analysed after its data changed.
    weights: std::collections::HashMap<Level, Weights>,
    /// How many times `weights` were built, for [`SegkartaApp::weights_built`].
    weights_built: usize,
    /// The needs view while it is shown, computed for the current year and level.
    pub needs: Option<crate::analysis::needs::Needs>,
    /// The activities the layer and list show, computed with the view.
    pub activity_view: crate::view::activities::ActivityView,
    /// The activity selected in the list or on the map, and the one hovered in the list.
    pub selected_activity: Option<usize>,
    hovered_activity: Option<usize>,
    /// The activities window is open.
    pub show_activities: bool,
    /// Where the needs table was last exported (or why not).
    exported: Option<String>,
    /// The classification window, while it is shown.
    pub classify_dialog: Option<ui::classify_dialog::ClassifyDialog>,
    /// File → Open, while it is shown.
    pub open_dialog: Option<ui::open_dialog::OpenDialog>,
    /// The export window, while it is shown.
    pub export_dialog: Option<ui::export::ExportDialog>,
    /// The project file the work was last saved to or opened from.
    pub project_path: Option<std::path::PathBuf>,
    /// Changes since the project was last saved (or since start).
    pub project_dirty: bool,
    /// The last word on saving or opening a project (where it went, or why not).
    pub project_note: Option<String>,
    /// This instance's recovery file, where unsaved work is autosaved (`None`: not autosaved,
    /// as in tests).
    pub recovery: Option<crate::project::RecoverySlot>,
    last_autosave: std::time::Instant,
    /// Work found in the recovery file at start, offered back to the user.
    pub recovery_offer: Option<crate::project::Recovery>,
    /// A project being opened: applied once its files have loaded.
    opening: Option<crate::project::Project>,
    /// The project's slides.
    pub slides: Vec<crate::project::Slide>,
    /// Checksum and size of each data file as it was read, by the name its report gives it.
    fingerprints: std::collections::HashMap<String, crate::project::DataFile>,
    /// Data files of the opened project that were not where it said, with the path the user
    /// types for each; and the project, to apply again once one is found.
    pub missing_files: Vec<(String, String)>,
    relocating: Option<crate::project::Project>,
    /// What the user said of files in the import dialogs (by file), saved with the project
    /// and taken again when it opens.
    import_choices: std::collections::HashMap<String, crate::project::ImportChoice>,
    /// Exports a project's choices cover, merged with the load's other tables.
    held_imports: Vec<crate::pending::PendingImport>,
    /// The project being opened is already changed (a data file was found elsewhere).
    dirty_after_opening: bool,
    /// Save as: the path being typed, while the window is shown.
    pub save_as: Option<String>,
    /// The second map (side by side or difference), computed with the view.
    pub compare: Option<crate::view::compare::CompareView>,
    /// The second map's fills, side by side.
    fills_b: Vec<Color32>,
    /// Frames drawn so far.
    frames: u64,
    /// The user showed the analysis panel in a narrow window.
    right_panel_in_narrow: bool,
    /// Presenter mode: the current slide's note in a window of its own (N), for the
    /// presenter's screen, not the projector's.
    pub show_notes: bool,
    /// What a domain or indicator change did to the period or group, shown under the map's
    /// title for a while, and since when.
    pub notice: Option<(String, std::time::Instant)>,
    /// The slide shown last (and after which a new one is added).
    pub current_slide: Option<usize>,
    /// The slides window, while it is shown.
    pub show_slides: bool,
    /// Presenter mode: the map alone, full screen, large text, driven from the keyboard.
    pub presenting: bool,
    /// While the animation plays: when it last stepped to the next period.
    pub playing: Option<std::time::Instant>,
    /// The colours the map is changing from, and since when (presenter mode).
    transition: Option<(Vec<Color32>, std::time::Instant)>,
    /// Where the presenter overlays covered the map last frame.
    covered: ui::presenter::Covered,
}

impl SegkartaApp {
    /// Build the app on `atlas`. `persist` saves the settings when they settle after a change.
    pub fn new(ctx: &egui::Context, mut atlas: Atlas, mut settings: Settings, persist: bool) -> Self {
        crate::analysis::refresh_derived(&mut atlas, &settings.area_type_weights);
        ui::style::apply(ctx);
        ctx.set_zoom_factor(settings.ui_zoom.clamp(0.5, 3.0));
        settings.selection.normalise(&atlas);
        let geometry = atlas.layers.iter().map(LayerGeometry::build).collect();
        let view = View::compute(&atlas, current_layer(&atlas, &settings), &settings.selection);
        let fills = to_colour32(&view);
        let basemap = settings.basemap.then(|| Basemap::new(ctx.clone()));
        let mut app = Self {
            atlas,
            settings,
            view,
            geometry,
            fills,
            context_fills: Vec::new(),
            map_memory: MapMemory::default(),
            basemap,
            hovered: None,
            auto_fit: true,
            persist,
            unsaved_since: None,
            show_help: false,
            map_rect: egui::Rect::NOTHING,
            legend_rect: egui::Rect::NOTHING,
            job: None,
            load_options: LoadOptions::default(),
            datasets: Vec::new(),
            show_reports: false,
            pending_import: None,
            queued_imports: Default::default(),
            pending_boundaries: Default::default(),
            opened: Opened::default(),
            held_tables: Vec::new(),
            open_dialog: None,
            classify_dialog: None,
            needs: None,
            activity_view: Default::default(),
            selected_activity: None,
            hovered_activity: None,
            show_activities: false,
            exported: None,
            weights: Default::default(),
            weights_built: 0,
            saved_report: None,
            export_dialog: None,
            project_path: None,
            project_dirty: false,
            project_note: None,
            recovery: None,
            last_autosave: std::time::Instant::now(),
            recovery_offer: None,
            opening: None,
            slides: Vec::new(),
            fingerprints: Default::default(),
            missing_files: Vec::new(),
            relocating: None,
            import_choices: Default::default(),
            held_imports: Vec::new(),
            dirty_after_opening: false,
            save_as: None,
            notice: None,
            compare: None,
            fills_b: Vec::new(),
            frames: 0,
            right_panel_in_narrow: false,
            show_notes: false,
            current_slide: None,
            show_slides: false,
            presenting: false,
            playing: None,
            transition: None,
            covered: Default::default(),
        };
        // Again with the layer's neighbours, for the spatial analysis.
        app.refresh_view();
        if persist {
            app.recovery = crate::project::claim_recovery();
            app.offer_recovery();
        }
        app
    }

    /// The layer the map shows.
    pub fn layer(&self) -> &AreaLayer {
        current_layer(&self.atlas, &self.settings)
    }

    /// Read files in the background; results are merged as they arrive.
    pub fn load_files(&mut self, ctx: &egui::Context, files: Vec<std::path::PathBuf>, options: LoadOptions) {
        // A project among the files opens as a project (the first one; data files beside it
        // are opened after its own).
        let (projects, files): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| {
            f.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(crate::project::EXTENSION))
        });
        if let Some(project) = projects.first() {
            self.open_project(ctx, project);
        }
        if files.is_empty() {
            return;
        }
        if let Some(job) = &self.job {
            job.cancel();
        }
        self.load_options = options.clone();
        let land = std::sync::Arc::new(
            self.atlas
                .layer(&Level::Kommun)
                .cloned()
                .unwrap_or_else(|| AreaLayer::new(Level::Kommun, Vec::new())),
        );
        self.job = Some(LoadJob::start(files, options, land, ctx.clone()));
    }

    /// Write the needs table as CSV into the export folder; says where, or why it failed.
    fn export_needs(&self) -> String {
        let Some(needs) = &self.needs else {
            return String::new();
        };
        let level = self.settings.selection.level.report_name().to_lowercase();
        let csv = crate::analysis::needs::to_csv(needs, &self.atlas);
        self.export_csv(&format!("behovsanalys-{level}-{}.csv", needs.period), &csv)
    }

    /// The export folder, or why there is none, in the UI language.
    fn export_folder(&self) -> Result<std::path::PathBuf, String> {
        io::export_dir().ok_or_else(|| {
            self.settings
                .lang
                .pick(
                    "Ingen hemkatalog att exportera till",
                    "No home folder to export to",
                )
                .into()
        })
    }

    /// Write `csv` as `name` into the export folder; says where it went, or why not.
    fn export_csv(&self, name: &str, csv: &str) -> String {
        let lang = self.settings.lang;
        let dir = match self.export_folder() {
            Ok(dir) => dir,
            Err(why) => return why,
        };
        let path = dir.join(name);
        match io::write_atomically(&path, csv.as_bytes()) {
            Ok(()) => format!(
                "{} {}",
                lang.pick("Exporterad till", "Exported to"),
                path.display()
            ),
            Err(e) => format!(
                "{} {}: {e}",
                lang.pick("Kunde inte skriva", "Could not write"),
                path.display()
            ),
        }
    }

    /// Write a dataset's report as text beside its file (`FILE.kontroll.txt`), or in the
    /// settings folder when that folder is not writable; remember where, or why it failed.
    pub fn save_report(&mut self, index: usize) {
        let Some(dataset) = self.datasets.get(index) else {
            return;
        };
        // Every finding and item, in the UI's language.
        let text = dataset.report.to_full_text(self.settings.lang);
        let source = std::path::Path::new(&dataset.report.file);
        let name = format!(
            "{}.kontroll.txt",
            source
                .file_name()
                .map_or("segkarta".into(), |n| n.to_string_lossy())
        );
        let beside = source.with_file_name(&name);
        let fallback = io::app_dir(io::AppDir::Config).map(|d| d.join("rapporter").join(&name));
        let lang = self.settings.lang;
        let result = io::write_atomically(&beside, text.as_bytes())
            .map(|_| beside.clone())
            .or_else(|e| match &fallback {
                Some(path) => io::write_atomically(path, text.as_bytes()).map(|_| path.clone()),
                None => Err(e),
            });
        self.saved_report = Some(match result {
            Ok(path) => format!(
                "{} {}",
                lang.pick("Rapporten sparades som", "Report saved as"),
                path.display()
            ),
            Err(e) => format!(
                "{}: {e}",
                lang.pick("Rapporten kunde inte sparas", "The report could not be saved")
            ),
        });
    }

    /// Take a loaded file's layer or indicators out again.
    pub fn remove_dataset(&mut self, index: usize) {
        let Some(dataset) = self.datasets.get(index) else {
            return;
        };
        if let load::Added::Layer(level) = &dataset.added
            && let Some(i) = self.atlas.layers.iter().position(|l| l.level == *level)
            && *level != Level::Kommun
        {
            self.geometry.remove(i);
        }
        if let Err(e) = load::remove(&mut self.atlas, dataset) {
            self.datasets[index].report.warning(
                "not_removed",
                crate::io::validate::Said::new(format!("not removed: {e}"), format!("inte borttagen: {e}")),
            );
            return;
        }
        self.datasets.remove(index);
        self.data_changed();
    }

    /// After data were added or removed: recompute what is derived from it, then the view.
    fn data_changed(&mut self) {
        self.project_dirty = true;
        crate::analysis::refresh_derived(&mut self.atlas, &self.settings.area_type_weights);
        self.weights.clear();
        self.forget_view();
        self.refresh_view();
    }

    /// The values changed: nothing of the last view may be reused for the next.
    fn forget_view(&mut self) {
        self.view.trend.series_of = None;
    }

    /// Keep the selection valid for the atlas as it is now and rebuild the view.
    fn refresh_view(&mut self) {
        self.settings.selection.normalise(&self.atlas);
        let layer = current_layer(&self.atlas, &self.settings);
        let spec = self.settings.selection.weights;
        let cached = self.weights.get(&layer.level).is_some_and(|w| w.spec == spec);
        if !cached {
            self.weights
                .insert(layer.level.clone(), Weights::build(layer, spec));
            self.weights_built += 1;
        }
        let weights = self.weights.get(&layer.level);
        self.view = View::compute_after(
            &self.atlas,
            layer,
            &self.settings.selection,
            weights,
            Some(&self.view),
        );
        self.context_fills = match self.atlas.layer(&Level::Kommun) {
            Some(municipalities) if layer.level != Level::Kommun => {
                crate::map::clip::covered_municipalities(municipalities, layer)
                    .into_iter()
                    .map(|covered| {
                        if covered {
                            Color32::TRANSPARENT
                        } else {
                            crate::map::palette::CONTEXT.into()
                        }
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        if self.needs.is_some() {
            self.needs = Some(crate::analysis::needs::needs(
                &self.atlas,
                layer,
                self.settings.selection.period,
            ));
        }
        self.activity_view =
            crate::view::activities::ActivityView::compute(&self.atlas, &self.settings.selection);
        if self
            .selected_activity
            .is_some_and(|i| !self.activity_view.listed.contains(&i))
        {
            self.selected_activity = None;
        }
        self.compare = self.settings.selection.comparison.as_ref().map(|cmp| {
            crate::view::compare::compute(&self.atlas, layer, &self.settings.selection, &self.view, cmp)
        });
        let fills: Vec<Color32> = match &self.compare {
            Some(c) => c.fills_a.iter().map(|f| (*f).into()).collect(),
            None => to_colour32(&self.view),
        };
        self.fills_b = self
            .compare
            .as_ref()
            .map_or_else(Vec::new, |c| c.fills_b.iter().map(|f| (*f).into()).collect());
        // In presenter mode colours move to the new period's over a moment, so a change
        // reads as change (an area that turns from light to dark), not as a new picture.
        self.transition = (self.presenting && fills.len() == self.fills.len() && fills != self.fills)
            .then(|| (std::mem::take(&mut self.fills), std::time::Instant::now()));
        self.fills = fills;
    }

    /// Whether files are still being read.
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else { return };
        let results = job.poll();
        let finished = job.is_finished();
        if finished {
            self.job = None;
        }
        // Nothing new, unless the load just ended with tables still to merge.
        if results.is_empty() && (!finished || (self.held_tables.is_empty() && self.held_imports.is_empty()))
        {
            return;
        }
        for result in results {
            match result {
                JobResult::Import(mut pending) => {
                    // A project knows what the user said of this export before: no question.
                    let file = pending.report().file.clone();
                    if let Some(choice) = self.import_choices.get(&file).cloned()
                        && pending.take_choice(&choice)
                    {
                        // Merged with the other tables, once the boundaries are in.
                        self.held_imports.push(*pending);
                        continue;
                    }
                    // An export's columns were guessed: let the user confirm before merging.
                    if self.pending_import.is_none() {
                        self.pending_import = Some(*pending);
                    } else {
                        self.queued_imports.push_back(*pending);
                    }
                }
                JobResult::Loaded { loaded, geometry } => {
                    if let load::Content::Boundaries(b) = &loaded.content
                        && b.needs_confirmation
                    {
                        // A division of the user's own: they say what its attributes hold.
                        self.pending_boundaries
                            .extend(crate::pending::PendingBoundaries::new(
                                *loaded,
                                geometry.map(|g| *g),
                            ));
                        continue;
                    }
                    if matches!(
                        loaded.content,
                        load::Content::Observations(_) | load::Content::Activities(_)
                    ) {
                        // Tables wait for the load's boundaries, so that their codes are
                        // checked against them (a division's waits in its dialog).
                        self.held_tables.push(*loaded);
                        continue;
                    }
                    let dataset = load::merge_dataset(&mut self.atlas, *loaded, &self.load_options);
                    self.add_dataset(ctx, dataset, geometry.map(|g| *g));
                }
                JobResult::Failed { file, error } => self.add_failure(&file, "unreadable", error),
                JobResult::Fingerprint(file, data) => {
                    self.fingerprints.insert(file, data);
                }
            }
        }
        self.merge_held_tables(ctx);
        // New rows or indicators: rebuild what derives from them and the view.
        self.data_changed();
        self.show_opened_level(ctx);
        if self.job.is_none() {
            self.finish_opening(ctx);
        }
    }

    /// Merge the tables a load brought once the load is done and its boundary files are
    /// merged or cancelled.
    fn merge_held_tables(&mut self, ctx: &egui::Context) {
        if self.job.is_some() || !self.pending_boundaries.is_empty() {
            return;
        }
        let mut added = Vec::new();
        for pending in std::mem::take(&mut self.held_imports) {
            let dataset = pending.finish(&mut self.atlas, &self.load_options);
            if let load::Added::Indicators(ids) = &dataset.added {
                added.extend(ids.iter().cloned());
            }
            self.add_dataset(ctx, dataset, None);
        }
        for loaded in std::mem::take(&mut self.held_tables) {
            let dataset = load::merge_dataset(&mut self.atlas, loaded, &self.load_options);
            if let load::Added::Indicators(ids) = &dataset.added {
                added.extend(ids.iter().cloned());
            }
            self.add_dataset(ctx, dataset, None);
        }
        // Show what was opened, as the import dialog does, unless it brought the indicator shown.
        if !added.contains(&self.settings.selection.indicator) {
            self.apply(ctx, added.into_iter().next().map(Action::SelectIndicator));
        }
    }

    /// Show the level just opened where something has values there: the chosen indicator, or
    /// one the same load brought (a DeSO file with a DeSO table). Otherwise the level is one
    /// click away in *Nivå*, which offers the indicators it has. Forgotten once the load and
    /// its dialogs are done.
    fn show_opened_level(&mut self, ctx: &egui::Context) {
        if let Some(level) = self.opened.level.clone()
            && let Some(layer) = self.atlas.layer(&level)
        {
            let has_values = |id: &str| crate::analysis::aggregate::has_values_at(&self.atlas, id, layer);
            let switch = if has_values(&self.settings.selection.indicator) {
                Some(None)
            } else {
                self.opened
                    .indicators
                    .iter()
                    .find(|id| has_values(id))
                    .map(|id| Some(id.clone()))
            };
            if let Some(indicator) = switch {
                let select = indicator.map(Action::SelectIndicator);
                self.apply(ctx, select.into_iter().chain([Action::SetLevel(level)]));
                self.opened = Default::default();
            }
        }
        if self.job.is_none() && self.pending_boundaries.is_empty() && self.pending_import.is_none() {
            self.opened = Default::default();
        }
    }

    /// Install a merged file: its layer's geometry (and show that level), its report, and
    /// remember the file. The caller rebuilds the view.
    fn add_dataset(&mut self, ctx: &egui::Context, dataset: Dataset, geometry: Option<LayerGeometry>) {
        if let (load::Added::Layer(level), Some(geometry)) = (&dataset.added, geometry)
            && let Some(i) = self.atlas.layers.iter().position(|l| l.level == *level)
        {
            // Municipal files merge into the layer there by code: then the mesh
            // built on the loading thread covers only part of it.
            let layer = &self.atlas.layers[i];
            let geometry = if geometry.mesh.area_bbox.len() == layer.len() {
                geometry
            } else {
                LayerGeometry::build(layer)
            };
            if i < self.geometry.len() {
                self.geometry[i] = geometry;
            } else {
                self.geometry.push(geometry);
            }
            self.opened.level = Some(level.clone());
        }
        if let load::Added::Indicators(ids) = &dataset.added {
            self.opened.indicators.extend(ids.iter().cloned());
        }
        // Open the report by itself only when something needs a look.
        self.show_reports |= dataset.report.has_errors() || dataset.report.count(Severity::Warning) > 0;
        if dataset.added != load::Added::Nothing {
            let path = dataset.report.file.clone();
            self.apply(ctx, [Action::RememberFile(path)]);
        }
        self.datasets.push(dataset);
    }

    /// A file that added nothing: listed with why, and the data window opened on it.
    fn add_failure(&mut self, file: &str, format: &str, error: crate::io::validate::Said) {
        let mut report = ValidationReport::new(file, format);
        // The reader's message names the file, line and what was expected.
        report.error("unreadable", error);
        self.datasets.push(Dataset {
            added: load::Added::Nothing,
            report,
        });
        self.show_reports = true;
    }

    /// Apply actions and rebuild the view when the selection changed.
    pub fn apply(&mut self, ctx: &egui::Context, actions: impl IntoIterator<Item = Action>) {
        let before = self.settings.clone();
        let mut changed = false;
        let mut switched = false;
        for action in actions {
            switched |= matches!(
                action,
                Action::SelectDomain(_) | Action::SelectIndicator(_) | Action::StepIndicator(_)
            );
            changed |= self.settings.apply(&self.atlas, action);
        }
        if self.settings.basemap && self.basemap.is_none() {
            self.basemap = Some(Basemap::new(ctx.clone()));
        }
        if self.settings.area_type_weights != before.area_type_weights {
            // Only the area types depend on their weights: the other derived indicators and the
            // contiguity weights (the layers did not change) stay as they are.
            crate::analysis::area_types::refresh(&mut self.atlas, &self.settings.area_type_weights);
            self.forget_view();
            self.refresh_view();
        } else if changed {
            self.refresh_view();
        }
        if self.settings.selection != before.selection
            || self.settings.area_type_weights != before.area_type_weights
        {
            self.project_dirty = true;
        }
        if switched {
            self.notice = self
                .switch_notice(&before.selection)
                .map(|text| (text, std::time::Instant::now()));
        }
        if self.persist && self.settings != before {
            self.unsaved_since = Some(std::time::Instant::now());
        }
    }

    /// Write the settings if they changed and have not changed again for [`SETTINGS_SETTLE`]
    /// by `now`; returns whether they were written.
    pub fn save_settled_settings(&mut self, now: std::time::Instant) -> bool {
        match self.unsaved_since {
            Some(since) if now.saturating_duration_since(since) >= SETTINGS_SETTLE => {
                self.flush_settings();
                true
            }
            _ => false,
        }
    }

    /// How many times contiguity weights have been built (they are dear at DeSO scale, so only
    /// a change of the layers or of the weights setting should build them again).
    pub fn weights_built(&self) -> usize {
        self.weights_built
    }

    /// Write changed settings now (on exit).
    pub fn flush_settings(&mut self) {
        if self.unsaved_since.take().is_some() {
            // Small file, written atomically; losing it is harmless, so errors are only logged.
            if let Err(e) = crate::settings::save(&self.settings) {
                eprintln!("segkarta: could not save settings: {e}");
            }
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context, out: &mut Outputs) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        if self.presenting {
            let scale = self.settings.presenter_scale;
            ctx.input_mut(|i| {
                if i.consume_key(egui::Modifiers::NONE, Key::Escape) {
                    out.toggle_presenter = true;
                }
                if i.consume_key(egui::Modifiers::NONE, Key::Space) {
                    out.toggle_play = true;
                }
                if i.consume_key(egui::Modifiers::NONE, Key::H) {
                    out.actions
                        .push(Action::SetHighContrast(!self.settings.selection.high_contrast));
                }
                if i.consume_key(egui::Modifiers::NONE, Key::N) {
                    out.toggle_notes = true;
                }
                if i.consume_key(egui::Modifiers::NONE, Key::Plus)
                    || i.consume_key(egui::Modifiers::NONE, Key::Equals)
                {
                    out.actions.push(Action::SetPresenterScale(scale + 0.1));
                }
                if i.consume_key(egui::Modifiers::NONE, Key::Minus) {
                    out.actions.push(Action::SetPresenterScale(scale - 0.1));
                }
                // With slides, ↑ ↓ and the page keys (what a presentation remote sends) go
                // through them; without, the page keys step the indicators like ↑ ↓.
                let slides = !self.slides.is_empty();
                for (key, step) in [
                    (Key::PageUp, -1),
                    (Key::PageDown, 1),
                    (Key::ArrowUp, -1),
                    (Key::ArrowDown, 1),
                ] {
                    let arrow = matches!(key, Key::ArrowUp | Key::ArrowDown);
                    if (slides || !arrow) && i.consume_key(egui::Modifiers::NONE, key) {
                        if slides {
                            out.step_slide += step;
                        } else {
                            out.actions.push(Action::StepIndicator(step));
                        }
                    }
                }
            });
        }
        let domains: Vec<String> = self
            .atlas
            .catalogue
            .domains
            .iter()
            .map(|d| d.id.clone())
            .collect();
        ctx.input_mut(|i| {
            let digit_keys = [
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
                Key::Num7,
                Key::Num8,
            ];
            for (key, domain) in digit_keys.iter().zip(&domains) {
                if i.consume_key(egui::Modifiers::NONE, *key) {
                    out.actions.push(Action::SelectDomain(domain.clone()));
                }
            }
            let pairs = [
                (Key::ArrowLeft, Action::StepPeriod(-1)),
                (Key::ArrowRight, Action::StepPeriod(1)),
                (Key::ArrowUp, Action::StepIndicator(-1)),
                (Key::ArrowDown, Action::StepIndicator(1)),
                (Key::Escape, Action::SelectArea(None)),
                (Key::OpenBracket, Action::ToggleLeftPanel),
                (Key::CloseBracket, Action::ToggleRightPanel),
                (Key::L, Action::SetLang(self.settings.lang.other())),
                (Key::B, Action::SetBasemap(!self.settings.basemap)),
                (Key::N, Action::SetNational(!self.settings.selection.national)),
            ];
            for (key, action) in pairs {
                if i.consume_key(egui::Modifiers::NONE, key) {
                    out.actions.push(action);
                }
            }
            if i.consume_key(egui::Modifiers::NONE, Key::G) || i.consume_key(egui::Modifiers::NONE, Key::Home)
            {
                out.zoom_to_gr = true;
            }
            if i.consume_key(egui::Modifiers::COMMAND, Key::O) {
                out.open_files = true;
            }
            if i.consume_key(egui::Modifiers::COMMAND, Key::E) {
                out.open_export = true;
            }
            if i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S) {
                out.project = Some(ui::ProjectRequest::SaveAs);
            }
            if i.consume_key(egui::Modifiers::COMMAND, Key::S) {
                out.project = Some(ui::ProjectRequest::Save);
            }
            if i.consume_key(egui::Modifiers::NONE, Key::K) {
                out.open_classification = true;
            }
            if i.consume_key(egui::Modifiers::NONE, Key::P) {
                out.open_needs = true;
            }
            if i.consume_key(egui::Modifiers::NONE, Key::V) {
                out.open_activities = true;
            }
            if i.consume_key(egui::Modifiers::NONE, Key::F1) {
                self.show_help = !self.show_help;
            }
            if i.consume_key(egui::Modifiers::NONE, Key::F5) {
                out.toggle_presenter = true;
            }
        });
    }

    /// What a switch of domain or indicator changed that the user did not ask for: another
    /// period (the new indicator has none for the one shown) or another group.
    fn switch_notice(&self, before: &crate::state::Selection) -> Option<String> {
        let lang = self.settings.lang;
        let sel = &self.settings.selection;
        let name = self
            .atlas
            .catalogue
            .indicator(&sel.indicator)
            .map_or(sel.indicator.as_str(), |i| lang.pick(&i.sv, &i.en));
        let mut said = Vec::new();
        if sel.period != before.period && before.period != crate::model::Period::default() {
            said.push(format!(
                "{} {}: {name} {} {}",
                lang.pick("Visar", "Showing"),
                sel.period.label(lang),
                lang.pick("har inga värden för", "has no values for"),
                before.period.label(lang)
            ));
        }
        if (sel.group_by.as_str(), sel.group.as_str()) != (before.group_by.as_str(), before.group.as_str()) {
            let group = |by: &str, g: &str| {
                if by == crate::model::TOTAL {
                    lang.pick("hela befolkningen", "everyone").to_string()
                } else {
                    crate::view::caption::group_name(&self.atlas, by, g, lang)
                }
            };
            said.push(format!(
                "{} {}: {name} {} {}",
                lang.pick("Visar", "Showing"),
                group(&sel.group_by, &sel.group),
                lang.pick("saknar", "lacks"),
                group(&before.group_by, &before.group)
            ));
        }
        (!said.is_empty()).then(|| said.join(" · "))
    }

    /// The current view as a slide: selection, map extent (unless fitted to GR) and panels.
    pub fn capture_slide(&self, name: String) -> crate::project::Slide {
        let map = (!self.auto_fit).then(|| {
            let centre = self.map_memory.detached().unwrap_or(lon_lat(12.0, 57.75));
            (centre.x(), centre.y(), self.map_memory.zoom())
        });
        crate::project::Slide {
            name,
            note: String::new(),
            selection: self.settings.selection.clone(),
            map,
            left_panel: self.settings.left_panel,
            right_panel: self.settings.right_panel,
        }
    }

    /// Carry out what the user did with the slides.
    pub fn slide_action(&mut self, ctx: &egui::Context, action: ui::slides::SlideAction) {
        use ui::slides::SlideAction::*;
        let n = self.slides.len();
        match action {
            Add => {
                let name = match Caption::of(
                    &self.atlas,
                    &self.view,
                    &self.settings.selection,
                    self.settings.lang,
                ) {
                    Some(c) => c.title_line(),
                    None => format!("{} {}", self.settings.lang.pick("Bild", "Slide"), n + 1),
                };
                let at = self.current_slide.map_or(n, |i| (i + 1).min(n));
                self.slides.insert(at, self.capture_slide(name));
                self.current_slide = Some(at);
            }
            Show(i) if i < n => {
                let slide = self.slides[i].clone();
                self.current_slide = Some(i);
                self.settings.selection = slide.selection;
                if !self.presenting {
                    self.settings.left_panel = slide.left_panel;
                    self.settings.right_panel = slide.right_panel;
                }
                match slide.map {
                    Some((lon, lat, zoom)) => {
                        let _ = self.map_memory.set_zoom(zoom);
                        self.map_memory.center_at(lon_lat(lon, lat));
                        self.auto_fit = false;
                    }
                    None => self.auto_fit = true,
                }
                self.refresh_view();
                ctx.request_repaint();
                return;
            }
            Rename(i, name) if i < n => self.slides[i].name = name,
            Note(i, note) if i < n => self.slides[i].note = note,
            MoveTo(from, to) if from < n && to < n => {
                let slide = self.slides.remove(from);
                self.slides.insert(to, slide);
                self.current_slide = Some(to);
            }
            Move(i, step) if i < n => {
                let j = (i as i64 + i64::from(step)).clamp(0, n as i64 - 1) as usize;
                self.slides.swap(i, j);
                self.current_slide = Some(j);
            }
            Duplicate(i) if i < n => {
                let mut copy = self.slides[i].clone();
                copy.name = format!("{} ({})", copy.name, self.settings.lang.pick("kopia", "copy"));
                self.slides.insert(i + 1, copy);
                self.current_slide = Some(i + 1);
            }
            ExportAll => {
                let lang = self.settings.lang;
                let folder = self
                    .project_path
                    .as_ref()
                    .and_then(|p| p.file_stem())
                    .map_or_else(|| "bilder".to_string(), |s| s.to_string_lossy().into_owned());
                let exported = self.export_folder().map(|d| d.join(folder)).and_then(|dir| {
                    let n = self.export_slides(&dir)?;
                    Ok(format!(
                        "{n} {} {}",
                        lang.pick("bilder exporterade till", "slides exported to"),
                        dir.display()
                    ))
                });
                self.project_note = Some(exported.unwrap_or_else(|why| why));
                return;
            }
            Delete(i) if i < n => {
                self.slides.remove(i);
                self.current_slide = match self.slides.len() {
                    0 => None,
                    len => Some(i.min(len - 1)),
                };
            }
            _ => return,
        }
        self.project_dirty = true;
    }

    /// Write every slide as a 1920 × 1080 PNG into `dir` ("01-name.png", …); how many, or
    /// the first that failed and why. A slide whose data is not loaded is not drawn but named.
    pub fn export_slides(&self, dir: &std::path::Path) -> Result<usize, String> {
        let lang = self.settings.lang;
        let date = crate::render::today();
        for (i, slide) in self.slides.iter().enumerate() {
            let missing = slide.missing(&self.atlas, lang);
            if !missing.is_empty() {
                return Err(format!(
                    "{} {} ({}): {}",
                    lang.pick("Bild", "Slide"),
                    i + 1,
                    slide.name,
                    missing.join(", ")
                ));
            }
            let path = dir.join(crate::render::slide_file_name(
                i,
                &slide.name,
                crate::render::ExportFormat::Png,
            ));
            crate::render::slide_scene(&self.atlas, slide, lang, &date)
                .ok_or_else(|| {
                    format!(
                        "{}: {}",
                        slide.name,
                        lang.pick("inget att rita", "nothing to draw")
                    )
                })
                .and_then(|(scene, _)| {
                    crate::render::write_picture(
                        &scene,
                        crate::render::ExportFormat::Png,
                        (1920, 1080),
                        &path,
                    )
                    .map_err(|e| e.to_string())
                })?;
        }
        Ok(self.slides.len())
    }

    /// Where Save as proposes to save: the export folder, named after the map shown.
    fn suggested_project_path(&self) -> String {
        let dir = io::export_dir().unwrap_or_default();
        dir.join(format!("segkarta-projekt.{}", crate::project::EXTENSION))
            .display()
            .to_string()
    }

    /// The window title: the project's name, marked with * while there are unsaved changes.
    fn show_title(&self, ctx: &egui::Context) {
        let name = self
            .project_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned());
        let title = match (name, self.project_dirty) {
            (Some(n), true) => format!("segkarta — {n} *"),
            (Some(n), false) => format!("segkarta — {n}"),
            (None, _) => "segkarta".into(),
        };
        if ctx.input(|i| i.viewport().title.as_deref() != Some(title.as_str())) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        }
    }

    /// The work as a project: the data files that loaded, the selection, the area-type
    /// weights and the slides.
    pub fn project(&self) -> crate::project::Project {
        let mut project = crate::project::Project::new(
            self.settings.selection.clone(),
            self.settings.area_type_weights.clone(),
        );
        project.slides = self.slides.clone();
        project.datasets = self
            .datasets
            .iter()
            .filter(|d| !matches!(d.added, load::Added::Nothing))
            .filter_map(|d| {
                let file = match self.fingerprints.get(&d.report.file) {
                    Some(file) => Some(file.clone()),
                    // Merged without the loading thread (an import dialog's re-read): hash it now.
                    None => crate::project::data_file(std::path::Path::new(&d.report.file)).ok(),
                };
                file.map(|f| crate::project::DataFile {
                    import: self.import_choices.get(&d.report.file).cloned(),
                    ..f
                })
            })
            .collect();
        project
    }

    /// Save the project to `path` (atomically: a failed write leaves the earlier file intact)
    /// and say so in `project_note`.
    pub fn save_project_to(&mut self, path: &std::path::Path) -> Result<(), String> {
        let lang = self.settings.lang;
        let path = if path.extension().is_some() {
            path.to_path_buf()
        } else {
            path.with_extension(crate::project::EXTENSION)
        };
        match self.project().save(&path) {
            Ok(()) => {
                self.project_dirty = false;
                if let Some(recovery) = &self.recovery {
                    let _ = std::fs::remove_file(&recovery.path);
                }
                self.project_note = Some(format!(
                    "{} {}",
                    lang.pick("Sparat som", "Saved as"),
                    path.display()
                ));
                self.settings
                    .apply(&self.atlas, Action::RememberFile(path.display().to_string()));
                self.project_path = Some(path);
                Ok(())
            }
            Err(e) => {
                let why = format!(
                    "{} {}: {e}. {}",
                    lang.pick("Kunde inte spara", "Could not save"),
                    path.display(),
                    lang.pick("Den tidigare filen är orörd.", "The earlier file is untouched.")
                );
                self.project_note = Some(why.clone());
                Err(why)
            }
        }
    }

    /// Open a project: the data files it names are loaded (a missing one is reported with
    /// where it was, a changed one noted), then its selection, weights and slides apply.
    pub fn open_project(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        let lang = self.settings.lang;
        let file = path.display().to_string();
        let project = std::fs::read_to_string(path)
            .map_err(|e| format!("{file}: {e}"))
            .and_then(|text| crate::project::Project::parse(&file, &text));
        match project {
            Ok(project) => {
                self.project_path = Some(path.to_path_buf());
                self.settings.apply(&self.atlas, Action::RememberFile(file));
                self.open_project_data(ctx, project);
            }
            Err(e) => {
                self.project_note = Some(format!(
                    "{}: {e}",
                    lang.pick("Projektet kunde inte öppnas", "The project could not be opened")
                ));
            }
        }
    }

    /// Replace the work with `project`'s (also from a recovery file).
    pub fn open_project_data(&mut self, ctx: &egui::Context, project: crate::project::Project) {
        let lang = self.settings.lang;
        while !self.datasets.is_empty() {
            let before = self.datasets.len();
            self.remove_dataset(0);
            if self.datasets.len() == before {
                self.datasets.remove(0);
            }
        }
        let states = project.check_files();
        // What the user said of each file before: asked again only if the file no longer fits.
        self.import_choices.clear();
        self.load_options.roles_by_file.clear();
        for file in &project.datasets {
            if let Some(choice) = &file.import {
                self.remember_choice(&file.path, choice.clone());
            }
        }
        let mut notes = Vec::new();
        let mut files = Vec::new();
        self.missing_files.clear();
        for (file, state) in project.datasets.iter().zip(&states) {
            match state {
                crate::project::FileState::Missing => {
                    notes.push(format!(
                        "{}: {}",
                        lang.pick("Saknas (flyttad eller borttagen)", "Missing (moved or deleted)"),
                        file.path
                    ));
                    self.missing_files.push((file.path.clone(), file.path.clone()));
                }
                crate::project::FileState::Changed => {
                    notes.push(format!(
                        "{}: {}",
                        lang.pick(
                            "Ändrad sedan projektet sparades",
                            "Changed since the project was saved"
                        ),
                        file.path
                    ));
                    files.push(std::path::PathBuf::from(&file.path));
                }
                crate::project::FileState::Unchanged => files.push(std::path::PathBuf::from(&file.path)),
            }
        }
        self.project_note = Some(if notes.is_empty() {
            let n = files.len();
            let files_word = match (lang, n) {
                (crate::i18n::Lang::Sv, 1) => "datafil",
                (crate::i18n::Lang::Sv, _) => "datafiler",
                (crate::i18n::Lang::En, 1) => "data file",
                (crate::i18n::Lang::En, _) => "data files",
            };
            format!(
                "{}: {n} {files_word}",
                lang.pick("Projektet öppnat", "Project opened")
            )
        } else {
            notes.join("\n")
        });
        self.slides = project.slides.clone();
        self.relocating = (!self.missing_files.is_empty()).then(|| project.clone());
        let has_files = !files.is_empty();
        self.opening = Some(project);
        if has_files {
            self.load_files(ctx, files, self.load_options.clone());
        } else {
            self.finish_opening(ctx);
        }
        self.project_dirty = false;
    }

    /// Where a window over the panels and the map may go: below the top bar.
    fn below_top_bar(&self, ctx: &egui::Context) -> egui::Rect {
        let content = ctx.content_rect();
        if self.map_rect.is_positive() {
            egui::Rect::from_min_max(egui::pos2(content.left(), self.map_rect.top()), content.max)
        } else {
            content
        }
    }

    /// Take a project's import choice for the file at `path`.
    fn remember_choice(&mut self, path: &str, choice: crate::project::ImportChoice) {
        if let crate::project::ImportChoice::Boundaries(roles) = &choice {
            self.load_options
                .roles_by_file
                .insert(path.to_string(), roles.clone());
        }
        self.import_choices.insert(path.to_string(), choice);
    }

    /// Open missing file `i` of the project from the path the user gave, then apply the
    /// project's selection again (its indicator may come from that file).
    pub fn relocate(&mut self, ctx: &egui::Context, i: usize) {
        let Some((old_path, new_path)) = self.missing_files.get(i).cloned() else {
            return;
        };
        let path = std::path::PathBuf::from(new_path.trim());
        // The file moved, what it holds did not: the same choices apply where it is now.
        if let Some(choice) = self.import_choices.get(&old_path).cloned() {
            self.remember_choice(&path.display().to_string(), choice);
        }
        if !path.is_file() {
            self.project_note = Some(format!(
                "{}: {}",
                self.settings.lang.pick("Ingen fil där", "No file there"),
                path.display()
            ));
            return;
        }
        self.missing_files.remove(i);
        self.opening = self.relocating.clone();
        if self.missing_files.is_empty() {
            self.relocating = None;
        }
        // The work now differs from the project file: its data file moved.
        self.dirty_after_opening = true;
        self.load_files(ctx, vec![path], self.load_options.clone());
    }

    /// Apply the opened project's selection and weights once its files are in.
    fn finish_opening(&mut self, ctx: &egui::Context) {
        let Some(project) = self.opening.take() else {
            return;
        };
        if !project.area_type_weights.is_empty()
            && project.area_type_weights != self.settings.area_type_weights
        {
            self.settings.area_type_weights = project.area_type_weights;
            crate::analysis::area_types::refresh(&mut self.atlas, &self.settings.area_type_weights);
        }
        self.settings.selection = project.selection;
        self.forget_view();
        self.refresh_view();
        self.auto_fit = true;
        self.project_dirty = std::mem::take(&mut self.dirty_after_opening);
        ctx.request_repaint();
    }

    /// Write unsaved work to the recovery file when it changed and a minute has passed since
    /// the last autosave; returns whether it wrote.
    pub fn autosave(&mut self, now: std::time::Instant) -> bool {
        let Some(path) = self.recovery.as_ref().map(|r| r.path.clone()) else {
            return false;
        };
        if !self.project_dirty || now.saturating_duration_since(self.last_autosave) < AUTOSAVE_EVERY {
            return false;
        }
        self.last_autosave = now;
        let recovery = crate::project::Recovery {
            project: self.project(),
            saved_as: self.project_path.as_ref().map(|p| p.display().to_string()),
        };
        match recovery.write(&path) {
            Ok(()) => true,
            Err(e) => {
                self.project_note = Some(format!(
                    "{}: {e}",
                    self.settings
                        .lang
                        .pick("Autosparningen misslyckades", "Autosave failed")
                ));
                false
            }
        }
    }

    /// At start: offer the work a crash left in the recovery file.
    pub fn offer_recovery(&mut self) {
        if let Some(slot) = &self.recovery {
            self.recovery_offer = crate::project::Recovery::read(&slot.path);
        }
    }

    /// The user's answer to the recovery offer: restore the work, or discard it.
    pub fn answer_recovery(&mut self, ctx: &egui::Context, restore: bool) {
        let Some(recovery) = self.recovery_offer.take() else {
            return;
        };
        if let Some(slot) = &self.recovery {
            let _ = std::fs::remove_file(&slot.path);
        }
        if restore {
            self.project_path = recovery.saved_as.map(std::path::PathBuf::from);
            self.open_project_data(ctx, recovery.project);
            // Restored work is not saved in a project file yet.
            self.project_dirty = true;
        }
    }

    /// Write a panel's table as CSV into the export folder; says where, or why not.
    pub fn export_panel(&self, table: crate::view::table::PanelTable) -> String {
        let sel = &self.settings.selection;
        let layer = current_layer(&self.atlas, &self.settings);
        let csv = crate::view::table::panel_csv(table, &self.view, layer, sel);
        self.export_csv(
            &format!("{}-{}-{}.csv", table.stem(), sel.indicator, sel.period),
            &csv,
        )
    }

    /// Write what the export window asks for; says where it went, or why not.
    pub fn export_map(&self) -> Result<String, String> {
        let Some(dialog) = &self.export_dialog else {
            return Err(String::new());
        };
        let lang = self.settings.lang;
        let path = std::path::PathBuf::from(dialog.path.trim());
        let failed = |e: String| format!("{}: {e}", lang.pick("Kunde inte exportera", "Could not export"));
        if path.file_name().is_none() {
            return Err(failed(lang.pick("ingen fil angiven", "no file given").into()));
        }
        let layer = current_layer(&self.atlas, &self.settings);
        let sel = &self.settings.selection;
        let written = if dialog.format == crate::render::ExportFormat::Csv {
            let csv = crate::view::table::map_csv(&self.view, layer, sel);
            io::write_atomically(&path, csv.as_bytes()).map_err(|e| e.to_string())
        } else {
            let date = crate::render::today();
            let Some(mut scene) =
                crate::render::Scene::build(&self.atlas, layer, &self.view, sel, lang, &date)
            else {
                return Err(failed(lang.pick("inget att rita", "nothing to draw").into()));
            };
            if let Some(c) = &self.compare {
                // The picture shows the comparison on screen, not map A alone.
                scene = scene.with_comparison(&self.atlas, &self.view, c, sel, lang);
            }
            if dialog.on_screen && self.map_rect.is_positive() {
                scene.extent = self.visible_extent();
            }
            crate::render::write_picture(&scene, dialog.format, (dialog.width, dialog.height), &path)
                .map_err(|e| e.to_string())
        };
        written.map_err(failed).map(|()| {
            format!(
                "{} {}",
                lang.pick("Exporterad till", "Exported to"),
                path.display()
            )
        })
    }

    /// The part of the map on screen, in zoom-0 mercator pixels (as `render::Scene::extent`).
    fn visible_extent(&self) -> (f64, f64, f64, f64) {
        let projector = walkers::Projector::new(
            self.map_rect,
            &walkers::MercatorProjection,
            &self.map_memory,
            lon_lat(12.0, 57.75),
        );
        let corner = |p: egui::Pos2| {
            let lonlat = projector.unproject(p.to_vec2());
            crate::render::mercator(lonlat.x(), lonlat.y())
        };
        let (a, b) = (
            corner(self.map_rect.left_top()),
            corner(self.map_rect.right_bottom()),
        );
        (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1))
    }

    /// Whether the map's colours are moving from one period's to the next (presenter mode).
    pub fn is_transitioning(&self) -> bool {
        self.transition.is_some()
    }

    /// Enter or leave presenter mode: full screen, panels hidden, the region fitted anew to
    /// what the overlays leave free. Leaving stops the animation.
    pub fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        self.presenting = on;
        if !on {
            self.playing = None;
            self.transition = None;
            self.covered = Default::default();
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.auto_fit = true;
        ctx.request_repaint();
    }

    /// Screen position of a lon/lat point on the map as last drawn.
    pub fn screen_of(&self, lon: f64, lat: f64) -> egui::Pos2 {
        let projector = walkers::Projector::new(
            self.map_rect,
            &walkers::MercatorProjection,
            &self.map_memory,
            lon_lat(12.0, 57.75),
        );
        projector.project(lon_lat(lon, lat)).to_pos2()
    }

    /// Centre and zoom the map so that the 13 municipalities fill the part of the map that the
    /// legend leaves free (beside it or above it, whichever shows GR larger).
    fn fit_gr(&mut self) {
        // GR's extent from its municipalities, whatever level is shown (a DeSO code is no
        // municipality's, so the shown layer alone found nothing at DeSO level).
        let Some(bbox) = self
            .atlas
            .layer(&Level::Kommun)
            .unwrap_or_else(|| self.layer())
            .bbox_of(is_gr_municipality)
        else {
            return;
        };
        let (x0, y0) = merc_of(lon_lat(bbox.min().x, bbox.max().y));
        let (x1, y1) = merc_of(lon_lat(bbox.max().x, bbox.min().y));
        let mut map = self.map_rect;
        if self.covered.title.is_positive() {
            // Below the title line (and, presenting, the period), at the top of the map.
            map.min.y = map.min.y.max(self.covered.title.bottom() + 8.0);
        }
        let mut free = vec![map];
        if self.legend_rect.is_positive() && map.intersects(self.legend_rect) {
            free = vec![
                egui::Rect::from_min_max(egui::pos2(self.legend_rect.right() + 8.0, map.top()), map.max),
                egui::Rect::from_min_max(map.min, egui::pos2(map.right(), self.legend_rect.top() - 8.0)),
            ];
        }
        let scale_for = |r: &egui::Rect| {
            ((r.width() as f64 * 0.92) / (x1 - x0)).min((r.height() as f64 * 0.92) / (y1 - y0))
        };
        let Some(target) = free
            .into_iter()
            .filter(|r| r.is_positive())
            .max_by(|a, b| scale_for(a).total_cmp(&scale_for(b)))
        else {
            return;
        };
        let zoom = scale_for(&target).log2().clamp(2.0, 16.0);
        let _ = self.map_memory.set_zoom(zoom);
        // Put the region's centre at the centre of the free part, not of the whole map.
        let scale = 2f64.powf(zoom);
        let offset = target.center() - self.map_rect.center();
        let centre_merc = (
            (x0 + x1) / 2.0 - offset.x as f64 / scale,
            (y0 + y1) / 2.0 - offset.y as f64 / scale,
        );
        let centre =
            walkers::MercatorProjection.unproject(walkers::Position::new(centre_merc.0, centre_merc.1), 0.0);
        self.map_memory.center_at(centre);
    }
}

/// The layer of the selected level; the municipalities when that level is not loaded.
fn current_layer<'a>(atlas: &'a Atlas, settings: &Settings) -> &'a AreaLayer {
    let index = current_layer_index(atlas, settings);
    &atlas.layers[index]
}

fn current_layer_index(atlas: &Atlas, settings: &Settings) -> usize {
    atlas
        .layers
        .iter()
        .position(|l| l.level == settings.selection.level)
        .unwrap_or(0)
}

fn to_colour32(view: &View) -> Vec<Color32> {
    view.fills.iter().map(|c| (*c).into()).collect()
}

/// Narrower than this (points), the analysis panel is hidden until asked for.
pub const NARROW: f32 = 1100.0;

/// Set this environment variable to have the app report when its first frame was painted
/// and close (how the start-up time in the README is measured).
pub const STARTUP_PROBE: &str = "SEGKARTA_STARTUP_PROBE";

/// How long a notice of what a domain or indicator switch changed stays on screen.
pub const NOTICE_FOR: std::time::Duration = std::time::Duration::from_secs(8);

/// How often unsaved work is written to the recovery file.
pub const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// How long the settings must stay unchanged before they are written.
pub const SETTINGS_SETTLE: std::time::Duration = std::time::Duration::from_millis(800);

impl eframe::App for SegkartaApp {
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush_settings();
        // A clean exit leaves no recovery: the offer at start is for work a crash left.
        if let Some(slot) = &self.recovery {
            let _ = std::fs::remove_file(&slot.path);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.frames += 1;
        if self.frames == 2 && std::env::var_os(STARTUP_PROBE).is_some() {
            // The first frame has been painted: say when, and close (start-up measurement).
            eprintln!(
                "segkarta: first frame painted {:.0} ms after start",
                crate::startup_elapsed().as_secs_f64() * 1000.0
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.poll_job(&ctx);
        let now = std::time::Instant::now();
        if !self.save_settled_settings(now)
            && let Some(since) = self.unsaved_since
        {
            // Come back when they will have settled, even if nothing else happens by then.
            ctx.request_repaint_after(SETTINGS_SETTLE.saturating_sub(now.saturating_duration_since(since)));
        }
        if self.autosave(now) || (self.project_dirty && self.recovery.is_some()) {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        self.load_files(&ctx, dropped, self.load_options.clone());
        let mut out = Outputs::default();
        self.keyboard(&ctx, &mut out);
        // egui handles Ctrl +/−; remember the scale the presenter chose.
        let zoom = ctx.zoom_factor();
        if (zoom - self.settings.ui_zoom).abs() > 1e-3 {
            out.actions.push(Action::SetUiZoom(zoom));
        }
        // Below this width the analysis panel (which needs about 330 points) is hidden until
        // the user asks for it, so the map keeps about half the window.
        let narrow = ctx.content_rect().width() < NARROW;
        let cx = UiCx {
            atlas: &self.atlas,
            layer: current_layer(&self.atlas, &self.settings),
            settings: &self.settings,
            view: &self.view,
            lang: self.settings.lang,
            hovered: self.hovered,
            compare: self.compare.as_ref(),
            right_panel_shown: self.settings.right_panel && (!narrow || self.right_panel_in_narrow),
            activities: &self.activity_view,
            selected_activity: self.selected_activity,
            hovered_activity: self.hovered_activity,
        };
        let presenting = self.presenting;
        if !presenting {
            ui::top::show(ui, &cx, &mut out, &mut self.show_help);
        }
        let mut reopen = None;
        if !presenting && (!self.datasets.is_empty() || !self.settings.recent_files.is_empty()) {
            // Files: the data window and the recently opened files.
            egui::Panel::top("reports_bar").show(ui, |ui| {
                ui.horizontal(|ui| {
                    let lang = self.settings.lang;
                    if !self.settings.recent_files.is_empty() {
                        ui.menu_button(lang.pick("Senaste filer", "Recent files"), |ui| {
                            for path in &self.settings.recent_files {
                                if ui.button(path).clicked() {
                                    reopen = Some(std::path::PathBuf::from(path));
                                }
                            }
                        });
                    }
                    let n = self.datasets.len();
                    if n == 0 {
                        return;
                    }
                    ui.toggle_value(
                        &mut self.show_reports,
                        format!(
                            "{} ({n})",
                            self.settings.lang.pick("Data och kontroll", "Data and checks")
                        ),
                    );
                });
            });
        }
        if let Some(job) = &self.job {
            ui::data::progress(ui, cx.lang, job);
        }
        // The panels never take the map's half of the window: in a narrow window (or with
        // the UI scaled up) they start at 22 % and 28 % of it (their full 260 and 340 points
        // from 1200 points up).
        let width = ctx.content_rect().width();
        if self.settings.left_panel && !presenting {
            egui::Panel::left("selection")
                .resizable(true)
                .default_size(260.0_f32.min(width * 0.22).max(160.0))
                .max_size((ctx.content_rect().width() * 0.35).max(180.0))
                .show(ui, |ui| {
                    ui::selection::show(ui, &cx, &mut out);
                });
        }
        if cx.right_panel_shown && !presenting {
            egui::Panel::right("analysis")
                .resizable(true)
                .default_size(340.0)
                .max_size((ctx.content_rect().width() * 0.35).max(180.0))
                .show(ui, |ui| {
                    ui::analysis::show(ui, &cx, &mut out);
                });
        }
        let fills = match &self.transition {
            Some((from, since)) => {
                let t = since.elapsed().as_secs_f32() / ui::presenter::TRANSITION.as_secs_f32();
                if t < 1.0 {
                    ctx.request_repaint();
                }
                ui::presenter::blend(from, &self.fills, t)
            }
            None => self.fills.clone(),
        };
        if self
            .transition
            .as_ref()
            .is_some_and(|(_, since)| since.elapsed() >= ui::presenter::TRANSITION)
        {
            self.transition = None;
        }
        let side_by_side = self
            .compare
            .as_ref()
            .is_some_and(|c| c.mode == crate::view::compare::CompareMode::SideBySide);
        let (frame_rects, map_b) = egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(ui::style::SEA))
            .show(ui, |ui| {
                let basemap = self.basemap.as_mut().filter(|_| self.settings.basemap);
                let reach = basemap.as_ref().map(|b| b.reachability());
                let geometry = &self.geometry[current_layer_index(&self.atlas, &self.settings)];
                let context = (self.settings.selection.level != Level::Kommun)
                    .then(|| self.atlas.layers.iter().position(|l| l.level == Level::Kommun))
                    .flatten()
                    .map(|i| (&self.geometry[i], self.context_fills.as_slice()));
                let presenter_scale = presenting.then_some(self.settings.presenter_scale);
                let whole = ui.available_rect_before_wrap();
                // Side by side, two maps on one memory: panning or zooming either moves both.
                let half = (whole.width() - 4.0) / 2.0;
                let left = if side_by_side {
                    egui::Rect::from_min_size(whole.min, egui::vec2(half, whole.height()))
                } else {
                    whole
                };
                let right =
                    egui::Rect::from_min_max(egui::pos2(whole.right() - half, whole.top()), whole.max);
                let a = ui
                    .scope_builder(egui::UiBuilder::new().max_rect(left), |ui| {
                        let parts = ui::map_view::MapParts {
                            memory: &mut self.map_memory,
                            geometry,
                            context,
                            fills: &fills,
                            tiles: basemap.map(|b| &mut b.tiles as &mut dyn walkers::Tiles),
                            reachability: reach,
                            presenter_scale,
                            secondary: false,
                            activities: &self.activity_view.points,
                        };
                        ui::map_view::show(ui, &cx, &mut out, parts)
                    })
                    .inner;
                if !side_by_side {
                    return (a, None);
                }
                // The same basemap under map B: its tiles are cached, so the second map costs
                // no downloads.
                let basemap_b = self.basemap.as_mut().filter(|_| self.settings.basemap);
                let b = ui
                    .scope_builder(egui::UiBuilder::new().max_rect(right), |ui| {
                        let parts = ui::map_view::MapParts {
                            memory: &mut self.map_memory,
                            geometry,
                            context,
                            fills: &self.fills_b,
                            tiles: basemap_b.map(|b| &mut b.tiles as &mut dyn walkers::Tiles),
                            reachability: None,
                            presenter_scale,
                            secondary: true,
                            activities: &self.activity_view.points,
                        };
                        ui::map_view::show(ui, &cx, &mut out, parts)
                    })
                    .inner;
                (a, Some(b))
            })
            .inner;
        let mut frame_rects = frame_rects;
        let title_b = map_b.as_ref().and_then(|_| {
            self.compare.as_ref().and_then(|c| {
                Caption::of(&self.atlas, &c.b, &c.b_selection, self.settings.lang).map(|t| t.title_line())
            })
        });
        if let Some(b) = &map_b {
            frame_rects.user_moved_map |= b.user_moved_map;
            if !presenting {
                ui::map_view::title_line(
                    &ctx,
                    "segkarta_map_title_b",
                    title_b.as_deref().unwrap_or_default(),
                    b.map,
                    None,
                );
            }
        }
        if !presenting {
            let notice = self
                .notice
                .as_ref()
                .filter(|(_, since)| since.elapsed() < NOTICE_FOR)
                .map(|(text, _)| text.as_str());
            if notice.is_some() {
                ctx.request_repaint_after(std::time::Duration::from_millis(500));
            }
            let sel = &self.settings.selection;
            let caption = match &self.compare {
                Some(c) => Caption::of_comparison(&self.atlas, &self.view, c, sel, self.settings.lang),
                None => Caption::of(&self.atlas, &self.view, sel, self.settings.lang),
            };
            let text = caption.map(|c| c.title_line()).unwrap_or_default();
            let title = ui::map_view::title_line(&ctx, "segkarta_map_title", &text, frame_rects.map, notice);
            self.covered = ui::presenter::Covered {
                title,
                legend: egui::Rect::NOTHING,
            };
        }
        if presenting {
            let slide = self.current_slide.filter(|i| *i < self.slides.len());
            let show = ui::presenter::Show {
                scale: self.settings.presenter_scale,
                playing: self.playing.is_some(),
                slide: slide.map(|i| (i + 1, self.slides.len())),
                slide_missing: slide.map_or_else(Vec::new, |i| {
                    self.slides[i].missing(&self.atlas, self.settings.lang)
                }),
                second: map_b
                    .as_ref()
                    .map(|b| (b.map, title_b.clone().unwrap_or_default())),
            };
            self.covered = ui::presenter::overlays(&ctx, &cx, frame_rects.map, out.hovered, &show);
            frame_rects.legend = self.covered.legend;
            if out.toggle_notes {
                self.show_notes = !self.show_notes;
            }
            if self.show_notes
                && let Some(slide) = slide.and_then(|i| self.slides.get(i))
            {
                ui::presenter::notes_window(&ctx, self.settings.lang, slide);
            }
        }
        if self.show_help {
            ui::top::help_window(&ctx, self.settings.lang, &mut self.show_help);
        }
        if out.open_classification {
            self.classify_dialog = match self.classify_dialog {
                Some(_) => None,
                None => Some(Default::default()),
            };
        }
        if let Some(dialog) = &mut self.classify_dialog {
            let mut open = true;
            ui::classify_dialog::window(&ctx, &cx, &mut out, dialog, &mut open);
            if !open {
                self.classify_dialog = None;
            }
        }
        if out.open_needs {
            self.needs = match self.needs {
                Some(_) => None,
                None => Some(crate::analysis::needs::needs(
                    &self.atlas,
                    current_layer(&self.atlas, &self.settings),
                    self.settings.selection.period,
                )),
            };
        }
        if out.open_activities {
            self.show_activities = !self.show_activities;
        }
        if self.show_activities {
            let mut open = true;
            let within = self.below_top_bar(&ctx);
            ui::activities::window(&ctx, &cx, &mut out, within, &mut open);
            self.show_activities = open;
        }
        if let Some(needs) = &self.needs {
            let mut open = true;
            let within = self.below_top_bar(&ctx);
            match ui::needs::window(&ctx, &cx, needs, self.exported.as_deref(), within, &mut open) {
                Some(ui::needs::NeedsAction::Select(code)) => {
                    out.actions.push(Action::SelectArea(Some(code)))
                }
                Some(ui::needs::NeedsAction::Export) => self.exported = Some(self.export_needs()),
                Some(ui::needs::NeedsAction::ShowIndicator(id)) => {
                    out.actions.push(Action::SelectIndicator(id))
                }
                None => {}
            }
            if !open {
                self.needs = None;
            }
        }
        match out.project {
            Some(ui::ProjectRequest::New) => {
                let fresh = crate::project::Project::new(
                    Settings::default().selection,
                    Settings::default().area_type_weights,
                );
                self.project_path = None;
                self.open_project_data(&ctx, fresh);
                self.project_note = None;
            }
            Some(ui::ProjectRequest::Save) => match self.project_path.clone() {
                Some(path) => {
                    let _ = self.save_project_to(&path);
                }
                None => self.save_as = Some(self.suggested_project_path()),
            },
            Some(ui::ProjectRequest::SaveAs) => {
                self.save_as = Some(
                    self.project_path
                        .as_ref()
                        .map_or_else(|| self.suggested_project_path(), |p| p.display().to_string()),
                );
            }
            None => {}
        }
        if let Some(text) = &mut self.save_as {
            match ui::project::save_as_window(&ctx, self.settings.lang, text) {
                Some(true) => {
                    let path = std::path::PathBuf::from(text.trim());
                    if self.save_project_to(&path).is_ok() {
                        self.save_as = None;
                    }
                }
                Some(false) => self.save_as = None,
                None => {}
            }
        }
        if self.recovery_offer.is_some()
            && let Some(restore) =
                ui::project::recovery_window(&ctx, self.settings.lang, self.recovery_offer.as_ref())
        {
            self.answer_recovery(&ctx, restore);
        }
        if let Some(note) = &self.project_note
            && ui::project::note(&ctx, note)
        {
            self.project_note = None;
        }
        self.show_title(&ctx);
        if let Some(table) = out.export_table {
            self.project_note = Some(self.export_panel(table));
        }
        if !self.missing_files.is_empty() {
            match ui::project::missing_files_window(&ctx, self.settings.lang, &mut self.missing_files) {
                Some(ui::project::Missing::Open(i)) => self.relocate(&ctx, i),
                Some(ui::project::Missing::Skip) => {
                    self.missing_files.clear();
                    self.relocating = None;
                }
                None => {}
            }
        }
        if out.open_slides {
            self.show_slides = !self.show_slides;
        }
        if self.show_slides && !presenting {
            let mut open = true;
            let actions = ui::slides::window(
                &ctx,
                self.settings.lang,
                &self.atlas,
                &self.slides,
                self.current_slide,
                &mut open,
            );
            self.show_slides = open;
            for action in actions {
                self.slide_action(&ctx, action);
            }
        }
        if out.step_slide != 0 && !self.slides.is_empty() {
            let last = self.slides.len() as i64 - 1;
            let next = match self.current_slide {
                Some(i) => (i as i64 + i64::from(out.step_slide)).clamp(0, last),
                None => 0,
            };
            self.slide_action(&ctx, ui::slides::SlideAction::Show(next as usize));
        }
        if out.open_export && self.export_dialog.is_none() {
            let sel = &self.settings.selection;
            let name = format!(
                "segkarta-{}-{}-{}",
                sel.indicator,
                sel.period,
                sel.level.report_name().to_lowercase()
            );
            self.export_dialog = Some(ui::export::ExportDialog::new(io::export_dir(), &name));
        }
        if let Some(dialog) = &mut self.export_dialog {
            let mut open = true;
            let decision = ui::export::window(&ctx, self.settings.lang, dialog, &mut open);
            if !open {
                self.export_dialog = None;
            } else if let Some(ui::export::Decision::Export) = decision {
                let result = self.export_map();
                if let Some(dialog) = &mut self.export_dialog {
                    dialog.result = Some(result);
                }
            }
        }
        if out.open_files && self.open_dialog.is_none() {
            let recent = self.settings.recent_files.first().map(String::as_str);
            self.open_dialog = Some(ui::open_dialog::OpenDialog::new(recent));
        }
        if let Some(dialog) = &mut self.open_dialog {
            match ui::open_dialog::show(&ctx, self.settings.lang, dialog) {
                Some(ui::open_dialog::Decision::Open(paths)) => {
                    self.open_dialog = None;
                    self.load_files(&ctx, paths, self.load_options.clone());
                }
                Some(ui::open_dialog::Decision::Cancel) => self.open_dialog = None,
                None => {}
            }
        }
        if let Some(pending) = &mut self.pending_import {
            match ui::import::dialog(&ctx, self.settings.lang, pending) {
                Some(ui::import::Decision::Import) => {
                    if let Some(pending) = self.pending_import.take() {
                        self.pending_import = self.queued_imports.pop_front();
                        self.import_choices
                            .insert(pending.report().file.clone(), pending.choice());
                        let dataset = pending.finish(&mut self.atlas, &self.load_options);
                        let first = match &dataset.added {
                            load::Added::Indicators(ids) => ids.first().cloned(),
                            _ => None,
                        };
                        self.add_dataset(&ctx, dataset, None);
                        self.apply(&ctx, first.map(Action::SelectIndicator));
                        self.data_changed();
                        self.show_opened_level(&ctx);
                    }
                }
                Some(ui::import::Decision::Cancel) => {
                    self.pending_import = self.queued_imports.pop_front();
                }
                None => {}
            }
        }
        if let Some(pending) = self.pending_boundaries.front_mut() {
            match ui::boundary_import::dialog(&ctx, self.settings.lang, pending) {
                Some(ui::boundary_import::Decision::Import) => {
                    if let Some(pending) = self.pending_boundaries.pop_front() {
                        let file = pending.file().to_string();
                        self.import_choices.insert(file.clone(), pending.choice());
                        match pending.finish(&mut self.atlas, &self.load_options) {
                            Ok((dataset, geometry)) => self.add_dataset(&ctx, dataset, Some(geometry)),
                            Err(e) => self.add_failure(
                                &file,
                                "boundaries",
                                crate::io::validate::Said::new(e.clone(), e),
                            ),
                        }
                        self.merge_held_tables(&ctx);
                        self.data_changed();
                        self.show_opened_level(&ctx);
                    }
                }
                Some(ui::boundary_import::Decision::Cancel) => {
                    self.pending_boundaries.pop_front();
                    self.merge_held_tables(&ctx);
                    self.data_changed();
                    self.show_opened_level(&ctx);
                }
                None => {}
            }
        }
        if self.show_reports {
            match ui::data::reports_window(
                &ctx,
                self.settings.lang,
                &self.datasets,
                self.saved_report.as_deref(),
                &mut self.show_reports,
            ) {
                Some(ui::data::ReportAction::Remove(i)) => self.remove_dataset(i),
                Some(ui::data::ReportAction::Save(i)) => self.save_report(i),
                None => {}
            }
        }
        ui::data::drop_hint(&ctx, self.settings.lang);
        let layout_changed = frame_rects.map != self.map_rect || frame_rects.legend != self.legend_rect;
        self.map_rect = frame_rects.map;
        self.legend_rect = frame_rects.legend;
        if frame_rects.user_moved_map {
            self.auto_fit = false;
        }
        if out.zoom_to_gr {
            self.auto_fit = true;
        }
        if self.auto_fit && (layout_changed || out.zoom_to_gr) {
            self.fit_gr();
            ctx.request_repaint();
        }
        if out.toggle_presenter {
            self.set_presenting(&ctx, !self.presenting);
        }
        if out.toggle_play {
            self.playing = match self.playing {
                Some(_) => None,
                None => {
                    // From the start when the last period is shown.
                    let periods = self
                        .atlas
                        .observations
                        .periods(&self.settings.selection.indicator);
                    if periods.last() == Some(&self.settings.selection.period)
                        && let Some(first) = periods.first()
                    {
                        out.actions.push(Action::SetPeriod(*first));
                    }
                    Some(std::time::Instant::now())
                }
            };
        }
        if let Some(since) = self.playing {
            let periods = self
                .atlas
                .observations
                .periods(&self.settings.selection.indicator);
            if since.elapsed() >= ui::presenter::PLAY_STEP {
                if periods.last() == Some(&self.settings.selection.period) {
                    self.playing = None;
                } else {
                    out.actions.push(Action::StepPeriod(1));
                    self.playing = Some(std::time::Instant::now());
                }
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        if narrow {
            // In a narrow window the analysis toggle shows or hides the panel for this width.
            let mut actions = Vec::new();
            for action in out.actions {
                if action == Action::ToggleRightPanel {
                    self.right_panel_in_narrow = !(self.settings.right_panel && self.right_panel_in_narrow);
                    if self.right_panel_in_narrow && !self.settings.right_panel {
                        actions.push(action);
                    }
                } else {
                    actions.push(action);
                }
            }
            out.actions = actions;
        }
        self.hovered = out.hovered;
        self.hovered_activity = None;
        match out.activity {
            Some(ui::ActivityRequest::Select(i)) => {
                self.selected_activity = i;
                self.show_activities |= i.is_some();
            }
            Some(ui::ActivityRequest::Hover(i)) => self.hovered_activity = Some(i),
            None => {}
        }
        self.apply(&ctx, out.actions);
        if let Some(path) = reopen {
            self.load_files(&ctx, vec![path], self.load_options.clone());
        }
    }
}
