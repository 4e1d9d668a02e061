//! The optional raster basemap under the SVG: one `<img>` per XYZ tile, placed with a CSSOM
//! transform computed from the same [`crate::geo::Viewport`] the SVG uses, so tiles follow every
//! frame of a drag preview, a wheel zoom and a fly-to. Without a basemap nothing is rendered (no
//! element, no request).
//!
//! Tiles are keyed by `z/column/row`: a pan keeps the `<img>`s that stay in view and only adds
//! and removes those at the edges. A tile that fails is asked for once more, then left blank.
//! Tile requests carry no referrer (`referrerpolicy="no-referrer"`): which page of which site
//! shows the map is nobody else's business (but see the README on OpenStreetMap's tile policy).
//! A chunk, entered only when the map has a basemap (`?tiles=`, or the manifest's).

use super::chunk::chunk;
use super::state::use_app_state;
use crate::geo::tiles::{tile_corner, tiles_in_view, PlacedTile, TileTemplate, TILE_PX};
use crate::geo::ScreenRect;
use crate::model::Basemap;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Tiles kept beyond each edge of the view, so a drag shows no gaps while new ones load.
const MARGIN_TILES: u32 = 1;
/// Wait before the one retry of a failed tile.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_millis(500);

/// The basemap chunk's face: its layer.
#[derive(Clone)]
pub struct TilesFace {
    /// The basemap layer.
    pub view: ViewFn,
}

chunk!(basemap: TilesFace = fn tiles_chunk(_state) {
    Ok(TilesFace { view: ViewFn::from(|| view! { <TileLayer/> }) })
});

/// The basemap layer, if the map has a basemap, once the manifest has placed the view (before,
/// the view is a placeholder and its tiles would be wasted requests). It sits in the map's pane,
/// which a drag or a wheel zoom moves with the SVG before the view is committed.
#[component]
fn TileLayer() -> impl IntoView {
    let state = use_app_state();
    move || {
        let placed = state.layers.manifest().with(Option::is_some);
        state.map.basemap().get().filter(|_| placed).map(|basemap| view! { <Tiles basemap/> })
    }
}

#[component]
fn Tiles(basemap: Arc<Basemap>) -> impl IntoView {
    let state = use_app_state();
    let retina = window().device_pixel_ratio() > 1.0;
    let max_zoom = basemap.max_zoom;
    let template = StoredValue::new(basemap.template.clone());
    let placed = Memo::new(move |_| state.map.viewport().with(|v| tiles_in_view(v, max_zoom, MARGIN_TILES)));
    view! {
        <div class="map__tiles" aria-hidden="true">
            <For
                each=move || placed.get()
                key=PlacedTile::key
                children=move |t| template.with_value(|tpl| tile(t, tpl, retina))
            />
        </div>
    }
}

/// CSS transform putting a 256 px tile image on `rect` (scaled for a fractional zoom).
fn place(rect: ScreenRect) -> String {
    format!("translate({}px, {}px) scale({})", rect.min.x, rect.min.y, rect.width() / TILE_PX)
}

fn tile(t: PlacedTile, template: &TileTemplate, retina: bool) -> impl IntoView {
    let state = use_app_state();
    let url = template.url(t.tile, retina);
    let (z, column, row) = (t.tile.z, t.column, i64::from(t.tile.y));
    // The same corners `tiles_in_view` used, placed with the current view (the key stays, the view
    // moves): exactly where the SVG draws those map points.
    let transform = move || {
        state.map.viewport().with(|v| {
            place(ScreenRect::new(
                v.map_to_screen(tile_corner(z, column, row)),
                v.map_to_screen(tile_corner(z, column + 1, row + 1)),
            ))
        })
    };
    let retry_url = url.clone();
    let on_error = move |ev: web_sys::ErrorEvent| {
        let Some(img) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlImageElement>().ok()) else {
            return;
        };
        if img.has_attribute("data-retried") {
            let _ = img.class_list().add_1("map__tile--failed");
            return;
        }
        let _ = img.set_attribute("data-retried", "");
        let url = retry_url.clone();
        set_timeout(move || img.set_src(&url), RETRY_AFTER);
    };
    view! {
        <img
            class="map__tile"
            src=url
            alt=""
            referrerpolicy="no-referrer"
            draggable="false"
            decoding="async"
            style:transform=transform
            on:error=on_error
        />
    }
}
