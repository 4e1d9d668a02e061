//! The postMessage API, version 1: commands from the host page in, events to it out.
//!
//! Every message is a JSON object `{"source": "parkmap", "v": 1, "type": "...", ...fields}`. Commands are
//! validated by hand rather than derived, so that each error names its command, field and value. See the
//! [module docs](super) for the tables.

pub use super::event::Event;
use super::fields::{filter, route, set_layers, site_filter, Msg, SITE_FIELDS};
pub use super::query::Query;
use super::url_state::{check_id, FilterParams, ZOOM_RANGE};
use super::values::{LAT, LON};
use crate::geo::LonLat;
use crate::i18n::Lang;
use crate::model::LayerKind;
use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

/// The `source` of every message of this API.
pub const SOURCE: &str = "parkmap";
/// The protocol version, `v`.
pub const VERSION: u64 = 1;

/// A request id chosen by the host (`requestId`), echoed in the replies to that command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RequestId {
    /// A string id, non-empty and at most 200 characters.
    Text(String),
    /// A numeric id, echoed exactly as sent.
    Number(serde_json::Number),
}

impl RequestId {
    pub(super) fn from_json(v: &Value) -> Option<RequestId> {
        match v {
            Value::String(s) if check_id(s).is_ok() => Some(RequestId::Text(s.clone())),
            Value::Number(n) => Some(RequestId::Number(n.clone())),
            _ => None,
        }
    }
}

/// A validated command from the host page.
#[derive(Clone, Debug, PartialEq)]
pub struct Command {
    /// The host's request id, to echo in replies.
    pub request_id: Option<RequestId>,
    /// What to do.
    pub action: Action,
}

/// What a command asks the map to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// `selectCompany {id}`: open a company's panel and centre on it.
    SelectCompany {
        /// Company id.
        id: String,
    },
    /// `selectZone {id}`: open a zone's panel and fit it.
    SelectZone {
        /// Zone id.
        id: String,
    },
    /// `flyTo {lat, lon, zoom?}`: move the view.
    FlyTo {
        /// The new centre.
        center: LonLat,
        /// The new zoom; `None` keeps the current one.
        zoom: Option<f64>,
    },
    /// `fitPark {}`: show the whole park.
    FitPark,
    /// `setLayers {visible?, hidden?}`: switch layers on and off; layers not named keep their state.
    SetLayers {
        /// Layers to switch on.
        visible: Vec<LayerKind>,
        /// Layers to switch off.
        hidden: Vec<LayerKind>,
    },
    /// `setFilter {...}`: replace the company filter (a field left out does not narrow).
    SetFilter(FilterParams),
    /// `selectSite {id}`: open a site's panel (the site finder's) and show it.
    SelectSite {
        /// Site id.
        id: String,
    },
    /// `filterSites {...}`: open the site finder with this filter (a field left out does not narrow).
    FilterSites(super::SiteFilterParams),
    /// `planRoute {...}`: plan and show a route.
    PlanRoute(RouteRequest),
    /// `setLanguage {lang}`: switch the UI language.
    SetLanguage(Lang),
    /// `getView`, `getSelection`, `getFilter`, `getRoute`, `getLayers`: answered, changes nothing.
    Query(Query),
}

impl Action {
    /// The command's `type` on the wire.
    pub fn name(&self) -> &'static str {
        match self {
            Action::SelectCompany { .. } => "selectCompany",
            Action::SelectZone { .. } => "selectZone",
            Action::FlyTo { .. } => "flyTo",
            Action::FitPark => "fitPark",
            Action::SetLayers { .. } => "setLayers",
            Action::SetFilter(_) => "setFilter",
            Action::SelectSite { .. } => "selectSite",
            Action::FilterSites(_) => "filterSites",
            Action::PlanRoute(_) => "planRoute",
            Action::SetLanguage(_) => "setLanguage",
            Action::Query(q) => q.name(),
        }
    }
}

impl Command {
    /// Whether a successful command is answered with an `ok` event: a query always (its answer is
    /// the reply), any other command only when it carries a `requestId` — a host that sends none,
    /// as every host before the acknowledgement did, hears nothing new.
    pub fn acknowledged(&self) -> bool {
        self.request_id.is_some() || matches!(self.action, Action::Query(_))
    }
}

/// The two kinds of `planRoute`.
#[derive(Clone, Debug, PartialEq)]
pub enum RouteRequest {
    /// `{waypoints: [[lat, lon], ...], winter?}`: through 2 to 50 waypoints, in order.
    Waypoints {
        /// The waypoints.
        waypoints: Vec<LonLat>,
        /// Avoid trails closed in winter.
        winter: bool,
    },
    /// `{loopKm, start: [lat, lon], winter?}`: a loop of about `km` from `start` back to it.
    Loop {
        /// Wanted length, km, within [`LOOP_KM_RANGE`](super::LOOP_KM_RANGE) (2..=40).
        km: f64,
        /// Start and end.
        start: LonLat,
        /// Avoid trails closed in winter.
        winter: bool,
    },
}

/// Why a message was not a valid command. Every variant but [`ProtocolError::NotForUs`] is answered
/// with an `error` event (see [`ProtocolError::to_event`]).
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ProtocolError {
    /// Not an object with `"source": "parkmap"`: another script's message, ignored silently.
    #[error("not a ParkMap message")]
    NotForUs,
    /// `v` is missing or not 1.
    #[error("\"v\" must be 1, got {found}")]
    Version {
        /// The `v` sent, as JSON, or `nothing`.
        found: String,
    },
    /// `type` is missing or not a string.
    #[error("\"type\" must be a string naming a command")]
    MissingType,
    /// `type` names no command of this version.
    #[error("unknown command type {found:?}")]
    UnknownType {
        /// The type sent.
        found: String,
    },
    /// `requestId` is neither a usable string nor a number.
    #[error("\"requestId\" must be a number or a non-empty string of at most 200 characters")]
    RequestId,
    /// A field of a known command is missing, mistyped, out of range or unknown.
    #[error("{command}: {reason}")]
    Invalid {
        /// The command's type.
        command: String,
        /// What is wrong, naming the field.
        reason: String,
    },
}

impl ProtocolError {
    /// The `error` event answering the message `data` that failed, echoing its `type` and `requestId`
    /// when they are usable; `None` for [`ProtocolError::NotForUs`], which is not answered.
    pub fn to_event(&self, data: &Value) -> Option<Event> {
        (*self != ProtocolError::NotForUs).then(|| Event::Error {
            message: self.to_string(),
            command: data.get("type").and_then(Value::as_str).map(String::from),
            request_id: data.get("requestId").and_then(RequestId::from_json),
        })
    }
}

/// Validates a message received from the host page (`MessageEvent.data`, as JSON). Check the sender
/// with [`super::OriginPolicy::allows`] first.
///
/// ```
/// use parkmap::embed::protocol::{parse_command, Action, ProtocolError};
/// use serde_json::json;
/// let c = parse_command(&json!({"source": "parkmap", "v": 1, "type": "selectCompany", "id": "c0001"})).unwrap();
/// assert_eq!(c.action, Action::SelectCompany { id: "c0001".into() });
/// let e = parse_command(&json!({"source": "parkmap", "v": 1, "type": "flyTo", "lat": 95, "lon": 126.5}));
/// assert_eq!(e.unwrap_err().to_string(), "flyTo: \"lat\" 95 is out of range -90..90");
/// assert_eq!(parse_command(&json!({"hello": "world"})), Err(ProtocolError::NotForUs));
/// ```
pub fn parse_command(data: &Value) -> Result<Command, ProtocolError> {
    let obj = match data.as_object() {
        Some(o) if o.get("source").and_then(Value::as_str) == Some(SOURCE) => o,
        _ => return Err(ProtocolError::NotForUs),
    };
    match obj.get("v") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        v => return Err(ProtocolError::Version { found: v.map_or("nothing".into(), Value::to_string) }),
    }
    let type_ = obj.get("type").and_then(Value::as_str).ok_or(ProtocolError::MissingType)?;
    let m = Msg { command: type_, obj };
    let action = match type_ {
        "selectCompany" => {
            m.only(&["id"])?;
            Action::SelectCompany { id: m.id("id")? }
        }
        "selectZone" => {
            m.only(&["id"])?;
            Action::SelectZone { id: m.id("id")? }
        }
        "selectSite" => {
            m.only(&["id"])?;
            Action::SelectSite { id: m.id("id")? }
        }
        "filterSites" => {
            m.only(&SITE_FIELDS)?;
            Action::FilterSites(site_filter(&m)?)
        }
        "flyTo" => {
            m.only(&["lat", "lon", "zoom"])?;
            let lat = m.number("lat", LAT)?;
            let lon = m.number("lon", LON)?;
            Action::FlyTo { center: LonLat::lon_lat(lon, lat), zoom: m.opt_number("zoom", ZOOM_RANGE)? }
        }
        "fitPark" => {
            m.only(&[])?;
            Action::FitPark
        }
        "setLayers" => {
            m.only(&["visible", "hidden"])?;
            set_layers(&m)?
        }
        "setFilter" => {
            m.only(&["industries", "zone", "capitalMin", "capitalMax", "foundedMin", "foundedMax"])?;
            Action::SetFilter(filter(&m)?)
        }
        "planRoute" => {
            m.only(&["waypoints", "winter", "loopKm", "start"])?;
            Action::PlanRoute(route(&m)?)
        }
        "setLanguage" => {
            m.only(&["lang"])?;
            let lang = m
                .get("lang")
                .and_then(Value::as_str)
                .and_then(|t| Lang::ALL.into_iter().find(|l| l.tag() == t));
            Action::SetLanguage(lang.ok_or_else(|| m.err("\"lang\" must be \"zh\", \"en\" or \"ru\""))?)
        }
        other => match Query::from_name(other) {
            Some(query) => {
                m.only(&[])?;
                Action::Query(query)
            }
            None => return Err(ProtocolError::UnknownType { found: other.into() }),
        },
    };
    let request_id = match obj.get("requestId") {
        None => None,
        Some(v) => Some(RequestId::from_json(v).ok_or(ProtocolError::RequestId)?),
    };
    Ok(Command { request_id, action })
}

#[cfg(test)]
#[path = "protocol_tests.rs"]
mod tests;
