//! `parkmap-import` on a 10 000-feature GPX (5 000 tracks on a grid that meet at shared vertices,
//! 5 000 waypoints beside them), generated here: read the GPX, build the bundle with the app's
//! reader and the strict writer, write it, validate what was written. The issue asks for under a
//! second natively; this prints the figures and never fails on time. `cargo bench --bench import`.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm

use std::fmt::Write as _;
use std::time::Instant;

use parkmap::import::bundle::{import, ParkInfo};
use parkmap::import::run::run;
use parkmap::import::{read_input, InputDatum};
use parkmap::model::Text;

/// 51 × 51 grid nodes 0.004° × 0.003° apart (about 310 m × 330 m); each edge a track of three
/// points with elevations, 2 500 along rows and 2 500 along columns; a waypoint 11 m off each.
fn gpx() -> String {
    let node = |c: usize, r: usize| (126.40 + c as f64 * 0.004, 45.75 + r as f64 * 0.003);
    let syms = ["Restroom", "Parking Area", "Scenic Area", "Bench"];
    let mut wpts = String::new();
    let mut trks = String::new();
    let mut n = 0;
    for vertical in [false, true] {
        for a in 0..50 {
            for b in 0..50 {
                let ((x0, y0), (x1, y1)) =
                    if vertical { (node(a, b), node(a, b + 1)) } else { (node(b, a), node(b + 1, a)) };
                let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                let _ = writeln!(
                    trks,
                    "<trk><name>Path {n}</name><trkseg><trkpt lat=\"{y0:.6}\" lon=\"{x0:.6}\"><ele>120.5</ele></trkpt>\
                     <trkpt lat=\"{my:.6}\" lon=\"{mx:.6}\"><ele>121</ele></trkpt>\
                     <trkpt lat=\"{y1:.6}\" lon=\"{x1:.6}\"><ele>121.5</ele></trkpt></trkseg></trk>"
                );
                let _ = writeln!(
                    wpts,
                    "<wpt lat=\"{:.6}\" lon=\"{mx:.6}\"><name>Place {n}</name><sym>{}</sym></wpt>",
                    my + 0.0001,
                    syms[n % 4]
                );
                n += 1;
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"bench\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\">\n{wpts}{trks}</gpx>\n"
    )
}

fn main() {
    let text = gpx();
    let dir = std::env::temp_dir().join(format!("parkmap-bench-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let input = dir.join("park.gpx");
    std::fs::write(&input, &text).expect("write the GPX");
    println!("== 10 000 features (5 000 tracks + 5 000 waypoints): {} KB of GPX", text.len() / 1024);
    let info = ParkInfo {
        id: "bench".into(),
        name: Text { zh: "测".into(), en: "Bench".into(), ru: None },
        attribution: Text { zh: "测".into(), en: "Bench".into(), ru: None },
        provenance: Text { zh: "生成".into(), en: "Generated".into(), ru: None },
    };
    for run_no in 0..3 {
        let t = Instant::now();
        let read = read_input("park.gpx", text.as_bytes(), InputDatum::Wgs84).expect("GPX reads");
        let read_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let bundle = import(&[read], &[], &info, &[]).expect("bundle builds");
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let out = dir.join(format!("out-{run_no}"));
        let args: Vec<String> = [
            "--out",
            out.to_str().unwrap(),
            "--name-zh",
            "测",
            "--name-en",
            "Bench",
            "--attribution",
            "Bench",
            "--provenance",
            "Generated",
            "--from",
            "gcj02",
            input.to_str().unwrap(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let t = Instant::now();
        let status = run(&args, &mut stdout, &mut stderr);
        let total_ms = t.elapsed().as_secs_f64() * 1e3;
        let summary = String::from_utf8_lossy(&stderr).lines().last().unwrap_or_default().to_owned();
        println!(
            "run {run_no}: read GPX {read_ms:.1} ms; build bundle (reader + strict writer) {build_ms:.1} ms, {} files; \
             whole command (read, --from gcj02, build, write, validate) {total_ms:.1} ms, exit {status}: {summary}",
            bundle.files.len()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
