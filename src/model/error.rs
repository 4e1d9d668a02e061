//! One error type for everything that can be wrong with park data, shared by the app and the validator.

use thiserror::Error;

/// A problem with a park bundle, located by file and, where it applies, feature index and property.
///
/// `Display` gives the validator's line format: `file:feature-index: property: reason`.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DataError {
    /// The server answered with an error status.
    #[error("{file}: HTTP {status}")]
    Http {
        /// The file (URL as written in the manifest).
        file: String,
        /// HTTP status code.
        status: u16,
    },
    /// The file could not be fetched or read at all.
    #[error("{file}: could not load: {reason}")]
    Unreachable {
        /// The file.
        file: String,
        /// What went wrong.
        reason: String,
    },
    /// The server answered with a web page (or an image) where data was expected: usually a wrong
    /// path that a single-page host or a proxy answers with its own HTML page.
    #[error("{file}: got a web page, not data — is the path right? (served as {content_type})")]
    NotData {
        /// The file.
        file: String,
        /// The `Content-Type` it was served with.
        content_type: String,
    },
    /// The text is not JSON.
    #[error("{file}:{line}:{column}: malformed JSON: {reason}")]
    Json {
        /// The file.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's message.
        reason: String,
    },
    /// The file is larger than ParkMap accepts.
    #[error("{file}: too large: {bytes} bytes (limit {limit})")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A problem with the whole file's structure (not a FeatureCollection, empty, ...).
    #[error("{file}: {reason}")]
    Layer {
        /// The file.
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// A problem with a manifest field.
    #[error("{file}: {property}: {reason}")]
    Manifest {
        /// The manifest file.
        file: String,
        /// Field path, e.g. `layers[2].url`.
        property: String,
        /// What is wrong.
        reason: String,
    },
    /// A problem with one feature; the feature is skipped unless the property is optional.
    #[error("{file}:{index}: {property}: {reason}")]
    Feature {
        /// The layer file.
        file: String,
        /// 0-based index of the feature in the collection.
        index: usize,
        /// The property (`geometry`, `id`, `name_en`, ...).
        property: String,
        /// What is wrong.
        reason: String,
    },
}

impl DataError {
    /// The file the problem is in.
    pub fn file(&self) -> &str {
        match self {
            DataError::Http { file, .. }
            | DataError::Unreachable { file, .. }
            | DataError::NotData { file, .. }
            | DataError::Json { file, .. }
            | DataError::TooLarge { file, .. }
            | DataError::Layer { file, .. }
            | DataError::Manifest { file, .. }
            | DataError::Feature { file, .. } => file,
        }
    }

    /// Builds a feature-level error.
    pub fn feature(file: &str, index: usize, property: &str, reason: impl Into<String>) -> Self {
        DataError::Feature {
            file: file.to_owned(),
            index,
            property: property.to_owned(),
            reason: reason.into(),
        }
    }

    /// Builds a JSON syntax error from serde_json's error.
    pub fn json(file: &str, e: &serde_json::Error) -> Self {
        let reason = e.to_string();
        // serde_json appends " at line L column C"; the location is carried separately.
        let reason = reason.split(" at line ").next().unwrap_or(&reason).to_owned();
        DataError::Json { file: file.to_owned(), line: e.line(), column: e.column(), reason }
    }
}

/// Longest piece of data quoted in a message, in characters.
const MAX_QUOTED_CHARS: usize = 40;

/// A value from the data, quoted for a message (`"mining"`). Long values are cut, so a hostile
/// file cannot turn one message into megabytes of alert text: `"xxxx…" (1048576 characters)`.
///
/// ```
/// use parkmap::model::error::quoted;
/// assert_eq!(quoted("mining"), "\"mining\"");
/// assert_eq!(quoted(&"x".repeat(50)), format!("\"{}…\" (50 characters)", "x".repeat(40)));
/// ```
pub fn quoted(s: &str) -> String {
    let n = s.chars().count();
    if n <= MAX_QUOTED_CHARS {
        return format!("{s:?}");
    }
    let cut: String = s.chars().take(MAX_QUOTED_CHARS).collect();
    format!("{:?} ({n} characters)", format!("{cut}…"))
}

/// A number from the data for a message: as written when short, else in exponent form (`1e308`,
/// not 309 digits).
pub(crate) fn number(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() <= 20 {
        plain
    } else {
        format!("{x:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_in_messages() {
        assert_eq!(quoted("c1"), "\"c1\"");
        let long = "<script>".repeat(100_000);
        let q = quoted(&long);
        assert!(q.len() < 100, "{q}");
        assert!(q.ends_with("…\" (800000 characters)"), "{q}");
        assert_eq!(number(126.5), "126.5");
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-1.7976931348623157e308), "-1.7976931348623157e308");
    }

    #[test]
    fn feature_errors_print_in_validator_format() {
        let e = DataError::feature("companies.geojson", 12, "capital_yuan", "expected an integer");
        assert_eq!(e.to_string(), "companies.geojson:12: capital_yuan: expected an integer");
        assert_eq!(e.file(), "companies.geojson");
    }

    #[test]
    fn json_errors_carry_line_and_column() {
        let err = serde_json::from_str::<serde_json::Value>("{\n  \"a\": [1,,2]\n}").unwrap_err();
        let e = DataError::json("zones.geojson", &err);
        assert!(matches!(e, DataError::Json { line: 2, .. }), "{e:?}");
        assert!(e.to_string().starts_with("zones.geojson:2:"), "{e}");
    }
}
