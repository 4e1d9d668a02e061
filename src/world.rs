//! The world layers — context, zones, waterfront and greenway — written as SVG markup by one piece
//! of code for both places that draw them: the app's map, which inserts each layer's markup once
//! (one string, no view per feature, events delegated to the map through `data-select`), and the
//! build-time pre-rendered picture ([`crate::prerender`]). Every text from data is escaped.

use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::MapPoint;
use crate::html::escape;
use crate::i18n::{t, Lang};
use crate::model::{ContextShape, LayerKind, Park, Trail};
use std::fmt::Write;

/// Writes a run of points (a line, a ring) as path data.
pub type LinesPath<'a> = &'a dyn Fn(&[Vec<MapPoint>]) -> String;

/// Writes polygons (each a list of rings) as path data.
pub type PolygonsPath<'a> = &'a dyn Fn(&[Vec<Vec<MapPoint>>]) -> String;

/// How the layers are written.
pub struct WorldSvg<'a> {
    /// The CSS block of the classes: `map` for the app, `pr` for the picture ([`crate::classes`]).
    pub block: &'a str,
    /// A run of points (a line, a ring) as path data.
    pub lines: LinesPath<'a>,
    /// Polygons (each a list of rings) as path data.
    pub polygons: PolygonsPath<'a>,
    /// The app's map is interactive: zones and trails are buttons (`role`, `tabindex="-1"`, a name
    /// in this language, the `data-select` key the map's delegated events read). The picture is not.
    pub interactive: Option<Lang>,
}

impl WorldSvg<'_> {
    /// The context layer's paths (not clickable).
    pub fn context(&self, park: &Park) -> String {
        let mut out = String::new();
        for f in &park.context {
            let d = match &f.shape {
                ContextShape::Polygons(p) => (self.polygons)(p),
                ContextShape::Lines(l) => (self.lines)(l),
            };
            self.path(&mut out, &crate::classes::context(f, self.block), &d, true, "");
        }
        out
    }

    /// The zones' paths.
    pub fn zones(&self, park: &Park) -> String {
        let mut out = String::new();
        for z in &park.zones {
            let rings: Vec<Vec<Vec<MapPoint>>> = z.polygons.iter().map(|p| p.map_rings.clone()).collect();
            let extra = self.interactive.map_or_else(String::new, |lang| {
                let name = format!("{}: {}", t(lang, "panel.zone"), z.name.get(lang));
                button(&FeatureRef::new(FeatureKind::Zone, z.id.clone()), &name)
            });
            self.path(&mut out, &crate::classes::zone(z, self.block), &(self.polygons)(&rings), true, &extra);
        }
        out
    }

    /// The trails of a waterfront or greenway layer. On the app's map each is a group with a wide
    /// transparent stroke under it, so a thin line is easy to hit.
    pub fn trails(&self, trails: &[Trail], kind: LayerKind) -> String {
        let mut out = String::new();
        let noun = if kind == LayerKind::Greenway { "greenway.of" } else { "waterfront.of" };
        for tr in trails {
            let d = (self.lines)(&tr.map_parts);
            let class = crate::classes::trail(tr, self.block);
            match self.interactive {
                Some(lang) if !d.is_empty() => {
                    let name = format!("{} ({})", tr.name.get(lang), t(lang, noun));
                    let attrs = button(&FeatureRef::new(FeatureKind::Trail, tr.id.clone()), &name);
                    let _ = write!(
                        out,
                        r#"<g class="{b}__trail-group"{attrs}><path class="{b}__trail-hit" d="{d}"/><path class="{class}" d="{d}"/></g>"#,
                        b = self.block
                    );
                }
                _ => self.path(&mut out, &class, &d, false, ""),
            }
        }
        out
    }

    /// One `<path>` (none for empty path data: SVG complains about an empty `d`).
    fn path(&self, out: &mut String, class: &str, d: &str, evenodd: bool, extra: &str) {
        if d.is_empty() {
            return;
        }
        let rule = if evenodd { r#" fill-rule="evenodd""# } else { "" };
        let _ = write!(out, r#"<path class="{class}" d="{d}"{rule}{extra}/>"#);
    }
}

/// The attributes that make a feature a button of the map: its key, role, name, and focusable by
/// script but no Tab stop of its own (`tabindex="-1"`): the map is one Tab stop, and the keyboard
/// reaches its features with digits and arrows (`ui/keys.rs`).
fn button(feature: &FeatureRef, name: &str) -> String {
    format!(
        r#" data-select="{}" role="button" tabindex="-1" aria-label="{}""#,
        escape(&feature.to_string()),
        escape(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::svg::{lines_path, polygons_path};
    use crate::model::{PolygonGeom, Text, TrailKind, Zone};

    fn lines(l: &[Vec<MapPoint>]) -> String {
        lines_path(l, MapPoint::default())
    }

    fn polygons(p: &[Vec<Vec<MapPoint>>]) -> String {
        polygons_path(p, MapPoint::default())
    }

    fn square_zone(name: &str) -> Zone {
        let ring: Vec<MapPoint> = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
            .iter()
            .map(|&(x, y)| MapPoint::new(x, y))
            .collect();
        let mut z = Zone::sample("z1");
        z.name = Text { zh: name.into(), en: name.into(), ru: None };
        z.polygons = vec![PolygonGeom { rings: vec![], map_rings: vec![ring] }];
        z
    }

    #[test]
    fn an_interactive_zone_is_a_named_button_with_its_key() {
        let park = Park { zones: vec![square_zone("Service Centers")], ..Park::default() };
        let w = WorldSvg { block: "map", lines: &lines, polygons: &polygons, interactive: Some(Lang::En) };
        let out = w.zones(&park);
        assert!(out.starts_with(r#"<path class="map__zone "#), "{out}");
        assert!(
            out.contains(
                r#"data-select="zone:z1" role="button" tabindex="-1" aria-label="Zone: Service Centers""#
            ),
            "{out}"
        );
        assert!(out.contains(r#"fill-rule="evenodd""#));
    }

    #[test]
    fn markup_from_data_stays_text() {
        let park = Park { zones: vec![square_zone(r#""><script>alert(1)</script>"#)], ..Park::default() };
        let w = WorldSvg { block: "map", lines: &lines, polygons: &polygons, interactive: Some(Lang::En) };
        let out = w.zones(&park);
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
    }

    #[test]
    fn the_picture_has_no_buttons_and_trails_are_plain_paths() {
        let trail = Trail::from_line(
            "g1",
            TrailKind::Greenway,
            Text::default(),
            vec![crate::geo::LonLat::lon_lat(126.5, 45.8), crate::geo::LonLat::lon_lat(126.51, 45.8)],
        );
        let park = Park { zones: vec![square_zone("A")], ..Park::default() };
        let w = WorldSvg { block: "pr", lines: &lines, polygons: &polygons, interactive: None };
        assert!(!w.zones(&park).contains("role="));
        let out = w.trails(std::slice::from_ref(&trail), LayerKind::Greenway);
        assert!(out.starts_with(r#"<path class="pr__trail pr__trail--greenway" d="M"#), "{out}");
        let app = WorldSvg { block: "map", lines: &lines, polygons: &polygons, interactive: Some(Lang::Zh) };
        let out = app.trails(&[trail], LayerKind::Greenway);
        assert!(out.starts_with(r#"<g class="map__trail-group" data-select="trail:g1""#), "{out}");
        assert_eq!(out.matches("<path").count(), 2, "the hit line and the trail: {out}");
    }

    #[test]
    fn an_empty_geometry_writes_nothing() {
        let mut z = square_zone("A");
        z.polygons.clear();
        let park = Park { zones: vec![z], ..Park::default() };
        let w = WorldSvg { block: "map", lines: &lines, polygons: &polygons, interactive: Some(Lang::En) };
        assert_eq!(w.zones(&park), "");
    }
}
