//! The ParkMap web app (wasm32). Natively this binary only explains how to run the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    parkmap::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("parkmap is a web app: run ./scripts/run.sh to build it and serve it on localhost");
}
