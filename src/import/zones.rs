//! Imported data placed where it is: a company or a site without a `zone` gets the id of the zone
//! whose polygon holds it — the zones of the same import (`--as zones=…` or any polygon input) or of
//! an existing bundle (`--zones-from`). What could not be placed, or lies on an edge two zones share,
//! or names a zone other than the one it lies in, is said in a note; a zone given is never changed.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Origin;
use crate::geo::measure::polygon_covers;
use crate::geo::LonLat;
use crate::model::error::quoted;
use crate::model::{Layer, Zone};

/// The zones (in order) whose polygons hold `p`, inside or on an edge.
fn zones_at(zones: &[Zone], p: LonLat) -> Vec<&str> {
    zones
        .iter()
        .filter(|z| z.polygons.iter().any(|g| polygon_covers(&g.rings, p)))
        .map(|z| z.id.as_str())
        .collect()
}

/// What happened to one feature.
enum Placed {
    /// It had no zone and got this one.
    Assigned(String),
    /// It had no zone and lies in none.
    Nowhere,
    /// It had none and lies on the edge of these; the first was given.
    Edge(Vec<String>),
    /// Its given zone is not one it lies in; these are.
    Disagrees(String, Vec<String>),
    /// Nothing to say.
    Fine,
}

fn decide(zones: &[Zone], p: LonLat, given: Option<&str>) -> Placed {
    let here = zones_at(zones, p);
    match (given, here.as_slice()) {
        (Some(g), _) if here.contains(&g) => Placed::Fine,
        (Some(_), []) => Placed::Fine, // outside every zone: the validator says so
        (Some(g), _) => Placed::Disagrees(g.to_owned(), here.iter().map(|s| s.to_string()).collect()),
        (None, []) => Placed::Nowhere,
        (None, [one]) => Placed::Assigned(one.to_string()),
        (None, many) => Placed::Edge(many.iter().map(|s| s.to_string()).collect()),
    }
}

fn list(ids: &[String]) -> String {
    ids.iter().map(|z| quoted(z)).collect::<Vec<_>>().join(" and ")
}

/// Places the companies or sites of `layer` (other layers are left alone) in `zones`, setting the
/// `zone` of those without one. `origin` finds where a feature came from by its id. Returns the notes,
/// one line each: a count per input of the features placed, and one line per feature left without a
/// zone, placed on a shared edge, or naming another zone than the one it lies in.
pub fn place_in_zones(
    zones: &[Zone],
    layer: &mut Layer,
    origin: &dyn Fn(&str) -> Option<Origin>,
) -> Vec<String> {
    if zones.is_empty() {
        return Vec::new();
    }
    let mut notes = Vec::new();
    // Per input file: how many were placed, and the first of them.
    let mut placed: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut visit = |id: &str, p: LonLat, given: Option<&str>| -> Option<String> {
        let at = origin(id).unwrap_or(Origin { file: String::new(), line: None, what: quoted(id) });
        let decision = decide(zones, p, given);
        let (set, note) = match decision {
            Placed::Fine => (None, None),
            Placed::Assigned(z) => {
                let first = match (at.what.is_empty(), at.line) {
                    (false, Some(line)) => format!("{} at line {line}", at.what),
                    (true, Some(line)) => format!("line {line}"),
                    _ => at.what.clone(),
                };
                let e = placed.entry(at.file.clone()).or_insert((0, format!("{first}, in {}", quoted(&z))));
                e.0 += 1;
                (Some(z), None)
            }
            Placed::Nowhere => (None, Some("in no zone; left without one".to_owned())),
            Placed::Edge(ids) => {
                let note =
                    format!("on the edge of zones {}; placed in {}, the first", list(&ids), quoted(&ids[0]));
                (Some(ids[0].clone()), Some(note))
            }
            Placed::Disagrees(g, ids) => {
                let note = format!("{} given, but it lies in zone {}; kept as given", quoted(&g), list(&ids));
                (None, Some(note))
            }
        };
        if let Some(n) = note {
            notes.push(format!("{at}: zone: {n}"));
        }
        set
    };
    match layer {
        Layer::Companies(v) => {
            for c in v.iter_mut() {
                if let Some(z) = visit(&c.id, c.pos, c.zone.as_deref()) {
                    c.zone = Some(Arc::from(z));
                }
            }
        }
        Layer::Sites(v) => {
            for s in v.iter_mut() {
                if let Some(z) = visit(&s.id, s.anchor, s.zone.as_deref()) {
                    s.zone = Some(z);
                }
            }
        }
        _ => {}
    }
    let mut lines: Vec<String> = placed
        .into_iter()
        .map(|(file, (n, first))| {
            let what = if n == 1 { "feature" } else { "features" };
            format!("{file}: zone: missing; set to the zone that holds the point ({n} {what}, first {first})")
        })
        .collect();
    lines.extend(notes);
    lines
}
