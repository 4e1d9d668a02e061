//! POI icons that never pile up: POIs closer than an icon merge into one badge (with a count), and
//! badges step aside from company cluster bubbles. Pure, in screen pixels.
//!
//! Merging ([`merge_pois`]) is the clustering rule of [`crate::index`] in screen space: POIs are
//! visited by id; each one not yet taken seeds a badge at its own position and takes every untaken
//! POI whose icon would overlap the seed's (closer than `icon_px` on both axes). So seeds' icons
//! never overlap, every POI is in exactly one badge, and since only differences of positions count,
//! a pan changes nothing but the positions. Pass every POI (not only those in view) so that a POI
//! entering the view cannot change which POI seeds a badge.
//!
//! Clearing ([`keep_clear`]): cluster bubbles win, because they stand for many companies and their
//! place is their members' mean. A badge covering more than [`MAX_OVERLAP`] of a bubble (or the
//! bubble of it, whichever is smaller) is nudged up to one icon away, in the direction that leads
//! away from the bubbles first. Where no nudge clears it, it joins the nearest badge that is shown
//! (whose count, name and list then hold its places too), so no POI is ever out of reach. Badges
//! that were clear stay where they are.
//!
//! ```
//! use parkmap::geo::{ScreenPoint, ScreenRect};
//! use parkmap::label::badges::{keep_clear, merge_pois, PoiMark};
//! let pois = [
//!     PoiMark { id: "wc-1".into(), at: ScreenPoint::new(100.0, 100.0), kind: 'T' },
//!     PoiMark { id: "wc-2".into(), at: ScreenPoint::new(110.0, 104.0), kind: 'T' },
//!     PoiMark { id: "gate".into(), at: ScreenPoint::new(300.0, 100.0), kind: 'E' },
//! ];
//! let badges = merge_pois(&pois, 18.0);
//! assert_eq!(badges.len(), 2);
//! assert_eq!(badges[1].members, ["wc-1", "wc-2"]);
//! assert_eq!(badges[1].kind, Some('T'));
//! let bubble = ScreenRect::centered(ScreenPoint::new(300.0, 100.0), 30.0, 30.0);
//! let cleared = keep_clear(badges, &[bubble], 18.0);
//! let held: usize = cleared.shown.iter().map(|b| b.len()).sum();
//! assert_eq!(held, 3, "every POI is in a badge that is shown");
//! ```

use std::collections::HashMap;

use crate::geo::{ScreenPoint, ScreenRect};

/// Largest share of the smaller of two boxes that a badge may cover, or be covered by.
pub const MAX_OVERLAP: f64 = 0.2;

/// A POI as drawn: its id, screen position and kind (the icon).
#[derive(Clone, Debug, PartialEq)]
pub struct PoiMark<K> {
    /// Unique id (a feature's `kind:id`).
    pub id: String,
    /// Screen position of its icon's centre.
    pub at: ScreenPoint,
    /// What it is (decides the icon).
    pub kind: K,
}

/// One icon on the map standing for one or more POIs.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge<K> {
    /// A stable key for keyed lists: the seed's id.
    pub key: String,
    /// Where the seed POI is.
    pub anchor: ScreenPoint,
    /// Where the icon is drawn: `anchor`, unless [`keep_clear`] nudged it.
    pub at: ScreenPoint,
    /// Ids of the POIs it stands for, ascending; the seed is among them.
    pub members: Vec<String>,
    /// The members' kind when they all share one (draw its icon), else `None` (draw the count).
    pub kind: Option<K>,
}

impl<K> Badge<K> {
    /// Number of POIs in the badge.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Never true: a badge has at least one member (here for clippy's `len` convention).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The icon's box for an icon `icon_px` square.
    pub fn rect(&self, icon_px: f64) -> ScreenRect {
        ScreenRect::centered(self.at, icon_px, icon_px)
    }

    /// True when [`keep_clear`] moved it off its POI (draw a short leader line, say).
    pub fn is_nudged(&self) -> bool {
        self.at != self.anchor
    }
}

/// Merges POIs whose `icon_px` icons would overlap into badges (see the module docs for the rule).
/// Badges come in their seeds' id order. A non-positive or non-finite `icon_px` merges nothing; a
/// POI at a non-finite position is a badge of its own.
///
/// # Complexity
/// O(n log n) for the sort plus O(n · k) on a hash grid of icon-sized cells (k POIs per cell).
pub fn merge_pois<K: Copy + Eq>(pois: &[PoiMark<K>], icon_px: f64) -> Vec<Badge<K>> {
    let size = if icon_px.is_finite() && icon_px > 0.0 { icon_px } else { 0.0 };
    let finite = |p: ScreenPoint| p.x.is_finite() && p.y.is_finite();
    let cell = |p: ScreenPoint| ((p.x / size).floor() as i64, (p.y / size).floor() as i64);
    let mut order: Vec<usize> = (0..pois.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| pois[a].id.cmp(&pois[b].id).then(a.cmp(&b)));
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    if size > 0.0 {
        for &i in &order {
            if finite(pois[i].at) {
                grid.entry(cell(pois[i].at)).or_default().push(i);
            }
        }
    }
    let mut taken = vec![false; pois.len()];
    let mut out = Vec::new();
    for &seed in &order {
        if taken[seed] {
            continue;
        }
        taken[seed] = true;
        let s = &pois[seed];
        let mut members = vec![seed];
        if size > 0.0 && finite(s.at) {
            let (cx, cy) = cell(s.at);
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for &j in grid.get(&(gx, gy)).map_or(&[][..], Vec::as_slice) {
                        let p = pois[j].at;
                        if !taken[j] && (p.x - s.at.x).abs() < size && (p.y - s.at.y).abs() < size {
                            taken[j] = true;
                            members.push(j);
                        }
                    }
                }
            }
        }
        crate::sort::sort_by(&mut members, |&a, &b| pois[a].id.cmp(&pois[b].id).then(a.cmp(&b)));
        let kind = members.iter().all(|&m| pois[m].kind == s.kind).then_some(s.kind);
        out.push(Badge {
            key: s.id.clone(),
            anchor: s.at,
            at: s.at,
            members: members.iter().map(|&m| pois[m].id.clone()).collect(),
            kind,
        });
    }
    out
}

/// Badges after [`keep_clear`].
#[derive(Clone, Debug, PartialEq)]
pub struct Cleared<K> {
    /// Badges to draw (in the input order), some nudged, some holding a blocked badge's POIs too:
    /// every POI is in exactly one of them.
    pub shown: Vec<Badge<K>>,
    /// Keys of the badges no nudge could clear of the bubbles and the other badges, each with the
    /// key of the shown badge it joined.
    pub joined: Vec<(String, String)>,
}

/// True when `a` and `b` overlap by more than [`MAX_OVERLAP`] of the smaller.
pub fn covers(a: &ScreenRect, b: &ScreenRect) -> bool {
    let smaller = a.area().min(b.area());
    a.intersection_area(b) > MAX_OVERLAP * smaller
}

/// Keeps badges off the cluster bubbles (their boxes, `bubbles`) by the rule in the module docs.
///
/// # Complexity
/// O(b · (c + b)) for b badges and c bubbles: a few hundred of each on a screen.
pub fn keep_clear<K: Copy + Eq>(badges: Vec<Badge<K>>, bubbles: &[ScreenRect], icon_px: f64) -> Cleared<K> {
    let size = if icon_px.is_finite() && icon_px > 0.0 { icon_px } else { 0.0 };
    let on_bubble = |r: &ScreenRect| bubbles.iter().any(|b| covers(r, b));
    let (clear, mut blocked): (Vec<_>, Vec<_>) =
        badges.into_iter().enumerate().partition(|(_, b)| !on_bubble(&b.rect(size)));
    let mut shown: Vec<(usize, Badge<K>)> = clear;
    let mut stuck = Vec::new();
    // the eight directions, as unit vectors, in a fixed order for ties
    let s = std::f64::consts::FRAC_1_SQRT_2;
    let dirs = [(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (s, -s), (s, s), (-s, s), (-s, -s)];
    for (i, mut badge) in blocked.drain(..) {
        // away from the bubbles it covers: from their centres' mean towards the badge
        let hit: Vec<ScreenPoint> =
            bubbles.iter().filter(|b| covers(&badge.rect(size), b)).map(|b| b.center()).collect();
        let n = hit.len().max(1) as f64;
        let (mx, my) = hit.iter().fold((0.0, 0.0), |(x, y), p| (x + p.x / n, y + p.y / n));
        let away = (badge.anchor.x - mx, badge.anchor.y - my);
        let mut order: Vec<(f64, f64)> = dirs.to_vec();
        // most aligned first; the sort is stable, so ties keep the fixed order
        crate::sort::sort_by(&mut order, |a, b| {
            (b.0 * away.0 + b.1 * away.1).total_cmp(&(a.0 * away.0 + a.1 * away.1))
        });
        let fits = |r: &ScreenRect, shown: &[(usize, Badge<K>)]| {
            !on_bubble(r) && shown.iter().all(|(_, o)| !covers(r, &o.rect(size)))
        };
        let spot = [0.5 * size, size]
            .iter()
            .flat_map(|&d| order.iter().map(move |&(dx, dy)| (dx * d, dy * d)))
            .find(|&(dx, dy)| {
                let at = ScreenPoint::new(badge.anchor.x + dx, badge.anchor.y + dy);
                size > 0.0 && fits(&ScreenRect::centered(at, size, size), &shown)
            });
        match spot {
            Some((dx, dy)) => {
                badge.at = ScreenPoint::new(badge.anchor.x + dx, badge.anchor.y + dy);
                shown.push((i, badge));
            }
            None => stuck.push((i, badge)),
        }
    }
    let joined =
        stuck.into_iter().map(|(i, badge)| join_nearest(&mut shown, i, badge, &on_bubble, size)).collect();
    crate::sort::sort_by_key(&mut shown, |(i, _)| *i);
    Cleared { shown: shown.into_iter().map(|(_, b)| b).collect(), joined }
}

/// Puts a badge that found no clear spot into the shown badge nearest its POI (ties: the earlier);
/// with none shown yet, it is shown itself, at the first spot up to [`LAST_RESORT_ICONS`] icons away
/// that no bubble covers (at its POI if there is none). Returns (its key, the key it is shown under).
fn join_nearest<K: Copy + Eq>(
    shown: &mut Vec<(usize, Badge<K>)>,
    i: usize,
    mut badge: Badge<K>,
    on_bubble: &impl Fn(&ScreenRect) -> bool,
    size: f64,
) -> (String, String) {
    let d2 = |p: ScreenPoint| (p.x - badge.anchor.x).powi(2) + (p.y - badge.anchor.y).powi(2);
    let nearest = shown
        .iter()
        .enumerate()
        .map(|(j, (_, b))| (j, d2(b.at)))
        .filter(|(_, d)| d.is_finite())
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(j, _)| j);
    match nearest {
        Some(j) => {
            let into = &mut shown[j].1;
            if into.kind != badge.kind {
                into.kind = None;
            }
            into.members.append(&mut badge.members);
            crate::sort::sort(&mut into.members);
            (badge.key, into.key.clone())
        }
        None => {
            let s = std::f64::consts::FRAC_1_SQRT_2;
            let dirs = [(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (s, -s), (s, s), (-s, s), (-s, -s)];
            let spot = (1..=2 * LAST_RESORT_ICONS)
                .flat_map(|k| {
                    dirs.iter().map(move |&(dx, dy)| (dx * size * k as f64 / 2.0, dy * size * k as f64 / 2.0))
                })
                .map(|(dx, dy)| ScreenPoint::new(badge.anchor.x + dx, badge.anchor.y + dy))
                .find(|&at| size > 0.0 && !on_bubble(&ScreenRect::centered(at, size, size)));
            badge.at = spot.unwrap_or(badge.anchor);
            let key = badge.key.clone();
            shown.push((i, badge));
            (key.clone(), key)
        }
    }
}

/// How far, in icons, a badge with no other badge to join looks for a spot off the bubbles.
pub const LAST_RESORT_ICONS: usize = 8;

#[cfg(test)]
#[path = "badges_tests.rs"]
mod tests;
