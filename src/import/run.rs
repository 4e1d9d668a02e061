//! The whole command, with its file system: read the inputs, build the bundle, write it into a
//! temporary folder beside `--out` and rename it into place (so a failure leaves nothing half
//! written), then validate what was written with [`crate::validate::files::validate_path`].
//!
//! Exit status: 0 when the bundle is written and clean (notes allowed), 1 when an input is broken
//! (nothing written) or the written bundle has problems, 2 on a usage error (including a non-empty
//! `--out` without `--force`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::args::{parse, Args, Command, USAGE};
use super::bundle::import;
use super::{read_input, Format, ImportError};
use crate::validate::files::validate_path;

/// Largest input file read, in bytes.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Runs `parkmap-import` with `args` (without the program name), printing the report to `out`
/// (validator problems, one per line) and `err` (errors, notes, the summary); returns the exit
/// status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    // Output errors on a closed pipe are not worth a panic; the exit status still says it all.
    let args = match parse(args) {
        Ok(Command::Help) => {
            let _ = writeln!(out, "{USAGE}");
            return 0;
        }
        Ok(Command::Import(a)) => a,
        Err(e) => {
            let _ = writeln!(err, "parkmap-import: {e}\n{USAGE}");
            return 2;
        }
    };
    let out_dir = PathBuf::from(&args.out);
    if !args.force && !is_empty_or_missing(&out_dir) {
        let _ = writeln!(err, "parkmap-import: {}: not an empty folder; use --force to replace it", args.out);
        return 2;
    }
    let zones_from = match &args.zones_from {
        Some(path) => match read_zones(Path::new(path)) {
            Ok(z) => z,
            Err(e) => {
                let _ = writeln!(err, "error: {e}\nno bundle written: 1 problem");
                return 1;
            }
        },
        None => Vec::new(),
    };
    let bundle =
        match read_all(&args).and_then(|inputs| import(&inputs, &args.assign, &args.info, &zones_from)) {
            Ok(b) => b,
            Err(errors) => {
                for e in &errors {
                    let _ = writeln!(err, "error: {e}");
                }
                let n = errors.len();
                let _ = writeln!(err, "no bundle written: {n} problem{}", if n == 1 { "" } else { "s" });
                return 1;
            }
        };
    for note in &bundle.notes {
        let _ = writeln!(err, "warning: {note}");
    }
    if let Err(e) = write_bundle(&out_dir, &bundle.files) {
        let _ = writeln!(err, "error: {e}\nno bundle written");
        return 1;
    }
    let names: Vec<&str> = bundle.files.iter().map(|(n, _)| n.as_str()).collect();
    let _ = writeln!(err, "wrote {}: {}", out_dir.display(), names.join(", "));
    let report = match validate_path(&out_dir.join("park.json")) {
        Ok(r) => r,
        Err(reason) => {
            let _ = writeln!(err, "error: {}: cannot read back park.json: {reason}", out_dir.display());
            return 1;
        }
    };
    for problem in &report.problems {
        let _ = writeln!(out, "{problem}");
    }
    for note in &report.notes {
        let _ = writeln!(err, "warning: {note}");
    }
    let _ = writeln!(err, "{}", report.summary());
    u8::from(!report.is_clean())
}

fn is_empty_or_missing(dir: &Path) -> bool {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => !dir.exists(),
    }
}

/// Reads and parses every input, collecting every error of every file.
fn read_all(args: &Args) -> Result<Vec<super::Input>, Vec<ImportError>> {
    let (mut inputs, mut errors) = (Vec::new(), Vec::new());
    for name in &args.inputs {
        let bytes = match read_file(Path::new(name)) {
            Ok(b) => b,
            Err(reason) => {
                errors.push(ImportError::file(name, reason));
                continue;
            }
        };
        match read_input(name, &bytes, args.datum) {
            Ok(input) => inputs.push(input),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(inputs)
    } else {
        Err(errors)
    }
}

/// The zones of `--zones-from`: a zones GeoJSON file, or a bundle's `park.json` (its zones layers).
fn read_zones(path: &Path) -> Result<Vec<crate::model::Zone>, ImportError> {
    use crate::model::{Layer, LayerKind};
    let name = path.display().to_string();
    let text = |p: &Path| -> Result<String, ImportError> {
        let bytes = read_file(p).map_err(|reason| ImportError::file(&p.display().to_string(), reason))?;
        super::text_of(&p.display().to_string(), &bytes).map(str::to_owned)
    };
    let layer = |p: &Path| -> Result<Vec<crate::model::Zone>, ImportError> {
        let parse = crate::read::parse_layer(LayerKind::Zones, &p.display().to_string(), &text(p)?);
        match (parse.layer, parse.errors.first()) {
            (Layer::Zones(z), None) => Ok(z),
            (_, Some(e)) => Err(ImportError::file(&name, format!("--zones-from: {e}"))),
            _ => Ok(Vec::new()),
        }
    };
    if Format::of_name(&name) != Some(Format::GeoJson) {
        return Err(ImportError::file(
            &name,
            "--zones-from: expected a zones .geojson or a bundle's park.json",
        ));
    }
    let body = text(path)?;
    match crate::read::parse_manifest(&name, &body) {
        Ok((m, _)) => {
            let dir = path.parent().unwrap_or(Path::new("."));
            let mut zones = Vec::new();
            for l in m.layers.iter().filter(|l| l.kind == LayerKind::Zones) {
                zones.extend(layer(&dir.join(&l.url))?);
            }
            Ok(zones)
        }
        // Not a manifest: a zones layer itself.
        Err(_) => layer(path),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_owned(),
        _ => e.to_string(),
    })?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!("larger than {MAX_INPUT_BYTES} bytes"));
    }
    Ok(bytes)
}

/// Writes the files into a fresh folder beside `dir` and renames it to `dir`, replacing what was
/// there; on failure nothing is left behind.
fn write_bundle(dir: &Path, files: &[(String, String)]) -> Result<(), ImportError> {
    let fail = |path: &Path, e: std::io::Error| ImportError::Output {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let name = dir.file_name().map_or_else(|| "park".into(), |n| n.to_string_lossy().into_owned());
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| fail(&parent, e))?;
    let tmp = parent.join(format!(".{name}.import-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let result = (|| {
        std::fs::create_dir(&tmp).map_err(|e| fail(&tmp, e))?;
        for (file, text) in files {
            std::fs::write(tmp.join(file), text).map_err(|e| fail(&tmp.join(file), e))?;
        }
        if dir.exists() {
            std::fs::rename(dir, &old).map_err(|e| fail(dir, e))?;
        }
        std::fs::rename(&tmp, dir).map_err(|e| fail(dir, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
        if old.exists() && !dir.exists() {
            let _ = std::fs::rename(&old, dir);
        }
    }
    if old.exists() {
        let _ = if old.is_dir() { std::fs::remove_dir_all(&old) } else { std::fs::remove_file(&old) };
    }
    result
}
