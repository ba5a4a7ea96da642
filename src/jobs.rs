//! Files load on a background thread so the window stays responsive; the UI polls for
//! results each frame, shows progress and can cancel between files.
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::io::load::{self, Content, LoadOptions, Loaded};
use crate::io::validate::ValidationReport;
use crate::map::LayerGeometry;
use crate::map::clip::clip_to_land;
use crate::model::{AreaLayer, Level};

/// Make a read layer ready to draw: [`prepare_layer`], then its mesh and hit index.
pub fn prepare_for_map(
    layer: &mut AreaLayer,
    options: &LoadOptions,
    land: &AreaLayer,
    report: &mut ValidationReport,
) -> LayerGeometry {
    prepare_layer(layer, options, land, report);
    LayerGeometry::build(layer)
}

/// Keep a read layer to GR (unless all of Sweden is asked for) and clip sub-municipal areas
/// to the land for drawing, as the app and the image exports show them.
pub fn prepare_layer(
    layer: &mut AreaLayer,
    options: &LoadOptions,
    land: &AreaLayer,
    report: &mut ValidationReport,
) {
    load::keep_to_gr(layer, options, report);
    if layer.level != Level::Kommun && !options.keep_sea {
        let n = clip_to_land(layer, land, crate::io::embedded::land_outline());
        report.note(
            "clipped_to_land",
            crate::io::validate::Said::new(
                format!("{n} areas clipped to the land for drawing (their full shape is kept for analysis)"),
                format!("{n} områden klippta mot land när de ritas (hela formen används i analysen)"),
            ),
        );
    }
}

pub enum JobResult {
    /// A file was read; boundaries come with their mesh, built on the loading thread.
    Loaded {
        loaded: Box<Loaded>,
        geometry: Option<Box<LayerGeometry>>,
    },
    /// A PxWeb export whose guessed columns the user confirms before anything is merged.
    Import(Box<crate::pending::PendingImport>),
    Failed {
        file: String,
        error: crate::io::validate::Said,
    },
    /// A read file's checksum and size, taken once here for the project file (by the name
    /// its report gives it), so saving and autosaving do not hash the data again.
    Fingerprint(String, crate::project::DataFile),
}

pub struct LoadJob {
    pub total: usize,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    running: Arc<AtomicBool>,
    current: Arc<std::sync::Mutex<String>>,
    rx: mpsc::Receiver<JobResult>,
}

impl LoadJob {
    /// `land` (the municipalities) clips sub-municipal areas that reach over the sea.
    pub fn start(
        files: Vec<PathBuf>,
        options: LoadOptions,
        land: Arc<AreaLayer>,
        ctx: egui::Context,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let current = Arc::new(std::sync::Mutex::new(String::new()));
        let running = Arc::new(AtomicBool::new(true));
        let total = files.len();
        let (d, c, cur, run) = (done.clone(), cancel.clone(), current.clone(), running.clone());
        std::thread::spawn(move || {
            for path in files {
                if c.load(Ordering::Relaxed) {
                    break;
                }
                if let Ok(mut name) = cur.lock() {
                    *name = path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                }
                ctx.request_repaint();
                let result = match load::load_path_with(&path, options.roles_for(&path)) {
                    Ok(mut loaded) => {
                        if let Ok(file) = crate::project::data_file(&path) {
                            let _ = tx.send(JobResult::Fingerprint(loaded.report.file.clone(), file));
                        }
                        let geometry = match &mut loaded.content {
                            Content::Boundaries(boundaries) => Some(Box::new(prepare_for_map(
                                &mut boundaries.layer,
                                &options,
                                &land,
                                &mut loaded.report,
                            ))),
                            Content::Observations(_) | Content::Activities(_) => None,
                        };
                        if loaded.report.format == crate::io::pxweb::FORMAT {
                            // Its preview is read here, off the UI thread.
                            match crate::pending::PendingImport::new(loaded) {
                                Ok(pending) => JobResult::Import(Box::new(pending)),
                                Err(loaded) => JobResult::Loaded { loaded, geometry },
                            }
                        } else {
                            JobResult::Loaded {
                                loaded: Box::new(loaded),
                                geometry,
                            }
                        }
                    }
                    Err(e) => JobResult::Failed {
                        file: path.display().to_string(),
                        error: e.said(),
                    },
                };
                d.fetch_add(1, Ordering::Relaxed);
                if tx.send(result).is_err() {
                    break;
                }
                ctx.request_repaint();
            }
            run.store(false, Ordering::Relaxed);
            ctx.request_repaint();
        });
        Self {
            total,
            done,
            cancel,
            running,
            current,
            rx,
        }
    }

    /// Results that arrived since the last call.
    pub fn poll(&self) -> Vec<JobResult> {
        self.rx.try_iter().collect()
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    pub fn current(&self) -> String {
        self.current.lock().map(|n| n.clone()).unwrap_or_default()
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The loading thread has stopped (all files read, or cancelled between two files).
    pub fn is_finished(&self) -> bool {
        !self.running.load(Ordering::Relaxed)
    }
}
