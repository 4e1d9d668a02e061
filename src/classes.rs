//! CSS classes of the drawn features, shared by the app's map (block `map`) and the build-time
//! pre-render (block `pr`, so the picture's elements never match the app's selectors): one place
//! decides which modifiers a feature gets, so the two always paint alike.

use crate::model::{Company, ContextFeature, ContextShape, Trail, Winter, Zone};

/// `{block}__context {block}__context--{kind} {block}__context--{area|line}`.
///
/// ```
/// use parkmap::model::{ContextFeature, ContextKind, ContextShape};
/// let road = ContextFeature { kind: ContextKind::Road, name: None, shape: ContextShape::Lines(vec![]) };
/// assert_eq!(parkmap::classes::context(&road, "map"), "map__context map__context--road map__context--line");
/// ```
pub fn context(f: &ContextFeature, block: &str) -> String {
    let shape = match f.shape {
        ContextShape::Polygons(_) => "area",
        ContextShape::Lines(_) => "line",
    };
    format!("{block}__context {block}__context--{} {block}__context--{shape}", f.kind.as_class())
}

/// `{block}__zone {block}__zone--{category}`.
pub fn zone(z: &Zone, block: &str) -> String {
    format!("{block}__zone {block}__zone--{}", z.category.as_class())
}

/// `{block}__trail {block}__trail--{kind}`, plus `--closed` and `--winter-closed` when they apply.
pub fn trail(t: &Trail, block: &str) -> String {
    let mut class = format!("{block}__trail {block}__trail--{}", t.kind.as_class());
    if t.closed {
        class.push_str(&format!(" {block}__trail--closed"));
    }
    if t.winter == Some(Winter::Closed) {
        class.push_str(&format!(" {block}__trail--winter-closed"));
    }
    class
}

/// `{block}__company {block}__company--{industry}`.
pub fn company(c: &Company, block: &str) -> String {
    format!("{block}__company {block}__company--{}", c.industry.as_class())
}
