//! A CSV table of companies (or, with `--as pois=…`, of POIs; with `--as sites=…`, of sites): one row
//! per feature, a header row naming the columns in any case (`Lon`, `LATITUDE`, `Name_ZH`; Chinese
//! headers such as `经度`, `纬度`, `企业名称` too). The position is `lon`/`lng`/`longitude` and
//! `lat`/`latitude`, or a `wkt` column (`POINT`, `POLYGON`, `MULTIPOLYGON`; also `geometry`,
//! `the_geom`), which wins where both are filled. Columns: `id`, `name`, `name_zh`, `name_en`,
//! `name_ru`, `industry`, `sector`, `zone`, `capital` (yuan; also `capital_yuan`,
//! `registered_capital`), `founded` (a year, or a date starting with one), `address`,
//! `description`, `website`, `illustrative`; for sites the numbers `area_m2`, `plot_ratio_max`,
//! `height_max_m`, `power_kva`, `water_m3_day`, `price_sale_yuan_m2`, `price_rent_yuan_m2_month`
//! and the yes/no `gas`, `fibre`, `district_heating`, `price_on_request`; any other column is kept
//! as a property as written (so a POI table's `kind` or a site's `type` works). Errors name the
//! line and the column: `sites.csv:4: area_m2: "12a" is not a number`.

use serde_json::{json, Map, Value};

use super::gpx::script_lang;
use super::{feature, position, GeomClass, ImportError, InputDatum, Origin, SourceFeature};
use crate::model::error::quoted;

/// The property a header names (lower-cased, spaces to `_`, any `(unit)` dropped).
fn canonical(header: &str) -> String {
    let mut h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let (Some(a), Some(b)) = (h.find(open), h.rfind(close)) {
            if a < b {
                h.replace_range(a..b + close.len_utf8(), "");
            }
        }
    }
    let h = h.trim().replace([' ', '-', ':'], "_");
    let name = match h.as_str() {
        "lon" | "lng" | "long" | "longitude" | "经度" => "lon",
        "lat" | "latitude" | "纬度" => "lat",
        "名称" | "企业名称" | "公司名称" | "中文名" | "中文名称" => "name_zh",
        "english_name" | "英文名" | "英文名称" => "name_en",
        "行业" => "industry",
        "capital" | "registered_capital" | "capital_yuan" | "注册资本" => "capital_yuan",
        "founded" | "founded_year" | "year_founded" | "成立年份" | "成立时间" | "成立日期" => {
            "founded"
        }
        "地址" => "address_zh",
        "网站" | "url" => "website",
        "wkt" | "geometry" | "geom" | "the_geom" | "几何" => "wkt",
        "area" | "面积" => "area_m2",
        "类型" => "type",
        "状态" => "status",
        "用地性质" => "land_use",
        "fiber" => "fibre",
        "heating" | "供暖" => "district_heating",
        other => return other.to_owned(),
    };
    name.to_owned()
}

/// Reads a CSV table.
pub fn read(file: &str, text: &str, datum: InputDatum) -> Result<Vec<SourceFeature>, Vec<ImportError>> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(canonical).collect(),
        Err(e) => return Err(vec![csv_error(file, &e)]),
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let wkt_col = col("wkt");
    let lon_lat = match (col("lon"), col("lat")) {
        (Some(lon), Some(lat)) => Some((lon, lat)),
        _ if wkt_col.is_some() => None,
        (lon, _) => {
            let missing = if lon.is_none() {
                "longitude (lon, lng or longitude)"
            } else {
                "latitude (lat or latitude)"
            };
            return Err(vec![ImportError::line(
                file,
                1,
                format!("no {missing} column in the header (nor a wkt column)"),
            )]);
        }
    };
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(file, &e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut problems = Vec::new();
        let mut props = Map::new();
        let number = |col: usize, key: &str, problems: &mut Vec<String>| -> Option<f64> {
            let v = record.get(col).unwrap_or("").trim();
            match v.parse::<f64>() {
                Ok(x) if x.is_finite() => Some(x),
                _ if v.is_empty() => {
                    problems.push(format!("{key}: missing"));
                    None
                }
                _ => {
                    problems.push(format!("{key}: {} is not a number", quoted(v)));
                    None
                }
            }
        };
        let wkt = wkt_col.map(|c| record.get(c).unwrap_or("").trim()).filter(|w| !w.is_empty());
        let geometry = match (wkt, lon_lat) {
            (Some(w), _) => match super::wkt::parse_wkt(w, datum) {
                Ok(g) => Some(g),
                Err(e) => {
                    problems.push(format!("wkt: {e}"));
                    None
                }
            },
            (None, Some((lon_col, lat_col))) => {
                let lon = number(lon_col, &headers[lon_col], &mut problems);
                let lat = number(lat_col, &headers[lat_col], &mut problems);
                lon.zip(lat).map(|(lon, lat)| {
                    (json!({"type": "Point", "coordinates": position(datum, lon, lat)}), GeomClass::Point)
                })
            }
            (None, None) => {
                problems.push("wkt: missing".into());
                None
            }
        };
        for (key, value) in headers.iter().zip(record.iter()) {
            let value = value.trim();
            if value.is_empty() || matches!(key.as_str(), "lon" | "lat" | "wkt") {
                continue;
            }
            match cell(key, value) {
                Ok((k, v)) => {
                    props.insert(k, v);
                }
                Err(reason) => problems.push(format!("{key}: {reason}")),
            }
        }
        if !problems.is_empty() {
            errors.extend(problems.into_iter().map(|p| ImportError::line(file, line, p)));
            continue;
        }
        let Some((geometry, class)) = geometry else { continue };
        let name = ["name_en", "name", "name_zh"].iter().find_map(|k| props.get(*k)?.as_str().map(quoted));
        let origin = Origin { file: file.to_owned(), line: Some(line), what: name.unwrap_or_default() };
        out.push(SourceFeature { feature: feature(props, geometry), class, origin });
    }
    super::finish(file, out, errors, "no rows under the header")
}

/// One cell as a property: numbers for `capital_yuan` and `founded`, a bool for `illustrative`, a
/// language for `address` and `description` by their script, text for the rest.
fn cell(key: &str, value: &str) -> Result<(String, Value), String> {
    let text = |k: &str| Ok((k.to_owned(), Value::String(value.to_owned())));
    match key {
        "capital_yuan" => {
            let digits: String = value.chars().filter(|c| !matches!(c, ',' | '_' | ' ')).collect();
            match digits.parse::<f64>() {
                Ok(x) if x >= 0.0 && x.fract() == 0.0 && x < 1e16 => Ok((key.to_owned(), json!(x as u64))),
                _ => Err(format!("{} is not a whole number of yuan", quoted(value))),
            }
        }
        "founded" => {
            let year = value.get(..4).filter(|y| y.chars().all(|c| c.is_ascii_digit()));
            let rest_ok = value.len() == 4 || value[4..].starts_with(['-', '/', '.', '年']);
            match year.map(str::parse::<u64>) {
                Some(Ok(y)) if rest_ok => Ok((key.to_owned(), json!(y))),
                _ => Err(format!("{} is not a year", quoted(value))),
            }
        }
        "illustrative" | "gas" | "fibre" | "district_heating" | "price_on_request" => {
            match value.to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" | "y" | "是" | "有" => Ok((key.to_owned(), Value::Bool(true))),
                "false" | "no" | "0" | "n" | "否" | "无" => Ok((key.to_owned(), Value::Bool(false))),
                _ => Err(format!("{} is not true or false", quoted(value))),
            }
        }
        "area_m2"
        | "plot_ratio_max"
        | "height_max_m"
        | "power_kva"
        | "water_m3_day"
        | "price_sale_yuan_m2"
        | "price_rent_yuan_m2_month" => {
            let digits: String = value.chars().filter(|c| !matches!(c, ',' | '_' | ' ')).collect();
            match digits.parse::<f64>() {
                Ok(x) if x.is_finite() => Ok((key.to_owned(), json!(x))),
                _ => Err(format!("{} is not a number", quoted(value))),
            }
        }
        "address" | "description" => text(&format!("{key}_{}", script_lang(value))),
        _ => text(key),
    }
}

/// A CSV syntax error (a row with the wrong number of fields, bad UTF-8), at its line.
fn csv_error(file: &str, e: &::csv::Error) -> ImportError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let reason = match e.kind() {
        ::csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("{len} fields where the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    ImportError::line(file, line, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_any_case_and_quoted_commas_are_read() {
        let csv = "ID,Name_ZH,Name_EN,Longitude,LATITUDE,Capital (yuan),Founded\n\
                   c1,哈尔滨机器人,\"Robots, Inc.\",126.51,45.85,\"5,000,000\",2019-05-01\n";
        let f = read("c.csv", csv, InputDatum::Wgs84).unwrap();
        let p = &f[0].feature["properties"];
        assert_eq!(p["name_en"], "Robots, Inc.");
        assert_eq!(p["capital_yuan"], 5_000_000);
        assert_eq!(p["founded"], 2019);
        assert_eq!(f[0].feature["geometry"]["coordinates"], json!([126.51, 45.85]));
        assert_eq!(f[0].origin.to_string(), "c.csv:2: \"Robots, Inc.\"");
    }

    #[test]
    fn bad_numbers_and_short_rows_name_their_line() {
        let csv = "lon,lat,name,capital\n126.5,45.8,A,1\n126.5,45.8x,B,1\n126.5,45.8,C,12.5\n126.5\n";
        let e: Vec<String> =
            read("c.csv", csv, InputDatum::Wgs84).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            e,
            [
                "c.csv:3: lat: \"45.8x\" is not a number",
                "c.csv:4: capital_yuan: \"12.5\" is not a whole number of yuan",
                "c.csv:5: 1 fields where the header has 4",
            ]
        );
        let e = read("c.csv", "name,x,y\nA,1,2\n", InputDatum::Wgs84).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "c.csv:1: no longitude (lon, lng or longitude) column in the header (nor a wkt column)"
        );
    }

    #[test]
    fn a_site_table_reads_wkt_or_lon_lat_with_numbers_and_yes_no_columns() {
        let csv = "id,name_en,type,WKT,lon,lat,Area (m²),gas,price_sale_yuan_m2\n\
                   s1,Parcel,land,\"POLYGON((126.50 45.84,126.51 45.84,126.51 45.845,126.50 45.84))\",,,\"21,500\",yes,320\n\
                   s2,Floor,office,,126.52,45.85,800,no,\n\
                   s3,Bad,land,POLYGON((126.5 45.8),,,12a,maybe,\n";
        let e: Vec<String> =
            read("sites.csv", csv, InputDatum::Wgs84).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            e,
            [
                "sites.csv:4: wkt: expected \",\" or \")\" at character 21",
                "sites.csv:4: area_m2: \"12a\" is not a number",
                "sites.csv:4: gas: \"maybe\" is not true or false",
            ]
        );
        let good: String = csv.lines().take(3).map(|l| format!("{l}\n")).collect();
        let f = read("sites.csv", &good, InputDatum::Wgs84).unwrap();
        assert_eq!((f[0].class, f[1].class), (GeomClass::Area, GeomClass::Point));
        let p = &f[0].feature["properties"];
        assert_eq!(
            (p["area_m2"].as_f64(), p["gas"].as_bool(), p["price_sale_yuan_m2"].as_f64()),
            (Some(21_500.0), Some(true), Some(320.0))
        );
        assert_eq!(f[0].feature["geometry"]["coordinates"][0][1], json!([126.51, 45.84]));
        assert_eq!(f[1].feature["properties"]["gas"], false);
        assert_eq!(f[1].origin.to_string(), "sites.csv:3: \"Floor\"");
    }
}
