//! Query commands of API v1 (`getView`, `getSelection`, `getFilter`, `getRoute`, `getLayers`): what the
//! map shows now, answered from the URL state the map would write for it ([`UrlState`], as
//! `ui::session::current` builds it), so an answer always equals what a shared link carries. Each
//! answer is spelled like the command that sets the same state: `getFilter`'s answer is a valid
//! `setFilter`, `getRoute`'s a valid `planRoute`, `getView`'s a valid `flyTo`.

use super::url_state::UrlState;
use crate::model::LayerKind;
use serde_json::{json, Value};

/// A question about the map's state. Its answer is the `result` of the `ok` event that replies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Query {
    /// `getView`: `{lat, lon, zoom}` as `#map=` writes them.
    View,
    /// `getSelection`: `{kind, id}` as `sel=` names it, or `null`.
    Selection,
    /// `getFilter`: `setFilter`'s fields, `null` for those that do not narrow.
    Filter,
    /// `getRoute`: `{waypoints, winter}`, `{loopKm, start, winter}` for a loop, or `null`.
    Route,
    /// `getLayers`: `{visible, hidden}`: the map's layers shown and switched off.
    Layers,
}

impl Query {
    /// Every query, in the order of the docs.
    pub const ALL: [Query; 5] = [Query::View, Query::Selection, Query::Filter, Query::Route, Query::Layers];

    /// The command's `type` on the wire.
    pub fn name(self) -> &'static str {
        match self {
            Query::View => "getView",
            Query::Selection => "getSelection",
            Query::Filter => "getFilter",
            Query::Route => "getRoute",
            Query::Layers => "getLayers",
        }
    }

    /// The query a command `type` names, if any.
    pub fn from_name(name: &str) -> Option<Query> {
        match name {
            "getView" => Some(Query::View),
            "getSelection" => Some(Query::Selection),
            "getFilter" => Some(Query::Filter),
            "getRoute" => Some(Query::Route),
            "getLayers" => Some(Query::Layers),
            _ => None,
        }
    }

    /// The answer for a map showing `state`: exactly what its URL carries (view and waypoints rounded
    /// as written, lists sorted).
    ///
    /// ```
    /// use parkmap::embed::{parse, Query};
    /// use serde_json::json;
    /// let (state, _) = parse("?sel=zone:z09&hide=pois", "#map=15.5/45.834567/126.51");
    /// assert_eq!(Query::View.answer(&state), json!({"lat": 45.83457, "lon": 126.51, "zoom": 15.5}));
    /// assert_eq!(Query::Selection.answer(&state), json!({"kind": "zone", "id": "z09"}));
    /// assert_eq!(Query::Layers.answer(&state)["hidden"], json!(["pois"]));
    /// ```
    pub fn answer(self, state: &UrlState) -> Value {
        let s = state.canonical();
        match self {
            Query::View => {
                s.view.map_or(Value::Null, |v| json!({"lat": v.lat, "lon": v.lon, "zoom": v.zoom}))
            }
            Query::Selection => {
                s.selection.map_or(Value::Null, |f| json!({"kind": f.kind.key(), "id": f.id}))
            }
            Query::Filter => {
                let f = &s.filter;
                json!({
                    "industries": f.industries.iter().map(|i| i.key()).collect::<Vec<_>>(),
                    "zone": f.zone,
                    "capitalMin": f.capital_min,
                    "capitalMax": f.capital_max,
                    "foundedMin": f.founded_min,
                    "foundedMax": f.founded_max,
                })
            }
            Query::Route => {
                let pair = |p: &crate::geo::LonLat| json!([p.lat, p.lon]);
                match (s.route.first(), s.loop_km) {
                    (None, _) => Value::Null,
                    (Some(start), Some(km)) => {
                        json!({"loopKm": km, "start": pair(start), "winter": s.winter})
                    }
                    (Some(_), None) => {
                        json!({"waypoints": s.route.iter().map(pair).collect::<Vec<_>>(), "winter": s.winter})
                    }
                }
            }
            Query::Layers => {
                let hidden: Vec<&str> = s.hidden_layers.iter().map(|k| k.key()).collect();
                // The layers the map draws by itself (not the site finder's sites), less those hidden.
                let visible: Vec<&str> = LayerKind::ALL
                    .iter()
                    .filter(|k| k.loads_with_map() && !s.hidden_layers.contains(k))
                    .map(|k| k.key())
                    .collect();
                json!({"visible": visible, "hidden": hidden})
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::protocol::{parse_command, Action};
    use crate::embed::{parse, FilterParams, RouteRequest};
    use crate::geo::LonLat;

    /// `fields` as a command of `type_`, parsed.
    fn command(type_: &str, fields: &Value) -> Action {
        let mut v = json!({"source": "parkmap", "v": 1, "type": type_});
        if let (Some(o), Some(f)) = (v.as_object_mut(), fields.as_object()) {
            o.extend(f.clone());
        }
        parse_command(&v).unwrap_or_else(|e| panic!("{type_} {fields}: {e}")).action
    }

    #[test]
    fn names_round_trip_and_are_distinct_from_every_other_command() {
        for q in Query::ALL {
            assert_eq!(Query::from_name(q.name()), Some(q));
            assert!(q.name().starts_with("get"));
        }
        assert_eq!(Query::from_name("selectCompany"), None);
    }

    #[test]
    fn a_map_showing_nothing_in_particular_answers_nulls_and_an_open_filter() {
        let s = UrlState::default();
        assert_eq!(Query::View.answer(&s), Value::Null);
        assert_eq!(Query::Selection.answer(&s), Value::Null);
        assert_eq!(Query::Route.answer(&s), Value::Null);
        assert_eq!(
            Query::Filter.answer(&s),
            json!({"industries": [], "zone": null, "capitalMin": null, "capitalMax": null,
                   "foundedMin": null, "foundedMax": null})
        );
        assert_eq!(
            Query::Layers.answer(&s),
            json!({"visible": ["context", "zones", "waterfront", "greenway", "pois", "companies"], "hidden": []})
        );
    }

    #[test]
    fn answers_carry_exactly_what_the_url_carries() {
        let (s, warnings) = parse(
            "?lang=en&sel=company:c0001&ind=new_materials,digital_economy&zone=z03&cap=1000000-&yr=2015-2020\
             &hide=pois,context&route=45.837091,126.477776;45.85893,126.560853&winter=1",
            "#map=16.25/45.8312346/126.5123456",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(Query::View.answer(&s), json!({"lat": 45.831235, "lon": 126.512346, "zoom": 16.25}));
        assert_eq!(Query::Selection.answer(&s), json!({"kind": "company", "id": "c0001"}));
        assert_eq!(
            Query::Filter.answer(&s),
            json!({"industries": ["digital_economy", "new_materials"], "zone": "z03", "capitalMin": 1_000_000,
                   "capitalMax": null, "foundedMin": 2015, "foundedMax": 2020})
        );
        assert_eq!(
            Query::Route.answer(&s),
            json!({"waypoints": [[45.83709, 126.47778], [45.85893, 126.56085]], "winter": true})
        );
        assert_eq!(
            Query::Layers.answer(&s),
            json!({"visible": ["zones", "waterfront", "greenway", "companies"], "hidden": ["context", "pois"]})
        );
        let (looped, _) = parse("?route=45.83,126.51&loop=10.5", "");
        assert_eq!(
            Query::Route.answer(&looped),
            json!({"loopKm": 10.5, "start": [45.83, 126.51], "winter": false})
        );
    }

    #[test]
    fn each_answer_is_a_valid_command_that_sets_the_same_state() {
        let (s, _) = parse(
            "?ind=bio_economy&zone=z03&cap=5-500&yr=-2020&hide=pois&route=45.83,126.51;45.84,126.52",
            "#map=15/45.83/126.51",
        );
        assert_eq!(command("setFilter", &Query::Filter.answer(&s)), Action::SetFilter(s.filter.clone()));
        assert_eq!(
            command("planRoute", &Query::Route.answer(&s)),
            Action::PlanRoute(RouteRequest::Waypoints { waypoints: s.route.clone(), winter: false })
        );
        assert_eq!(
            command("flyTo", &Query::View.answer(&s)),
            Action::FlyTo { center: LonLat::lon_lat(126.51, 45.83), zoom: Some(15.0) }
        );
        let Action::SetLayers { visible, hidden } = command("setLayers", &Query::Layers.answer(&s)) else {
            panic!("not setLayers")
        };
        assert_eq!(hidden, s.hidden_layers);
        assert!(visible.iter().all(|k| !hidden.contains(k)) && visible.len() == 5, "{visible:?}");
        let (looped, _) = parse("?route=45.83,126.51&loop=12&winter=1", "");
        assert_eq!(
            command("planRoute", &Query::Route.answer(&looped)),
            Action::PlanRoute(RouteRequest::Loop {
                km: 12.0,
                start: LonLat::lon_lat(126.51, 45.83),
                winter: true
            })
        );
        assert_eq!(
            command("setFilter", &Query::Filter.answer(&UrlState::default())),
            Action::SetFilter(FilterParams::default())
        );
    }
}
