//! Optional OpenStreetMap basemap: created only when the user turns it on, fetched in the
//! background by walkers, cached on disk. Whether the tile server is reachable is probed on a
//! background thread, so an offline machine never waits for it.
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use walkers::{HttpOptions, HttpTiles, sources::OpenStreetMap};

use crate::io::{AppDir, app_dir};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reachability {
    Checking,
    Online,
    Offline,
}

pub struct Basemap {
    pub tiles: HttpTiles,
    reachability: Arc<AtomicU8>,
}

impl Basemap {
    pub fn new(ctx: egui::Context) -> Self {
        // reqwest's rustls needs a process-wide crypto provider; a second install is a no-op.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let options = HttpOptions {
            cache: app_dir(AppDir::Cache).map(|d| d.join("tiles")),
            ..HttpOptions::default()
        };
        let reachability = Arc::new(AtomicU8::new(0));
        let flag = reachability.clone();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let online = probe("tile.openstreetmap.org:443");
            flag.store(if online { 1 } else { 2 }, Ordering::Relaxed);
            repaint.request_repaint();
        });
        Self {
            tiles: HttpTiles::with_options(OpenStreetMap, options, ctx),
            reachability,
        }
    }

    pub fn reachability(&self) -> Reachability {
        match self.reachability.load(Ordering::Relaxed) {
            0 => Reachability::Checking,
            1 => Reachability::Online,
            _ => Reachability::Offline,
        }
    }
}

fn probe(host: &str) -> bool {
    use std::net::{TcpStream, ToSocketAddrs};
    let Ok(addrs) = host.to_socket_addrs() else {
        return false;
    };
    addrs
        .into_iter()
        .take(2)
        .any(|a| TcpStream::connect_timeout(&a, std::time::Duration::from_secs(3)).is_ok())
}
