//! A QR code of a link, drawn as SVG: the site brief's and the printed route's way from a desk to a
//! phone. Encoded by the `qrcode` crate (error correction M: a printed page survives a fold); drawn
//! here as one path of unit squares with the standard four-module quiet zone.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white border around the code (the standard's quiet zone).
const QUIET: usize = 4;

/// Why a link has no QR code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// Too long for any QR code at error correction M.
    #[error("the link is too long for a QR code ({0} bytes)")]
    TooLong(usize),
}

/// The QR code of `text` as an `<svg>` element `size_px` wide, dark modules in `currentColor` on
/// white; `label` is its accessible name.
///
/// ```
/// let svg = parkmap::sites::qr::qr_svg("https://example.com/?sel=site:s01", 120, "Link").unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains(r#"aria-label="Link""#) && svg.contains("<path"));
/// ```
pub fn qr_svg(text: &str, size_px: u32, label: &str) -> Result<String, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong(text.len()))?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for (i, c) in colors.iter().enumerate() {
        if *c == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    let side = width + 2 * QUIET;
    Ok(format!(
        r##"<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" width="{size_px}" height="{size_px}" role="img" aria-label="{}" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#fff"/><path d="{d}" fill="currentColor"/></svg>"##,
        crate::html::escape(label)
    ))
}

/// The dark modules of `text`'s code, row by row (for tests and for drawing elsewhere).
pub fn modules(text: &str) -> Result<(usize, Vec<bool>), QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong(text.len()))?;
    Ok((code.width(), code.to_colors().into_iter().map(|c| c == Color::Dark).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_gives_a_square_code_with_its_finder_patterns() {
        let (w, dark) =
            modules("https://park.example/maps/park/?lang=en&sel=site:s07#map=16/45.84/126.52").unwrap();
        assert_eq!(dark.len(), w * w);
        assert!(w >= 21 && (w - 21) % 4 == 0, "a QR version's width: {w}");
        // the top-left finder pattern: a dark 7 × 7 ring around a light ring around a dark 3 × 3
        let at = |x: usize, y: usize| dark[y * w + x];
        assert!((0..7).all(|i| at(i, 0) && at(0, i) && at(i, 6) && at(6, i)));
        assert!((1..6).all(|i| !at(i, 1) && !at(1, i)));
        assert!((2..5).all(|x| (2..5).all(|y| at(x, y))));
    }

    #[test]
    fn the_svg_has_one_square_per_dark_module_and_escapes_its_label() {
        let text = "https://park.example/?sel=site:s01";
        let (_, dark) = modules(text).unwrap();
        let svg = qr_svg(text, 96, r#"Link "<here>""#).unwrap();
        assert_eq!(svg.matches("h1v1h-1z").count(), dark.iter().filter(|&&d| d).count());
        assert!(svg.contains("&quot;&lt;here&gt;&quot;") && !svg.contains("<here>"));
    }

    #[test]
    fn a_link_too_long_for_any_code_is_an_error_not_a_panic() {
        let long = "x".repeat(4000);
        assert_eq!(qr_svg(&long, 96, "Link"), Err(QrError::TooLong(4000)));
    }
}
