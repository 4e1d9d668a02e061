//! The command line of `parkmap-import`, parsed by hand (a dozen flags; `--flag value` or
//! `--flag=value`). Every problem is an [`ImportError::Usage`] (exit status 2).

use super::bundle::ParkInfo;
use super::{ImportError, InputDatum};
use crate::model::{LayerKind, Text};

/// The usage text.
pub const USAGE: &str = "usage: parkmap-import --out DIR --name-zh TEXT --name-en TEXT [--name-ru TEXT]
         --attribution TEXT [--attribution-zh TEXT] --provenance TEXT [--provenance-zh TEXT]
         [--attribution-ru TEXT] [--provenance-ru TEXT] [--id ID] [--from wgs84|gcj02|bd09]
         [--as KIND=FILE]... [--zones-from ZONES.geojson|park.json] [--force] FILE...
inputs: .geojson/.json, .gpx, .kml, .kmz, .csv; KIND: context, zones, waterfront, greenway, pois, companies, sites";

/// A parsed command line.
#[derive(Clone, Debug, PartialEq)]
pub struct Args {
    /// The bundle folder to write.
    pub out: String,
    /// Names, attribution and provenance for the manifest.
    pub info: ParkInfo,
    /// The coordinate system of the inputs.
    pub datum: InputDatum,
    /// `--as KIND=FILE`, in order.
    pub assign: Vec<(LayerKind, String)>,
    /// Replace a non-empty `--out`.
    pub force: bool,
    /// `--zones-from`: a zones layer or a bundle whose zones place companies and sites without one.
    pub zones_from: Option<String>,
    /// The input files, in order.
    pub inputs: Vec<String>,
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `-h` / `--help`.
    Help,
    /// An import.
    Import(Box<Args>),
}

/// Parses the arguments (without the program name).
pub fn parse(args: &[String]) -> Result<Command, ImportError> {
    let usage = |m: String| ImportError::Usage(m);
    let mut flags: Vec<(String, String)> = Vec::new();
    let (mut inputs, mut force, mut assign) = (Vec::new(), false, Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--force" => force = true,
            "--" => inputs.extend(it.by_ref().cloned()),
            flag if flag.starts_with("--") => {
                let (flag, value) = match flag.split_once('=') {
                    Some((f, v)) => (f.to_owned(), v.to_owned()),
                    None => {
                        let v = it.next().ok_or_else(|| usage(format!("{flag} needs a value")))?;
                        (flag.to_owned(), v.clone())
                    }
                };
                if flag == "--as" {
                    assign.push(value);
                } else {
                    flags.push((flag, value));
                }
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(usage(format!("unknown option {s}"))),
            input => inputs.push(input.to_owned()),
        }
    }
    let known = [
        "--out",
        "--id",
        "--name-zh",
        "--name-en",
        "--name-ru",
        "--attribution",
        "--attribution-zh",
        "--provenance",
        "--provenance-zh",
        "--attribution-ru",
        "--provenance-ru",
        "--from",
        "--zones-from",
    ];
    if let Some((f, _)) = flags.iter().find(|(f, _)| !known.contains(&f.as_str())) {
        return Err(usage(format!("unknown option {f}")));
    }
    let get = |name: &str| -> Result<Option<String>, ImportError> {
        let mut values = flags.iter().filter(|(f, _)| f == name).map(|(_, v)| v.trim());
        match (values.next(), values.next()) {
            (Some(_), Some(_)) => Err(usage(format!("{name} given twice"))),
            (Some(""), _) => Err(usage(format!("{name} is empty"))),
            (v, _) => Ok(v.map(str::to_owned)),
        }
    };
    let need = |name: &str, what: &str| get(name)?.ok_or_else(|| usage(format!("missing {name} ({what})")));
    let out = need("--out", "the bundle folder to write")?;
    let name_zh = need("--name-zh", "the park's Chinese name")?;
    let name_en = need("--name-en", "the park's English name")?;
    let attribution = need("--attribution", "whose data this is")?;
    let provenance = need("--provenance", "where the data comes from and what is illustrative")?;
    let datum = match get("--from")? {
        None => InputDatum::Wgs84,
        Some(d) => InputDatum::from_key(&d)
            .ok_or_else(|| usage(format!("--from {d}: expected wgs84, gcj02 or bd09")))?,
    };
    let assign = assign
        .iter()
        .map(|a| {
            let (kind, file) =
                a.split_once('=').ok_or_else(|| usage(format!("--as {a}: expected KIND=FILE")))?;
            let kind = LayerKind::from_key(kind)
                .ok_or_else(|| usage(format!("--as {a}: KIND is one of {}", LayerKind::keys())))?;
            if !inputs.iter().any(|i| i == file) {
                return Err(usage(format!("--as {a}: {file} is not among the input files")));
            }
            Ok((kind, file.to_owned()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if inputs.is_empty() {
        return Err(usage("no input files".into()));
    }
    let id = match get("--id")? {
        Some(id) => id,
        None => id_from_folder(&out),
    };
    let both = |text: String, zh: Option<String>, ru: Option<String>| Text {
        zh: zh.unwrap_or_else(|| text.clone()),
        en: text,
        ru,
    };
    let info = ParkInfo {
        id,
        name: Text { zh: name_zh, en: name_en, ru: get("--name-ru")? },
        attribution: both(attribution, get("--attribution-zh")?, get("--attribution-ru")?),
        provenance: both(provenance, get("--provenance-zh")?, get("--provenance-ru")?),
    };
    let zones_from = get("--zones-from")?;
    Ok(Command::Import(Box::new(Args { out, info, datum, assign, force, inputs, zones_from })))
}

/// The park id when `--id` is not given: the output folder's name, lower-case, with anything but
/// letters, digits, `-` and `_` made `-` (`My Park/` → `my-park`).
pub fn id_from_folder(out: &str) -> String {
    let name = out.trim_end_matches(['/', '\\']).rsplit(['/', '\\']).next().unwrap_or("");
    let id: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c.to_ascii_lowercase() } else { '-' })
        .collect();
    if id.trim_matches('-').is_empty() {
        "park".to_owned()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    const FULL: &[&str] = &[
        "--out",
        "out/My Park/",
        "--name-zh",
        "园",
        "--name-en=Park",
        "--attribution",
        "Me",
        "--provenance",
        "Traced",
        "--from",
        "gcj02",
        "--as",
        "waterfront=w.gpx",
        "w.gpx",
        "c.csv",
    ];

    #[test]
    fn a_full_command_line_parses() {
        let Command::Import(a) = parse(&args(FULL)).unwrap() else { panic!() };
        assert_eq!(a.out, "out/My Park/");
        assert_eq!(a.info.id, "my-park");
        assert_eq!(a.info.name, Text { zh: "园".into(), en: "Park".into(), ru: None });
        assert_eq!(a.info.attribution.zh, "Me");
        assert_eq!(a.datum, InputDatum::Gcj02);
        assert_eq!(a.assign, vec![(LayerKind::Waterfront, "w.gpx".to_owned())]);
        assert_eq!(a.inputs, ["w.gpx", "c.csv"]);
        assert!(!a.force);
    }

    #[test]
    fn missing_or_wrong_flags_are_usage_errors() {
        let without = |flag: &str| {
            let mut v = args(FULL);
            let i = v.iter().position(|a| a.starts_with(flag)).unwrap();
            v.remove(i);
            if !flag.contains('=') && !v[i].starts_with("--") {
                v.remove(i);
            }
            parse(&v).unwrap_err().to_string()
        };
        assert_eq!(without("--name-en="), "missing --name-en (the park's English name)");
        assert_eq!(
            without("--provenance"),
            "missing --provenance (where the data comes from and what is illustrative)"
        );
        let mut v = args(FULL);
        v[12] = "waterfront=x.gpx".into();
        assert_eq!(
            parse(&v).unwrap_err().to_string(),
            "--as waterfront=x.gpx: x.gpx is not among the input files"
        );
        v[12] = "roads=w.gpx".into();
        assert!(parse(&v).unwrap_err().to_string().starts_with("--as roads=w.gpx: KIND is one of context"));
        assert_eq!(parse(&args(&["--colour", "x"])).unwrap_err().to_string(), "unknown option --colour");
        assert_eq!(parse(&args(&["-h"])).unwrap(), Command::Help);
    }
}
