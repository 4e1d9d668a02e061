//! A layer file as read: one typed pass over the bytes with serde.
//!
//! Every visitor here accepts *any* JSON value where it stands and records what it found, so a
//! feature with a string for a geometry or an object for a coordinate is a located problem of that
//! feature, not a failure of the whole file (serde cannot resume a stream after a nested error).
//! Only malformed JSON (syntax, nesting beyond serde_json's recursion limit) fails the file.
//! Coordinates are read straight into [`geojson::Position`]s (no `serde_json::Value` tree for the
//! bulk of the bytes) and become a `geojson::GeometryValue` once the type is known (`raw_geometry`).

use std::fmt;

use geojson::Position;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::limits::MAX_FEATURES;
use super::raw_props::PropValue;

/// The top of a layer file, once read (its features went to the sink as they were read).
#[derive(Debug)]
pub(crate) enum RawRoot {
    /// Not a JSON object.
    NotObject,
    /// An object; every member the reader knows, as found.
    Object {
        /// The `type` member.
        ty: Option<Value>,
        /// The `features` member.
        features: Option<RawFeatures>,
        /// The legacy `crs` member (GeoJSON 2008).
        crs: Option<Value>,
    },
}

/// The `features` member.
#[derive(Debug)]
pub(crate) enum RawFeatures {
    /// Not an array.
    NotArray,
    /// An array of this many features; the first [`MAX_FEATURES`] + 1 went to the sink.
    Array(usize),
}

/// Reads a layer file in one pass, handing each of the first [`MAX_FEATURES`] + 1 features to
/// `sink` as soon as it is read (its index counts from 0), so no more than one feature's raw form
/// is alive at a time. Fails only on malformed JSON.
pub(crate) fn read_layer<'t>(
    text: &'t str,
    sink: &mut dyn FnMut(RawFeature<'t>),
) -> Result<RawRoot, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let root = de::DeserializeSeed::deserialize(RootSeed(sink), &mut de)?;
    de.end()?;
    Ok(root)
}

/// One element of `features`; its properties borrow text from the file.
#[derive(Debug)]
pub(crate) enum RawFeature<'t> {
    /// Not a JSON object: its kind.
    NotObject(&'static str),
    /// An object.
    Object {
        /// The `type` member.
        ty: Option<Value>,
        /// The feature-level `id`.
        id: Option<Value>,
        /// The `properties` member.
        properties: Option<PropValue<'t>>,
        /// The `geometry` member (`None` when absent).
        geometry: Option<RawGeometry>,
        /// The `bbox` member.
        bbox: Option<Value>,
    },
}

/// A geometry as found.
#[derive(Debug)]
pub(crate) enum RawGeometry {
    /// `null`.
    Null,
    /// Neither an object nor null: its kind.
    NotObject(&'static str),
    /// An object.
    Object {
        /// The `type` member.
        ty: Option<Value>,
        /// The `coordinates` member.
        coordinates: Option<Coords>,
        /// The `geometries` member of a collection (`Err` holds the kind found instead of an array).
        geometries: Option<Result<Vec<RawGeometry>, &'static str>>,
    },
}

/// Nested coordinates as found: numbers, positions (arrays of numbers only), deeper arrays, or
/// something else.
#[derive(Debug)]
pub(crate) enum Coords {
    /// A bare number.
    Num(f64),
    /// A non-empty array of numbers.
    Pos(Position),
    /// An array of anything else (possibly empty).
    List(Vec<Coords>),
    /// Not a number or an array: its kind.
    Bad(&'static str),
}

/// The JSON kind of a `serde_json::Value`, for messages.
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Visitor methods for every JSON kind that is not an object, each giving `$make(kind)`. Arrays
/// and objects met this way are read to their end and dropped.
macro_rules! other_kinds {
    ($make:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($make("a boolean"))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($make("a number"))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($make("a number"))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($make("a number"))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($make("a string"))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($make("null"))
        }
    };
}

/// A value read and dropped. Unlike serde's `IgnoredAny` (which serde_json skips without its
/// recursion limit), every nested array or object goes through `deserialize_any`, so a file of 10⁵
/// nested brackets is refused with "recursion limit exceeded" wherever they stand, not walked.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Skip;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            other_kinds!(|_| Skip);
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Skip, A::Error> {
                drain_seq(seq)?;
                Ok(Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Skip, A::Error> {
                drain_map(map)?;
                Ok(Skip)
            }
        }
        d.deserialize_any(V)
    }
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<Skip>()?.is_some() {}
    Ok(())
}

pub(super) fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, Skip>()?.is_some() {}
    Ok(())
}

/// Member names the reader knows; any other is skipped without being stored.
enum Field {
    Type,
    Features,
    Crs,
    Id,
    Properties,
    Geometry,
    Bbox,
    Coordinates,
    Geometries,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Field, E> {
                Ok(match s {
                    "type" => Field::Type,
                    "features" => Field::Features,
                    "crs" => Field::Crs,
                    "id" => Field::Id,
                    "properties" => Field::Properties,
                    "geometry" => Field::Geometry,
                    "bbox" => Field::Bbox,
                    "coordinates" => Field::Coordinates,
                    "geometries" => Field::Geometries,
                    _ => Field::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// Reads the root, sending the features to the sink.
struct RootSeed<'s, 'de>(&'s mut dyn FnMut(RawFeature<'de>));

impl<'de> de::DeserializeSeed<'de> for RootSeed<'_, 'de> {
    type Value = RawRoot;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawRoot, D::Error> {
        struct V<'s, 'de>(&'s mut dyn FnMut(RawFeature<'de>));
        impl<'de> Visitor<'de> for V<'_, 'de> {
            type Value = RawRoot;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a GeoJSON FeatureCollection")
            }
            other_kinds!(|_| RawRoot::NotObject);
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawRoot, A::Error> {
                drain_seq(seq)?;
                Ok(RawRoot::NotObject)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRoot, A::Error> {
                let (mut ty, mut features, mut crs) = (None, None, None);
                while let Some(k) = map.next_key::<Field>()? {
                    match k {
                        Field::Type => ty = Some(map.next_value()?),
                        // The features went to the sink as they were read, so the first `features`
                        // member is the one read; a repeated member is skipped.
                        Field::Features if features.is_none() => {
                            features = Some(map.next_value_seed(FeaturesSeed(&mut *self.0))?)
                        }
                        Field::Crs => crs = Some(map.next_value()?),
                        _ => {
                            map.next_value::<Skip>()?;
                        }
                    }
                }
                Ok(RawRoot::Object { ty, features, crs })
            }
        }
        d.deserialize_any(V(self.0))
    }
}

/// Reads `features`, sending each to the sink.
struct FeaturesSeed<'s, 'de>(&'s mut dyn FnMut(RawFeature<'de>));

impl<'de> de::DeserializeSeed<'de> for FeaturesSeed<'_, 'de> {
    type Value = RawFeatures;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawFeatures, D::Error> {
        struct V<'s, 'de>(&'s mut dyn FnMut(RawFeature<'de>));
        impl<'de> Visitor<'de> for V<'_, 'de> {
            type Value = RawFeatures;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of features")
            }
            other_kinds!(|_| RawFeatures::NotArray);
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawFeatures, A::Error> {
                drain_map(map)?;
                Ok(RawFeatures::NotArray)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawFeatures, A::Error> {
                // Past the limit the file is refused whole; the rest is only counted, not read.
                let mut total = 0;
                while total <= MAX_FEATURES {
                    match seq.next_element::<RawFeature>()? {
                        Some(f) => (self.0)(f),
                        None => return Ok(RawFeatures::Array(total)),
                    }
                    total += 1;
                }
                while seq.next_element::<Skip>()?.is_some() {
                    total += 1;
                }
                Ok(RawFeatures::Array(total))
            }
        }
        d.deserialize_any(V(self.0))
    }
}

impl<'de> Deserialize<'de> for RawFeature<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawFeature<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a GeoJSON Feature")
            }
            other_kinds!(RawFeature::NotObject);
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawFeature<'de>, A::Error> {
                drain_seq(seq)?;
                Ok(RawFeature::NotObject("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFeature<'de>, A::Error> {
                let (mut ty, mut id, mut properties, mut geometry, mut bbox) = (None, None, None, None, None);
                while let Some(k) = map.next_key::<Field>()? {
                    match k {
                        Field::Type => ty = Some(map.next_value()?),
                        Field::Id => id = Some(map.next_value()?),
                        Field::Properties => properties = Some(map.next_value()?),
                        Field::Geometry => geometry = Some(map.next_value()?),
                        Field::Bbox => bbox = Some(map.next_value()?),
                        _ => {
                            map.next_value::<Skip>()?;
                        }
                    }
                }
                Ok(RawFeature::Object { ty, id, properties, geometry, bbox })
            }
        }
        d.deserialize_any(V)
    }
}

/// `geometries`: an array of geometries, or the kind found instead.
struct GeometryList(Result<Vec<RawGeometry>, &'static str>);

impl<'de> Deserialize<'de> for GeometryList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = GeometryList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of geometries")
            }
            other_kinds!(|k| GeometryList(Err(k)));
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<GeometryList, A::Error> {
                drain_map(map)?;
                Ok(GeometryList(Err("an object")))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<GeometryList, A::Error> {
                let mut out = Vec::new();
                while let Some(g) = seq.next_element()? {
                    out.push(g);
                }
                Ok(GeometryList(Ok(out)))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawGeometry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawGeometry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a GeoJSON geometry")
            }
            other_kinds!(|k| if k == "null" { RawGeometry::Null } else { RawGeometry::NotObject(k) });
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawGeometry, A::Error> {
                drain_seq(seq)?;
                Ok(RawGeometry::NotObject("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawGeometry, A::Error> {
                let (mut ty, mut coordinates, mut geometries) = (None, None, None);
                while let Some(k) = map.next_key::<Field>()? {
                    match k {
                        Field::Type => ty = Some(map.next_value()?),
                        Field::Coordinates => coordinates = Some(map.next_value()?),
                        Field::Geometries => geometries = Some(map.next_value::<GeometryList>()?.0),
                        _ => {
                            map.next_value::<Skip>()?;
                        }
                    }
                }
                Ok(RawGeometry::Object { ty, coordinates, geometries })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"type":"Feature","geometry":null,"properties":null}"#;

    /// (features the sink got, features counted) for a root with these `features` members.
    fn read_counting(members: &[usize]) -> (usize, usize) {
        let arrays: Vec<String> =
            members.iter().map(|&k| format!(r#""features":[{}]"#, vec![ONE; k].join(","))).collect();
        let text = format!(r#"{{"type":"FeatureCollection",{}}}"#, arrays.join(","));
        let mut seen = 0;
        let RawRoot::Object { features: Some(RawFeatures::Array(n)), .. } =
            read_layer(&text, &mut |_| seen += 1).unwrap()
        else {
            panic!("{text}")
        };
        (seen, n)
    }

    #[test]
    fn every_feature_goes_to_the_sink_and_is_counted() {
        assert_eq!(read_counting(&[5]), (5, 5));
    }

    #[test]
    fn a_repeated_features_member_is_skipped() {
        assert_eq!(read_counting(&[1, 2]), (1, 1));
    }

    #[test]
    fn trailing_characters_after_the_root_fail_the_file() {
        assert!(read_layer(r#"{"type":"FeatureCollection","features":[]} x"#, &mut |_| {}).is_err());
    }
}
