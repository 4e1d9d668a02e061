use super::*;

const ICON: f64 = 18.0;

fn pt(x: f64, y: f64) -> ScreenPoint {
    ScreenPoint::new(x, y)
}

/// A dense deterministic scatter: `n` POIs in a `side` px square, four kinds.
fn scatter(n: usize, side: f64, seed: u64) -> Vec<PoiMark<u8>> {
    let mut s = seed;
    let mut next = || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|i| PoiMark {
            id: format!("poi-{i:03}"),
            at: pt(next() * side, next() * side),
            kind: (i % 4) as u8,
        })
        .collect()
}

fn check_badges(pois: &[PoiMark<u8>], badges: &[Badge<u8>]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for b in badges {
        for m in &b.members {
            *seen.entry(m.as_str()).or_default() += 1;
        }
        assert!(b.members.windows(2).all(|w| w[0] < w[1]), "{b:?}");
        assert!(b.members.contains(&b.key));
    }
    assert_eq!(seen.len(), pois.len(), "every POI is in a badge");
    assert!(seen.values().all(|&n| n == 1), "and in only one");
    for (i, a) in badges.iter().enumerate() {
        for b in &badges[i + 1..] {
            assert!(!covers(&a.rect(ICON), &b.rect(ICON)), "{a:?} covers {b:?}");
        }
    }
}

#[test]
fn every_poi_is_in_exactly_one_badge_and_badges_do_not_overlap() {
    for seed in 0..20 {
        let pois = scatter(200, 400.0, seed);
        let badges = merge_pois(&pois, ICON);
        check_badges(&pois, &badges);
        assert!(badges.len() < pois.len(), "a dense scatter merges something");
    }
}

#[test]
fn the_result_does_not_depend_on_input_order_and_survives_a_pan() {
    let pois = scatter(150, 300.0, 7);
    let badges = merge_pois(&pois, ICON);
    let mut reversed = pois.clone();
    reversed.reverse();
    assert_eq!(merge_pois(&reversed, ICON), badges);
    for (dx, dy) in [(3.0, -2.0), (-7.25, 0.5), (120.0, 64.0)] {
        let moved: Vec<PoiMark<u8>> =
            pois.iter().map(|p| PoiMark { at: pt(p.at.x + dx, p.at.y + dy), ..p.clone() }).collect();
        let after = merge_pois(&moved, ICON);
        let members =
            |b: &[Badge<u8>]| b.iter().map(|b| (b.key.clone(), b.members.clone())).collect::<Vec<_>>();
        assert_eq!(members(&after), members(&badges), "pan ({dx}, {dy})");
    }
}

#[test]
fn a_badge_shows_a_kind_only_when_its_members_share_it() {
    let pois = vec![
        PoiMark { id: "a".into(), at: pt(0.0, 0.0), kind: 1u8 },
        PoiMark { id: "b".into(), at: pt(5.0, 5.0), kind: 1 },
        PoiMark { id: "c".into(), at: pt(100.0, 0.0), kind: 1 },
        PoiMark { id: "d".into(), at: pt(104.0, 0.0), kind: 2 },
    ];
    let badges = merge_pois(&pois, ICON);
    assert_eq!(badges.iter().map(|b| (b.len(), b.kind)).collect::<Vec<_>>(), [(2, Some(1)), (2, None)]);
    assert_eq!(merge_pois(&pois, 0.0).len(), 4, "no icon size, no merging");
    let odd = [PoiMark { id: "n".into(), at: pt(f64::NAN, 0.0), kind: 0u8 }];
    assert_eq!(merge_pois(&odd, ICON).len(), 1);
}

#[test]
fn badges_step_aside_from_bubbles_or_join_a_shown_badge() {
    let mut joined = 0;
    for seed in 0..10 {
        let pois = scatter(120, 400.0, seed);
        let badges = merge_pois(&pois, ICON);
        let bubbles: Vec<ScreenRect> =
            scatter(25, 400.0, seed + 100).iter().map(|p| ScreenRect::centered(p.at, 30.0, 30.0)).collect();
        let cleared = keep_clear(badges.clone(), &bubbles, ICON);
        // no POI is lost: every one is in exactly one shown badge
        check_members(&pois, &cleared.shown);
        assert_eq!(cleared.shown.len() + cleared.joined.len(), badges.len());
        joined += cleared.joined.len();
        for (i, a) in cleared.shown.iter().enumerate() {
            assert!(bubbles.iter().all(|b| !covers(&a.rect(ICON), b)), "{a:?} on a bubble");
            assert!(a.at.distance(a.anchor) <= ICON + 1e-9, "nudged at most one icon");
            for b in &cleared.shown[i + 1..] {
                assert!(!covers(&a.rect(ICON), &b.rect(ICON)), "{a:?} covers {b:?}");
            }
        }
        for (from, into) in &cleared.joined {
            let b = cleared.shown.iter().find(|b| &b.key == into).expect("joined a shown badge");
            assert!(b.members.contains(from), "{from} is listed by {into}");
        }
        // shown badges keep the input order; clear ones did not move
        let keys: Vec<&str> = badges.iter().map(|b| b.key.as_str()).collect();
        let shown: Vec<&str> = cleared.shown.iter().map(|b| b.key.as_str()).collect();
        assert!(shown
            .windows(2)
            .all(|w| { keys.iter().position(|k| *k == w[0]) < keys.iter().position(|k| *k == w[1]) }));
        assert_eq!(keep_clear(badges, &bubbles, ICON), cleared, "deterministic");
    }
    assert!(joined > 0, "the scatter is dense enough that some badge has to join another");
}

/// Every POI of `pois` is a member of exactly one of `badges`, whose members stay sorted.
fn check_members(pois: &[PoiMark<u8>], badges: &[Badge<u8>]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for b in badges {
        assert!(b.members.windows(2).all(|w| w[0] < w[1]), "{b:?}");
        for m in &b.members {
            *seen.entry(m.as_str()).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), pois.len(), "every POI is in a shown badge");
    assert!(seen.values().all(|&n| n == 1), "and in only one");
}

#[test]
fn a_badge_boxed_in_by_bubbles_joins_the_nearest_shown_badge() {
    let pois = [
        PoiMark { id: "a-wc".into(), at: pt(100.0, 100.0), kind: 1u8 },
        PoiMark { id: "b-gate".into(), at: pt(160.0, 100.0), kind: 2 },
        PoiMark { id: "c-far".into(), at: pt(400.0, 100.0), kind: 1 },
    ];
    // a bubble so big that no nudge of one icon takes "a-wc" off it
    let bubble = ScreenRect::centered(pt(100.0, 100.0), 80.0, 80.0);
    let cleared = keep_clear(merge_pois(&pois, ICON), &[bubble], ICON);
    assert_eq!(cleared.joined, [("a-wc".to_owned(), "b-gate".to_owned())]);
    let gate = cleared.shown.iter().find(|b| b.key == "b-gate").unwrap();
    assert_eq!(gate.members, ["a-wc", "b-gate"]);
    assert_eq!(gate.kind, None, "two kinds: the badge shows a count");
    // with no other badge to join, it is shown itself, off the bubble
    let alone = keep_clear(merge_pois(&pois[..1], ICON), &[bubble], ICON);
    assert_eq!(alone.shown.len(), 1);
    assert!(!covers(&alone.shown[0].rect(ICON), &bubble), "{alone:?}");
}

#[test]
fn a_badge_just_under_a_bubble_moves_away_from_it() {
    let badge = merge_pois(&[PoiMark { id: "p".into(), at: pt(110.0, 100.0), kind: 0u8 }], ICON);
    let bubble = ScreenRect::centered(pt(100.0, 100.0), 26.0, 26.0);
    let cleared = keep_clear(badge, &[bubble], ICON);
    let b = &cleared.shown[0];
    assert!(b.at.x > 110.0 && (b.at.y - 100.0).abs() < 1e-9, "{b:?}");
    assert!(!covers(&b.rect(ICON), &bubble));
}
