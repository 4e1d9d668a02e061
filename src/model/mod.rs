//! The park's typed model: its features, manifest and basemap, and their rules (URLs, errors,
//! notes). The reader (`read/`) fills it from the manifest and GeoJSON layers. Pure: no DOM.

pub mod basemap;
#[macro_use]
mod enums;
pub mod error;
pub mod manifest;
pub mod note;
mod park;
pub mod site;
pub mod url;

use std::sync::Arc;

pub use basemap::{Basemap, BasemapError};
pub use enums::{ContextKind, Industry, LayerKind, PoiKind, Surface, TrailKind, Winter, ZoneCategory};
pub use error::DataError;
pub use manifest::{Contact, Figures, Hub, HubKind, LayerRef, Manifest};
pub use note::Note;
pub use park::Park;
pub use site::{IsoDate, LandUse, Price, Site, SiteGeom, SiteStatus, SiteType, Utilities, Utility};

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
    /// Name (of this section, when a route is cut into sections): shown in the trail's panel.
    pub name: Text,
    /// The route this trail is a section of (`route_zh`/`route_en`/`route_ru`), when the data names
    /// one: what the map labels the line with (see [`Trail::route_name`]).
    pub route: Option<Text>,
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
            route: None,
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

    /// What the map labels this trail with: its route's name, else its own name.
    pub fn route_name(&self) -> &Text {
        self.route.as_ref().unwrap_or(&self.name)
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
    /// Sites on offer.
    Sites(Vec<Site>),
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
            Layer::Sites(v) => v.len(),
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
            Layer::Sites(v) => v[k].id = id,
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
            Layer::Sites(v) => retain_flagged(v, keep),
        }
    }
}

/// Keeps `v[k]` where `keep[k]`, and gives back the room of the rest.
pub(crate) fn retain_flagged<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut k = 0;
    v.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    v.shrink_to_fit();
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
