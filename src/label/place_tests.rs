use super::*;
use crate::label::chain_lines;
use crate::label::{EmMetrics, LabelClass, MetricsTable};

fn pt(x: f64, y: f64) -> ScreenPoint {
    ScreenPoint::new(x, y)
}

fn em() -> EmMetrics {
    EmMetrics::new(13.0)
}

fn opts() -> PlaceOptions {
    PlaceOptions::new(400.0, 300.0)
}

fn place(c: &[Candidate], obstacles: &[ScreenRect]) -> LabelLayout {
    place_labels(c, obstacles, &em(), &opts(), &PreviousChoices::new())
}

fn ids(l: &LabelLayout) -> Vec<&str> {
    l.placed.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn a_zone_wins_over_a_poi_whatever_the_input_order() {
    let mut zone = Candidate::point("z", LabelClass::Zone, "Science Park", pt(200.0, 150.0));
    zone.positions = vec![Position::Center];
    let mut poi = Candidate::point("p", LabelClass::Poi, "Science Park", pt(200.0, 150.0));
    poi.positions = vec![Position::Center];
    for input in [vec![poi.clone(), zone.clone()], vec![zone.clone(), poi.clone()]] {
        let l = place(&input, &[]);
        assert_eq!(ids(&l), ["z"]);
        assert_eq!(l.dropped, ["p"]);
    }
}

#[test]
fn a_poi_label_moves_round_its_marker_before_giving_up() {
    let marker = ScreenRect::centered(pt(200.0, 150.0), 18.0, 18.0);
    let zone_box = ScreenRect::from_size(pt(208.0, 130.0), 120.0, 40.0); // covers the right side
    let l =
        place(&[Candidate::point("p", LabelClass::Poi, "Parking", pt(200.0, 150.0))], &[marker, zone_box]);
    assert_eq!(l.placed[0].choice.position, Position::Left);
    assert!(!l.placed[0].rect.overlaps(&marker) && !l.placed[0].rect.overlaps(&zone_box));
}

#[test]
fn a_label_wraps_before_it_is_dropped() {
    // 120 px between two obstacles: "Digital Economy Cluster" is 164 px on one line, 107 on two
    let walls = [
        ScreenRect::from_size(pt(0.0, 0.0), 140.0, 300.0),
        ScreenRect::from_size(pt(260.0, 0.0), 140.0, 300.0),
    ];
    let text = "Digital Economy Cluster";
    let mut c = Candidate::point("z", LabelClass::Zone, text, pt(200.0, 150.0));
    let l = place(std::slice::from_ref(&c), &walls);
    let label = &l.placed[0];
    assert!(label.choice.two_lines);
    assert_eq!(
        label.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
        ["Digital Economy", "Cluster"]
    );
    assert!((label.rect.height() - 2.0 * 13.0 * 1.25).abs() < 1e-9);
    assert!(label.lines[0].center.y < label.lines[1].center.y);
    c.wrap = false;
    assert_eq!(place(&[c], &walls).dropped, ["z"]);
}

#[test]
fn cjk_and_cyrillic_names_wrap_where_they_may() {
    // 140 px: neither fits on one line (169 and 186 px), both on two (91 and 114 px)
    let walls = [
        ScreenRect::from_size(pt(0.0, 0.0), 130.0, 300.0),
        ScreenRect::from_size(pt(270.0, 0.0), 130.0, 300.0),
    ];
    let zh = Candidate::point("zh", LabelClass::Zone, "新一代信息技术与网络安全谷", pt(200.0, 60.0));
    let ru = Candidate::point("ru", LabelClass::Zone, "Кластер цифровой экономики", pt(200.0, 200.0));
    let l = place(&[zh, ru], &walls);
    assert_eq!(l.placed.len(), 2, "{l:?}");
    let lines = |i: usize| l.placed[i].lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
    assert_eq!(lines(0), ["Кластер цифровой", "экономики"]);
    assert_eq!(lines(1), ["新一代信息技术", "与网络安全谷"]);
}

#[test]
fn labels_outside_the_view_or_its_margin_are_dropped() {
    let edge = Candidate::point("e", LabelClass::Zone, "Edge", pt(2.0, 150.0));
    let off = Candidate::point("o", LabelClass::Zone, "Far", pt(-500.0, 150.0));
    let l = place(&[edge, off], &[]);
    assert_eq!(l.dropped, ["e", "o"]);
    // a POI whose marker sits at the edge may still put its name inside
    let poi = Candidate::point("p", LabelClass::Poi, "Gate", pt(1.0, 150.0));
    assert_eq!(place(&[poi], &[]).placed[0].choice.position, Position::Right);
}

#[test]
fn a_trail_label_sits_on_its_line_where_there_is_room() {
    let line: Vec<ScreenPoint> = (0..=8).map(|i| pt(20.0 + 45.0 * f64::from(i), 150.0)).collect();
    let mut trail = Candidate::line("t", LabelClass::Trail, "Greenway", line);
    trail.positions = vec![Position::Center];
    // the middle is taken by a zone label
    let zone = Candidate::point("z", LabelClass::Zone, "Songbei Central Zone", pt(200.0, 150.0));
    let l = place(&[trail, zone], &[]);
    assert_eq!(ids(&l), ["z", "t"]);
    let (z, t) = (&l.placed[0], &l.placed[1]);
    assert!(!z.rect.overlaps(&t.rect));
    assert!((t.rect.center().y - 150.0).abs() < 1e-9, "on the line");
    assert!(t.choice.station > 0);
}

#[test]
fn a_pan_of_a_few_pixels_keeps_every_label_where_it_was() {
    let mut cands = Vec::new();
    for i in 0..40 {
        let f = f64::from(i);
        let at = pt(30.0 + (f * 97.0) % 340.0, 30.0 + (f * 61.0) % 240.0);
        let class = [LabelClass::Zone, LabelClass::Trail, LabelClass::Poi][i as usize % 3];
        let name =
            ["Parking 7", "Главный вход", "地铁站", "Visitor centre", "Смотровая площадка"][i as usize % 5];
        cands.push(Candidate::point(format!("c{i}"), class, name, at));
    }
    cands.push(Candidate::line(
        "t",
        LabelClass::Trail,
        "Waterfront",
        vec![pt(-100.0, 20.0), pt(500.0, 280.0)],
    ));
    let first = place(&cands, &[]);
    let mut prev = first.choices();
    let mut last = first.clone();
    for step in 1..=10 {
        let (dx, dy) = (1.5 * f64::from(step), -0.7 * f64::from(step));
        let moved: Vec<Candidate> = cands
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c.anchor = match &c.anchor {
                    Anchor::Point(p) => Anchor::Point(pt(p.x + dx, p.y + dy)),
                    Anchor::Line(l) => Anchor::Line(l.iter().map(|p| pt(p.x + dx, p.y + dy)).collect()),
                    Anchor::Points(l) => Anchor::Points(l.iter().map(|p| pt(p.x + dx, p.y + dy)).collect()),
                };
                c
            })
            .collect();
        let now = place_labels(&moved, &[], &em(), &opts(), &prev);
        // every label still inside keeps its option and moves exactly with the map
        for p in &last.placed {
            let inside =
                ScreenRect::new(pt(4.0, 4.0), pt(396.0, 296.0)).contains_rect(&p.rect.translate(1.5, -0.7));
            let q = now.placed.iter().find(|q| q.id == p.id);
            if inside {
                let q = q.unwrap_or_else(|| panic!("step {step}: {} disappeared", p.id));
                assert_eq!(q.choice, p.choice, "step {step}: {} jumped", p.id);
                assert!((q.rect.min.x - p.rect.min.x - 1.5).abs() < 1e-9, "step {step}: {}", p.id);
            }
        }
        prev = now.choices();
        last = now;
    }
}

#[test]
fn the_same_input_gives_the_same_layout() {
    let mut cands: Vec<Candidate> = (0..60)
        .map(|i| {
            let f = f64::from(i);
            Candidate::point(
                format!("p{i}"),
                LabelClass::Poi,
                "WC",
                pt((f * 37.0) % 400.0, (f * 23.0) % 300.0),
            )
        })
        .collect();
    let a = place(&cands, &[]);
    cands.reverse();
    assert_eq!(place(&cands, &[]), a);
}

#[test]
fn a_measured_table_is_used_as_given() {
    let mut t = MetricsTable::new(em());
    t.insert(LabelClass::Zone, "Harbin", 300.0);
    let c = Candidate::point("z", LabelClass::Zone, "Harbin", pt(200.0, 150.0));
    let l = place_labels(&[c], &[], &t, &opts(), &PreviousChoices::new());
    assert_eq!(l.placed[0].rect.width(), 300.0);
}

#[test]
fn broken_input_is_dropped_not_panicked_on() {
    let nan = Candidate::point("n", LabelClass::Poi, "x", pt(f64::NAN, 3.0));
    let empty = Candidate::point("e", LabelClass::Poi, " ", pt(100.0, 100.0));
    let line = Candidate::line("l", LabelClass::Trail, "Trail", vec![]);
    let l = place(&[nan, empty, line], &[ScreenRect::new(pt(f64::NAN, 0.0), pt(1.0, 1.0))]);
    assert!(l.placed.is_empty());
    assert_eq!(l.dropped.len(), 3);
}

#[test]
fn a_label_with_alternative_points_takes_the_first_that_fits() {
    let mut c = Candidate::point("z", LabelClass::Zone, "Zone", pt(100.0, 100.0));
    c.anchor = Anchor::Points(vec![pt(100.0, 100.0), pt(300.0, 100.0), pt(300.0, 200.0)]);
    // an obstacle on the first point: the label goes to the second
    let blocked = [ScreenRect::centered(pt(100.0, 100.0), 120.0, 80.0)];
    let layout = place_labels(std::slice::from_ref(&c), &blocked, &em(), &opts(), &PreviousChoices::new());
    assert_eq!(layout.placed.len(), 1);
    assert_eq!(layout.placed[0].choice.station, 1);
    assert!((layout.placed[0].rect.center().x - 300.0).abs() < 1e-9);
    // nothing in the way: the first point
    let free = place_labels(std::slice::from_ref(&c), &[], &em(), &opts(), &PreviousChoices::new());
    assert_eq!(free.placed[0].choice.station, 0);
}

#[test]
fn a_label_is_abbreviated_before_it_is_dropped_and_keeps_its_short_form_while_panning() {
    // an 80 px gap: "Logistics & Business Services Park" fits neither on one line nor on two
    let walls = [
        ScreenRect::from_size(pt(0.0, 0.0), 160.0, 300.0),
        ScreenRect::from_size(pt(240.0, 0.0), 160.0, 300.0),
    ];
    let mut c =
        Candidate::point("z", LabelClass::Zone, "Logistics & Business Services Park", pt(200.0, 150.0));
    assert_eq!(place(std::slice::from_ref(&c), &walls).dropped, ["z"]);
    c.short = Some("Logistics".into());
    let l = place(std::slice::from_ref(&c), &walls);
    let label = &l.placed[0];
    assert!(label.choice.short && !label.choice.two_lines, "{label:?}");
    assert_eq!(label.lines[0].text, "Logistics");
    // with room, the full name is used
    let roomy = place(std::slice::from_ref(&c), &[]);
    assert!(!roomy.placed[0].choice.short);
    assert_eq!(roomy.placed[0].lines[0].text, c.text);
    // the next frame keeps the short choice
    let again = place_labels(&[c], &walls, &em(), &opts(), &l.choices());
    assert_eq!(again.choices(), l.choices());
}

#[test]
fn a_trail_label_turns_with_a_diagonal_line_and_stays_upright() {
    // drawn from lower right to upper left: the text still reads left to right, down the slope
    let line = vec![pt(380.0, 280.0), pt(20.0, 20.0)];
    let l = place(&[Candidate::line("t", LabelClass::Trail, "Jiangpan Greenway", line)], &[]);
    let t = &l.placed[0];
    let slope = (260.0f64).atan2(360.0).to_degrees();
    assert!((t.angle_deg - slope).abs() < 1e-9, "{}", t.angle_deg);
    // the centre is on the line: y − 20 = (x − 20) × 260 / 360
    let c = t.lines[0].center;
    assert!(((c.y - 20.0) - (c.x - 20.0) * 260.0 / 360.0).abs() < 1e-6, "{c:?}");
    assert!(t.boxes.len() > 1 && t.boxes.iter().all(|b| t.rect.contains_rect(b)));
}

#[test]
fn a_rotated_label_gives_way_only_where_its_text_meets_another() {
    let line = vec![pt(20.0, 20.0), pt(380.0, 280.0)];
    // a zone name in the empty corner of the diagonal's bounding box does not block it...
    let corner = Candidate::point("z", LabelClass::Zone, "Zone", pt(320.0, 60.0));
    let l = place(&[corner, Candidate::line("t", LabelClass::Trail, "Jiangpan Greenway", line.clone())], &[]);
    assert_eq!(ids(&l), ["z", "t"]);
    assert!(l.placed[1].lines[0].center.distance(pt(200.0, 150.0)) < 24.0, "at the middle of the line");
    // ...while one on the line's middle moves it along the line, clear of the zone's box
    let middle = Candidate::point("z", LabelClass::Zone, "Songbei Zone", pt(200.0, 150.0));
    let l = place(&[middle, Candidate::line("t", LabelClass::Trail, "Greenway", line)], &[]);
    assert_eq!(ids(&l), ["z", "t"]);
    let zone = l.placed[0].rect.inflate(2.0);
    assert!(l.placed[1].boxes.iter().all(|b| !b.overlaps(&zone)));
}

#[test]
fn a_route_is_named_once_per_stretch_and_repeated_only_far_apart() {
    // four sections of one route end to end, and a second route beside them
    let section = |k: usize| {
        let x0 = 10.0 + 95.0 * k as f64;
        Candidate::line(
            format!("s{k}"),
            LabelClass::Trail,
            "Jiangpan Greenway",
            vec![pt(x0, 100.0), pt(x0 + 95.0, 100.0)],
        )
    };
    // each section is shorter than the name: joined into one stretch, they carry it
    let mut cands: Vec<Candidate> = chain_lines((0..4).map(section).collect(), 1.0);
    cands.push(Candidate::line(
        "o",
        LabelClass::Trail,
        "Canal Walk",
        vec![pt(10.0, 200.0), pt(390.0, 200.0)],
    ));
    let wide = PlaceOptions { repeat_px: 320.0, ..opts() };
    let l = place_labels(&cands, &[], &em(), &wide, &PreviousChoices::new());
    let named = |l: &LabelLayout| l.placed.iter().filter(|p| p.lines[0].text == "Jiangpan Greenway").count();
    assert_eq!(named(&l), 1, "{:?}", ids(&l));
    assert!(ids(&l).contains(&"s0+s1+s2+s3"), "{:?}", ids(&l));
    assert!(ids(&l).contains(&"o"), "another route has its own name");
    // two stretches of the route (a gap between them): named twice only when far enough apart
    let apart = |gap: f64| {
        let a = Candidate::line(
            "a",
            LabelClass::Trail,
            "Jiangpan Greenway",
            vec![pt(5.0, 250.0), pt(150.0, 250.0)],
        );
        let b = Candidate::line(
            "b",
            LabelClass::Trail,
            "Jiangpan Greenway",
            vec![pt(150.0 + gap, 250.0), pt(295.0 + gap, 250.0)],
        );
        let l = place_labels(&chain_lines(vec![a, b], 1.0), &[], &em(), &wide, &PreviousChoices::new());
        named(&l)
    };
    assert_eq!(apart(40.0), 1);
    assert_eq!(apart(95.0), 1, "245 px apart");
    let wide = PlaceOptions { width: 800.0, ..wide };
    let l = place_labels(
        &chain_lines(vec![section(0), section(6)], 1.0),
        &[],
        &em(),
        &wide,
        &PreviousChoices::new(),
    );
    assert_eq!(l.placed.len(), 0, "each section alone is too short");
    let long = |x0: f64| vec![pt(x0, 100.0), pt(x0 + 150.0, 100.0)];
    let cands = vec![
        Candidate::line("a", LabelClass::Trail, "Jiangpan Greenway", long(10.0)),
        Candidate::line("b", LabelClass::Trail, "Jiangpan Greenway", long(400.0)),
    ];
    assert_eq!(named(&place_labels(&cands, &[], &em(), &wide, &PreviousChoices::new())), 2, "390 px apart");
}
