//! `parkmap-import`: turns the files a park's data usually comes in — GeoJSON, GPX, KML/KMZ and a
//! CSV of companies — into a park bundle in the documented strict form (native only; the app never
//! needs it).
//!
//! Every format is read into GeoJSON features first ([`SourceFeature`], coordinates converted to
//! WGS84 when the data is GCJ-02 or BD-09), each remembering where it came from ([`Origin`]). The
//! features of each layer kind are then read by the app's own lenient reader
//! ([`crate::read`]), so ids, names and vocabularies are defaulted exactly as the map would,
//! with the same notes; [`write`](mod@write) writes what it read in the strict form. Any problem of the input
//! is an [`ImportError`] located at its file and line (CSV, XML) or feature, and no bundle is made.
//!
//! Pure: bytes in, file texts out ([`bundle::import`]); the binary does the file system.

pub mod args;
pub mod bundle;
pub mod csv;
pub mod geojson;
pub mod gpx;
pub mod kml;
pub mod run;
pub mod wkt;
pub mod write;
pub mod zones;

use std::fmt;

use serde_json::Value;
use thiserror::Error;

use crate::geo::{china, LonLat};
use crate::model::LayerKind;

/// Which coordinate system the input is in; everything is converted to WGS84.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputDatum {
    /// WGS84 (GPS, OpenStreetMap, GDAL exports): nothing to do.
    #[default]
    Wgs84,
    /// GCJ-02, traced from Amap, Tencent or Google's China tiles.
    Gcj02,
    /// BD-09, traced from Baidu maps.
    Bd09,
}

impl InputDatum {
    /// Parses the `--from` value (`wgs84`, `gcj02`, `bd09`).
    pub fn from_key(key: &str) -> Option<Self> {
        match key.to_ascii_lowercase().as_str() {
            "wgs84" => Some(InputDatum::Wgs84),
            "gcj02" | "gcj-02" => Some(InputDatum::Gcj02),
            "bd09" | "bd-09" => Some(InputDatum::Bd09),
            _ => None,
        }
    }

    /// A position of the input, in WGS84.
    pub fn to_wgs84(self, p: LonLat) -> LonLat {
        match self {
            InputDatum::Wgs84 => p,
            InputDatum::Gcj02 => china::gcj02_to_wgs84(p),
            InputDatum::Bd09 => china::bd09_to_wgs84(p),
        }
    }
}

/// The shape of a feature's geometry, which picks its layer kind when `--as` does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GeomClass {
    /// `Point` or `MultiPoint`: a POI (or a company, from a CSV).
    Point,
    /// `LineString` or `MultiLineString`: a trail.
    Line,
    /// `Polygon` or `MultiPolygon`: a zone.
    Area,
}

impl GeomClass {
    /// The class of a GeoJSON geometry type, `None` for anything else.
    pub fn of_type(ty: &str) -> Option<Self> {
        match ty {
            "Point" | "MultiPoint" => Some(GeomClass::Point),
            "LineString" | "MultiLineString" => Some(GeomClass::Line),
            "Polygon" | "MultiPolygon" => Some(GeomClass::Area),
            _ => None,
        }
    }

    /// The layer kind this class goes to when the file has no `--as`.
    pub fn default_kind(self) -> LayerKind {
        match self {
            GeomClass::Point => LayerKind::Pois,
            GeomClass::Line => LayerKind::Greenway,
            GeomClass::Area => LayerKind::Zones,
        }
    }

    /// True when a layer of `kind` holds geometry of this class.
    pub fn fits(self, kind: LayerKind) -> bool {
        match kind {
            LayerKind::Greenway | LayerKind::Waterfront => self == GeomClass::Line,
            LayerKind::Pois | LayerKind::Companies => self == GeomClass::Point,
            LayerKind::Zones => self == GeomClass::Area,
            LayerKind::Context => self != GeomClass::Point,
            LayerKind::Sites => self != GeomClass::Line,
        }
    }
}

/// Where an input feature was found, for messages: `trails.gpx: track 2 "Riverside"`,
/// `pois.kml:41: Placemark "Gate"`, `companies.csv:3`, `zones.geojson: feature 4`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The input file as named on the command line (`park.kmz!doc.kml` inside a KMZ).
    pub file: String,
    /// 1-based line, where the format has lines worth naming (CSV, KML).
    pub line: Option<usize>,
    /// What the feature is in its file (`track 2 "Riverside"`, `feature 4`), or empty.
    pub what: String,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.what.is_empty() {
            write!(f, ": {}", self.what)?;
        }
        Ok(())
    }
}

/// `track 2 "Riverside"`, or `track 2` without a name.
pub(crate) fn described(what: &str, n: usize, name: Option<&str>) -> String {
    match name.map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => format!("{what} {n} {}", crate::model::error::quoted(name)),
        None => format!("{what} {n}"),
    }
}

/// One feature read from an input file, as a GeoJSON `Feature` in WGS84 (positions converted by
/// `--from`), not yet checked: the app's reader does that per layer.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFeature {
    /// The `Feature` object.
    pub feature: Value,
    /// The shape of its geometry.
    pub class: GeomClass,
    /// Where it came from.
    pub origin: Origin,
}

/// What can go wrong importing, each located for the person who has to fix the input.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// The command line is wrong (exit status 2).
    #[error("{0}")]
    Usage(String),
    /// A whole input file is unusable (unreadable, not UTF-8, not the format its name says).
    #[error("{file}: {reason}")]
    File {
        /// The input file.
        file: String,
        /// Why.
        reason: String,
    },
    /// A syntax or value error at a line of a CSV or XML file.
    #[error("{file}:{line}: {reason}")]
    Line {
        /// The input file.
        file: String,
        /// 1-based line.
        line: usize,
        /// Why.
        reason: String,
    },
    /// A syntax or value error at a line and column of a file (GPX).
    #[error("{file}:{line}:{column}: {reason}")]
    Position {
        /// The input file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// Why.
        reason: String,
    },
    /// One feature is broken (no usable geometry, out of range, a duplicate id…).
    #[error("{origin}: {property}: {reason}")]
    Feature {
        /// Where the feature came from.
        origin: Origin,
        /// The property (`geometry`, `id`, `lat`…).
        property: String,
        /// Why.
        reason: String,
    },
    /// The bundle could not be written.
    #[error("{path}: {reason}")]
    Output {
        /// The output path.
        path: String,
        /// Why.
        reason: String,
    },
}

/// A reader's result: its features, or every error it met; a file that gave nothing at all is an
/// error too, saying what was missing (`empty`).
pub(crate) fn finish(
    file: &str,
    out: Vec<SourceFeature>,
    mut errors: Vec<ImportError>,
    empty: &str,
) -> Result<Vec<SourceFeature>, Vec<ImportError>> {
    if errors.is_empty() && out.is_empty() {
        errors.push(ImportError::file(file, empty));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

impl ImportError {
    /// A whole-file error.
    pub fn file(file: &str, reason: impl Into<String>) -> Self {
        ImportError::File { file: file.to_owned(), reason: reason.into() }
    }

    /// An error at a line of a file.
    pub fn line(file: &str, line: usize, reason: impl Into<String>) -> Self {
        ImportError::Line { file: file.to_owned(), line, reason: reason.into() }
    }

    /// An error at a line and column of a file.
    pub fn at(file: &str, line: usize, column: usize, reason: impl Into<String>) -> Self {
        ImportError::Position { file: file.to_owned(), line, column, reason: reason.into() }
    }

    /// An error about one feature.
    pub fn feature(origin: &Origin, property: &str, reason: impl Into<String>) -> Self {
        ImportError::Feature { origin: origin.clone(), property: property.to_owned(), reason: reason.into() }
    }
}

/// A GeoJSON `Feature` with these properties and geometry.
pub(crate) fn feature(properties: serde_json::Map<String, Value>, geometry: Value) -> Value {
    serde_json::json!({"type": "Feature", "properties": properties, "geometry": geometry})
}

/// `[lon, lat]` in WGS84 as a GeoJSON position (extra values such as elevation are not kept: the
/// strict form is two-dimensional).
pub(crate) fn position(datum: InputDatum, lon: f64, lat: f64) -> Value {
    let p = if lon.is_finite() && lat.is_finite() {
        datum.to_wgs84(LonLat::lon_lat(lon, lat))
    } else {
        LonLat::lon_lat(lon, lat)
    };
    serde_json::json!([p.lon, p.lat])
}

/// The file type of an input, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.geojson` or `.json`.
    GeoJson,
    /// `.gpx`.
    Gpx,
    /// `.kml`.
    Kml,
    /// `.kmz` (a zip holding a KML).
    Kmz,
    /// `.csv`.
    Csv,
}

impl Format {
    /// The format of a file named `name` (by its extension, any case).
    pub fn of_name(name: &str) -> Option<Self> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "geojson" | "json" => Some(Format::GeoJson),
            "gpx" => Some(Format::Gpx),
            "kml" => Some(Format::Kml),
            "kmz" => Some(Format::Kmz),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// One input file, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The file as named on the command line.
    pub file: String,
    /// A GeoJSON file's legacy `crs` member, handed on to the reader (which refuses a foreign one).
    pub crs: Option<Value>,
    /// Its features, in file order.
    pub features: Vec<SourceFeature>,
}

/// Reads one input file into features, by its format. `name` is used in messages.
pub fn read_input(name: &str, bytes: &[u8], datum: InputDatum) -> Result<Input, Vec<ImportError>> {
    let format = Format::of_name(name).ok_or_else(|| {
        vec![ImportError::file(name, "unknown file type; expected .geojson, .json, .gpx, .kml, .kmz or .csv")]
    })?;
    let input = |features| Input { file: name.to_owned(), crs: None, features };
    if format == Format::Kmz {
        return kml::read_kmz(name, bytes, datum).map(input);
    }
    let text = text_of(name, bytes).map_err(|e| vec![e])?;
    match format {
        Format::GeoJson => geojson::read(name, text, datum).map(|(features, crs)| Input {
            file: name.to_owned(),
            crs,
            features,
        }),
        Format::Gpx => gpx::read(name, text, datum).map(input),
        Format::Kml => kml::read(name, text, datum).map(input),
        Format::Csv => csv::read(name, text, datum).map(input),
        Format::Kmz => unreachable!("read above"),
    }
}

/// The bytes as UTF-8 text without a byte-order mark, or a located error.
pub(crate) fn text_of<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ImportError::file(name, "UTF-16 text; save it as UTF-8"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        ImportError::line(name, line, "not UTF-8 text (save it as UTF-8; GBK is not read)")
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_extension_in_any_case() {
        assert_eq!(Format::of_name("a/b/Trails.GPX"), Some(Format::Gpx));
        assert_eq!(Format::of_name("x.kmz"), Some(Format::Kmz));
        assert_eq!(Format::of_name("zones.json"), Some(Format::GeoJson));
        assert_eq!(Format::of_name("README"), None);
        let e = read_input("notes.txt", b"", InputDatum::Wgs84).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "notes.txt: unknown file type; expected .geojson, .json, .gpx, .kml, .kmz or .csv"
        );
    }

    #[test]
    fn classes_fit_the_kinds_that_hold_them() {
        assert!(GeomClass::Line.fits(LayerKind::Waterfront));
        assert!(GeomClass::Area.fits(LayerKind::Context) && GeomClass::Line.fits(LayerKind::Context));
        assert!(!GeomClass::Point.fits(LayerKind::Context));
        assert!(GeomClass::Point.fits(LayerKind::Companies));
        assert!(GeomClass::Point.fits(LayerKind::Sites) && GeomClass::Area.fits(LayerKind::Sites));
        assert!(!GeomClass::Line.fits(LayerKind::Sites));
        assert_eq!(GeomClass::of_type("MultiPolygon"), Some(GeomClass::Area));
        assert_eq!(GeomClass::of_type("GeometryCollection"), None);
    }

    #[test]
    fn origins_read_as_file_line_and_what() {
        let o =
            Origin { file: "pois.kml".into(), line: Some(41), what: described("Placemark", 3, Some("Gate")) };
        assert_eq!(o.to_string(), "pois.kml:41: Placemark 3 \"Gate\"");
        let o = Origin { file: "c.csv".into(), line: Some(3), what: String::new() };
        assert_eq!(o.to_string(), "c.csv:3");
    }

    #[test]
    fn non_utf8_text_is_located_at_its_line() {
        let e = text_of("c.csv", b"a,b\n1,2\n\xb9\xfe,3\n").unwrap_err();
        assert_eq!(e.to_string(), "c.csv:3: not UTF-8 text (save it as UTF-8; GBK is not read)");
        assert_eq!(text_of("x", "\u{feff}ok".as_bytes()).unwrap(), "ok");
    }
}
