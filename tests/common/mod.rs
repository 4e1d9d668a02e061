//! The shipped park (`public/data/`), parsed once with the app's own parser, shared by the search,
//! filter and cluster tests.

use std::path::PathBuf;
use std::sync::OnceLock;

use parkmap::model::manifest::parse_manifest;
use parkmap::model::parse::parse_layer;
use parkmap::model::Park;

/// The committed bundle; any parse problem fails the test that asks for it.
pub fn shipped_park() -> &'static Park {
    static PARK: OnceLock<Park> = OnceLock::new();
    PARK.get_or_init(|| {
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
        park
    })
}
