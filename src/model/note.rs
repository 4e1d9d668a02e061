//! Notes: what the reader defaulted or changed in valid-but-unusual data (a generated id, a name
//! taken from OSM's `name`, an unknown industry shown as `other`). A note is not an error: the
//! feature is drawn, the map raises no alert; the About panel lists the notes and the validator
//! prints them as `warning:` lines. Each kind of note is reported once per layer, with a count.

use std::fmt;

use super::error::quoted;

/// Most example values kept per note.
const MAX_EXAMPLES: usize = 3;

/// One kind of default applied in one layer, counted.
///
/// `Display` reads `file: property: message (N features, first at index i; e.g. "a", "b")`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The layer file (or the manifest, for whole-park notes).
    pub file: String,
    /// The property or part concerned (`id`, `name_en`, `industry`, `geometry`, `crs`…).
    pub property: String,
    /// What was done, the same for every feature it counts.
    pub message: String,
    /// How many features it applied to (0 for a note about the whole file).
    pub count: usize,
    /// 0-based index of the first feature it applied to.
    pub first: Option<usize>,
    /// Up to three distinct values that caused it (quoted in `Display`).
    pub examples: Vec<String>,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.property, self.message)?;
        if let Some(first) = self.first {
            let what = if self.count == 1 { "feature" } else { "features" };
            write!(f, " ({} {what}, first at index {first}", self.count)?;
            if !self.examples.is_empty() {
                let ex: Vec<String> = self.examples.iter().map(|e| quoted(e)).collect();
                write!(f, "; e.g. {}", ex.join(", "))?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// The notes of one layer, each kind once, in the order first met.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    file: String,
    list: Vec<Note>,
}

impl Notes {
    /// No notes yet, for `file`.
    pub fn new(file: &str) -> Self {
        Notes { file: file.to_owned(), list: Vec::new() }
    }

    /// Counts one feature (`index`) under the note `property: message`, keeping `example` when it is
    /// new and there is room.
    pub fn add(&mut self, index: usize, property: &str, message: &str, example: Option<&str>) {
        let pos = match self.list.iter().position(|n| n.property == property && n.message == message) {
            Some(pos) => pos,
            None => {
                self.list.push(Note {
                    file: self.file.clone(),
                    property: property.to_owned(),
                    message: message.to_owned(),
                    count: 0,
                    first: Some(index),
                    examples: Vec::new(),
                });
                self.list.len() - 1
            }
        };
        let note = &mut self.list[pos];
        note.count += 1;
        if let Some(ex) = example {
            if note.examples.len() < MAX_EXAMPLES && !note.examples.iter().any(|e| e == ex) {
                note.examples.push(ex.chars().take(80).collect());
            }
        }
    }

    /// A note about the whole file (no feature count).
    pub fn add_file(&mut self, property: &str, message: &str) {
        self.list.push(Note {
            file: self.file.clone(),
            property: property.to_owned(),
            message: message.to_owned(),
            count: 0,
            first: None,
            examples: Vec::new(),
        });
    }

    /// Appends the notes of `later` (of the same file) after these.
    pub fn extend(&mut self, later: Notes) {
        self.list.extend(later.list);
    }

    /// The notes, in the order first met.
    pub fn into_vec(self) -> Vec<Note> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_counted_once_per_layer_with_a_few_examples() {
        let mut n = Notes::new("pois.geojson");
        for (i, v) in ["museum", "cafe", "museum", "bench", "atm"].iter().enumerate() {
            n.add(i + 2, "kind", "not a known kind; shown as other", Some(v));
        }
        n.add_file("crs", "EPSG:4490 (CGCS2000) read as WGS84");
        let v = n.into_vec();
        assert_eq!(v.len(), 2);
        assert_eq!(
            v[0].to_string(),
            "pois.geojson: kind: not a known kind; shown as other (5 features, first at index 2; \
             e.g. \"museum\", \"cafe\", \"bench\")"
        );
        assert_eq!(v[1].to_string(), "pois.geojson: crs: EPSG:4490 (CGCS2000) read as WGS84");
    }
}
