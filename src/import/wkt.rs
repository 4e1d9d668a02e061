//! Well-known text (WKT, OGC 06-103r4) in a CSV cell: `POINT`, `POLYGON` and `MULTIPOLYGON` — what a
//! table of sites exported from QGIS, PostGIS or a spreadsheet holds — read into a GeoJSON geometry.
//! Any case; `Z`, `M` and `ZM` positions keep their first two numbers; an EWKT `SRID=4326;` prefix
//! (or 4490, CGCS2000) is accepted. Every error says where in the cell it is.

use serde_json::{json, Value};
use thiserror::Error;

use super::{position, GeomClass, InputDatum};

/// Why a WKT cell could not be read, and where (1-based character of the cell).
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("{reason} at character {at}")]
pub struct WktError {
    /// 1-based character position in the cell.
    pub at: usize,
    /// What is wrong.
    pub reason: String,
}

/// A token and the character it starts at (0-based).
#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Number(f64),
    Open,
    Close,
    Comma,
}

fn tokens(s: &str) -> Result<Vec<(usize, Token)>, WktError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            c if c.is_whitespace() => i += 1,
            '(' | ')' | ',' => {
                let t = match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    _ => Token::Comma,
                };
                out.push((i, t));
                i += 1;
            }
            c if c.is_ascii_alphabetic() => {
                while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                out.push((
                    start,
                    Token::Word(chars[start..i].iter().collect::<String>().to_ascii_uppercase()),
                ));
            }
            c if c.is_ascii_digit() || matches!(c, '-' | '+' | '.') => {
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || matches!(chars[i], '-' | '+' | '.'))
                {
                    i += 1;
                }
                let text: String = chars[start..i].iter().collect();
                match text.parse::<f64>() {
                    Ok(x) if x.is_finite() => out.push((start, Token::Number(x))),
                    _ => return Err(WktError { at: start + 1, reason: format!("{text:?} is not a number") }),
                }
            }
            other => return Err(WktError { at: i + 1, reason: format!("unexpected {other:?}") }),
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    next: usize,
    /// Character count of the cell, for errors at its end.
    len: usize,
    datum: InputDatum,
}

impl Parser {
    fn here(&self) -> usize {
        self.tokens.get(self.next).map_or(self.len, |t| t.0) + 1
    }

    fn fail<T>(&self, reason: impl Into<String>) -> Result<T, WktError> {
        Err(WktError { at: self.here(), reason: reason.into() })
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|t| &t.1)
    }

    fn expect(&mut self, want: Token, what: &str) -> Result<(), WktError> {
        if self.peek() == Some(&want) {
            self.next += 1;
            Ok(())
        } else {
            self.fail(format!("expected {what}"))
        }
    }

    /// `x y [z [m]]` → `[lon, lat]` in WGS84.
    fn position(&mut self) -> Result<Value, WktError> {
        let mut nums = Vec::new();
        while let Some(Token::Number(x)) = self.peek() {
            nums.push(*x);
            self.next += 1;
        }
        match nums[..] {
            [lon, lat] | [lon, lat, _] | [lon, lat, _, _] => Ok(position(self.datum, lon, lat)),
            _ => self.fail(format!("a position needs 2 to 4 numbers, found {}", nums.len())),
        }
    }

    /// `( item, item, … )`.
    fn list(&mut self, item: fn(&mut Parser) -> Result<Value, WktError>) -> Result<Value, WktError> {
        self.expect(Token::Open, "\"(\"")?;
        let mut out = vec![item(self)?];
        while self.peek() == Some(&Token::Comma) {
            self.next += 1;
            out.push(item(self)?);
        }
        self.expect(Token::Close, "\",\" or \")\"")?;
        Ok(Value::Array(out))
    }

    fn ring(&mut self) -> Result<Value, WktError> {
        self.list(Parser::position)
    }

    fn polygon(&mut self) -> Result<Value, WktError> {
        self.list(Parser::ring)
    }
}

/// Reads a WKT `POINT`, `POLYGON` or `MULTIPOLYGON` into a GeoJSON geometry with positions in WGS84
/// (converted from `datum`), and its class. Coordinates are checked for range by the reader later.
///
/// ```
/// use parkmap::import::{wkt::parse_wkt, GeomClass, InputDatum};
/// let (g, class) = parse_wkt("POLYGON ((126.5 45.8, 126.51 45.8, 126.51 45.81, 126.5 45.8))", InputDatum::Wgs84).unwrap();
/// assert_eq!((g["type"].as_str(), class), (Some("Polygon"), GeomClass::Area));
/// let e = parse_wkt("POINT (126.5)", InputDatum::Wgs84).unwrap_err();
/// assert_eq!(e.to_string(), "a position needs 2 to 4 numbers, found 1 at character 13");
/// ```
pub fn parse_wkt(cell: &str, datum: InputDatum) -> Result<(Value, GeomClass), WktError> {
    let mut text = cell.trim();
    let mut offset = cell.len() - cell.trim_start().len();
    if let Some((prefix, rest)) =
        text.split_once(';').filter(|(p, _)| p.to_ascii_uppercase().starts_with("SRID="))
    {
        let srid = prefix[5..].trim();
        if srid != "4326" && srid != "4490" {
            return Err(WktError {
                at: offset + 1,
                reason: format!("SRID={srid} is not read; ParkMap reads WGS84 (4326) or CGCS2000 (4490)"),
            });
        }
        offset += prefix.chars().count() + 1;
        text = rest;
    }
    let shift = |e: WktError| WktError { at: e.at + offset, ..e };
    let tokens = tokens(text).map_err(shift)?;
    let mut p = Parser { tokens, next: 0, len: text.chars().count(), datum };
    let kind = match p.peek() {
        Some(Token::Word(w)) => w.clone(),
        _ => return p.fail("expected POINT, POLYGON or MULTIPOLYGON").map_err(shift),
    };
    let kind_at = p.here();
    p.next += 1;
    if let Some(Token::Word(w)) = p.peek() {
        match w.as_str() {
            "Z" | "M" | "ZM" => p.next += 1,
            "EMPTY" => return p.fail(format!("an empty {kind} has no position")).map_err(shift),
            other => return p.fail(format!("unexpected {other:?}")).map_err(shift),
        }
    }
    let result = match kind.as_str() {
        "POINT" => p
            .expect(Token::Open, "\"(\"")
            .and_then(|()| p.position())
            .and_then(|c| p.expect(Token::Close, "\")\"").map(|()| c))
            .map(|c| (json!({"type": "Point", "coordinates": c}), GeomClass::Point)),
        "POLYGON" => p.polygon().map(|c| (json!({"type": "Polygon", "coordinates": c}), GeomClass::Area)),
        "MULTIPOLYGON" => p
            .list(Parser::polygon)
            .map(|c| (json!({"type": "MultiPolygon", "coordinates": c}), GeomClass::Area)),
        other => Err(WktError {
            at: kind_at,
            reason: format!("{other:?} is not read here: a site is a POINT, POLYGON or MULTIPOLYGON"),
        }),
    };
    let result = result.map_err(shift)?;
    if p.next < p.tokens.len() {
        return p.fail("unexpected text after the geometry").map_err(shift);
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> String {
        parse_wkt(s, InputDatum::Wgs84).unwrap_err().to_string()
    }

    #[test]
    fn points_polygons_and_multipolygons_are_read_in_any_case_with_extra_dimensions() {
        let (g, c) = parse_wkt("point z (126.5 45.8 120)", InputDatum::Wgs84).unwrap();
        assert_eq!((g, c), (json!({"type": "Point", "coordinates": [126.5, 45.8]}), GeomClass::Point));
        let (g, _) = parse_wkt(
            "SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2),(2.1 2.1,2.2 2.1,2.2 2.2,2.1 2.1)))",
            InputDatum::Wgs84,
        )
        .unwrap();
        assert_eq!(g["coordinates"][1][1][2], json!([2.2, 2.2]));
        assert_eq!(g["coordinates"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn errors_say_what_and_where() {
        assert_eq!(
            err("LINESTRING (0 0, 1 1)"),
            "\"LINESTRING\" is not read here: a site is a POINT, POLYGON or MULTIPOLYGON at character 1"
        );
        assert_eq!(err("POLYGON ((0 0, 1 0, 1 1, 0 0)"), "expected \",\" or \")\" at character 30");
        assert_eq!(err("POINT (1 2) x"), "unexpected text after the geometry at character 13");
        assert_eq!(err("POINT (1e999 2)"), "\"1e999\" is not a number at character 8");
        assert_eq!(err("POINT EMPTY"), "an empty POINT has no position at character 7");
        assert_eq!(
            err("  SRID=3857;POINT (1 2)"),
            "SRID=3857 is not read; ParkMap reads WGS84 (4326) or CGCS2000 (4490) at character 3"
        );
        assert_eq!(err("SRID=4326;POINT (1 x)"), "a position needs 2 to 4 numbers, found 1 at character 20");
        assert_eq!(err("POINT [1 2]"), "unexpected '[' at character 7");
        assert_eq!(err(""), "expected POINT, POLYGON or MULTIPOLYGON at character 1");
    }
}
