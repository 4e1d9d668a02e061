//! `parkmap-prerender`: draws the default park's first view for `index.html` (see
//! `parkmap::prerender`) and prints it as JSON: `{"html", "css", "langs", "zooms"}`.
//! `scripts/post-build.mjs` runs it on the bundle trunk is about to publish.
//!
//! ```text
//! parkmap-prerender [--park dist/public/data/park.json]
//! ```

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use parkmap::prerender::{load, render, Options};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let park = match args.as_slice() {
        [] => "public/data/park.json".to_owned(),
        [flag, path] if flag == "--park" => path.clone(),
        _ => {
            eprintln!("usage: parkmap-prerender [--park PATH/park.json]");
            std::process::exit(2);
        }
    };
    match load(std::path::Path::new(&park)) {
        Ok((manifest, park)) => {
            let p = render(&manifest, &park, &Options::default());
            let json =
                serde_json::json!({ "html": p.html, "css": p.css, "langs": p.langs, "zooms": p.zooms });
            println!("{json}");
        }
        Err(e) => {
            eprintln!("parkmap-prerender: {e}");
            std::process::exit(1);
        }
    }
}
