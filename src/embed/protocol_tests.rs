use super::*;
use crate::model::Industry;
use serde_json::json;

/// `fields` wrapped in the envelope of a `type_` command.
fn msg(type_: &str, fields: Value) -> Value {
    let mut v = json!({"source": "parkmap", "v": 1, "type": type_});
    if let (Some(o), Some(f)) = (v.as_object_mut(), fields.as_object()) {
        o.extend(f.clone());
    }
    v
}

fn action(type_: &str, fields: Value) -> Action {
    parse_command(&msg(type_, fields)).unwrap_or_else(|e| panic!("{type_}: {e}")).action
}

#[test]
fn every_command_parses_from_a_valid_example() {
    assert_eq!(action("selectCompany", json!({"id": "c0001"})), Action::SelectCompany { id: "c0001".into() });
    assert_eq!(action("selectZone", json!({"id": "z03"})), Action::SelectZone { id: "z03".into() });
    assert_eq!(
        action("flyTo", json!({"lat": 45.83, "lon": 126.51, "zoom": 16})),
        Action::FlyTo { center: LonLat::lon_lat(126.51, 45.83), zoom: Some(16.0) }
    );
    assert_eq!(
        action("flyTo", json!({"lat": 45.83, "lon": 126.51, "zoom": null})),
        Action::FlyTo { center: LonLat::lon_lat(126.51, 45.83), zoom: None }
    );
    assert_eq!(action("fitPark", json!({})), Action::FitPark);
    assert_eq!(
        action("setLayers", json!({"visible": ["pois"], "hidden": ["context", "zones", "context"]})),
        Action::SetLayers {
            visible: vec![LayerKind::Pois],
            hidden: vec![LayerKind::Context, LayerKind::Zones]
        }
    );
    assert_eq!(
        action(
            "setFilter",
            json!({"industries": ["new_materials", "digital_economy"], "zone": "z03", "capitalMin": 1_000_000,
                   "capitalMax": 5e7, "foundedMin": 2020, "foundedMax": 2023})
        ),
        Action::SetFilter(FilterParams {
            industries: vec![Industry::DigitalEconomy, Industry::NewMaterials],
            zone: Some("z03".into()),
            capital_min: Some(1_000_000),
            capital_max: Some(50_000_000),
            founded_min: Some(2020),
            founded_max: Some(2023),
        })
    );
    assert_eq!(action("setFilter", json!({})), Action::SetFilter(FilterParams::default()));
    assert_eq!(
        action("planRoute", json!({"waypoints": [[45.83, 126.51], [45.84, 126.52]], "winter": true})),
        Action::PlanRoute(RouteRequest::Waypoints {
            waypoints: vec![LonLat::lon_lat(126.51, 45.83), LonLat::lon_lat(126.52, 45.84)],
            winter: true
        })
    );
    assert_eq!(
        action("planRoute", json!({"loopKm": 10, "start": [45.83, 126.51]})),
        Action::PlanRoute(RouteRequest::Loop {
            km: 10.0,
            start: LonLat::lon_lat(126.51, 45.83),
            winter: false
        })
    );
    assert_eq!(action("setLanguage", json!({"lang": "ru"})), Action::SetLanguage(Lang::Ru));
}

#[test]
fn action_names_are_the_wire_types() {
    for (type_, fields) in [
        ("selectCompany", json!({"id": "c"})),
        ("selectZone", json!({"id": "z"})),
        ("flyTo", json!({"lat": 0, "lon": 0})),
        ("fitPark", json!({})),
        ("setLayers", json!({"hidden": []})),
        ("setFilter", json!({})),
        ("planRoute", json!({"loopKm": 2, "start": [0, 0]})),
        ("setLanguage", json!({"lang": "en"})),
        ("getView", json!({})),
        ("getSelection", json!({})),
        ("getFilter", json!({})),
        ("getRoute", json!({})),
        ("getLayers", json!({})),
    ] {
        assert_eq!(action(type_, fields).name(), type_);
    }
}

#[test]
fn queries_parse_take_no_field_and_keep_their_request_id() {
    for q in Query::ALL {
        assert_eq!(action(q.name(), json!({})), Action::Query(q));
        let c = parse_command(&msg(q.name(), json!({"requestId": "q1"}))).unwrap();
        assert_eq!(c.request_id, Some(RequestId::Text("q1".into())));
        let e = parse_command(&msg(q.name(), json!({"id": "c1"}))).unwrap_err();
        assert_eq!(e.to_string(), format!("{}: unknown field \"id\"", q.name()));
    }
}

#[test]
fn only_commands_with_a_request_id_and_queries_are_acknowledged() {
    let ack = |fields: Value, type_: &str| parse_command(&msg(type_, fields)).unwrap().acknowledged();
    assert!(!ack(json!({}), "fitPark"), "an old host, which sends no requestId, hears nothing new");
    assert!(ack(json!({"requestId": 1}), "fitPark"));
    assert!(ack(json!({"id": "z09", "requestId": "a"}), "selectZone"));
    assert!(ack(json!({}), "getView"), "a query is answered even without a requestId");
    assert!(ack(json!({"requestId": "q"}), "getLayers"));
}

#[test]
fn request_ids_are_kept_as_sent() {
    let c = parse_command(&msg("fitPark", json!({"requestId": "r-1"}))).unwrap();
    assert_eq!(c.request_id, Some(RequestId::Text("r-1".into())));
    let c = parse_command(&msg("fitPark", json!({"requestId": 42}))).unwrap();
    assert_eq!(c.request_id, Some(RequestId::Number(42.into())));
    assert_eq!(parse_command(&msg("fitPark", json!({}))).unwrap().request_id, None);
}

#[test]
fn messages_of_other_scripts_are_not_for_us_and_not_answered() {
    for data in [
        json!("hello"),
        json!([1, 2]),
        json!(null),
        json!({"type": "selectCompany", "id": "c1"}),
        json!({"source": "react-devtools", "v": 1, "type": "selectCompany"}),
        json!({"source": "ParkMap", "v": 1, "type": "fitPark"}),
    ] {
        let e = parse_command(&data).unwrap_err();
        assert_eq!(e, ProtocolError::NotForUs, "{data}");
        assert_eq!(e.to_event(&data), None);
    }
}

/// Each bad message and the exact error it gives.
#[test]
fn every_error_names_the_problem_precisely() {
    let long = "x".repeat(201);
    let many: Vec<[f64; 2]> = vec![[45.8, 126.5]; 51];
    let layers = LayerKind::keys();
    let industries = Industry::keys();
    let bad_envelopes = [
        (json!({"source": "parkmap", "type": "fitPark"}), "\"v\" must be 1, got nothing".to_string()),
        (json!({"source": "parkmap", "v": 2, "type": "fitPark"}), "\"v\" must be 1, got 2".into()),
        (json!({"source": "parkmap", "v": "1", "type": "fitPark"}), "\"v\" must be 1, got \"1\"".into()),
        (json!({"source": "parkmap", "v": 1}), "\"type\" must be a string naming a command".into()),
        (
            json!({"source": "parkmap", "v": 1, "type": 5}),
            "\"type\" must be a string naming a command".into(),
        ),
        (
            json!({"source": "parkmap", "v": 1, "type": "deleteAll"}),
            "unknown command type \"deleteAll\"".into(),
        ),
    ];
    let id_error = "\"requestId\" must be a number or a non-empty string of at most 200 characters";
    let cases: Vec<(&str, Value, String)> = vec![
        ("fitPark", json!({"requestId": ""}), id_error.into()),
        ("fitPark", json!({"requestId": {"a": 1}}), id_error.into()),
        ("fitPark", json!({"requestId": long}), id_error.into()),
        ("selectCompany", json!({}), "selectCompany: \"id\" must be a non-empty string".into()),
        ("selectCompany", json!({"id": ""}), "selectCompany: \"id\" must be a non-empty string".into()),
        ("selectCompany", json!({"id": 17}), "selectCompany: \"id\" must be a non-empty string".into()),
        ("selectCompany", json!({"id": long}), "selectCompany: \"id\" is longer than 200 characters".into()),
        ("selectCompany", json!({"id": "a\nb"}), "selectCompany: \"id\" contains control characters".into()),
        ("selectCompany", json!({"id": "c1", "name": "x"}), "selectCompany: unknown field \"name\"".into()),
        ("selectZone", json!({"id": null}), "selectZone: \"id\" must be a non-empty string".into()),
        ("flyTo", json!({"lat": 95, "lon": 126.5}), "flyTo: \"lat\" 95 is out of range -90..90".into()),
        (
            "flyTo",
            json!({"lat": 45, "lon": -200.5}),
            "flyTo: \"lon\" -200.5 is out of range -180..180".into(),
        ),
        ("flyTo", json!({"lat": 45}), "flyTo: \"lon\" is required".into()),
        ("flyTo", json!({"lat": "45", "lon": 126}), "flyTo: \"lat\" must be a number".into()),
        (
            "flyTo",
            json!({"lat": 45, "lon": 126, "zoom": 30}),
            "flyTo: \"zoom\" 30 is out of range 0..22".into(),
        ),
        ("flyTo", json!({"lat": 45, "lon": 126, "zom": 3}), "flyTo: unknown field \"zom\"".into()),
        ("fitPark", json!({"animate": true}), "fitPark: unknown field \"animate\"".into()),
        ("setLayers", json!({}), "setLayers: give \"visible\", \"hidden\" or both".into()),
        (
            "setLayers",
            json!({"visible": "pois"}),
            "setLayers: \"visible\" must be an array of layer keys".into(),
        ),
        (
            "setLayers",
            json!({"visible": [1]}),
            "setLayers: \"visible\" must be an array of layer keys".into(),
        ),
        (
            "setLayers",
            json!({"hidden": ["roads"]}),
            format!("setLayers: unknown layer \"roads\" in \"hidden\" (expected {layers})"),
        ),
        (
            "setLayers",
            json!({"visible": ["pois"], "hidden": ["pois"]}),
            "setLayers: layer \"pois\" is both in \"visible\" and \"hidden\"".into(),
        ),
        (
            "setFilter",
            json!({"industries": ["robots"]}),
            format!("setFilter: unknown industry \"robots\" in \"industries\" (expected {industries})"),
        ),
        ("setFilter", json!({"zone": ""}), "setFilter: \"zone\" must be a non-empty string".into()),
        (
            "setFilter",
            json!({"capitalMin": -5}),
            "setFilter: \"capitalMin\" must be a whole number, 0 or more".into(),
        ),
        ("setFilter", json!({"capitalMin": 1.5}), "setFilter: \"capitalMin\" must be a whole number".into()),
        ("setFilter", json!({"capitalMin": "5"}), "setFilter: \"capitalMin\" must be a whole number".into()),
        (
            "setFilter",
            json!({"capitalMax": 1e20}),
            "setFilter: \"capitalMax\" 100000000000000000000 is out of range 0..9007199254740992".into(),
        ),
        (
            "setFilter",
            json!({"foundedMin": 10000}),
            "setFilter: \"foundedMin\" 10000 is out of range 0..9999".into(),
        ),
        (
            "setFilter",
            json!({"capitalMin": 5, "capitalMax": 3}),
            "setFilter: \"capitalMin\" 5 is greater than \"capitalMax\" 3".into(),
        ),
        (
            "setFilter",
            json!({"foundedMin": 2023, "foundedMax": 2020}),
            "setFilter: \"foundedMin\" 2023 is greater than \"foundedMax\" 2020".into(),
        ),
        ("planRoute", json!({}), "planRoute: give \"waypoints\", or \"loopKm\" with \"start\"".into()),
        (
            "planRoute",
            json!({"waypoints": [[45, 126], [46, 126]], "loopKm": 5}),
            "planRoute: give \"waypoints\" or \"loopKm\" with \"start\", not both".into(),
        ),
        (
            "planRoute",
            json!({"waypoints": "45,126"}),
            "planRoute: \"waypoints\" must be an array of [lat, lon] pairs".into(),
        ),
        (
            "planRoute",
            json!({"waypoints": [[45, 126]]}),
            "planRoute: \"waypoints\" needs 2 to 50 points, got 1".into(),
        ),
        (
            "planRoute",
            json!({"waypoints": many}),
            "planRoute: \"waypoints\" needs 2 to 50 points, got 51".into(),
        ),
        (
            "planRoute",
            json!({"waypoints": [[45, 126], [45]]}),
            "planRoute: \"waypoints\"[1] must be a [lat, lon] pair of numbers".into(),
        ),
        (
            "planRoute",
            json!({"waypoints": [[45, 126], [95, 126]]}),
            "planRoute: \"waypoints\"[1] lat 95 is out of range -90..90".into(),
        ),
        ("planRoute", json!({"loopKm": 10}), "planRoute: \"start\" is required with \"loopKm\"".into()),
        ("planRoute", json!({"start": [45, 126]}), "planRoute: \"loopKm\" is required with \"start\"".into()),
        (
            "planRoute",
            json!({"loopKm": 0, "start": [45, 126]}),
            "planRoute: \"loopKm\" 0 is out of range 2..40".into(),
        ),
        // The planner plans 2 to 40 km: a longer loop is refused here, with an error event, rather
        // than accepted and then failing in the panel where the partner cannot see it.
        (
            "planRoute",
            json!({"loopKm": 50, "start": [45, 126]}),
            "planRoute: \"loopKm\" 50 is out of range 2..40".into(),
        ),
        (
            "planRoute",
            json!({"loopKm": 1.5, "start": [45, 126]}),
            "planRoute: \"loopKm\" 1.5 is out of range 2..40".into(),
        ),
        (
            "planRoute",
            json!({"loopKm": "10", "start": [45, 126]}),
            "planRoute: \"loopKm\" must be a number".into(),
        ),
        (
            "planRoute",
            json!({"loopKm": 10, "start": [45, 200]}),
            "planRoute: \"start\" lon 200 is out of range -180..180".into(),
        ),
        (
            "planRoute",
            json!({"loopKm": 10, "start": [45, 126], "winter": "yes"}),
            "planRoute: \"winter\" must be true or false".into(),
        ),
        (
            "setLanguage",
            json!({"lang": "de"}),
            "setLanguage: \"lang\" must be \"zh\", \"en\" or \"ru\"".into(),
        ),
        (
            "setLanguage",
            json!({"lang": "en-GB"}),
            "setLanguage: \"lang\" must be \"zh\", \"en\" or \"ru\"".into(),
        ),
        ("setLanguage", json!({}), "setLanguage: \"lang\" must be \"zh\", \"en\" or \"ru\"".into()),
    ];
    let all = bad_envelopes.into_iter().chain(cases.into_iter().map(|(t, f, e)| (msg(t, f), e)));
    for (data, expected) in all {
        match parse_command(&data) {
            Ok(c) => panic!("{data} parsed as {c:?}"),
            Err(e) => assert_eq!(e.to_string(), expected, "{data}"),
        }
    }
}

#[test]
fn errors_are_answered_with_the_command_and_request_id() {
    let data = msg("flyTo", json!({"lat": 95, "lon": 126, "requestId": "r1"}));
    let reply = parse_command(&data).unwrap_err().to_event(&data).unwrap();
    assert_eq!(
        reply.to_json(),
        json!({"source": "parkmap", "v": 1, "type": "error", "message": "flyTo: \"lat\" 95 is out of range -90..90",
               "command": "flyTo", "requestId": "r1"})
    );
    let data = json!({"source": "parkmap", "v": 1, "type": "deleteAll", "requestId": ""});
    let reply = parse_command(&data).unwrap_err().to_event(&data).unwrap();
    assert_eq!(
        reply,
        Event::Error {
            message: "unknown command type \"deleteAll\"".into(),
            command: Some("deleteAll".into()),
            request_id: None
        }
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "[a-zA-Z]{0,12}|parkmap|selectCompany|flyTo|planRoute|setFilter|setLayers|pois|en"
                .prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(
                    "source|v|type|id|lat|lon|zoom|visible|hidden|waypoints|loopKm|start|winter|lang|requestId|x",
                    inner,
                    0..8
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn arbitrary_json_never_panics_and_errors_are_answered_unless_not_for_us(
            fields in json_value(),
            type_ in "selectCompany|selectZone|flyTo|fitPark|setLayers|setFilter|planRoute|setLanguage|getView|getRoute|x",
        ) {
            for data in [fields.clone(), msg(&type_, fields)] {
                match parse_command(&data) {
                    Ok(c) => prop_assert_eq!(c.action.name(), data["type"].as_str().unwrap_or_default()),
                    Err(ProtocolError::NotForUs) => {}
                    Err(e) => {
                        let answered = matches!(e.to_event(&data), Some(Event::Error { .. }));
                        prop_assert!(answered);
                    }
                }
            }
        }

        #[test]
        fn fly_to_accepts_every_valid_position(lat in -90.0..=90.0f64, lon in -180.0..=180.0f64, zoom in 0.0..=22.0f64) {
            let a = action("flyTo", json!({"lat": lat, "lon": lon, "zoom": zoom}));
            prop_assert_eq!(a, Action::FlyTo { center: LonLat::lon_lat(lon, lat), zoom: Some(zoom) });
        }
    }
}

#[test]
fn loop_lengths_are_the_planners_range() {
    use crate::route::{MAX_LOOP_KM, MIN_LOOP_KM};
    assert_eq!(crate::embed::LOOP_KM_RANGE, MIN_LOOP_KM..=MAX_LOOP_KM);
    for km in [MIN_LOOP_KM, 10.0, MAX_LOOP_KM] {
        assert!(parse_command(&msg("planRoute", json!({"loopKm": km, "start": [45, 126]}))).is_ok(), "{km}");
    }
}

#[test]
fn the_site_commands_parse_and_name_what_is_wrong() {
    use crate::model::{LandUse, SiteStatus, SiteType, Utility};
    assert_eq!(action("selectSite", json!({"id": "s07"})), Action::SelectSite { id: "s07".into() });
    let Action::FilterSites(p) = action(
        "filterSites",
        json!({"types": ["office", "land", "land"], "areaMin": 10000, "landUses": ["rnd"], "statuses": ["available"],
               "minPowerKva": 500, "utilities": ["district_heating"], "maxSalePrice": 900, "maxRent": null}),
    ) else {
        panic!("filterSites");
    };
    assert_eq!(p.types, [SiteType::Land, SiteType::Office], "sorted, without repeats");
    assert_eq!((p.area_min_m2, p.area_max_m2, p.min_power_kva), (Some(10_000), None, Some(500)));
    assert_eq!(
        (p.land_uses, p.statuses, p.utilities),
        (vec![LandUse::RnD], vec![SiteStatus::Available], vec![Utility::DistrictHeating])
    );
    assert_eq!((p.max_sale_yuan_m2, p.max_rent_yuan_m2_month), (Some(900), None));
    assert_eq!(action("filterSites", json!({})), Action::FilterSites(Default::default()), "nothing narrows");
    let err = |fields| parse_command(&msg("filterSites", fields)).unwrap_err().to_string();
    assert_eq!(err(json!({"types": ["castle"]})), "filterSites: unknown site type \"castle\" in \"types\" (expected land, factory, office, incubator, warehouse, other)");
    assert_eq!(
        err(json!({"areaMin": 5000, "areaMax": 100})),
        "filterSites: \"areaMin\" 5000 is more than \"areaMax\" 100"
    );
    assert_eq!(err(json!({"maxRent": -3})), "filterSites: \"maxRent\" must be a whole number, 0 or more");
    assert_eq!(err(json!({"area": 1})), "filterSites: unknown field \"area\"");
    assert_eq!(
        parse_command(&msg("selectSite", json!({}))).unwrap_err().to_string(),
        "selectSite: \"id\" must be a non-empty string"
    );
}
