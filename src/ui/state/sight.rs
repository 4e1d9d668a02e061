//! Keeping a selected feature in sight where a phone's bottom sheet leaves the map free.

use super::{map, AppState, Selection};
use leptos::prelude::*;

/// Room kept around a selected feature brought into sight, in pixels (a marker's radius and more).
const SIGHT_MARGIN_PX: f64 = 24.0;

impl AppState {
    /// Brings the selected feature into sight where an open bottom sheet leaves the map free (a
    /// phone's panel opened over what was tapped, or a list's choice flown to): a pan when it fits
    /// there, else a fit; nothing when it is seen already, when no sheet covers the map (a side
    /// column on wider screens) or when `feature` is no longer the selection. While the map flies,
    /// it judges the flight's end and turns the flight there.
    pub fn keep_in_sight(&self, feature: &crate::feature::FeatureRef) {
        if self.selection.with_untracked(|s| s.as_ref().and_then(Selection::feature) != Some(feature)) {
            return; // another selection since
        }
        let covers = crate::ui::browser::boxes_over_map(".sidebar--open");
        let Some(bounds) = self.layers.park().with_untracked(|p| map::bounds_of(p, feature)) else { return };
        // A flight to the feature (a list's choice, a link) ends with it in the middle of the whole
        // map, which may be under the sheet: judged where it lands, and turned towards the free part.
        let v = self.map.flight_destination().unwrap_or_else(|| self.map.viewport().get_untracked());
        let on_screen = crate::geo::ScreenRect::new(
            v.map_to_screen(crate::geo::MapPoint::new(bounds.min.x, bounds.max.y)),
            v.map_to_screen(crate::geo::MapPoint::new(bounds.max.x, bounds.min.y)),
        )
        .inflate(SIGHT_MARGIN_PX);
        if crate::geo::fit::in_free_part(&on_screen, v.width, v.height, &covers, 0.0) {
            return;
        }
        match crate::geo::fit::pan_into_free(&v, &on_screen, &covers, 0.0) {
            Some(panned) => self.map.fly_to(panned),
            None if bounds.width() > 0.0 || bounds.height() > 0.0 => self.map.fly_to_fit(&bounds, &covers),
            None => {}
        }
    }

    /// [`AppState::keep_in_sight`] once a sheet that is opening has been laid out (two frames).
    pub fn keep_in_sight_when_laid_out(&self, feature: crate::feature::FeatureRef) {
        let state = *self;
        request_animation_frame(move || request_animation_frame(move || state.keep_in_sight(&feature)));
    }
}
