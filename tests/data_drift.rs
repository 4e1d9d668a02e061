#![cfg(not(target_arch = "wasm32"))]
//! The committed bundle under `public/data/` must be exactly what the generator produces, so the
//! data never drifts from the code that documents how it was made.

use std::path::Path;

use parkmap::datagen::{generate, GenOptions};

#[test]
fn committed_data_matches_the_generator() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let mut stale = Vec::new();
    for file in generate(&GenOptions::default()) {
        let path = dir.join(&file.name);
        match std::fs::read_to_string(&path) {
            Ok(committed) if committed == file.contents => {}
            Ok(committed) => {
                // Point at the first differing line so the failure is easy to read.
                let line =
                    committed.lines().zip(file.contents.lines()).position(|(a, b)| a != b).map_or_else(
                        || "length differs".to_string(),
                        |k| format!("first difference at line {}", k + 1),
                    );
                stale.push(format!("{} ({line})", path.display()));
            }
            Err(e) => stale.push(format!("{} ({e})", path.display())),
        }
    }
    assert!(
        stale.is_empty(),
        "public/data is out of date with the generator:\n  {}\nregenerate it with `cargo run --bin parkmap-gen` and commit the result",
        stale.join("\n  ")
    );
}

#[test]
fn committed_pinyin_table_matches_the_generator() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(parkmap::datagen::PINYIN_TABLE_PATH);
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == parkmap::datagen::pinyin_table().to_bytes(),
        "{} is out of date with the generator: regenerate it with \
         `cargo run --bin parkmap-gen -- --pinyin {}` and commit the result",
        path.display(),
        parkmap::datagen::PINYIN_TABLE_PATH
    );
}
