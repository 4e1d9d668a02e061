//! `parkmap-import --out my-park/ --name-zh … --name-en … --attribution … --provenance … FILE…`:
//! turns GeoJSON, GPX, KML/KMZ and a CSV of companies into a park bundle in the strict form, then
//! validates it and prints the validator's report. See [`parkmap::import`] and
//! `docs/data-format.md`, "Importing your data".
//!
//! Exit status: 0 when the bundle is written and clean, 1 when an input is broken (nothing is
//! written) or the written bundle has problems, 2 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status =
        parkmap::import::run::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::ExitCode::from(status)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
