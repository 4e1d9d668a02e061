//! POI badges (placeholder; filled in the next commit).
