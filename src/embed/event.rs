//! Events the map posts to the host page (protocol v1), serialised with serde.

use super::protocol::{RequestId, SOURCE, VERSION};
use crate::geo::LonLat;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// An event for the host page. [`Event::to_json`] adds the envelope (`source`, `v`, `type`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Event {
    /// The map has loaded and listens for commands.
    Ready {
        /// The app's version (`Cargo.toml`).
        version: String,
    },
    /// A company was selected (by the user or a command).
    CompanySelected {
        /// Company id.
        id: String,
        /// English name.
        name: String,
    },
    /// A zone was selected.
    ZoneSelected {
        /// Zone id.
        id: String,
        /// English name.
        name: String,
    },
    /// A site was selected.
    SiteSelected {
        /// Site id.
        id: String,
        /// English name.
        name: String,
    },
    /// The view settled after a move.
    ViewChanged {
        /// Latitude of the centre.
        lat: f64,
        /// Longitude of the centre.
        lon: f64,
        /// Zoom.
        zoom: f64,
    },
    /// A route was planned or changed.
    RouteChanged {
        /// Length, km.
        distance_km: f64,
        /// Walking time, whole minutes.
        walking_min: u32,
        /// Cycling time, whole minutes.
        cycling_min: u32,
        /// Waypoints as `[lat, lon]` pairs.
        #[serde(serialize_with = "lat_lon_pairs")]
        waypoints: Vec<LonLat>,
    },
    /// The embed's content height changed; the host may resize the iframe.
    Resize {
        /// Height in CSS pixels.
        height: u32,
    },
    /// A command was carried out (sent for a command with a `requestId`, and for every query). Its
    /// `requestId` is added by [`Event::to_json_replying`].
    Ok {
        /// The command's `type`.
        command: String,
        /// A query's answer (`null` when there is nothing, e.g. no selection), `planRoute`'s route
        /// (the fields of `routeChanged`); left out for other commands.
        #[serde(skip_serializing_if = "Option::is_none")]
        result: Option<Value>,
    },
    /// A command was refused.
    Error {
        /// What was wrong, e.g. `flyTo: "lat" 95 is out of range -90..90`.
        message: String,
        /// The command's `type`, when it had one.
        #[serde(skip_serializing_if = "Option::is_none")]
        command: Option<String>,
        /// The command's `requestId`, when it had a usable one.
        #[serde(skip_serializing_if = "Option::is_none")]
        request_id: Option<RequestId>,
    },
}

fn lat_lon_pairs<S: Serializer>(points: &[LonLat], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(points.iter().map(|p| [p.lat, p.lon]))
}

impl Event {
    /// `ready` with this build's version.
    pub fn ready() -> Event {
        Event::Ready { version: env!("CARGO_PKG_VERSION").into() }
    }

    /// The message to post: the event's fields plus `source`, `v` and `type`.
    ///
    /// ```
    /// use parkmap::embed::protocol::Event;
    /// use serde_json::json;
    /// let e = Event::Resize { height: 480 };
    /// assert_eq!(e.to_json(), json!({"source": "parkmap", "v": 1, "type": "resize", "height": 480}));
    /// ```
    pub fn to_json(&self) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or_else(|_| Value::Object(Default::default()));
        if let Some(o) = v.as_object_mut() {
            o.insert("source".into(), SOURCE.into());
            o.insert("v".into(), VERSION.into());
        }
        v
    }

    /// The event's own fields, without `source`, `v` and `type` (e.g. `routeChanged`'s figures as
    /// the `result` of `planRoute`'s `ok`).
    pub fn fields(&self) -> Value {
        let mut v = self.to_json();
        if let Some(o) = v.as_object_mut() {
            o.remove("source");
            o.remove("v");
            o.remove("type");
        }
        v
    }

    /// [`Event::to_json`] answering a command: with its `requestId` echoed when it had one.
    pub fn to_json_replying(&self, request_id: Option<&RequestId>) -> Value {
        let mut v = self.to_json();
        if let (Some(o), Some(id)) = (v.as_object_mut(), request_id) {
            o.insert("requestId".into(), serde_json::to_value(id).unwrap_or(Value::Null));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_event_carries_source_version_and_type() {
        let events = [
            (Event::ready(), "ready"),
            (Event::CompanySelected { id: "c1".into(), name: "Huawei".into() }, "companySelected"),
            (Event::ZoneSelected { id: "z1".into(), name: "Innovation HQ".into() }, "zoneSelected"),
            (Event::ViewChanged { lat: 45.8, lon: 126.5, zoom: 15.0 }, "viewChanged"),
            (
                Event::RouteChanged { distance_km: 1.0, walking_min: 12, cycling_min: 4, waypoints: vec![] },
                "routeChanged",
            ),
            (Event::Resize { height: 480 }, "resize"),
            (Event::Ok { command: "fitPark".into(), result: None }, "ok"),
            (Event::Error { message: "x".into(), command: None, request_id: None }, "error"),
        ];
        for (e, type_) in events {
            let v = e.to_json();
            assert_eq!(v["source"], "parkmap", "{e:?}");
            assert_eq!(v["v"], 1, "{e:?}");
            assert_eq!(v["type"], type_, "{e:?}");
        }
    }

    #[test]
    fn fields_are_camel_case_and_waypoints_lat_lon() {
        let e = Event::RouteChanged {
            distance_km: 2.5,
            walking_min: 30,
            cycling_min: 10,
            waypoints: vec![LonLat::lon_lat(126.51, 45.83), LonLat::lon_lat(126.52, 45.84)],
        };
        assert_eq!(
            e.to_json(),
            json!({"source": "parkmap", "v": 1, "type": "routeChanged", "distanceKm": 2.5, "walkingMin": 30,
                   "cyclingMin": 10, "waypoints": [[45.83, 126.51], [45.84, 126.52]]})
        );
        let ready = Event::ready().to_json();
        assert_eq!(ready["version"], env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn replies_echo_the_request_id_and_errors_leave_out_what_is_unknown() {
        let e = Event::CompanySelected { id: "c1".into(), name: "Huawei".into() };
        assert_eq!(e.to_json_replying(Some(&RequestId::Text("r1".into())))["requestId"], "r1");
        assert_eq!(e.to_json_replying(Some(&RequestId::Number(7.into())))["requestId"], 7);
        assert!(e.to_json_replying(None).get("requestId").is_none());
        let err = Event::Error { message: "m".into(), command: None, request_id: None }.to_json();
        assert_eq!(err, json!({"source": "parkmap", "v": 1, "type": "error", "message": "m"}));
    }

    #[test]
    fn ok_carries_the_command_its_request_id_and_a_result_only_when_there_is_one() {
        let id = RequestId::Text("r9".into());
        let done = Event::Ok { command: "selectZone".into(), result: None };
        assert_eq!(
            done.to_json_replying(Some(&id)),
            json!({"source": "parkmap", "v": 1, "type": "ok", "command": "selectZone", "requestId": "r9"})
        );
        // A query's answer may be null (nothing selected): the field is there all the same.
        let nothing = Event::Ok { command: "getSelection".into(), result: Some(Value::Null) };
        assert_eq!(nothing.to_json_replying(None)["result"], Value::Null);
        assert!(nothing.to_json_replying(None).as_object().unwrap().contains_key("result"));
    }

    #[test]
    fn fields_leave_out_the_envelope() {
        let e = Event::RouteChanged { distance_km: 2.5, walking_min: 30, cycling_min: 10, waypoints: vec![] };
        assert_eq!(
            e.fields(),
            json!({"distanceKm": 2.5, "walkingMin": 30, "cyclingMin": 10, "waypoints": []})
        );
    }
}
