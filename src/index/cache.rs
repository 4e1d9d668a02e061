//! Memoised clustering for the map: one grid per zoom (kept while the companies stay the same) and
//! one clustering per zoom (kept while the filter stays the same).

use super::cluster::{Cluster, Grid, Level};
use super::{clean_radius, cluster_with, cluster_zoom, near_view, SpatialIndex, SINGLES_ZOOM};
use crate::geo::Viewport;

const LEVELS: usize = SINGLES_ZOOM as usize + 1;

/// The map's marker clusters: owns the [`SpatialIndex`], the current filter mask and the
/// memoised levels. Zooming back to a visited level costs only the viewport cull; a filter change
/// re-clusters each level lazily, on its next visit, reusing the grids.
///
/// ```
/// use parkmap::geo::{MapPoint, Viewport};
/// use parkmap::index::{ClusterCache, SpatialIndex};
/// let index = SpatialIndex::from_points(vec![MapPoint::new(0.0, 0.0), MapPoint::new(20.0, 0.0)]);
/// let mut cache = ClusterCache::new(index, 40.0);
/// assert_eq!(cache.level(14).len(), 1);
/// assert!(cache.set_matching(&[true, false]));
/// assert_eq!(cache.level(14).get(0).unwrap().members, [0]);
/// let view = Viewport::new(MapPoint::new(0.0, 0.0), 14.5, 800.0, 600.0);
/// assert_eq!(cache.visible(&view)[0].members, [0]);
/// ```
#[derive(Clone, Debug)]
pub struct ClusterCache {
    index: SpatialIndex,
    radius_px: f64,
    mask: Vec<bool>,
    grids: Vec<Option<Grid>>,
    levels: Vec<Option<Level>>,
}

impl ClusterCache {
    /// A cache over `index` with every company matching, merging markers within `radius_px`
    /// pixels (clamped like [`SpatialIndex::cluster_level`]'s radius).
    pub fn new(index: SpatialIndex, radius_px: f64) -> Self {
        let mask = vec![true; index.len()];
        ClusterCache {
            index,
            radius_px: clean_radius(radius_px),
            mask,
            grids: vec![None; LEVELS],
            levels: vec![None; LEVELS],
        }
    }

    /// The spatial index (for viewport queries and nearest look-ups).
    pub fn index(&self) -> &SpatialIndex {
        &self.index
    }

    /// The merge radius in pixels.
    pub fn radius_px(&self) -> f64 {
        self.radius_px
    }

    /// Which companies are shown, by index.
    pub fn matching(&self) -> &[bool] {
        &self.mask
    }

    /// Sets which companies are shown (`mask[i]` for company `i`; missing entries count as not
    /// shown, extra ones are ignored). Returns true, and forgets the clustered levels, when the
    /// mask changed; the grids are kept.
    pub fn set_matching(&mut self, mask: &[bool]) -> bool {
        let n = self.index.len();
        let same = (0..n).all(|i| self.mask[i] == mask.get(i).copied().unwrap_or(false));
        if same {
            return false;
        }
        self.mask = (0..n).map(|i| mask.get(i).copied().unwrap_or(false)).collect();
        self.levels.iter_mut().for_each(|l| *l = None);
        true
    }

    /// The whole park's clusters at integer `zoom` (levels above [`SINGLES_ZOOM`] read as it),
    /// computed on first use and kept until the mask changes.
    pub fn level(&mut self, zoom: u8) -> &Level {
        let z = usize::from(zoom.min(SINGLES_ZOOM));
        if self.levels[z].is_none() {
            let grid = &mut self.grids[z];
            let points = self.index.points();
            let clusters = cluster_with(points, &self.mask, z as u8, self.radius_px, |cell_m| {
                grid.get_or_insert_with(|| Grid::new(points, cell_m))
            });
            self.levels[z] = Some(clusters);
        }
        self.levels[z].get_or_insert_with(Level::default)
    }

    /// The clusters to draw for `view`: its level (see [`cluster_zoom`]), kept where a cluster's
    /// bounds come within one radius of the visible box.
    pub fn visible(&mut self, view: &Viewport) -> Vec<Cluster> {
        let margin = self.radius_px;
        near_view(self.level(cluster_zoom(view)), view, margin)
    }

    /// Clusters every level now (e.g. while the browser is idle after load).
    pub fn warm(&mut self) {
        for z in 0..=SINGLES_ZOOM {
            self.level(z);
        }
    }
}
