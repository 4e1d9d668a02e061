//! Arbitrary bytes into everything that reads park data: `parse_manifest`, `parse_layer` for every
//! layer kind, the whole validator on a tiny in-memory bundle (the valid mini park with the
//! input standing in for the manifest, for one layer, or for all of them), and the search's pinyin
//! table reader. None may panic, hang or
//! blow up memory; libFuzzer reports any that does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parkmap::geo::MapPoint;
use parkmap::model::{ContextShape, DataError, Layer, LayerKind};
use parkmap::read::{parse_layer, parse_manifest};
use parkmap::search::PinyinTable;
use parkmap::validate::validate_bundle;

const KINDS: [LayerKind; 7] = [
    LayerKind::Context,
    LayerKind::Zones,
    LayerKind::Waterfront,
    LayerKind::Greenway,
    LayerKind::Pois,
    LayerKind::Companies,
    LayerKind::Sites,
];

const MANIFEST: &str = include_str!("../../tests/fixtures/valid/park.json");
const LAYERS: [(&str, &str); 6] = [
    ("context.geojson", include_str!("../../tests/fixtures/valid/context.geojson")),
    ("zones.geojson", include_str!("../../tests/fixtures/valid/zones.geojson")),
    ("waterfront.geojson", include_str!("../../tests/fixtures/valid/waterfront.geojson")),
    ("greenway.geojson", include_str!("../../tests/fixtures/valid/greenway.geojson")),
    ("pois.geojson", include_str!("../../tests/fixtures/valid/pois.geojson")),
    ("companies.geojson", include_str!("../../tests/fixtures/valid/companies.geojson")),
];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);

    // A table that parses writes back to the same bytes, and every look-up is answered.
    if let Ok(table) = PinyinTable::parse(rest) {
        assert_eq!(table.to_bytes(), rest, "a parsed pinyin table round-trips");
        for c in ['a', '华', '\u{3400}', '\u{FFFF}', char::MAX] {
            assert!(table.readings(c).count() <= 2);
        }
    }

    let _ = parse_manifest("park.json", &text);
    for kind in KINDS {
        let parsed = parse_layer(kind, "layer.geojson", &text);
        // Whatever parsed is drawable: finite map coordinates only.
        assert!(all_finite(&parsed.layer), "a kept feature has a non-finite coordinate");
        one_line_each(&parsed.errors);
        // Notes, like problems, are one short line each (examples are quoted and cut).
        for note in &parsed.notes {
            let line = note.to_string();
            assert!(!line.contains('\n') && !line.contains('\r') && line.len() < 5_000, "note {line:?}");
        }
    }

    // The validator on the mini park, the input replacing: 0 the manifest, 1–6 one layer, 7 all.
    let mode = mode % 8;
    let manifest = if mode == 0 { text.as_ref() } else { MANIFEST };
    let read = |url: &str| -> Result<String, DataError> {
        match LAYERS.iter().position(|(name, _)| *name == url) {
            Some(i) if mode == 7 || usize::from(mode) == i + 1 => Ok(text.clone().into_owned()),
            Some(i) => Ok(LAYERS[i].1.to_owned()),
            None => Err(DataError::Unreachable { file: url.into(), reason: "not in the bundle".into() }),
        }
    };
    let report = validate_bundle("park.json", manifest, &read);
    one_line_each(&report.problems);
});

/// The validator's contract: one problem per line, and no line of unbounded length.
fn one_line_each(problems: &[DataError]) {
    for problem in problems {
        let line = problem.to_string();
        assert!(!line.contains('\n') && !line.contains('\r'), "a problem spans lines: {line:?}");
        assert!(line.len() < 5_000, "a problem of {} bytes", line.len());
    }
}

fn finite(p: &MapPoint) -> bool {
    p.x.is_finite() && p.y.is_finite()
}

fn all_finite(layer: &Layer) -> bool {
    match layer {
        Layer::Context(v) => v.iter().all(|f| match &f.shape {
            ContextShape::Polygons(p) => p.iter().flatten().flatten().all(finite),
            ContextShape::Lines(l) => l.iter().flatten().all(finite),
        }),
        Layer::Zones(v) => v
            .iter()
            .all(|z| finite(&z.label) && z.polygons.iter().flat_map(|g| &g.map_rings).flatten().all(finite)),
        Layer::Trails(v) => v.iter().all(|t| t.map_parts.iter().flatten().all(finite) && t.length_m().is_finite()),
        Layer::Pois(v) => v.iter().all(|p| finite(&p.map)),
        Layer::Companies(v) => v.iter().all(|c| finite(&c.map)),
        Layer::Sites(v) => v.iter().all(|s| {
            finite(&s.map)
                && match &s.geom {
                    parkmap::model::SiteGeom::Parcel(p) => p.iter().flat_map(|g| &g.map_rings).flatten().all(finite),
                    parkmap::model::SiteGeom::Space { map, .. } => finite(map),
                }
        }),
    }
}
