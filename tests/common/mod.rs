//! The shipped park (`public/data/`), parsed once with the app's own parser, shared by the search,
//! filter and cluster tests.

use std::path::PathBuf;
use std::sync::OnceLock;

use parkmap::model::{Manifest, Park};
use parkmap::read::{parse_layer, parse_manifest};

/// Parses the committed bundle afresh; any parse problem fails the test that asks for it.
#[allow(dead_code)] // each test crate uses the part it needs
pub fn load_shipped() -> (Manifest, Park) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("public/data/{name}: {e}"))
    };
    let (manifest, errors) = parse_manifest("park.json", &read("park.json")).expect("manifest parses");
    assert!(errors.is_empty(), "park.json: {errors:?}");
    let mut park = Park::default();
    for layer in &manifest.layers {
        let parsed = parse_layer(layer.kind, &layer.url, &read(&layer.url));
        assert!(parsed.errors.is_empty(), "{}: {:?}", layer.url, parsed.errors);
        park.add(parsed.layer);
    }
    (manifest, park)
}

/// The committed bundle, parsed once per test crate.
#[allow(dead_code)]
pub fn shipped() -> &'static (Manifest, Park) {
    static SHIPPED: OnceLock<(Manifest, Park)> = OnceLock::new();
    SHIPPED.get_or_init(load_shipped)
}

/// The committed park, parsed once per test crate.
#[allow(dead_code)]
pub fn shipped_park() -> &'static Park {
    &shipped().1
}
