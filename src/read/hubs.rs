//! The manifest's `hubs` (the city's airport, stations, centre: what a site's distances are given
//! to) and `contact` (the park's investment-promotion office). A bad hub is left out with a located
//! problem (`hubs[2].position: …`); a bad contact field is dropped with one. Phone numbers and email
//! addresses are checked for plausibility — they become `tel:` and `mailto:` links — and every text
//! stays text.

use std::collections::HashSet;

use serde_json::Value;

use super::limits::MAX_TEXT_CHARS;
use super::manifest::Ctx;
use crate::geo::LonLat;
use crate::model::error::{number, quoted};
use crate::model::{Contact, Hub, HubKind};

/// Most hubs a manifest may list; the rest are ignored (and said so).
pub const MAX_HUBS: usize = 50;

/// Reads `hubs`: an array of `{id, name, kind, position: [lon, lat]}`.
pub(super) fn parse_hubs(cx: &mut Ctx, v: &Value) -> Vec<Hub> {
    let Value::Array(items) = v else {
        cx.err("hubs", "expected an array of hubs");
        return Vec::new();
    };
    if items.len() > MAX_HUBS {
        cx.err(
            "hubs",
            format!("{} hubs: more than the limit of {MAX_HUBS}; the rest are ignored", items.len()),
        );
    }
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (i, item) in items.iter().take(MAX_HUBS).enumerate() {
        let at = |k: &str| format!("hubs[{i}].{k}");
        let Value::Object(obj) = item else {
            cx.err(
                &format!("hubs[{i}]"),
                "expected an object with \"id\", \"name\", \"kind\" and \"position\"",
            );
            continue;
        };
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_TEXT_CHARS => {
                s.clone()
            }
            _ => {
                cx.err(&at("id"), "missing or not a non-empty string");
                continue;
            }
        };
        let name = cx.text_value(obj.get("name"), &at("name"));
        let kind = match obj.get("kind") {
            Some(Value::String(k)) => HubKind::from_key(k).unwrap_or_else(|| {
                cx.err(
                    &at("kind"),
                    format!("expected one of {}; found {}; read as other", HubKind::keys(), quoted(k)),
                );
                HubKind::Other
            }),
            _ => {
                cx.err(
                    &at("kind"),
                    format!("missing or not a string (one of {}); read as other", HubKind::keys()),
                );
                HubKind::Other
            }
        };
        let pos = position(cx, obj.get("position"), &at("position"));
        let (Some(name), Some(pos)) = (name, pos) else { continue };
        if !ids.insert(id.clone()) {
            cx.err(&at("id"), format!("duplicate hub id {}", quoted(&id)));
            continue;
        }
        out.push(Hub { id, name, kind, map: pos.to_map(), pos });
    }
    out
}

/// `[lon, lat]` in range, or a problem at `path`.
fn position(cx: &mut Ctx, v: Option<&Value>, path: &str) -> Option<LonLat> {
    let nums: Option<Vec<f64>> =
        v.and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_f64).collect());
    let len = v.and_then(Value::as_array).map_or(0, Vec::len);
    match nums.as_deref() {
        Some(&[lon, lat]) if len == 2 => {
            let p = LonLat::lon_lat(lon, lat);
            if p.is_valid() {
                return Some(p);
            }
            cx.err(path, format!("({}, {}) is out of range", number(lon), number(lat)));
        }
        _ => cx.err(path, "expected [longitude, latitude] in degrees"),
    }
    None
}

/// Reads `contact`: `{name, phone?, email?, address?, website?}`, `name` and `address` in languages.
pub(super) fn parse_contact(cx: &mut Ctx, v: &Value) -> Option<Contact> {
    let Value::Object(obj) = v else {
        cx.err("contact", "expected an object with at least a \"name\"");
        return None;
    };
    let name = cx.text_value(obj.get("name"), "contact.name")?;
    let address = obj.get("address").and_then(|a| cx.text_value(Some(a), "contact.address"));
    let mut field = |key: &str, check: fn(&str) -> Result<(), String>| -> Option<String> {
        let path = format!("contact.{key}");
        match obj.get(key)? {
            Value::String(s) if s.chars().count() > 254 => {
                cx.err(&path, "longer than 254 characters");
                None
            }
            Value::String(s) => match check(s.trim()) {
                Ok(()) => Some(s.trim().to_owned()),
                Err(reason) => {
                    cx.err(&path, format!("{} {reason}; dropped", quoted(s)));
                    None
                }
            },
            _ => {
                cx.err(&path, "expected a string; dropped");
                None
            }
        }
    };
    let phone = field("phone", check_phone);
    let email = field("email", check_email);
    let website = field("website", |w| {
        if crate::model::url::is_http_url(w) {
            Ok(())
        } else {
            Err("is not an http: or https: link".into())
        }
    });
    Some(Contact { name, phone, email, address, website })
}

/// A telephone number as people write it: an optional leading `+`, then digits with spaces, `-`,
/// `.` or brackets between them, 5 to 15 digits in all (ITU-T E.164 allows at most 15).
///
/// ```
/// # use parkmap::read::check_phone;
/// assert!(check_phone("+86 451 8888 0000").is_ok());
/// assert!(check_phone("(0451) 8888-0000").is_ok());
/// assert!(check_phone("call us").is_err());
/// assert!(check_phone("<a href=x>1234567</a>").is_err());
/// ```
pub fn check_phone(s: &str) -> Result<(), String> {
    let body = s.strip_prefix('+').unwrap_or(s);
    if let Some(c) = body.chars().find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
    {
        return Err(format!("has {c:?}: a phone number is digits, spaces, +, -, . and brackets"));
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if !(5..=15).contains(&digits) {
        return Err(format!("has {digits} digits (a phone number has 5 to 15)"));
    }
    Ok(())
}

/// An email address of the plain form `local@domain.tld`: letters, digits and `.` `_` `%` `+` `-`
/// before the `@`; dot-separated labels of letters, digits and inner hyphens after it, the last of
/// two letters or more. Quoted local parts and international domains are refused: the address
/// becomes a `mailto:` link and is shown as text.
///
/// ```
/// # use parkmap::read::check_email;
/// assert!(check_email("invest@park.example.cn").is_ok());
/// assert!(check_email("a@b").is_err());
/// assert!(check_email("\"<script>\"@x.com").is_err());
/// ```
pub fn check_email(s: &str) -> Result<(), String> {
    let Some((local, domain)) = s.split_once('@') else { return Err("has no @".into()) };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'));
    if !local_ok {
        return Err("is not a plain address (letters, digits and . _ % + - before the @)".into());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld_ok = labels.last().is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    if labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
        return Err("has no plain domain after the @ (such as example.com)".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::read::parse_manifest;

    const BASE: &str = r#"{"parkmap":1,"id":"p","name":{"zh":"园","en":"Park"},"bounds":[126.4,45.8,126.6,45.9],
      "attribution":{"zh":"数据","en":"Data"},"provenance":{"zh":"示意","en":"Illustrative"},
      "layers":[{"id":"zones","kind":"zones","url":"zones.geojson"}]"#;

    fn with(extra: &str) -> (crate::model::Manifest, Vec<String>) {
        let (m, e) = parse_manifest("park.json", &format!("{BASE},{extra}}}")).unwrap();
        (m, e.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn the_map_keeps_hubs_and_contact_unread_and_the_finder_reads_the_same() {
        let extra = r#""hubs":[{"id":"hrb","name":{"zh":"太平机场","en":"Taiping Airport"},"kind":"airport","position":[126.2503,45.6234]},
               {"id":"bad","name":{"zh":"乙","en":"B"},"kind":"railway","position":[226.2,45.6]}],
               "contact":{"name":{"zh":"招商中心","en":"Investment office"},"email":"invest@example.com"}"#;
        let text = format!("{BASE},{extra}}}");
        let (full, full_problems) = parse_manifest("park.json", &text).unwrap();
        let (map, map_problems) = crate::read::parse_map_manifest("park.json", &text).unwrap();
        assert!(map.hubs.is_empty() && map.contact.is_none() && map.unread_investors.is_some());
        assert!(map_problems.is_empty(), "the map reads nothing of them: {map_problems:?}");
        let (hubs, contact, problems) = crate::read::read_investors("park.json", &map);
        assert_eq!((hubs, contact), (full.hubs.clone(), full.contact.clone()));
        assert_eq!(problems, full_problems);
        assert_eq!(problems.len(), 1, "the bad hub's position: {problems:?}");
        // read already: given back as it is
        let (hubs, _, problems) = crate::read::read_investors("park.json", &full);
        assert_eq!((hubs.len(), problems.len()), (1, 0));
    }

    #[test]
    fn hubs_and_a_contact_are_read() {
        let (m, e) = with(
            r#""hubs":[{"id":"hrb","name":{"zh":"太平机场","en":"Taiping Airport","ru":"Тайпин"},"kind":"airport","position":[126.2503,45.6234]}],
               "contact":{"name":{"zh":"招商中心","en":"Investment office"},"phone":"+86 451 0000 0000","email":"invest@example.com",
                 "address":{"zh":"松北区","en":"Songbei District"},"website":"https://invest.example.com/"}"#,
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(m.hubs[0].kind, crate::model::HubKind::Airport);
        assert_eq!(m.hubs[0].name.ru.as_deref(), Some("Тайпин"));
        assert!((m.hubs[0].pos.lat - 45.6234).abs() < 1e-12);
        let c = m.contact.unwrap();
        assert_eq!(c.phone.as_deref(), Some("+86 451 0000 0000"));
        assert_eq!(c.address.unwrap().en, "Songbei District");
    }

    #[test]
    fn a_bad_hub_is_left_out_with_its_place_and_bad_contact_fields_are_dropped() {
        let (m, e) = with(
            r#""hubs":[{"id":"a","name":{"zh":"甲","en":"A"},"kind":"spaceport","position":[126.2,45.6]},
                       {"id":"b","name":{"zh":"乙","en":"B"},"kind":"railway","position":[226.2,45.6]},
                       {"id":"c","name":{"en":"C"},"kind":"railway","position":[126.2,45.6]},
                       {"id":"a","name":{"zh":"甲","en":"A"},"kind":"railway","position":[126.3,45.6]},
                       "x", {"id":"d","name":{"zh":"丁","en":"D"},"kind":"other","position":[126.2]}],
               "contact":{"name":{"zh":"招商","en":"Office"},"phone":"<b>call</b>","email":"mailto:x@y.com","website":"javascript:alert(1)"}"#,
        );
        assert_eq!(
            e,
            [
                "park.json: hubs[0].kind: expected one of airport, high_speed_rail, railway, city_centre, government, other; found \"spaceport\"; read as other",
                "park.json: hubs[1].position: (226.2, 45.6) is out of range",
                "park.json: hubs[2].name.zh: missing or not a non-empty string",
                "park.json: hubs[3].id: duplicate hub id \"a\"",
                "park.json: hubs[4]: expected an object with \"id\", \"name\", \"kind\" and \"position\"",
                "park.json: hubs[5].position: expected [longitude, latitude] in degrees",
                "park.json: contact.phone: \"<b>call</b>\" has '<': a phone number is digits, spaces, +, -, . and brackets; dropped",
                "park.json: contact.email: \"mailto:x@y.com\" is not a plain address (letters, digits and . _ % + - before the @); dropped",
                "park.json: contact.website: \"javascript:alert(1)\" is not an http: or https: link; dropped",
            ]
        );
        assert_eq!(m.hubs.len(), 1);
        assert_eq!(m.hubs[0].kind, crate::model::HubKind::Other);
        let c = m.contact.unwrap();
        assert_eq!((c.phone, c.email, c.website), (None, None, None));
    }
}
