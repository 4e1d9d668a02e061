//! Embedding: the URL state and the postMessage protocol. Pure: no DOM.
//! (Module documentation with the tables follows in a later commit.)

mod event;
mod fields;
pub mod origin;
mod percent;
pub mod protocol;
pub mod url_state;
mod values;

pub use origin::{normalize_origin, OriginPolicy};
pub use protocol::{parse_command, Action, Command, Event, ProtocolError, RequestId, RouteRequest};
pub use url_state::{
    check_id, parse, to_hash, to_query, FilterParams, MapView, SelectionKind, SelectionRef, UrlState,
    UrlWarning,
};
