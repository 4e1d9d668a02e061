//! `parkmap-route`: plans a route (or a loop) on a park's trail network from the command line, with
//! the same code as the app, and prints the result as JSON (or the GPX with `--gpx`).
//!
//! ```text
//! parkmap-route [--park public/data/park.json] [--winter] [--loop KM] [--gpx] LAT,LON [LAT,LON ...]
//! ```

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(match cli::run(std::env::args().skip(1).collect()) {
        Ok(out) => {
            println!("{out}");
            0
        }
        Err(e) => {
            eprintln!("parkmap-route: {e}");
            2
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use parkmap::geo::LonLat;
    use parkmap::model::{LayerKind, Park};
    use parkmap::read::{parse_layer, parse_manifest};
    use parkmap::route::{plan, plan_loop, to_gpx, RouteOptions, TrailGraph};
    use std::path::Path;

    fn load_park(manifest: &Path) -> Result<Park, String> {
        let text = std::fs::read_to_string(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
        let (m, _) = parse_manifest("park.json", &text).map_err(|e| format!("{e:?}"))?;
        let dir = manifest.parent().unwrap_or(Path::new("."));
        let mut park = Park::default();
        for layer in m
            .layers
            .iter()
            .filter(|l| matches!(l.kind, LayerKind::Greenway | LayerKind::Waterfront | LayerKind::Pois))
        {
            let text =
                std::fs::read_to_string(dir.join(&layer.url)).map_err(|e| format!("{}: {e}", layer.url))?;
            park.add(parse_layer(layer.kind, &layer.url, &text).layer);
        }
        Ok(park)
    }

    fn point(arg: &str) -> Result<LonLat, String> {
        let (lat, lon) = arg.split_once(',').ok_or_else(|| format!("{arg:?}: expected LAT,LON"))?;
        let p = LonLat::lon_lat(
            lon.trim().parse().map_err(|_| format!("{arg:?}: bad longitude"))?,
            lat.trim().parse().map_err(|_| format!("{arg:?}: bad latitude"))?,
        );
        if p.is_valid() {
            Ok(p)
        } else {
            Err(format!("{arg:?}: out of range"))
        }
    }

    /// Runs the command; the output on success.
    pub fn run(args: Vec<String>) -> Result<String, String> {
        let mut park_path = "public/data/park.json".to_owned();
        let (mut winter, mut gpx, mut loop_km, mut points) = (false, false, None, Vec::new());
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--park" => park_path = it.next().ok_or("--park needs a path")?,
                "--winter" => winter = true,
                "--gpx" => gpx = true,
                "--loop" => {
                    loop_km = Some(
                        it.next()
                            .ok_or("--loop needs km")?
                            .parse::<f64>()
                            .map_err(|_| "--loop needs a number")?,
                    )
                }
                _ => points.push(point(&a)?),
            }
        }
        let park = load_park(Path::new(&park_path))?;
        let graph = TrailGraph::from_park(&park);
        let options = RouteOptions { winter };
        let route = match loop_km {
            Some(km) => plan_loop(&graph, *points.first().ok_or("a loop needs a start")?, km, &options),
            None => plan(&graph, &points, &options),
        }
        .map_err(|e| e.to_string())?;
        if gpx {
            return Ok(to_gpx(&route, "ParkMap route", &[]));
        }
        let segments: Vec<_> = route
            .segments
            .iter()
            .map(|s| serde_json::json!({ "id": s.trail_id, "name": s.name.en, "metres": s.metres }))
            .collect();
        Ok(serde_json::json!({
            "distance_m": route.distance_m,
            "walking_min": route.walking_minutes(),
            "cycling_min": route.cycling_minutes(),
            "reused_m": route.reused_m,
            "segments": segments,
        })
        .to_string())
    }
}
