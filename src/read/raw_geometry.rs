//! Coordinates as read ([`Coords`]) → a typed [`geojson::GeometryValue`], once the geometry's
//! `type` says what shape they must have. Every mismatch is a message naming the part.

use std::fmt;

use geojson::{GeometryValue, Position};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::raw::{drain_map, kind_of, Coords, RawGeometry};
use crate::model::error::quoted;

impl<'de> Deserialize<'de> for Coords {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Coords;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("coordinates")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Coords, E> {
                Ok(Coords::Bad("a boolean"))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Coords, E> {
                Ok(Coords::Num(n as f64))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Coords, E> {
                Ok(Coords::Num(n as f64))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Coords, E> {
                Ok(Coords::Num(n))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Coords, E> {
                Ok(Coords::Bad("a string"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Coords, E> {
                Ok(Coords::Bad("null"))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Coords, A::Error> {
                drain_map(map)?;
                Ok(Coords::Bad("an object"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Coords, A::Error> {
                // A position (numbers only) is kept without a heap allocation for two numbers.
                let mut nums: Vec<f64> = Vec::new();
                let mut pair = [0.0; 2];
                let mut n = 0usize;
                loop {
                    match seq.next_element::<Coords>()? {
                        None => break,
                        Some(Coords::Num(x)) => {
                            if n < 2 {
                                pair[n] = x;
                            } else {
                                if nums.is_empty() {
                                    nums.extend_from_slice(&pair);
                                }
                                nums.push(x);
                            }
                            n += 1;
                        }
                        Some(other) => {
                            let mut list: Vec<Coords> = if nums.is_empty() {
                                pair[..n].iter().map(|&x| Coords::Num(x)).collect()
                            } else {
                                nums.iter().map(|&x| Coords::Num(x)).collect()
                            };
                            list.push(other);
                            while let Some(c) = seq.next_element()? {
                                list.push(c);
                            }
                            return Ok(Coords::List(list));
                        }
                    }
                }
                Ok(match n {
                    0 => Coords::List(Vec::new()),
                    1 => Coords::Pos(Position::from(vec![pair[0]])),
                    2 => Coords::Pos(Position::from(pair)),
                    _ => Coords::Pos(Position::from(nums)),
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Coords {
    fn kind(&self) -> &'static str {
        match self {
            Coords::Num(_) => "a number",
            Coords::Pos(_) => "a position",
            Coords::List(_) => "an array",
            Coords::Bad(k) => k,
        }
    }

    fn position(self) -> Result<Position, String> {
        match self {
            Coords::Pos(p) => Ok(p),
            // `[]` as a position: the geometry checks say "0 numbers, need longitude and latitude".
            Coords::List(v) if v.is_empty() => Ok(Position::from(Vec::new())),
            Coords::List(v) => match v.iter().find(|c| matches!(c, Coords::Bad(_))) {
                Some(bad) => Err(format!("expected a position of numbers, found one holding {}", bad.kind())),
                None => Err("expected a position (an array of numbers), found an array of arrays".into()),
            },
            other => Err(format!("expected a position (an array of numbers), found {}", other.kind())),
        }
    }

    fn list(self) -> Result<Vec<Coords>, String> {
        match self {
            Coords::List(v) => Ok(v),
            other => Err(format!("expected an array of positions, found {}", other.kind())),
        }
    }

    fn positions(self) -> Result<Vec<Position>, String> {
        self.list()?
            .into_iter()
            .enumerate()
            .map(|(i, c)| c.position().map_err(|e| format!("position {i}: {e}")))
            .collect()
    }

    fn lines(self) -> Result<Vec<Vec<Position>>, String> {
        self.list()?.into_iter().map(Coords::positions).collect()
    }

    fn polygons(self) -> Result<Vec<Vec<Vec<Position>>>, String> {
        self.list()?.into_iter().map(Coords::lines).collect()
    }
}

/// Most levels of `GeometryCollection` nesting read (a deeper one is refused; serde_json's own
/// recursion limit bounds the file anyway).
const MAX_COLLECTION_DEPTH: usize = 8;

impl RawGeometry {
    /// The typed geometry, or why there is none (`Ok(None)` for a `null` geometry).
    pub(crate) fn into_value(self) -> Result<Option<GeometryValue>, String> {
        self.value_at(0)
    }

    fn value_at(self, depth: usize) -> Result<Option<GeometryValue>, String> {
        let (ty, coordinates, geometries) = match self {
            RawGeometry::Null => return Ok(None),
            RawGeometry::NotObject(k) => {
                return Err(format!("expected a GeoJSON geometry object, found {k}"))
            }
            RawGeometry::Object { ty, coordinates, geometries } => (ty, coordinates, geometries),
        };
        let ty = match ty {
            Some(Value::String(s)) => s,
            Some(other) => return Err(format!("\"type\" must be a string, found {}", kind_of(&other))),
            None => return Err("missing \"type\"".into()),
        };
        if ty == "GeometryCollection" {
            if depth >= MAX_COLLECTION_DEPTH {
                return Err(format!("GeometryCollection nested more than {MAX_COLLECTION_DEPTH} deep"));
            }
            let list = match geometries {
                Some(Ok(list)) => list,
                Some(Err(k)) => return Err(format!("\"geometries\" must be an array, found {k}")),
                None => return Err("missing \"geometries\"".into()),
            };
            let geometries = list
                .into_iter()
                .filter_map(|g| g.value_at(depth + 1).transpose())
                .map(|g| g.map(geojson::Geometry::new))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Some(GeometryValue::GeometryCollection { geometries }));
        }
        let c = coordinates.ok_or_else(|| "missing \"coordinates\"".to_string())?;
        Ok(Some(match ty.as_str() {
            "Point" => GeometryValue::Point { coordinates: c.position()? },
            "MultiPoint" => GeometryValue::MultiPoint { coordinates: c.positions()? },
            "LineString" => GeometryValue::LineString { coordinates: c.positions()? },
            "MultiLineString" => GeometryValue::MultiLineString { coordinates: c.lines()? },
            "Polygon" => GeometryValue::Polygon { coordinates: c.lines()? },
            "MultiPolygon" => GeometryValue::MultiPolygon { coordinates: c.polygons()? },
            other => return Err(format!("unknown geometry type {}", quoted(other))),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry(json: &str) -> Result<Option<GeometryValue>, String> {
        serde_json::from_str::<RawGeometry>(json).unwrap().into_value()
    }

    #[test]
    fn positions_keep_extra_numbers_and_bad_members_are_named() {
        let g = geometry(r#"{"type":"LineString","coordinates":[[1,2,3],[4,5]]}"#).unwrap().unwrap();
        let GeometryValue::LineString { coordinates } = g else { panic!() };
        assert_eq!(coordinates[0].as_slice(), &[1.0, 2.0, 3.0]);
        assert_eq!(coordinates[1].as_slice(), &[4.0, 5.0]);
        assert_eq!(
            geometry(r#"{"type":"Point","coordinates":[true,false]}"#).unwrap_err(),
            "expected a position of numbers, found one holding a boolean"
        );
        assert_eq!(
            geometry(r#"{"type":"LineString","coordinates":[[1,2],"x"]}"#).unwrap_err(),
            "position 1: expected a position (an array of numbers), found a string"
        );
        assert_eq!(
            geometry("\"POINT(1 2)\"").unwrap_err(),
            "expected a GeoJSON geometry object, found a string"
        );
        assert_eq!(geometry(r#"{"type":7}"#).unwrap_err(), "\"type\" must be a string, found a number");
        assert_eq!(geometry("null").unwrap(), None);
    }
}
