//! `parkmap-validate path/to/park.json`: checks a park bundle (the manifest and every layer it lists)
//! with `parkmap::validate` and prints each problem on its own line to stdout, as
//! `file:feature-index: property: reason`, then a summary line to stderr.
//!
//! Layer URLs are read as files relative to the manifest's folder (a `?query` or `#fragment` is
//! dropped; percent-escapes are not decoded). A layer the validator cannot check offline (an absolute
//! `https:` URL, or a path from the web server's root such as `/data/zones.geojson`) is reported as a
//! problem, `file: could not load: …`, since the rest of the checks cannot vouch for it: download it
//! next to the manifest and validate the copy.
//!
//! Exit status: 0 when the bundle is clean, 1 when there is any problem (including a manifest that
//! is not valid JSON), 2 on a usage error or when the manifest file cannot be read at all.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::{ErrorKind, Write};
    use std::path::Path;
    use std::process::ExitCode;

    use parkmap::model::parse::MAX_LAYER_BYTES;
    use parkmap::model::url::scheme;
    use parkmap::model::DataError;
    use parkmap::validate::validate_bundle;

    const USAGE: &str = "usage: parkmap-validate path/to/park.json";

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
        let path = dir.join(path);
        let io = |e: std::io::Error| match e.kind() {
            ErrorKind::NotFound => unreachable("file not found".into()),
            ErrorKind::InvalidData => unreachable("not UTF-8 text".into()),
            _ => unreachable(e.to_string()),
        };
        let bytes = std::fs::metadata(&path).map_err(io)?.len();
        if bytes > MAX_LAYER_BYTES as u64 {
            return Err(DataError::TooLarge {
                file: url.into(),
                bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                limit: MAX_LAYER_BYTES,
            });
        }
        std::fs::read_to_string(&path).map_err(io)
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
        let text = match std::fs::read_to_string(manifest_path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("parkmap-validate: cannot read {}: {e}", manifest_path.display());
                return ExitCode::from(2);
            }
        };
        let file = manifest_path
            .file_name()
            .map_or_else(|| manifest_path.display().to_string(), |n| n.to_string_lossy().into_owned());
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

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
