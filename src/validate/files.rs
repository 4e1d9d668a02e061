//! Reading a bundle from disk (native only; the rest of `validate` does no I/O): what
//! `parkmap-validate` and the tests use.
//!
//! Layer URLs are read as files relative to the manifest's folder (a `?query` or `#fragment` is
//! dropped; percent-escapes are not decoded). A layer the validator cannot check offline (an absolute
//! `https:` URL, or a path from the web server's root such as `/data/zones.geojson`) is reported as a
//! problem. Only regular files are read, and never more than the size limit (plus a byte-order
//! mark): a hostile manifest naming `../../../dev/zero` or a FIFO gets `could not load: not a regular
//! file`, not a hang. UTF-16 files are named as such.

use std::io::{ErrorKind, Read};
use std::path::Path;

use super::{validate_bundle, Report};
use crate::model::url::scheme;
use crate::model::DataError;
use crate::read::{MAX_LAYER_BYTES, MAX_MANIFEST_BYTES};

/// A UTF-8 byte-order mark, which the parsers drop before checking a file's size.
const BOM_BYTES: usize = 3;

/// Why a file could not be read as a bundle file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the limit: the file's size in bytes (or the bytes read when it would not say).
    TooLarge(u64),
    /// Anything else, said for humans.
    Other(String),
}

/// Reads the regular file at `path` as UTF-8 text of at most `limit` bytes. Never reads more than
/// `limit + 1` bytes, so `/dev/zero`, a FIFO or a huge file cannot hang the caller or exhaust its
/// memory (a device's reported size is not trusted: `/dev/zero` says 0).
pub fn read_bounded(path: &Path, limit: usize) -> Result<String, ReadError> {
    let io = |e: std::io::Error| match e.kind() {
        ErrorKind::NotFound => ReadError::Other("file not found".into()),
        _ => ReadError::Other(e.to_string()),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::Other("not a regular file".into()));
    }
    if meta.len() > limit as u64 {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path).map_err(io)?.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ReadError::Other("UTF-16 text; ParkMap reads UTF-8 only".into()));
    }
    String::from_utf8(bytes).map_err(|_| ReadError::Other("not UTF-8 text".into()))
}

/// Reads the layer `url` (as written in the manifest) relative to the folder `dir`.
pub fn read_layer(dir: &Path, url: &str) -> Result<String, DataError> {
    let unreachable = |reason: String| DataError::Unreachable { file: url.into(), reason };
    if scheme(url).is_some() {
        return Err(unreachable("remote layer not checked offline".into()));
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if path.starts_with('/') {
        return Err(unreachable("path from the web server's root, not checked offline".into()));
    }
    read_bounded(&dir.join(path), MAX_LAYER_BYTES + BOM_BYTES).map_err(|e| match e {
        ReadError::TooLarge(bytes) => DataError::TooLarge {
            file: url.into(),
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
            limit: MAX_LAYER_BYTES,
        },
        ReadError::Other(reason) => unreachable(reason),
    })
}

/// Validates the bundle whose manifest is the file at `manifest_path`, reading its layers beside it
/// with [`read_layer`]. The manifest is named by its file name in messages. `Err` (with the reason)
/// when the manifest cannot be read at all; an oversized manifest is a problem in the report.
pub fn validate_path(manifest_path: &Path) -> Result<Report, String> {
    let file = manifest_path
        .file_name()
        .map_or_else(|| manifest_path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let text = match read_bounded(manifest_path, MAX_MANIFEST_BYTES + BOM_BYTES) {
        Ok(t) => t,
        // Too large to read: the parser's own message, as for a file just over the limit.
        Err(ReadError::TooLarge(bytes)) => {
            let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
            let problem = DataError::TooLarge { file, bytes, limit: MAX_MANIFEST_BYTES };
            return Ok(Report {
                problems: vec![problem],
                notes: Vec::new(),
                manifest: None,
                park: Default::default(),
                locations: Default::default(),
            });
        }
        Err(ReadError::Other(reason)) => return Err(reason),
    };
    let dir = manifest_path.parent().unwrap_or(Path::new("."));
    Ok(validate_bundle(&file, &text, &|url| read_layer(dir, url)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_files_and_folders_are_not_read() {
        // /dev/zero reports a size of 0 and never ends: reading it whole used to hang and eat memory.
        let other = |s: &str| Err(ReadError::Other(s.into()));
        assert_eq!(read_bounded(Path::new("/dev/zero"), 100), other("not a regular file"));
        assert_eq!(read_bounded(Path::new("/"), 100), other("not a regular file"));
        assert_eq!(read_bounded(Path::new("/no/such/file"), 100), other("file not found"));
        let e = read_layer(Path::new("/tmp"), "../../../../dev/zero").unwrap_err();
        assert_eq!(e.to_string(), "../../../../dev/zero: could not load: not a regular file");
    }

    #[test]
    fn reading_stops_at_the_limit_and_utf16_is_named() {
        let dir = std::env::temp_dir().join(format!("parkmap-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("big.json");
        std::fs::write(&f, "x".repeat(101)).unwrap();
        assert_eq!(read_bounded(&f, 100), Err(ReadError::TooLarge(101)));
        assert_eq!(read_bounded(&f, 101).map(|t| t.len()), Ok(101));
        std::fs::write(&f, [0xff, 0xfe, b'{', 0, b'}', 0]).unwrap();
        assert_eq!(
            read_bounded(&f, 100),
            Err(ReadError::Other("UTF-16 text; ParkMap reads UTF-8 only".into()))
        );
        std::fs::write(&f, [b'{', 0xc3, b'}']).unwrap();
        assert_eq!(read_bounded(&f, 100), Err(ReadError::Other("not UTF-8 text".into())));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
