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

#[cfg(test)]
mod tests {
    use super::*;

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
