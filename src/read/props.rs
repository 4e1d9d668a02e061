//! Typed, located access to a feature's `properties`.
//!
//! Names match case-insensitively (`NAME`, `Name_En`), an exact match first. A mistyped optional
//! property is recorded in `soft` and read as absent, so the feature still draws; a default the
//! lenient reader applies is recorded in `notes` (see [`crate::model::note`]).

use super::limits::MAX_TEXT_CHARS;
use super::raw_props::{find, Member, PropValue};
use crate::model::error::quoted;
use crate::model::{DataError, Text};

pub(crate) struct Props<'a> {
    file: &'a str,
    index: usize,
    map: Option<&'a [Member<'a>]>,
    /// Whether some key has an ASCII capital: only then can a missing key still match in
    /// another case (every key looked up is lower-case), so the scan is skipped otherwise.
    capitals: bool,
    /// Problems with optional properties: reported, the feature kept.
    pub soft: Vec<DataError>,
    /// Defaults applied to this feature: (property, message, example value).
    pub notes: Vec<(String, String, Option<String>)>,
}

impl<'a> Props<'a> {
    pub fn new(file: &'a str, index: usize, map: Option<&'a [Member<'a>]>) -> Self {
        let capitals = map.is_some_and(|m| m.iter().any(|(k, _)| k.bytes().any(|b| b.is_ascii_uppercase())));
        Self { file, index, map, capitals, soft: Vec::new(), notes: Vec::new() }
    }

    /// Records a default applied to this feature.
    pub fn note(&mut self, property: &str, message: impl Into<String>, example: Option<&str>) {
        self.notes.push((property.to_owned(), message.into(), example.map(str::to_owned)));
    }

    pub fn err(&self, property: &str, reason: impl Into<String>) -> DataError {
        DataError::feature(self.file, self.index, property, reason)
    }

    /// The value of `key` (exact spelling first, then any case), `null` read as absent.
    pub fn get(&self, key: &str) -> Option<&'a PropValue<'a>> {
        let other_case = self.capitals || key.bytes().any(|b| b.is_ascii_uppercase());
        find(self.map?, key, other_case).filter(|v| !matches!(v, PropValue::Null))
    }

    /// A short text value of `key` for a tag lookup (`amenity`, `bridge`): strings as they are,
    /// numbers and booleans written out; anything else absent.
    pub fn tag(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            PropValue::Str(s) => Some(s.trim().to_owned()),
            PropValue::Number(n) => Some(n.to_string()),
            PropValue::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A text value for a lenient field: `Ok(Some)` for usable text, `Ok(None)` when absent,
    /// `Err(why)` when present but blank or not text (the caller notes it and falls back), and a
    /// located error for text past [`MAX_TEXT_CHARS`] (hostile, so the feature is skipped).
    pub fn lenient_str(&self, key: &str) -> Result<Result<Option<String>, String>, DataError> {
        let Some(v) = self.get(key) else { return Ok(Ok(None)) };
        match v {
            PropValue::Str(s) if s.chars().count() > MAX_TEXT_CHARS => {
                Err(self.err(key, format!("text longer than {MAX_TEXT_CHARS} characters")))
            }
            PropValue::Str(s) if s.trim().is_empty() => Ok(Err("blank".into())),
            PropValue::Str(s) => Ok(Ok(Some(s.as_ref().to_owned()))),
            PropValue::Number(n) => Ok(Ok(Some(n.to_string()))),
            other => Ok(Err(format!("not text ({})", other.kind()))),
        }
    }

    fn check_text(&self, key: &str, v: &'a PropValue<'a>) -> Result<&'a str, DataError> {
        match v {
            PropValue::Str(s) if s.chars().count() > MAX_TEXT_CHARS => {
                Err(self.err(key, format!("text longer than {MAX_TEXT_CHARS} characters")))
            }
            PropValue::Str(s) if s.trim().is_empty() => Err(self.err(key, "empty text")),
            PropValue::Str(s) => Ok(s),
            other => Err(self.err(key, format!("expected a string, found {}", other.kind()))),
        }
    }

    /// An optional string; a bad value is reported and dropped.
    pub fn opt_str(&mut self, key: &str) -> Option<String> {
        let v = self.get(key)?;
        match self.check_text(key, v) {
            Ok(s) => Some(s.to_owned()),
            Err(e) => {
                self.soft.push(e);
                None
            }
        }
    }

    /// An optional key from a closed vocabulary.
    pub fn opt_key<T>(&mut self, key: &str, parse: fn(&str) -> Option<T>, keys: String) -> Option<T> {
        let s = self.opt_str(key)?;
        let v = parse(&s);
        if v.is_none() {
            self.soft.push(self.err(key, format!("expected one of {keys}; found {}", quoted(&s))));
        }
        v
    }

    /// An optional boolean (OSM's `"yes"` / `"no"` read as true / false).
    pub fn opt_bool(&mut self, key: &str) -> Option<bool> {
        match self.get(key)? {
            PropValue::Bool(b) => Some(*b),
            PropValue::Str(s) if s == "yes" => Some(true),
            PropValue::Str(s) if s == "no" => Some(false),
            other => {
                self.soft.push(self.err(key, format!("expected a boolean, found {}", other.kind())));
                None
            }
        }
    }

    /// An optional non-negative integer.
    pub fn opt_u64(&mut self, key: &str) -> Option<u64> {
        let v = self.get(key)?;
        // A whole number written as a float (`1000000.0`, as spreadsheet exports write) is read as
        // the integer while it is exact (below 2⁵³).
        let whole = v.as_f64().filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n < 9_007_199_254_740_992.0);
        match v.as_u64().or(whole.map(|n| n as u64)) {
            Some(n) => Some(n),
            None => {
                let what = match v.as_f64() {
                    // serde_json reads an integer beyond u64 as a float: say so, not "fractional".
                    Some(n) if n >= 0.0 && n.fract() == 0.0 => "a number too large for an integer",
                    Some(_) => "a negative or fractional number",
                    None => v.kind(),
                };
                self.soft.push(self.err(key, format!("expected a non-negative integer, found {what}")));
                None
            }
        }
    }

    /// An optional array of strings.
    pub fn opt_str_list(&mut self, key: &str) -> Vec<String> {
        match self.get(key) {
            None => Vec::new(),
            Some(PropValue::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match self.check_text(&format!("{key}[{i}]"), item) {
                        Ok(s) => out.push(s.to_owned()),
                        Err(e) => self.soft.push(e),
                    }
                }
                out
            }
            Some(other) => {
                self.soft.push(self.err(key, format!("expected an array, found {}", other.kind())));
                Vec::new()
            }
        }
    }

    /// Optional text: present when either `_zh` or `_en` is; the missing one falls back to the other.
    pub fn opt_text(&mut self, prefix: &str) -> Option<Text> {
        let zh = self.opt_str(&format!("{prefix}_zh"));
        let en = self.opt_str(&format!("{prefix}_en"));
        let ru = self.opt_str(&format!("{prefix}_ru"));
        match (zh, en) {
            (None, None) => None,
            (zh, en) => {
                let zh = zh.or_else(|| en.clone()).unwrap_or_default();
                let en = en.unwrap_or_else(|| zh.clone());
                Some(Text { zh, en, ru })
            }
        }
    }
}
