//! Embedding ParkMap: the state a link carries, the postMessage API and the iframe snippet.
//! Pure: no DOM; the UI reads `location`, listens for `message` and posts events with these types.
//!
//! # URL parameters
//!
//! The view lives in the hash, as OpenStreetMap writes it; everything else in the query. A link reproduces
//! what its author saw. [`parse`] never fails: an unknown parameter or a malformed value is ignored and
//! reported as a [`UrlWarning`] (the app logs them to the console); a bad item of a list parameter is
//! left out and the rest kept. [`to_query`] and [`to_hash`] write only non-default fields, in the order
//! of this table, percent-encoded; `+` reads as a space, as in `URLSearchParams`.
//!
//! | parameter | example | meaning |
//! |---|---|---|
//! | `#map=Z/LAT/LON` | `#map=16/45.83000/126.51000` | view: zoom `0..=22` (up to 2 decimals), centre; lat/lon written with OSM's precision for the zoom, `ceil(log10(256·2^Z/180))` decimals (at whole zooms: 4 at z10–12, 5 at z13–16, 6 at z17–19, 7 at z20–22) |
//! | `embed` | `embed=1` | embedded: compact chrome, postMessage API on (`1`/`true`, `0`/`false`) |
//! | `park` | `park=https://x.cn/park.json` | another park's manifest (checked by [`crate::model::url::resolve_park_param`]) |
//! | `lang` | `lang=en` | UI language: `zh`, `en`, `ru` (a tag such as `en-GB` is accepted) |
//! | `sel` | `sel=company:c0001` | selected feature, `company`, `zone`, `trail` or `poi`, then `:` and its id |
//! | `ind` | `ind=digital_economy,new_materials` | filter: industries (keys of [`crate::model::Industry`]) |
//! | `zone` | `zone=z03` | filter: companies in this zone |
//! | `cap` | `cap=1000000-50000000`, `cap=1000000-` | filter: registered capital in yuan, `MIN-MAX`, either side optional |
//! | `yr` | `yr=2020-2023`, `yr=-2015` | filter: founding year `0..=9999`, `MIN-MAX`, either side optional |
//! | `site_type`, `site_area`, `site_use`, `site_status`, `site_kva`, `site_util`, `site_sale`, `site_rent` | `site_type=land&site_area=10000-&site_util=gas` | the site finder's filter: see [`SiteFilterParams`] |
//! | `hide` | `hide=pois,context` | layers switched off (keys of [`crate::model::LayerKind`]) |
//! | `route` | `route=45.83,126.51;45.84,126.52` | route waypoints, `lat,lon` pairs with 5 decimals joined by `;`, at most 50 |
//! | `winter` | `winter=1` | the route avoids trails closed in winter |
//! | `loop` | `loop=10` | plan a loop of this many km (`0.1..=100`, 2 decimals) from the first `route` waypoint |
//! | `origins` | `origins=https://a.example,https://b.example` | extra origins allowed to use the postMessage API (at most 20) |
//! | `tiles` | `tiles=https://tile.openstreetmap.org/{z}/{x}/{y}.png` | basemap: an http(s) XYZ tile URL template (`{z}` `{x}` `{y}`, `{s}` = a/b/c, `{r}` = `@2x` on high-density screens), percent-encoded; replaces the manifest's `basemap` |
//! | `tiles_attr` | `tiles_attr=©+OpenStreetMap+contributors` | the basemap's credit line, plain text (shown in the attribution line) |
//! | `tiles_crs` | `tiles_crs=gcj02` | the tiles' coordinate system: `wgs84` (default) or `gcj02` (Amap, Tencent: the park is drawn shifted to match; every coordinate in or out stays WGS84) |
//!
//! Ids (`sel`, `zone`) are 1 to 200 characters without control characters. Lists are sorted and
//! repeats dropped; a repeated parameter keeps its first value. [`UrlState::canonical`] is what a state
//! looks like after the trip through its URL.
//!
//! # postMessage API, version 1
//!
//! Every message either way is a JSON object `{"source": "parkmap", "v": 1, "type": "...", ...fields}`.
//! The embed acts only on messages from an allowed origin ([`OriginPolicy`]: its own origin, the
//! manifest's `origins`, the `?origins=` list; exact `scheme://host[:port]`, never `*` or `null`) and posts
//! events only to the parent's exact origin when allowed. Messages whose `source` is not `"parkmap"` are
//! ignored silently. A command may carry a `requestId` (string or number), echoed in its replies; it is
//! not called `id` because `selectCompany` and `companySelected` use `id` for the company.
//!
//! ## Commands (host → map), parsed by [`parse_command`]
//!
//! | type | fields | does |
//! |---|---|---|
//! | `selectCompany` | `id` | opens the company |
//! | `selectZone` | `id` | opens the zone |
//! | `flyTo` | `lat`, `lon`, `zoom?` | moves the view (`zoom` `0..=22`) |
//! | `fitPark` | — | shows the whole park |
//! | `setLayers` | `visible?`, `hidden?` (layer keys; at least one) | switches layers on/off; others keep their state |
//! | `setFilter` | `industries?`, `zone?`, `capitalMin?`, `capitalMax?`, `foundedMin?`, `foundedMax?` | replaces the company filter; a field left out does not narrow |
//! | `planRoute` | `waypoints` (2–50 `[lat, lon]`), `winter?` — or `loopKm` (`0.1..=100`), `start` `[lat, lon]`, `winter?` | plans a route or a loop |
//! | `setLanguage` | `lang`: `"zh"`, `"en"` or `"ru"` | switches the language |
//! | `selectSite` | `id` | opens the site's panel (the site finder fetches the sites first; an unknown id is an `error`) |
//! | `filterSites` | `types?`, `areaMin?`, `areaMax?` (m²), `landUses?`, `statuses?`, `minPowerKva?`, `utilities?`, `maxSalePrice?` (¥/m²), `maxRent?` (¥/m²/month) | opens the site finder with this filter; keys as in the sites layer; whole numbers |
//! | `getView`, `getSelection`, `getFilter`, `getRoute`, `getLayers` | — | answers with what the URL carries ([`Query`]) |
//!
//! `null` counts as a field left out; an unknown field is an error, so typos surface. A command with a
//! `requestId` that succeeds is acknowledged with `ok` once done; a query always is, its answer in
//! `result` ([`Command::acknowledged`]).
//!
//! ## Events (map → host), built with [`Event::to_json`]
//!
//! | type | fields | when |
//! |---|---|---|
//! | `ready` | `version` | the map listens for commands |
//! | `companySelected` | `id`, `name` (English) | a company was selected |
//! | `zoneSelected` | `id`, `name` (English) | a zone was selected |
//! | `siteSelected` | `id`, `name` (English) | a site was selected |
//! | `viewChanged` | `lat`, `lon`, `zoom` | the view settled |
//! | `routeChanged` | `distanceKm`, `walkingMin`, `cyclingMin`, `waypoints` (`[lat, lon]` pairs) | a route was planned |
//! | `resize` | `height` (px) | the content height changed |
//! | `ok` | `command`, `requestId?`, `result?` | a command with a `requestId` was carried out; a query's answer |
//! | `error` | `message`, `command?`, `requestId?` | a command was refused |
//!
//! ## Error messages (the `message` of `error`)
//!
//! | sent | message |
//! |---|---|
//! | `{"source":"parkmap","v":2,…}` | `"v" must be 1, got 2` |
//! | `{…,"type":"deleteAll"}` | `unknown command type "deleteAll"` |
//! | `{…,"type":"selectCompany","id":""}` | `selectCompany: "id" must be a non-empty string` |
//! | `{…,"type":"flyTo","lat":95,"lon":126.5}` | `flyTo: "lat" 95 is out of range -90..90` |
//! | `{…,"type":"flyTo","lat":45,"lon":126,"zom":3}` | `flyTo: unknown field "zom"` |
//! | `{…,"type":"setLayers","hidden":["roads"]}` | `setLayers: unknown layer "roads" in "hidden" (expected context, zones, …)` |
//! | `{…,"type":"setFilter","capitalMin":5,"capitalMax":3}` | `setFilter: "capitalMin" 5 is greater than "capitalMax" 3` |
//! | `{…,"type":"planRoute","waypoints":[[45,126],[95,126]]}` | `planRoute: "waypoints"[1] lat 95 is out of range -90..90` |
//! | `{…,"type":"planRoute","loopKm":10}` | `planRoute: "start" is required with "loopKm"` |
//! | `{…,"type":"setLanguage","lang":"de"}` | `setLanguage: "lang" must be "zh", "en" or "ru"` |
//!
//! # Snippet
//!
//! [`iframe_snippet`] writes `<iframe src="…?embed=1&…#map=…" width height loading="lazy"
//! allow="fullscreen; geolocation" title="…" style="border:0" referrerpolicy="strict-origin-when-cross-origin">`
//! with every attribute value HTML-escaped; [`kit_snippet`] the partner kit's two lines (its script, with
//! Subresource Integrity on the hashed copy, and `<park-map …>`).

mod event;
mod fields;
mod kit_snippet;
pub mod origin;
mod percent;
pub mod protocol;
mod query;
mod site_params;
pub mod snippet;
pub mod url_state;
mod values;

pub use kit_snippet::{kit_snippet, KitFile, KitOptions};
pub use origin::{normalize_origin, OriginPolicy};
pub use protocol::{parse_command, Action, Command, Event, ProtocolError, Query, RequestId, RouteRequest};
pub use site_params::{SiteFilterParams, SiteLink, MAX_SITE_PARAM, SITE_KEYS};
pub use snippet::{embed_src, iframe_snippet, EmbedOptions, Size, SnippetError};
pub use url_state::{
    check_id, parse, to_hash, to_query, FeatureKind, FeatureRef, FilterParams, MapView, UrlState, UrlWarning,
    LOOP_KM_RANGE,
};
