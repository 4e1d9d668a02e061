//! The reader's limits, in one place: what a file, a layer, a feature or a text may hold before it is
//! refused (hostile, not ordinary).

/// Largest layer file accepted, in bytes (documented in the README).
pub const MAX_LAYER_BYTES: usize = 32 * 1024 * 1024;
/// Most features accepted in one layer.
pub const MAX_FEATURES: usize = 200_000;
/// Most vertices accepted in one feature's geometry (all its lines or rings together).
pub const MAX_VERTICES: usize = 50_000;
/// Largest registered capital accepted, in yuan (10 trillion: ten times the largest registered
/// capital in China). With at most [`MAX_FEATURES`] companies a layer's total stays below 2·10¹⁸,
/// so sums of capital never overflow a `u64`.
pub const MAX_CAPITAL_YUAN: u64 = 10_000_000_000_000;

/// Longest text accepted in any property, in characters. Longer values are rejected so that a
/// hostile file cannot blow up the layout or the memory of a panel.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// Most layers a manifest may list.
pub const MAX_LAYERS: usize = 32;
/// Largest manifest accepted, in bytes.
pub const MAX_MANIFEST_BYTES: usize = 256 * 1024;

/// Largest site area accepted, m² (1 000 km²: far more than any park).
pub const MAX_SITE_AREA_M2: f64 = 1e9;
/// Highest price accepted, yuan per m² (for sale) or per m² and month (for rent).
pub const MAX_PRICE_YUAN_M2: f64 = 1e7;
/// Largest utility amount accepted: kVA of power, m³ of water a day.
pub const MAX_UTILITY: f64 = 1e7;
/// Highest plot ratio accepted.
pub const MAX_PLOT_RATIO: f64 = 100.0;
/// Highest building height accepted, metres.
pub const MAX_HEIGHT_M: f64 = 1_000.0;
