//! `parkmap-validate path/to/park.json`: checks a park bundle (the manifest and every layer it lists)
//! with `parkmap::validate` and prints each problem on its own line to stdout, as
//! `file:feature-index: property: reason`, then a summary line to stderr.
//!
//! Layer URLs are read as files relative to the manifest's folder (a `?query` or `#fragment` is
//! dropped; percent-escapes are not decoded). Only regular files are read, and never more than the
//! size limit (plus a byte-order mark): a hostile manifest naming `../../../dev/zero` or a FIFO gets
//! `could not load: not a regular file`, not a hang. UTF-16 files are named as such. A layer the validator cannot check offline (an absolute
//! `https:` URL, or a path from the web server's root such as `/data/zones.geojson`) is reported as a
//! problem, `file: could not load: …`, since the rest of the checks cannot vouch for it: download it
//! next to the manifest and validate the copy.
//!
//! Exit status: 0 when the bundle is clean, 1 when there is any problem (including a manifest that
//! is not valid JSON), 2 on a usage error or when the manifest file cannot be read at all.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::{ErrorKind, Read, Write};
    use std::path::Path;
    use std::process::ExitCode;

    use parkmap::model::manifest::MAX_MANIFEST_BYTES;
    use parkmap::model::parse::MAX_LAYER_BYTES;
    use parkmap::model::url::scheme;
    use parkmap::model::DataError;
    use parkmap::validate::validate_bundle;

    /// A UTF-8 byte-order mark, which the parsers drop before checking a file's size.
    const BOM_BYTES: usize = 3;

    const USAGE: &str = "usage: parkmap-validate path/to/park.json";

    /// Why a file could not be read as a bundle file.
    pub(crate) enum ReadError {
        /// Larger than `limit` bytes (reading stopped there).
        TooLarge(u64),
        /// Anything else, said for humans.
        Other(String),
    }

    /// Reads the regular file at `path` as UTF-8 text of at most `limit` bytes. Never reads more
    /// than `limit + 1` bytes, so a manifest naming `/dev/zero`, a FIFO or a huge file cannot hang
    /// the validator or exhaust its memory (the file's reported size is not trusted: `/dev/zero`
    /// says 0).
    pub(crate) fn read_bounded(path: &Path, limit: usize) -> Result<String, ReadError> {
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
    fn read_layer(dir: &Path, url: &str) -> Result<String, DataError> {
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

    /// Validates the bundle named on the command line.
    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let manifest_path = match args.as_slice() {
            [flag] if flag == "-h" || flag == "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            [path] if !path.starts_with('-') => Path::new(path),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        let file = manifest_path
            .file_name()
            .map_or_else(|| manifest_path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let text = match read_bounded(manifest_path, MAX_MANIFEST_BYTES + BOM_BYTES) {
            Ok(t) => t,
            Err(ReadError::TooLarge(bytes)) => {
                let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
                println!("{}", DataError::TooLarge { file, bytes, limit: MAX_MANIFEST_BYTES });
                eprintln!("1 problem");
                return ExitCode::from(1);
            }
            Err(ReadError::Other(reason)) => {
                eprintln!("parkmap-validate: cannot read {}: {reason}", manifest_path.display());
                return ExitCode::from(2);
            }
        };
        let dir = manifest_path.parent().unwrap_or(Path::new("."));
        let report = validate_bundle(&file, &text, &|url| read_layer(dir, url));
        let mut stdout = std::io::stdout().lock();
        for problem in &report.problems {
            // A closed pipe (`| head`) is not worth a panic.
            if writeln!(stdout, "{problem}").is_err() {
                break;
            }
        }
        eprintln!("{}", report.summary());
        if report.is_clean() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::native::*;
    use std::path::Path;

    fn reason(r: Result<String, ReadError>) -> String {
        match r {
            Ok(t) => format!("ok: {} bytes", t.len()),
            Err(ReadError::TooLarge(n)) => format!("too large: {n}"),
            Err(ReadError::Other(s)) => s,
        }
    }

    #[test]
    fn device_files_and_folders_are_not_read() {
        // /dev/zero reports a size of 0 and never ends: reading it whole used to hang and eat memory.
        assert_eq!(reason(read_bounded(Path::new("/dev/zero"), 100)), "not a regular file");
        assert_eq!(reason(read_bounded(Path::new("/"), 100)), "not a regular file");
        assert_eq!(reason(read_bounded(Path::new("/no/such/file"), 100)), "file not found");
    }

    #[test]
    fn reading_stops_at_the_limit_and_utf16_is_named() {
        let dir = std::env::temp_dir().join(format!("parkmap-validate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("big.json");
        std::fs::write(&f, "x".repeat(101)).unwrap();
        assert_eq!(reason(read_bounded(&f, 100)), "too large: 101");
        assert_eq!(reason(read_bounded(&f, 101)), "ok: 101 bytes");
        std::fs::write(&f, [0xff, 0xfe, b'{', 0, b'}', 0]).unwrap();
        assert_eq!(reason(read_bounded(&f, 100)), "UTF-16 text; ParkMap reads UTF-8 only");
        std::fs::write(&f, [b'{', 0xc3, b'}']).unwrap();
        assert_eq!(reason(read_bounded(&f, 100)), "not UTF-8 text");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
