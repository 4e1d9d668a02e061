//! The park's typed model: its features, manifest and basemap, and their rules (URLs, errors,
//! notes). The reader (`read/`) fills it from the manifest and GeoJSON layers. Pure: no DOM.

pub mod basemap;
mod enums;
pub mod error;
pub mod manifest;
pub mod note;
pub mod url;

use std::collections::HashSet;
use std::sync::Arc;

pub use basemap::{Basemap, BasemapError};
pub use enums::{ContextKind, Industry, LayerKind, PoiKind, Surface, TrailKind, Winter, ZoneCategory};
pub use error::DataError;
pub use manifest::{Figures, LayerRef, Manifest};
pub use note::Note;

use crate::geo::{LonLat, MapPoint};
use crate::i18n::Lang;

/// Text in the park's languages. Chinese and English are required; Russian falls back to English.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
    /// Russian, when the data has it.
    pub ru: Option<String>,
}

impl Text {
    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
            Lang::Ru => self.ru.as_deref().unwrap_or(&self.en),
        }
    }
}

/// A polygon as rings (outer first, then holes), in both spaces.
#[derive(Clone, Debug, PartialEq)]
pub struct PolygonGeom {
    /// Rings in WGS84, as in the file.
    pub rings: Vec<Vec<LonLat>>,
    /// The same rings projected once to Web Mercator.
    pub map_rings: Vec<Vec<MapPoint>>,
}

impl Zone {
    /// Geodesic area in m² (every polygon, holes subtracted), computed when asked: the map does not
    /// need it to draw, only panels, figures and the validator do.
    pub fn area_m2(&self) -> f64 {
        self.polygons.iter().map(|p| crate::geo::measure::area_m2(&p.rings)).sum()
    }

    /// Area in the Web Mercator plane ([`crate::geo::measure::map_area`]): ranks zones by size
    /// without geodesy (labels).
    pub fn map_area(&self) -> f64 {
        self.polygons.iter().map(|p| crate::geo::measure::map_area(&p.map_rings)).sum()
    }

    /// The box of its outer rings, Web Mercator; `None` without a finite point.
    pub fn map_bounds(&self) -> Option<crate::geo::MapBounds> {
        crate::geo::MapBounds::around(self.polygons.iter().flat_map(|p| p.map_rings[0].iter().copied()))
    }

    /// Where the zone's name may go, best first: its label point, then the points of an `n × n` grid
    /// over its box that lie inside it (even-odd over every ring, so not in a hole), nearest the
    /// label point first. Web Mercator.
    pub fn label_points(&self, n: usize) -> Vec<MapPoint> {
        let rings = || self.polygons.iter().flat_map(|p| p.map_rings.iter());
        let inside = |q: MapPoint| {
            rings().fold(false, |acc, ring| {
                let crossings = ring.windows(2).filter(|w| {
                    let (a, b) = (w[0], w[1]);
                    (a.y > q.y) != (b.y > q.y) && q.x < a.x + (q.y - a.y) * (b.x - a.x) / (b.y - a.y)
                });
                acc ^ (crossings.count() % 2 == 1)
            })
        };
        let Some(b) = crate::geo::MapBounds::around(rings().flatten().copied()) else {
            return vec![self.label];
        };
        let mut grid: Vec<MapPoint> = (0..n * n)
            .map(|k| {
                let (i, j) = ((k % n) as f64 + 0.5, (k / n) as f64 + 0.5);
                MapPoint::new(b.min.x + b.width() * i / n as f64, b.min.y + b.height() * j / n as f64)
            })
            .filter(|&q| inside(q))
            .collect();
        let d = |q: &MapPoint| (q.x - self.label.x).powi(2) + (q.y - self.label.y).powi(2);
        crate::sort::sort_by(&mut grid, |a, b| d(a).total_cmp(&d(b)));
        std::iter::once(self.label).chain(grid).collect()
    }
}

/// A planning zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    /// Unique id within the layer.
    pub id: String,
    /// Name.
    pub name: Text,
    /// A short name for a label on a small map (`short_name_zh`/`_en`/`_ru`), if given.
    pub short_name: Option<Text>,
    /// Planning category (drives the fill colour).
    pub category: ZoneCategory,
    /// Short description.
    pub description: Option<Text>,
    /// Industries the zone hosts.
    pub industries: Vec<Industry>,
    /// One or more polygons.
    pub polygons: Vec<PolygonGeom>,
    /// A point inside the zone for its label.
    pub label: MapPoint,
}

/// A greenway or waterfront trail: one line, or several parts (a `MultiLineString`) drawn,
/// measured and selected as one and routed part by part.
#[derive(Clone, Debug, PartialEq)]
pub struct Trail {
    /// Unique id within the layer.
    pub id: String,
    /// Greenway or waterfront.
    pub kind: TrailKind,
    /// Name.
    pub name: Text,
    /// Surface, when known.
    pub surface: Option<Surface>,
    /// Lit at night.
    pub lit: Option<bool>,
    /// Winter status.
    pub winter: Option<Winter>,
    /// Closed now (status `closed`).
    pub closed: bool,
    /// Sponge-city features along the segment.
    pub sponge: Vec<String>,
    /// Off the ground level (OSM `bridge`, `tunnel` or `layer` ≠ 0): where it crosses another line
    /// without a shared vertex, the two do not meet.
    pub grade_separated: bool,
    /// The parts in WGS84 (one for a `LineString`), each of two positions or more.
    pub parts: Vec<Vec<LonLat>>,
    /// The same parts in Web Mercator.
    pub map_parts: Vec<Vec<MapPoint>>,
}

impl Trail {
    /// A one-part trail through `line` (in both spaces), open, with no optional property: for tests
    /// and generated data.
    pub fn from_line(id: &str, kind: TrailKind, name: Text, line: Vec<LonLat>) -> Trail {
        Trail {
            id: id.to_owned(),
            kind,
            name,
            surface: None,
            lit: None,
            winter: None,
            closed: false,
            sponge: Vec::new(),
            grade_separated: false,
            map_parts: vec![line.iter().map(|p| p.to_map()).collect()],
            parts: vec![line],
        }
    }

    /// Geodesic length in metres, all parts together. Computed when asked (a detail panel, the
    /// validator), not when the layer is read: Karney's algorithm for every segment of the greenway
    /// was the largest single cost of reading it in the browser.
    pub fn length_m(&self) -> f64 {
        self.parts.iter().map(|l| crate::geo::measure::length_m(l)).sum()
    }

    /// Length of the Web Mercator parts in map units: to compare trails with each other (which
    /// trail's label goes first), where the scale, the same across a park, does not matter.
    pub fn map_length(&self) -> f64 {
        self.map_parts
            .iter()
            .flat_map(|l| l.windows(2))
            .map(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y))
            .sum()
    }

    /// Every vertex of every part, in order.
    pub fn vertices(&self) -> impl Iterator<Item = &LonLat> + '_ {
        self.parts.iter().flatten()
    }
}

/// A point of interest.
#[derive(Clone, Debug, PartialEq)]
pub struct Poi {
    /// Unique id.
    pub id: String,
    /// What it is.
    pub kind: PoiKind,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Option<Text>,
    /// Position in WGS84.
    pub pos: LonLat,
    /// Position in Web Mercator.
    pub map: MapPoint,
}

/// A registered company.
#[derive(Clone, Debug, PartialEq)]
pub struct Company {
    /// Unique id.
    pub id: String,
    /// Name (zh + en).
    pub name: Text,
    /// Industry.
    pub industry: Industry,
    /// Finer sector label (e.g. `robotics`); one shared copy per distinct value in a layer.
    pub sector: Option<Arc<str>>,
    /// Id of the zone it sits in; one shared copy per zone in a layer.
    pub zone: Option<Arc<str>>,
    /// Registered capital in yuan.
    pub capital_yuan: Option<u64>,
    /// Founding year.
    pub founded: Option<i32>,
    /// Street address; one shared copy per distinct address in a layer.
    pub address: Option<Arc<Text>>,
    /// Short description; one shared copy per distinct description in a layer.
    pub description: Option<Arc<Text>>,
    /// Website; only ever an `http:` or `https:` URL.
    pub website: Option<String>,
    /// True when the record is generated rather than published fact.
    pub illustrative: bool,
    /// Position in WGS84.
    pub pos: LonLat,
    /// Position in Web Mercator.
    pub map: MapPoint,
}

/// Geometry of a context feature, already projected.
#[derive(Clone, Debug, PartialEq)]
pub enum ContextShape {
    /// Polygons as rings of map points.
    Polygons(Vec<Vec<Vec<MapPoint>>>),
    /// Polylines of map points.
    Lines(Vec<Vec<MapPoint>>),
}

/// Background feature: river, water, road, axis or boundary.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextFeature {
    /// What it is.
    pub kind: ContextKind,
    /// Name, when it has one.
    pub name: Option<Text>,
    /// Geometry.
    pub shape: ContextShape,
}

/// The features of one parsed layer.
#[derive(Clone, Debug, PartialEq)]
pub enum Layer {
    /// Context features.
    Context(Vec<ContextFeature>),
    /// Zones.
    Zones(Vec<Zone>),
    /// Trails (greenway or waterfront).
    Trails(Vec<Trail>),
    /// Points of interest.
    Pois(Vec<Poi>),
    /// Companies.
    Companies(Vec<Company>),
}

impl Layer {
    /// Number of features.
    pub fn len(&self) -> usize {
        match self {
            Layer::Context(v) => v.len(),
            Layer::Zones(v) => v.len(),
            Layer::Trails(v) => v.len(),
            Layer::Pois(v) => v.len(),
            Layer::Companies(v) => v.len(),
        }
    }

    /// True when no feature survived parsing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sets the id of feature `k` (context features have none).
    pub(crate) fn set_id(&mut self, k: usize, id: String) {
        match self {
            Layer::Context(_) => {}
            Layer::Zones(v) => v[k].id = id,
            Layer::Trails(v) => v[k].id = id,
            Layer::Pois(v) => v[k].id = id,
            Layer::Companies(v) => v[k].id = id,
        }
    }

    /// Keeps feature `k` where `keep[k]`, and gives back the room kept for features that did not
    /// come.
    pub(crate) fn retain_flagged(&mut self, keep: &[bool]) {
        match self {
            Layer::Context(v) => retain_flagged(v, keep),
            Layer::Zones(v) => retain_flagged(v, keep),
            Layer::Trails(v) => retain_flagged(v, keep),
            Layer::Pois(v) => retain_flagged(v, keep),
            Layer::Companies(v) => retain_flagged(v, keep),
        }
    }
}

/// Keeps `v[k]` where `keep[k]`, and gives back the room of the rest.
fn retain_flagged<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut k = 0;
    v.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    v.shrink_to_fit();
}

/// A whole park: the manifest and every layer that loaded (a failed layer is simply empty).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Park {
    /// Context features.
    pub context: Vec<ContextFeature>,
    /// Zones.
    pub zones: Vec<Zone>,
    /// Waterfront segments.
    pub waterfront: Vec<Trail>,
    /// Greenway segments.
    pub greenway: Vec<Trail>,
    /// Points of interest.
    pub pois: Vec<Poi>,
    /// Companies.
    pub companies: Vec<Company>,
    /// How far (metres) a trail's end may lie from another trail and still be joined to it in the
    /// route network: the manifest's `junction_tolerance_m`; `None` for the default (3 m).
    pub junction_tolerance_m: Option<f64>,
}

impl Park {
    /// True when not one feature of any layer is in the park (nothing can be drawn).
    pub fn is_empty(&self) -> bool {
        self.context.is_empty()
            && self.zones.is_empty()
            && self.greenway.is_empty()
            && self.waterfront.is_empty()
            && self.pois.is_empty()
            && self.companies.is_empty()
    }

    /// Adds a parsed layer's features to the park, leaving out any whose id the park already has
    /// (see [`Park::add_new`]).
    pub fn add(&mut self, layer: Layer) {
        let _ = self.add_new(layer);
    }

    /// Adds a parsed layer's features to the park, except those whose id the park already holds
    /// from another layer of the same kind (greenway and waterfront count as one kind), and returns
    /// their positions in `layer`. Ids are unique per layer by the parser; this makes them unique
    /// per park, which the map needs: it keys markers and selections by id, and two markers with
    /// one key were drawn as one.
    pub fn add_new(&mut self, layer: Layer) -> Vec<usize> {
        /// Keeps the items of `from` whose id is neither `existing` nor earlier in `from`; returns
        /// the positions of the rest.
        fn keep_new<'a, T>(
            existing: impl Iterator<Item = &'a str>,
            from: &mut Vec<T>,
            id: fn(&T) -> &str,
        ) -> Vec<usize> {
            let keep: Vec<bool> = {
                let mut taken: HashSet<&str> = existing.collect();
                from.iter().map(|t| taken.insert(id(t))).collect()
            };
            retain_flagged(from, &keep);
            keep.iter().enumerate().filter(|(_, &k)| !k).map(|(k, _)| k).collect()
        }
        /// Appends `from` to `into`; moves the vector itself when `into` is empty (the first layer
        /// of its kind), so 50 000 companies are not copied.
        fn append<T>(into: &mut Vec<T>, mut from: Vec<T>) {
            if into.is_empty() {
                *into = from;
            } else {
                into.append(&mut from);
            }
        }
        match layer {
            Layer::Context(v) => {
                self.context.extend(v);
                Vec::new()
            }
            Layer::Zones(mut v) => {
                let dropped = keep_new(self.zones.iter().map(|z| z.id.as_str()), &mut v, |z| &z.id);
                append(&mut self.zones, v);
                dropped
            }
            Layer::Trails(mut v) => {
                // Greenway and waterfront ids count as one kind.
                let trails = self.greenway.iter().chain(&self.waterfront);
                let dropped = keep_new(trails.map(|t| t.id.as_str()), &mut v, |t| &t.id);
                for t in v {
                    match t.kind {
                        TrailKind::Greenway => self.greenway.push(t),
                        TrailKind::Waterfront => self.waterfront.push(t),
                    }
                }
                dropped
            }
            Layer::Pois(mut v) => {
                let dropped = keep_new(self.pois.iter().map(|p| p.id.as_str()), &mut v, |p| &p.id);
                append(&mut self.pois, v);
                dropped
            }
            Layer::Companies(mut v) => {
                let dropped = keep_new(self.companies.iter().map(|c| c.id.as_str()), &mut v, |c| &c.id);
                append(&mut self.companies, v);
                dropped
            }
        }
    }

    /// Companies whose `zone` is `zone_id`.
    pub fn companies_in_zone<'a>(&'a self, zone_id: &'a str) -> impl Iterator<Item = &'a Company> + 'a {
        self.companies.iter().filter(move |c| c.zone.as_deref() == Some(zone_id))
    }

    /// Looks a company up by id.
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.companies.iter().find(|c| c.id == id)
    }

    /// Looks a zone up by id.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// Looks a trail (greenway or waterfront) up by id.
    pub fn trail(&self, id: &str) -> Option<&Trail> {
        self.greenway.iter().chain(&self.waterfront).find(|t| t.id == id)
    }

    /// Looks a POI up by id.
    pub fn poi(&self, id: &str) -> Option<&Poi> {
        self.pois.iter().find(|p| p.id == id)
    }

    /// The box the zones cover (Web Mercator), or `None` without zones: what "fit the park" shows.
    pub fn zones_extent(&self) -> Option<crate::geo::MapBounds> {
        crate::geo::MapBounds::around(
            self.zones
                .iter()
                .flat_map(|z| z.polygons.iter().flat_map(|p| p.map_rings.iter().flatten().copied())),
        )
    }

    /// The first POI within `radius_m` metres of `pos`.
    pub fn poi_at(&self, pos: LonLat, radius_m: f64) -> Option<&Poi> {
        self.pois.iter().find(|p| crate::geo::measure::distance_m(p.pos, pos) <= radius_m)
    }

    /// The name of the feature `f` names, if the park has it.
    pub fn name_of(&self, f: &crate::feature::FeatureRef) -> Option<&Text> {
        use crate::feature::FeatureKind;
        let id = f.id.as_str();
        match f.kind {
            FeatureKind::Company => self.company(id).map(|c| &c.name),
            FeatureKind::Zone => self.zone(id).map(|z| &z.name),
            FeatureKind::Trail => self.trail(id).map(|t| &t.name),
            FeatureKind::Poi => self.poi(id).map(|p| &p.name),
        }
    }
}

#[cfg(test)]
impl Company {
    /// A company for unit tests: id `id`, no name, digital economy, every optional field empty,
    /// in the park; tests change the fields they are about with `..Company::sample(id)`.
    pub(crate) fn sample(id: &str) -> Company {
        let pos = crate::geo::LonLat::lon_lat(126.52, 45.84);
        Company {
            id: id.into(),
            name: Text::default(),
            industry: Industry::DigitalEconomy,
            sector: None,
            zone: None,
            capital_yuan: None,
            founded: None,
            address: None,
            description: None,
            website: None,
            illustrative: true,
            pos,
            map: pos.to_map(),
        }
    }
}

#[cfg(test)]
impl Zone {
    /// A zone for unit tests: id `id`, no name, no geometry; tests change what they are about.
    pub(crate) fn sample(id: &str) -> Zone {
        Zone {
            id: id.into(),
            name: Text::default(),
            short_name: None,
            category: ZoneCategory::ALL[0],
            description: None,
            industries: Vec::new(),
            polygons: Vec::new(),
            label: MapPoint::default(),
        }
    }
}
