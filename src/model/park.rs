//! The whole park: every feature of every layer that loaded, and the look-ups by id.

use std::collections::HashSet;

use super::{retain_flagged, Company, ContextFeature, Layer, Poi, Site, Text, Trail, TrailKind, Zone};
use crate::geo::LonLat;

/// A whole park: the manifest and every layer that loaded (a failed layer is simply empty).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Park {
    /// Context features.
    pub context: Vec<ContextFeature>,
    /// Zones.
    pub zones: Vec<Zone>,
    /// Waterfront segments.
    pub waterfront: Vec<Trail>,
    /// Greenway segments.
    pub greenway: Vec<Trail>,
    /// Points of interest.
    pub pois: Vec<Poi>,
    /// Companies.
    pub companies: Vec<Company>,
    /// Sites on offer (land parcels and space in buildings).
    pub sites: Vec<Site>,
    /// How far (metres) a trail's end may lie from another trail and still be joined to it in the
    /// route network: the manifest's `junction_tolerance_m`; `None` for the default (3 m).
    pub junction_tolerance_m: Option<f64>,
}

impl Park {
    /// True when not one feature of any layer is in the park (nothing can be drawn).
    pub fn is_empty(&self) -> bool {
        self.context.is_empty()
            && self.zones.is_empty()
            && self.greenway.is_empty()
            && self.waterfront.is_empty()
            && self.pois.is_empty()
            && self.companies.is_empty()
            && self.sites.is_empty()
    }

    /// Adds a parsed layer's features to the park, leaving out any whose id the park already has
    /// (see [`Park::add_new`]).
    pub fn add(&mut self, layer: Layer) {
        let _ = self.add_new(layer);
    }

    /// Adds a parsed layer's features to the park, except those whose id the park already holds
    /// from another layer of the same kind (greenway and waterfront count as one kind), and returns
    /// their positions in `layer`. Ids are unique per layer by the parser; this makes them unique
    /// per park, which the map needs: it keys markers and selections by id, and two markers with
    /// one key were drawn as one.
    pub fn add_new(&mut self, layer: Layer) -> Vec<usize> {
        /// Keeps the items of `from` whose id is neither `existing` nor earlier in `from`; returns
        /// the positions of the rest.
        fn keep_new<'a, T>(
            existing: impl Iterator<Item = &'a str>,
            from: &mut Vec<T>,
            id: fn(&T) -> &str,
        ) -> Vec<usize> {
            let keep: Vec<bool> = {
                let mut taken: HashSet<&str> = existing.collect();
                from.iter().map(|t| taken.insert(id(t))).collect()
            };
            retain_flagged(from, &keep);
            keep.iter().enumerate().filter(|(_, &k)| !k).map(|(k, _)| k).collect()
        }
        /// Appends `from` to `into`; moves the vector itself when `into` is empty (the first layer
        /// of its kind), so 50 000 companies are not copied.
        fn append<T>(into: &mut Vec<T>, mut from: Vec<T>) {
            if into.is_empty() {
                *into = from;
            } else {
                into.append(&mut from);
            }
        }
        match layer {
            Layer::Context(v) => {
                self.context.extend(v);
                Vec::new()
            }
            Layer::Zones(mut v) => {
                let dropped = keep_new(self.zones.iter().map(|z| z.id.as_str()), &mut v, |z| &z.id);
                append(&mut self.zones, v);
                dropped
            }
            Layer::Trails(mut v) => {
                // Greenway and waterfront ids count as one kind.
                let trails = self.greenway.iter().chain(&self.waterfront);
                let dropped = keep_new(trails.map(|t| t.id.as_str()), &mut v, |t| &t.id);
                for t in v {
                    match t.kind {
                        TrailKind::Greenway => self.greenway.push(t),
                        TrailKind::Waterfront => self.waterfront.push(t),
                    }
                }
                dropped
            }
            Layer::Pois(mut v) => {
                let dropped = keep_new(self.pois.iter().map(|p| p.id.as_str()), &mut v, |p| &p.id);
                append(&mut self.pois, v);
                dropped
            }
            Layer::Companies(mut v) => {
                let dropped = keep_new(self.companies.iter().map(|c| c.id.as_str()), &mut v, |c| &c.id);
                append(&mut self.companies, v);
                dropped
            }
            Layer::Sites(mut v) => {
                let dropped = keep_new(self.sites.iter().map(|s| s.id.as_str()), &mut v, |s| &s.id);
                append(&mut self.sites, v);
                dropped
            }
        }
    }

    /// Companies whose `zone` is `zone_id`.
    pub fn companies_in_zone<'a>(&'a self, zone_id: &'a str) -> impl Iterator<Item = &'a Company> + 'a {
        self.companies.iter().filter(move |c| c.zone.as_deref() == Some(zone_id))
    }

    /// Looks a company up by id.
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.companies.iter().find(|c| c.id == id)
    }

    /// Looks a site up by id.
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// Looks a zone up by id.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// Looks a trail (greenway or waterfront) up by id.
    pub fn trail(&self, id: &str) -> Option<&Trail> {
        self.greenway.iter().chain(&self.waterfront).find(|t| t.id == id)
    }

    /// Looks a POI up by id.
    pub fn poi(&self, id: &str) -> Option<&Poi> {
        self.pois.iter().find(|p| p.id == id)
    }

    /// The box the zones cover (Web Mercator), or `None` without zones: what "fit the park" shows.
    pub fn zones_extent(&self) -> Option<crate::geo::MapBounds> {
        crate::geo::MapBounds::around(
            self.zones
                .iter()
                .flat_map(|z| z.polygons.iter().flat_map(|p| p.map_rings.iter().flatten().copied())),
        )
    }

    /// The first POI within `radius_m` metres of `pos`.
    pub fn poi_at(&self, pos: LonLat, radius_m: f64) -> Option<&Poi> {
        self.pois.iter().find(|p| crate::geo::measure::distance_m(p.pos, pos) <= radius_m)
    }

    /// The name of the feature `f` names, if the park has it.
    pub fn name_of(&self, f: &crate::feature::FeatureRef) -> Option<&Text> {
        use crate::feature::FeatureKind;
        let id = f.id.as_str();
        match f.kind {
            FeatureKind::Company => self.company(id).map(|c| &c.name),
            FeatureKind::Zone => self.zone(id).map(|z| &z.name),
            FeatureKind::Trail => self.trail(id).map(|t| &t.name),
            FeatureKind::Poi => self.poi(id).map(|p| &p.name),
            FeatureKind::Site => self.site(id).map(|s| &s.name),
        }
    }
}
