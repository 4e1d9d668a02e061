//! Readers for the fields of a command, each error naming the command, the field and the value.

use super::protocol::{Action, ProtocolError, RouteRequest};
use super::url_state::{check_id, FilterParams, LOOP_KM_RANGE, MAX_WAYPOINTS, YEAR_RANGE};
use super::values::{sort_dedup, LAT, LON};
use crate::geo::LonLat;
use crate::model::{Industry, LayerKind};
use serde_json::{Map, Value};
use std::ops::RangeInclusive;

/// Fields every message may carry besides its own.
const ENVELOPE: [&str; 4] = ["source", "v", "type", "requestId"];

/// One command's fields, with readers whose errors name the command and field.
pub(super) struct Msg<'a> {
    pub(super) command: &'a str,
    pub(super) obj: &'a Map<String, Value>,
}

impl<'a> Msg<'a> {
    pub(super) fn err(&self, reason: impl Into<String>) -> ProtocolError {
        ProtocolError::Invalid { command: self.command.into(), reason: reason.into() }
    }

    /// Refuses fields other than the envelope's and `fields`, so a typo (`zom`) is reported, not ignored.
    pub(super) fn only(&self, fields: &[&str]) -> Result<(), ProtocolError> {
        match self.obj.keys().find(|k| !ENVELOPE.contains(&k.as_str()) && !fields.contains(&k.as_str())) {
            Some(k) => Err(self.err(format!("unknown field {k:?}"))),
            None => Ok(()),
        }
    }

    /// The field; `null` counts as left out.
    pub(super) fn get(&self, name: &str) -> Option<&'a Value> {
        self.obj.get(name).filter(|v| !v.is_null())
    }

    /// An optional id (`zone`): `None` when left out.
    pub(super) fn opt_id(&self, name: &str) -> Result<Option<String>, ProtocolError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) if !s.is_empty() => {
                check_id(s).map_err(|e| self.err(format!("{name:?} {e}")))?;
                Ok(Some(s.clone()))
            }
            _ => Err(self.err(format!("{name:?} must be a non-empty string"))),
        }
    }

    pub(super) fn id(&self, name: &str) -> Result<String, ProtocolError> {
        self.opt_id(name)?.ok_or_else(|| self.err(format!("{name:?} must be a non-empty string")))
    }

    pub(super) fn checked(
        &self,
        label: &str,
        v: &Value,
        range: RangeInclusive<f64>,
    ) -> Result<f64, ProtocolError> {
        let x = v
            .as_f64()
            .filter(|x| x.is_finite())
            .ok_or_else(|| self.err(format!("{label} must be a number")))?;
        if range.contains(&x) {
            Ok(x)
        } else {
            Err(self.err(format!("{label} {x} is out of range {}..{}", range.start(), range.end())))
        }
    }

    pub(super) fn opt_number(
        &self,
        name: &str,
        range: RangeInclusive<f64>,
    ) -> Result<Option<f64>, ProtocolError> {
        self.get(name).map(|v| self.checked(&format!("{name:?}"), v, range)).transpose()
    }

    pub(super) fn number(&self, name: &str, range: RangeInclusive<f64>) -> Result<f64, ProtocolError> {
        self.opt_number(name, range)?.ok_or_else(|| self.err(format!("{name:?} is required")))
    }

    /// A `[lat, lon]` pair; `label` names it in errors (`"start"`, `"waypoints"[2]`).
    pub(super) fn lat_lon(&self, label: &str, v: &Value) -> Result<LonLat, ProtocolError> {
        let pair = match v.as_array().map(Vec::as_slice) {
            Some([lat, lon]) if lat.is_number() && lon.is_number() => (lat, lon),
            _ => return Err(self.err(format!("{label} must be a [lat, lon] pair of numbers"))),
        };
        let lat = self.checked(&format!("{label} lat"), pair.0, LAT)?;
        let lon = self.checked(&format!("{label} lon"), pair.1, LON)?;
        Ok(LonLat::lon_lat(lon, lat))
    }

    pub(super) fn keys<T: Ord>(
        &self,
        name: &str,
        what: &str,
        from_key: fn(&str) -> Option<T>,
        all: fn() -> String,
    ) -> Result<Vec<T>, ProtocolError> {
        let Some(v) = self.get(name) else { return Ok(Vec::new()) };
        let items =
            v.as_array().ok_or_else(|| self.err(format!("{name:?} must be an array of {what} keys")))?;
        let mut out = items
            .iter()
            .map(|item| match item.as_str() {
                Some(k) => from_key(k).ok_or_else(|| {
                    self.err(format!("unknown {what} {k:?} in {name:?} (expected {})", all()))
                }),
                None => Err(self.err(format!("{name:?} must be an array of {what} keys"))),
            })
            .collect::<Result<Vec<T>, _>>()?;
        sort_dedup(&mut out);
        Ok(out)
    }

    /// An optional whole number (JSON may carry it as `3` or `3.0`), within `range`.
    pub(super) fn whole(&self, name: &str, range: RangeInclusive<f64>) -> Result<Option<f64>, ProtocolError> {
        let Some(v) = self.get(name) else { return Ok(None) };
        match v.as_f64() {
            Some(x) if x.fract() == 0.0 && range.contains(&x) => Ok(Some(x)),
            Some(x) if x.fract() == 0.0 && *range.start() == 0.0 && x < 0.0 => {
                Err(self.err(format!("{name:?} must be a whole number, 0 or more")))
            }
            Some(x) if x.fract() == 0.0 => {
                Err(self.err(format!("{name:?} {x} is out of range {}..{}", range.start(), range.end())))
            }
            _ => Err(self.err(format!("{name:?} must be a whole number"))),
        }
    }

    pub(super) fn bool(&self, name: &str) -> Result<bool, ProtocolError> {
        match self.get(name) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| self.err(format!("{name:?} must be true or false"))),
        }
    }
}

/// The fields of `filterSites`.
pub(super) const SITE_FIELDS: [&str; 9] = [
    "types",
    "areaMin",
    "areaMax",
    "landUses",
    "statuses",
    "minPowerKva",
    "utilities",
    "maxSalePrice",
    "maxRent",
];

/// `filterSites`'s fields as the site finder's filter (keys as in the data: `land`, `rnd`, `gas`…;
/// areas in m², power in kVA, prices in yuan per m² and per m² and month; whole numbers).
pub(super) fn site_filter(m: &Msg) -> Result<super::SiteFilterParams, ProtocolError> {
    use crate::model::{LandUse, SiteStatus, SiteType, Utility};
    const MAX: f64 = super::site_params::MAX_SITE_PARAM as f64;
    let whole = |name: &str| m.whole(name, 0.0..=MAX).map(|v| v.map(|x| x as u64));
    let params = super::SiteFilterParams {
        types: m.keys("types", "site type", SiteType::from_key, SiteType::keys)?,
        area_min_m2: whole("areaMin")?,
        area_max_m2: whole("areaMax")?,
        land_uses: m.keys("landUses", "land use", LandUse::from_key, LandUse::keys)?,
        statuses: m.keys("statuses", "site status", SiteStatus::from_key, SiteStatus::keys)?,
        min_power_kva: whole("minPowerKva")?,
        utilities: m.keys("utilities", "utility", Utility::from_key, Utility::keys)?,
        max_sale_yuan_m2: whole("maxSalePrice")?,
        max_rent_yuan_m2_month: whole("maxRent")?,
    };
    if let (Some(lo), Some(hi)) = (params.area_min_m2, params.area_max_m2) {
        if lo > hi {
            return Err(m.err(format!("\"areaMin\" {lo} is more than \"areaMax\" {hi}")));
        }
    }
    Ok(params)
}

pub(super) fn set_layers(m: &Msg) -> Result<Action, ProtocolError> {
    if m.get("visible").is_none() && m.get("hidden").is_none() {
        return Err(m.err("give \"visible\", \"hidden\" or both"));
    }
    let visible = m.keys("visible", "layer", LayerKind::from_key, LayerKind::keys)?;
    let hidden = m.keys("hidden", "layer", LayerKind::from_key, LayerKind::keys)?;
    if let Some(both) = visible.iter().find(|k| hidden.contains(k)) {
        return Err(m.err(format!("layer {:?} is both in \"visible\" and \"hidden\"", both.key())));
    }
    Ok(Action::SetLayers { visible, hidden })
}

pub(super) fn filter(m: &Msg) -> Result<FilterParams, ProtocolError> {
    // Capital is in yuan; JSON numbers are exact integers up to 2^53, far above any registered capital.
    let capital = 0.0..=9_007_199_254_740_992.0;
    let years = f64::from(*YEAR_RANGE.start())..=f64::from(*YEAR_RANGE.end());
    let (cap_min, cap_max) = (m.whole("capitalMin", capital.clone())?, m.whole("capitalMax", capital)?);
    let (yr_min, yr_max) = (m.whole("foundedMin", years.clone())?, m.whole("foundedMax", years)?);
    for (lo, hi, lo_name, hi_name) in
        [(cap_min, cap_max, "capitalMin", "capitalMax"), (yr_min, yr_max, "foundedMin", "foundedMax")]
    {
        match (lo, hi) {
            (Some(lo), Some(hi)) if lo > hi => {
                return Err(m.err(format!("{lo_name:?} {lo} is greater than {hi_name:?} {hi}")))
            }
            _ => {}
        }
    }
    Ok(FilterParams {
        industries: m.keys("industries", "industry", Industry::from_key, Industry::keys)?,
        zone: m.opt_id("zone")?,
        capital_min: cap_min.map(|x| x as u64),
        capital_max: cap_max.map(|x| x as u64),
        founded_min: yr_min.map(|x| x as i32),
        founded_max: yr_max.map(|x| x as i32),
    })
}

pub(super) fn route(m: &Msg) -> Result<RouteRequest, ProtocolError> {
    let winter = m.bool("winter")?;
    match (m.get("waypoints"), m.get("loopKm"), m.get("start")) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            Err(m.err("give \"waypoints\" or \"loopKm\" with \"start\", not both"))
        }
        (Some(w), None, None) => {
            let points =
                w.as_array().ok_or_else(|| m.err("\"waypoints\" must be an array of [lat, lon] pairs"))?;
            if !(2..=MAX_WAYPOINTS).contains(&points.len()) {
                return Err(m.err(format!("\"waypoints\" needs 2 to 50 points, got {}", points.len())));
            }
            let waypoints = points
                .iter()
                .enumerate()
                .map(|(i, p)| m.lat_lon(&format!("\"waypoints\"[{i}]"), p))
                .collect::<Result<_, _>>()?;
            Ok(RouteRequest::Waypoints { waypoints, winter })
        }
        (None, Some(_), Some(start)) => {
            let km = m.number("loopKm", LOOP_KM_RANGE)?;
            Ok(RouteRequest::Loop { km, start: m.lat_lon("\"start\"", start)?, winter })
        }
        (None, Some(_), None) => Err(m.err("\"start\" is required with \"loopKm\"")),
        (None, None, Some(_)) => Err(m.err("\"loopKm\" is required with \"start\"")),
        (None, None, None) => Err(m.err("give \"waypoints\", or \"loopKm\" with \"start\"")),
    }
}
