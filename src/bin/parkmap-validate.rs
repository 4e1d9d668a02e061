//! `parkmap-validate path/to/park.json`: checks a park bundle (the manifest and every layer it lists)
//! with `parkmap::validate` and prints each problem on its own line to stdout, as
//! `file:feature-index: property: reason`, then a summary line to stderr.
//!
//! Layers are read by [`parkmap::validate::files`]: as files relative to the manifest's folder (a
//! `?query` or `#fragment` is dropped; percent-escapes are not decoded), regular files only and never
//! past the size limit. A layer the validator cannot check offline (an absolute `https:` URL, or a
//! path from the web server's root such as `/data/zones.geojson`) is reported as a problem,
//! `file: could not load: …`, since the rest of the checks cannot vouch for it: download it next to
//! the manifest and validate the copy.
//!
//! Exit status: 0 when the bundle is clean, 1 when there is any problem (including a manifest that
//! is not valid JSON), 2 on a usage error or when the manifest file cannot be read at all.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Write;
    use std::path::Path;
    use std::process::ExitCode;

    use parkmap::validate::files::validate_path;

    const USAGE: &str = "usage: parkmap-validate path/to/park.json";

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
        let report = match validate_path(manifest_path) {
            Ok(r) => r,
            Err(reason) => {
                eprintln!("parkmap-validate: cannot read {}: {reason}", manifest_path.display());
                return ExitCode::from(2);
            }
        };
        let mut stdout = std::io::stdout().lock();
        for problem in &report.problems {
            // A closed pipe (`| head`) is not worth a panic.
            if writeln!(stdout, "{problem}").is_err() {
                break;
            }
        }
        // Notes are not problems: they go to stderr, before the summary, and never change the exit
        // status; stdout stays the list of problems.
        for note in &report.notes {
            eprintln!("warning: {note}");
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
