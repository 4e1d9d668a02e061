//! ParkMap: the interactive map of the Shenzhen-Harbin Industrial Park (深哈产业园).
//!
//! The pure core (`geo`, `model`, `read`, `i18n`, `filter`, `index`, `label`, `search`, `sites`, `sort`,
//! `route`, `embed`, `retry`, `validate`) has no DOM in it and is tested natively; the Leptos UI (`ui`, `fetch`,
//! `timing`) only builds for wasm32.

pub mod classes;
pub mod embed;
pub mod feature;
pub mod filter;
pub mod geo;
pub mod html;
pub mod i18n;
pub mod index;
pub mod label;
pub mod listing;
pub mod model;
pub mod read;
pub mod retry;
pub mod route;
pub mod search;
pub mod sites;
pub mod sort;
pub mod validate;
pub mod world;

#[cfg(not(target_arch = "wasm32"))]
pub mod datagen;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod timing;
#[cfg(target_arch = "wasm32")]
pub mod ui;
