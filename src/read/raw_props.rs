//! A feature's `properties` as read: members in a list, text borrowed from the file.
//!
//! `serde_json::Value` would make every `properties` object a `BTreeMap` with an owned `String`
//! per key and per text value, only for the reader to look a dozen keys up and copy the values it
//! keeps. A [`PropValue`] keeps the members in file order in a `Vec` and borrows every key and text
//! that has no escape sequence straight from the layer's text. The lookups in [`super::props`] keep
//! `Value`'s rules: a repeated member's last value counts, and a case-insensitive match picks the
//! smallest key (the first one a sorted map would meet).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

/// A member of an object inside `properties`: its name and its value.
pub(crate) type Member<'a> = (Cow<'a, str>, PropValue<'a>);

/// One JSON value inside `properties`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PropValue<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as serde_json reads it (an integer while it fits, else a float).
    Number(Number),
    /// A string; borrowed from the file unless it had escapes.
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<PropValue<'a>>),
    /// An object: its members in file order.
    Object(Vec<Member<'a>>),
}

impl PropValue<'_> {
    /// The JSON kind, for messages ("a string", "an object", …), as [`super::raw::kind_of`].
    pub fn kind(&self) -> &'static str {
        match self {
            PropValue::Null => "null",
            PropValue::Bool(_) => "a boolean",
            PropValue::Number(_) => "a number",
            PropValue::Str(_) => "a string",
            PropValue::Array(_) => "an array",
            PropValue::Object(_) => "an object",
        }
    }

    /// The number as a float, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            PropValue::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The number as a non-negative integer, if it is one.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            PropValue::Number(n) => n.as_u64(),
            _ => None,
        }
    }
}

/// Reads a string as borrowed when the deserializer can lend it (no escapes), else owned.
struct CowStr<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<CowStr<'de>, E> {
                Ok(CowStr(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for PropValue<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PropValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Bool(b))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Number(n.into()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Number(n.into()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<PropValue<'de>, E> {
                // JSON has no NaN or infinity, so this is always a number.
                Ok(Number::from_f64(n).map_or(PropValue::Null, PropValue::Number))
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Str(Cow::Owned(s)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<PropValue<'de>, E> {
                Ok(PropValue::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PropValue<'de>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(PropValue::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PropValue<'de>, A::Error> {
                let mut members = Vec::new();
                while let Some((CowStr(k), v)) = map.next_entry()? {
                    members.push((k, v));
                }
                Ok(PropValue::Object(members))
            }
        }
        d.deserialize_any(V)
    }
}

/// The value of `key` among `members` by `Value`'s rules: an exact match (the last, as a repeated
/// member overwrites), else — when `other_case` — the case-insensitive match with the smallest key.
pub(crate) fn find<'m, 'a>(
    members: &'m [Member<'a>],
    key: &str,
    other_case: bool,
) -> Option<&'m PropValue<'a>> {
    if let Some((_, v)) = members.iter().rev().find(|(k, _)| k == key) {
        return Some(v);
    }
    if !other_case {
        return None;
    }
    let mut best: Option<&Member> = None;
    for m in members.iter().filter(|(k, _)| k.eq_ignore_ascii_case(key)) {
        // `<=`: of two equal keys the later one counts.
        if best.is_none_or(|b| m.0 <= b.0) {
            best = Some(m);
        }
    }
    best.map(|(_, v)| v)
}

/// The members of a JSON object, read as a feature's `properties` are: for tests.
#[cfg(test)]
pub(crate) fn members(json: &str) -> Vec<Member<'_>> {
    match serde_json::from_str(json).unwrap() {
        PropValue::Object(m) => m,
        other => panic!("not an object: {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn text_without_escapes_is_borrowed_and_with_escapes_owned() {
        let m = members(r#"{"name_zh":"华为","name_en":"A \"quoted\" name","cap":1.5,"n":-3,"ok":true}"#);
        assert!(matches!(&m[0], (Cow::Borrowed("name_zh"), PropValue::Str(Cow::Borrowed("华为")))));
        assert!(matches!(&m[1].1, PropValue::Str(Cow::Owned(s)) if s == "A \"quoted\" name"));
        assert_eq!(m[2].1.as_f64(), Some(1.5));
        assert_eq!((m[3].1.as_u64(), m[3].1.as_f64()), (None, Some(-3.0)));
        assert_eq!(m[4].1, PropValue::Bool(true));
    }

    /// The lookups agree with `serde_json::Value`'s map on repeated members and on keys that
    /// differ only in case.
    #[test]
    fn lookups_agree_with_a_serde_json_map() {
        let cases = [
            r#"{"a":1,"a":2}"#,
            r#"{"Name":"x","NAME":"y","name":"z"}"#,
            r#"{"Name":"x","NAME":"y"}"#,
            r#"{"NAME":"y","Name":"x","NAME":"w"}"#,
            r#"{"nAmE":"q"}"#,
            r#"{"other":null}"#,
        ];
        for json in cases {
            let list = members(json);
            let map: serde_json::Map<String, Value> = serde_json::from_str(json).unwrap();
            for key in ["a", "name", "other", "missing"] {
                let ours = find(&list, key, true).map(|v| format!("{v:?}"));
                let theirs = map
                    .get(key)
                    .or_else(|| map.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v))
                    .map(|v| match v {
                        Value::Number(n) => format!("{:?}", PropValue::Number(n.clone())),
                        Value::String(s) => format!("{:?}", PropValue::Str(Cow::Borrowed(s))),
                        Value::Null => format!("{:?}", PropValue::Null),
                        other => panic!("{other}"),
                    });
                assert_eq!(ours, theirs, "{json} {key}");
            }
        }
    }

    #[test]
    fn nested_values_are_kept_and_deep_nesting_is_refused() {
        let m = members(r#"{"tags":{"a":[1,"b",null]},"list":["x","y"]}"#);
        assert_eq!(m[0].1.kind(), "an object");
        assert!(matches!(&m[1].1, PropValue::Array(items) if items.len() == 2));
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert!(serde_json::from_str::<PropValue>(&deep).is_err());
    }
}
