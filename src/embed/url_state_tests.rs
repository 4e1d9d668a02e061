use super::*;
use crate::embed::SiteFilterParams;
use crate::model::{LandUse, SiteStatus, SiteType, Utility};

fn view(zoom: f64, lat: f64, lon: f64) -> Option<MapView> {
    Some(MapView { zoom, lat, lon })
}

fn full_state() -> UrlState {
    UrlState {
        view: view(16.0, 45.83, 126.51),
        selection: Some(FeatureRef::company("c0001")),
        filter: FilterParams {
            industries: vec![Industry::DigitalEconomy, Industry::NewMaterials],
            zone: Some("z03".into()),
            capital_min: Some(1_000_000),
            capital_max: Some(50_000_000),
            founded_min: Some(2020),
            founded_max: Some(2023),
        },
        sites: SiteFilterParams {
            types: vec![SiteType::Land, SiteType::Factory],
            area_min_m2: Some(10_000),
            area_max_m2: None,
            land_uses: vec![LandUse::Industrial],
            statuses: vec![SiteStatus::Available],
            min_power_kva: Some(1000),
            utilities: vec![Utility::Gas, Utility::DistrictHeating],
            max_sale_yuan_m2: Some(800),
            max_rent_yuan_m2_month: Some(40),
        }
        .to_link(),
        hidden_layers: vec![LayerKind::Context, LayerKind::Pois],
        route: vec![LonLat::lon_lat(126.51, 45.83), LonLat::lon_lat(126.52, 45.84)],
        winter: true,
        loop_km: Some(10.0),
        lang: Some(Lang::En),
        embed: true,
        origins: vec!["https://a.example".into(), "https://b.example".into()],
        park: Some("https://x.cn/p.json".into()),
        tiles: Some("https://{s}.t.example/{z}/{x}/{y}{r}.png?key=a&b".into()),
        tiles_attr: Some("© T & Co".into()),
        tiles_crs: Some(TileCrs::Gcj02),
    }
}

const FULL_QUERY: &str = "?embed=1&park=https://x.cn/p.json&lang=en&sel=company:c0001\
    &ind=digital_economy,new_materials&zone=z03&cap=1000000-50000000&yr=2020-2023\
    &site_type=land,factory&site_area=10000-&site_use=industrial&site_status=available&site_kva=1000\
    &site_util=gas,district_heating&site_sale=800&site_rent=40&hide=context,pois\
    &route=45.83000,126.51000;45.84000,126.52000&winter=1&loop=10&origins=https://a.example,https://b.example\
    &tiles=https://%7Bs%7D.t.example/%7Bz%7D/%7Bx%7D/%7By%7D%7Br%7D.png%3Fkey%3Da%26b\
    &tiles_attr=%C2%A9%20T%20%26%20Co&tiles_crs=gcj02";

#[test]
fn every_parameter_is_written_in_canonical_order() {
    assert_eq!(to_query(&full_state()), FULL_QUERY);
    assert_eq!(to_hash(&full_state()), "#map=16/45.83000/126.51000");
}

#[test]
fn every_parameter_is_read_back() {
    let (s, warnings) = parse(FULL_QUERY, "#map=16/45.83000/126.51000");
    assert_eq!(warnings, []);
    assert_eq!(s, full_state());
}

#[test]
fn defaults_write_nothing() {
    assert_eq!(to_query(&UrlState::default()), "");
    assert_eq!(to_hash(&UrlState::default()), "");
    assert_eq!(parse("", ""), (UrlState::default(), vec![]));
    assert_eq!(parse("?", "#"), (UrlState::default(), vec![]));
}

#[test]
fn view_precision_follows_zoom_like_openstreetmap() {
    let at =
        |zoom| to_hash(&UrlState { view: view(zoom, 45.834_567_89, 126.512_345_67), ..Default::default() });
    assert_eq!(at(0.0), "#map=0/45.8/126.5");
    assert_eq!(at(12.0), "#map=12/45.8346/126.5123");
    assert_eq!(at(16.0), "#map=16/45.83457/126.51235");
    assert_eq!(at(18.0), "#map=18/45.834568/126.512346");
    assert_eq!(at(22.0), "#map=22/45.8345679/126.5123457");
    assert_eq!(at(14.257), "#map=14.26/45.83457/126.51235");
    assert_eq!(at(14.5), "#map=14.5/45.83457/126.51235");
}

#[test]
fn negative_zero_is_never_written() {
    let s = UrlState { view: view(3.0, -0.000_001, -0.000_001), ..Default::default() };
    assert_eq!(to_hash(&s), "#map=3/0.00/0.00");
}

#[test]
fn ids_with_reserved_characters_survive_percent_encoding() {
    let id = "a&b=c#d e+f/深%";
    let s = UrlState {
        selection: Some(FeatureRef { kind: FeatureKind::Poi, id: id.into() }),
        ..Default::default()
    };
    let q = to_query(&s);
    assert_eq!(q, "?sel=poi:a%26b%3Dc%23d%20e%2Bf/%E6%B7%B1%25");
    assert_eq!(parse(&q, "").0, s);
}

#[test]
fn values_encoded_by_url_search_params_are_read() {
    let (s, w) = parse("?ind=digital_economy%2Cnew_materials&sel=zone%3Az03&zone=z+1", "");
    assert_eq!(w, []);
    assert_eq!(s.filter.industries, [Industry::DigitalEconomy, Industry::NewMaterials]);
    assert_eq!(s.selection, Some(FeatureRef { kind: FeatureKind::Zone, id: "z03".into() }));
    assert_eq!(s.filter.zone.as_deref(), Some("z 1"));
}

#[test]
fn one_sided_ranges_and_language_tags_are_read() {
    let (s, w) = parse("?cap=1000000-&yr=-2023&lang=en-GB&embed=true&winter=0", "");
    assert_eq!(w, []);
    assert_eq!((s.filter.capital_min, s.filter.capital_max), (Some(1_000_000), None));
    assert_eq!((s.filter.founded_min, s.filter.founded_max), (None, Some(2023)));
    assert_eq!(s.lang, Some(Lang::En));
    assert!(s.embed && !s.winter);
    assert_eq!(to_query(&s), "?embed=1&lang=en&cap=1000000-&yr=-2023");
}

#[test]
fn lists_are_sorted_and_repeats_dropped() {
    let (s, w) = parse("?hide=pois,context,pois&origins=https://B.example,https://a.example:443/", "");
    assert_eq!(w, []);
    assert_eq!(s.hidden_layers, [LayerKind::Context, LayerKind::Pois]);
    assert_eq!(s.origins, ["https://a.example", "https://b.example"]);
}

/// Each malformed input, the warning it gives (parameter, exact reason), and the state it leaves.
#[test]
fn malformed_values_are_ignored_with_a_precise_warning() {
    let long = "x".repeat(201);
    let sel_long = format!("?sel=company:{long}");
    let route51 = format!("?route={}", vec!["45.8,126.5"; 51].join(";"));
    let cases: Vec<(&str, &str, &str, &str)> = vec![
        ("", "#map=abc/1/2", "#map", "\"abc/1/2\" is not ZOOM/LAT/LON, e.g. 16/45.83/126.51"),
        ("", "#map=16/45/126/3", "#map", "\"16/45/126/3\" is not ZOOM/LAT/LON, e.g. 16/45.83/126.51"),
        ("", "#map=1e3/1/2", "#map", "\"1e3/1/2\" is not ZOOM/LAT/LON, e.g. 16/45.83/126.51"),
        ("", "#map=NaN/1/2", "#map", "\"NaN/1/2\" is not ZOOM/LAT/LON, e.g. 16/45.83/126.51"),
        ("", "#map=23/45/126", "#map", "zoom 23 is out of range 0..22"),
        ("", "#map=16/95/126", "#map", "lat 95 is out of range -90..90"),
        ("", "#map=16/45/-181.5", "#map", "lon -181.5 is out of range -180..180"),
        ("", "#layers=C", "#layers", "unknown parameter"),
        ("?foo=1", "", "foo", "unknown parameter"),
        ("?embed=", "", "embed", "empty value"),
        ("?embed", "", "embed", "empty value"),
        ("?embed=yes", "", "embed", "\"yes\" is not 1 or 0"),
        ("?%zz=1", "", "%zz", "malformed percent-encoding in the name"),
        ("?zone=%zz", "", "zone", "malformed percent-encoding"),
        ("?zone=%FF", "", "zone", "malformed percent-encoding"),
        ("?zone=a%0Ab", "", "zone", "the zone id contains control characters"),
        ("?lang=xx", "", "lang", "unknown language \"xx\" (expected zh, en or ru)"),
        ("?sel=company", "", "sel", "expected KIND:ID, e.g. company:c0001"),
        ("?sel=building:b1", "", "sel", "unknown kind \"building\" (expected company, zone, trail or poi)"),
        ("?sel=company:", "", "sel", "the id is empty"),
        (&sel_long, "", "sel", "the id is longer than 200 characters"),
        ("?cap=abc", "", "cap", "\"abc\" is not MIN-MAX (either side may be left out)"),
        ("?cap=-", "", "cap", "neither MIN nor MAX given"),
        ("?cap=5-3", "", "cap", "minimum 5 is greater than maximum 3"),
        ("?cap=%2B5-", "", "cap", "\"+5\" is not a whole number"),
        ("?cap=99999999999999999999-", "", "cap", "\"99999999999999999999\" is not a whole number"),
        ("?yr=2020-10000", "", "yr", "10000 is out of range 0..9999"),
        ("?yr=2020", "", "yr", "\"2020\" is not MIN-MAX (either side may be left out)"),
        ("?route=45.8,126.5;abc", "", "route", "waypoint 2 \"abc\" is not LAT,LON"),
        ("?route=95,126.5", "", "route", "waypoint 1: lat 95 is out of range -90..90"),
        ("?route=45.8,126.5,3", "", "route", "waypoint 1 \"45.8,126.5,3\" is not LAT,LON"),
        (&route51, "", "route", "more than 50 waypoints"),
        ("?loop=0", "", "loop", "0 km is out of range 2..40"),
        ("?loop=50", "", "loop", "50 km is out of range 2..40"),
        ("?loop=ten", "", "loop", "\"ten\" is not a number"),
        ("?loop=inf", "", "loop", "\"inf\" is not a number"),
        ("?park=a+b", "", "park", "contains spaces or control characters"),
    ];
    for (search, hash, param, reason) in cases {
        let (s, w) = parse(search, hash);
        assert_eq!(s, UrlState::default(), "{search}{hash} left a value");
        assert_eq!(w, [UrlWarning { param: param.into(), reason: reason.into() }], "{search}{hash}");
    }
}

#[test]
fn bad_list_items_are_left_out_and_the_rest_kept() {
    let (s, w) = parse("?ind=digital_economy,robots&hide=pois,roads&origins=https://a.example,ftp://b", "");
    assert_eq!(s.filter.industries, [Industry::DigitalEconomy]);
    assert_eq!(s.hidden_layers, [LayerKind::Pois]);
    assert_eq!(s.origins, ["https://a.example"]);
    let reasons: Vec<String> = w.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            format!(
                "URL parameter \"ind\": unknown industry \"robots\" left out (expected {})",
                Industry::keys()
            ),
            format!(
                "URL parameter \"hide\": unknown layer \"roads\" left out (expected {})",
                LayerKind::keys()
            ),
            "URL parameter \"origins\": \"ftp://b\" is not an origin (scheme://host[:port]), left out"
                .to_string(),
        ]
    );
}

#[test]
fn a_bad_tile_template_is_left_out_with_a_warning_naming_it() {
    let (s, warnings) = parse("?tiles=https://t.example/%7Bz%7D/%7Bx%7D.png&tiles_crs=bd09&lang=en", "");
    assert_eq!((s.tiles, s.tiles_crs, s.lang), (None, None, Some(Lang::En)));
    let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "URL parameter \"tiles\": tile URL template \"https://t.example/{z}/{x}.png\" has no {y}",
            "URL parameter \"tiles_crs\": unknown \"bd09\" (expected wgs84 or gcj02)",
        ]
    );
    let (s, warnings) = parse("?tiles=javascript:alert(%7Bz%7D%7Bx%7D%7By%7D)", "");
    assert_eq!(s.tiles, None);
    assert!(warnings[0].to_string().contains("must start with https://"), "{warnings:?}");
}

#[test]
fn tiles_in_the_url_make_the_basemap() {
    let (s, warnings) =
        parse("?tiles=http://127.0.0.1:9/%7Bz%7D/%7Bx%7D/%7By%7D.png&tiles_attr=%3Cb%3ETiles%3C/b%3E+%C2%A9&tiles_crs=GCJ02", "");
    assert_eq!(warnings, []);
    let b = s.basemap().unwrap();
    assert_eq!(b.tiles, "http://127.0.0.1:9/{z}/{x}/{y}.png");
    assert_eq!(b.attribution.as_deref(), Some("<b>Tiles</b> ©"), "kept as text, never markup");
    assert_eq!(b.crs, TileCrs::Gcj02);
    assert_eq!(UrlState::default().basemap(), None);
    let attr_only = UrlState { tiles_attr: Some("x".into()), ..UrlState::default() };
    assert_eq!(attr_only.basemap(), None, "tiles_attr alone draws nothing");
}

#[test]
fn a_repeated_parameter_keeps_its_first_value() {
    let (s, w) = parse("?lang=en&lang=ru", "");
    assert_eq!(s.lang, Some(Lang::En));
    assert_eq!(w, [UrlWarning { param: "lang".into(), reason: "repeated; the first one is used".into() }]);
}

#[test]
fn a_bad_parameter_does_not_spoil_the_others() {
    let (s, w) = parse("?lang=en&cap=x&embed=1", "#map=abc/1/2");
    assert_eq!((s.lang, s.embed, s.view), (Some(Lang::En), true, None));
    assert_eq!(w.len(), 2);
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::subsequence;

    fn min_max<T: Ord + Copy + std::fmt::Debug>(
        side: impl Strategy<Value = T> + Clone,
    ) -> impl Strategy<Value = (Option<T>, Option<T>)> {
        (proptest::option::of(side.clone()), proptest::option::of(side)).prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
            other => other,
        })
    }

    fn lon_lat() -> impl Strategy<Value = LonLat> {
        (-180.0..=180.0f64, -90.0..=90.0f64).prop_map(|(lon, lat)| LonLat::lon_lat(lon, lat))
    }

    fn id() -> impl Strategy<Value = String> {
        "[^\\p{Cc}]{1,200}"
    }

    fn selection() -> impl Strategy<Value = FeatureRef> {
        (proptest::sample::select(FeatureKind::ALL.to_vec()), id())
            .prop_map(|(kind, id)| FeatureRef { kind, id })
    }

    fn filter() -> impl Strategy<Value = FilterParams> {
        (
            subsequence(Industry::ALL.to_vec(), 0..=Industry::ALL.len()),
            proptest::option::of(id()),
            min_max(any::<u64>()),
            min_max(YEAR_RANGE),
        )
            .prop_map(|(industries, zone, cap, yr)| FilterParams {
                industries,
                zone,
                capital_min: cap.0,
                capital_max: cap.1,
                founded_min: yr.0,
                founded_max: yr.1,
            })
    }

    fn sites() -> impl Strategy<Value = SiteFilterParams> {
        let whole = || proptest::option::of(0..=crate::embed::MAX_SITE_PARAM);
        (
            subsequence(SiteType::ALL.to_vec(), 0..=SiteType::ALL.len()),
            min_max(0..=crate::embed::MAX_SITE_PARAM),
            subsequence(LandUse::ALL.to_vec(), 0..=LandUse::ALL.len()),
            subsequence(SiteStatus::ALL.to_vec(), 0..=SiteStatus::ALL.len()),
            (whole(), subsequence(Utility::ALL.to_vec(), 0..=Utility::ALL.len()), whole(), whole()),
        )
            .prop_map(|(types, area, land_uses, statuses, (kva, utilities, sale, rent))| {
                SiteFilterParams {
                    types,
                    area_min_m2: area.0,
                    area_max_m2: area.1,
                    land_uses,
                    statuses,
                    min_power_kva: kva,
                    utilities,
                    max_sale_yuan_m2: sale,
                    max_rent_yuan_m2_month: rent,
                }
            })
    }

    prop_compose! {
        fn site_link()(p in sites()) -> SiteLink {
            p.to_link()
        }
    }

    prop_compose! {
        fn url_state()(
            view in proptest::option::of((ZOOM_RANGE, -90.0..=90.0f64, -180.0..=180.0f64)),
            selection in proptest::option::of(selection()),
            filter in filter(),
            sites in site_link(),
            hidden_layers in subsequence(LayerKind::ALL.to_vec(), 0..=LayerKind::ALL.len()),
            route in proptest::collection::vec(lon_lat(), 0..=MAX_WAYPOINTS),
            winter: bool,
            loop_km in proptest::option::of(LOOP_KM_RANGE),
            lang in proptest::option::of(proptest::sample::select(Lang::ALL.to_vec())),
            embed: bool,
            origins in proptest::collection::vec("https?://[a-zA-Z0-9]{1,12}(\\.[a-z]{2,5})?(:[0-9]{1,5})?/?", 0..5),
            park in proptest::option::of("[^\\s\\p{Cc}]{1,60}"),
            tiles in proptest::option::of("https?://(\\{s\\}\\.)?[a-z0-9.]{1,12}(:[0-9]{1,5})?/\\{z\\}/\\{x\\}/(\\{y\\}|\\{-y\\})(\\{r\\})?(\\.png)?(\\?[a-z=&]{0,8})?"),
            tiles_attr in proptest::option::of("\\PC{0,80}"),
            tiles_crs in proptest::option::of(proptest::sample::select(vec![TileCrs::Wgs84, TileCrs::Gcj02])),
        ) -> UrlState {
            UrlState {
                view: view.map(|(zoom, lat, lon)| MapView { zoom, lat, lon }),
                selection, filter, sites, hidden_layers, route, winter, loop_km, lang, embed,
                origins: origins.iter().filter_map(|o| normalize_origin(o)).collect(),
                park,
                tiles,
                tiles_attr,
                tiles_crs,
            }
        }
    }

    /// `key=value&...` made of the URL's own vocabulary, so the fuzzing reaches the value readers.
    fn url_like() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            4 => proptest::sample::select(QUERY_KEYS.iter().chain(&SITE_KEYS).copied().collect::<Vec<_>>()).prop_map(String::from),
            1 => Just("map".to_string()),
            1 => "[a-z%=]{0,4}",
        ];
        let num = "-?[0-9]{1,3}(\\.[0-9]{0,8})?";
        let value = proptest::sample::select(vec![
            format!("{num}(/{num}){{0,3}}"),
            format!("({num},{num};?){{1,4}}"),
            "[0-9]{0,12}-[0-9]{0,12}".into(),
            "((digital_economy|new_materials|pois|context|robots|https://a\\.example|HTTP://B\\.example:80/|ftp://x),?){1,4}".into(),
            "((land|factory|rnd|available|gas|district_heating|castle|1e3),?){1,4}".into(),
            "(company|zone|trail|poi|x):[^&=#%]{0,5}".into(),
            "https?://[a-z{}]{0,3}/(%7B[zxysr-]%7D/?){0,4}(\\.png)?|gcj02|wgs84|GCJ02".into(),
            "1|0|true|yes|en|zh-CN|ru|xx|10|0\\.5|200|%2C|%3A|%zz|\\+".into(),
            "[^&=#]{0,6}".into(),
        ])
        .prop_flat_map(|re: String| proptest::string::string_regex(&re).expect("valid regex"));
        let pair = (key, value).prop_map(|(k, v)| format!("{k}={v}"));
        proptest::collection::vec(pair, 0..6).prop_map(|v| v.join("&"))
    }

    /// What parse returns is valid: written back and read again, it gives no warning and itself (canonical).
    fn assert_valid(s: &UrlState) {
        let (again, warnings) = parse(&to_query(s), &to_hash(s));
        assert_eq!(warnings, [], "{s:?}");
        assert_eq!(again, s.canonical());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn any_valid_state_round_trips_through_its_url(s in url_state()) {
            let (back, warnings) = parse(&to_query(&s), &to_hash(&s));
            prop_assert_eq!(warnings, []);
            prop_assert_eq!(&back, &s.canonical());
            prop_assert_eq!(to_query(&back), to_query(&s));
            prop_assert_eq!(to_hash(&back), to_hash(&s));
        }

        #[test]
        fn any_site_filter_round_trips_through_its_link(p in sites()) {
            let (back, warnings) = SiteFilterParams::read(&p.to_link());
            prop_assert_eq!(warnings, []);
            prop_assert_eq!(back.to_link(), p.to_link());
            let (mut types, mut utilities) = (p.types.clone(), p.utilities.clone());
            crate::embed::values::sort_dedup(&mut types);
            crate::embed::values::sort_dedup(&mut utilities);
            prop_assert_eq!((back.types, back.utilities, back.area_min_m2), (types, utilities, p.area_min_m2));
        }

        #[test]
        fn arbitrary_strings_never_panic_and_yield_only_valid_values(search in any::<String>(), hash in any::<String>()) {
            let (s, _) = parse(&search, &hash);
            assert_valid(&s);
        }

        #[test]
        fn url_like_garbage_yields_only_valid_values(search in url_like(), hash in url_like()) {
            let (s, _) = parse(&search, &hash);
            assert_valid(&s);
            if let Some(v) = s.view {
                prop_assert!(ZOOM_RANGE.contains(&v.zoom) && (-90.0..=90.0).contains(&v.lat));
            }
            prop_assert!(s.route.iter().all(|p| p.is_valid()) && s.route.len() <= MAX_WAYPOINTS);
        }
    }
}
