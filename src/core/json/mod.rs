//! JSON of Hamish's own: a [`Value`], a strict parser ([`from_str`]) and a writer (`to_string`,
//! [`to_string_pretty`]) that reads and writes the same text `serde_json` did, byte for byte.
//!
//! It exists for the bundle's size: `serde_json`'s parser, its printer and serde's traits cost
//! about 27 KB of the wasm before `wasm-opt`, for what Hamish needs of JSON: reading imports, stored
//! entries, backups and embed options into a tree, and writing exports. Numbers are kept as text
//! (`number.rs`), so neither the standard library's float parser nor its float printer is linked.
//! Objects keep their keys sorted, as `serde_json`'s `Map` does, so exports are written in the order
//! they always were. [`json!`](crate::json) builds values as `crate::json!` did.

pub mod number;
pub mod parse;
pub mod value;
pub mod write;

pub use number::Number;
pub use parse::{from_str, Error};
pub use value::{Map, ToValue, Value};
pub use write::to_string_pretty;

/// A [`Value`] from JSON-like syntax, as `crate::json!`: `null`, `[a, b]`, `{"key": value}`
/// (keys string literals), nested, and any other expression by reference through [`ToValue`].
#[macro_export]
macro_rules! json {
    (null) => {
        $crate::core::json::Value::Null
    };
    ([]) => {
        $crate::core::json::Value::Array(::std::vec::Vec::new())
    };
    ([ $($tt:tt)+ ]) => {
        $crate::core::json::Value::Array($crate::json_items!([] () $($tt)+))
    };
    ({}) => {
        $crate::core::json::Value::Object($crate::core::json::Map::new())
    };
    ({ $($tt:tt)+ }) => {{
        let mut map = $crate::core::json::Map::new();
        $crate::json_fields!(map $($tt)+);
        $crate::core::json::Value::Object(map)
    }};
    ($e:expr) => {
        $crate::core::json::ToValue::to_value(&$e)
    };
}

/// The items of a [`json!`](crate::json) array as a `Vec`: the tokens of each, up to a comma.
#[doc(hidden)]
#[macro_export]
macro_rules! json_items {
    ([$($done:tt)*] ()) => {
        ::std::vec![$($done)*]
    };
    ([$($done:tt)*] ($($item:tt)+)) => {
        ::std::vec![$($done)* $crate::json!($($item)+)]
    };
    ([$($done:tt)*] ($($item:tt)+) , $($rest:tt)*) => {
        $crate::json_items!([$($done)* $crate::json!($($item)+),] () $($rest)*)
    };
    ([$($done:tt)*] ($($item:tt)*) $next:tt $($rest:tt)*) => {
        $crate::json_items!([$($done)*] ($($item)* $next) $($rest)*)
    };
}

/// The fields of a [`json!`](crate::json) object: `"key": value`, the value's tokens up to a comma.
#[doc(hidden)]
#[macro_export]
macro_rules! json_fields {
    ($map:ident) => {};
    ($map:ident $key:literal : $($rest:tt)+) => {
        $crate::json_field!($map $key () $($rest)+);
    };
}

/// One field of a [`json!`](crate::json) object (see `json_fields!`).
#[doc(hidden)]
#[macro_export]
macro_rules! json_field {
    ($map:ident $key:literal ($($value:tt)+)) => {
        $map.insert($key.into(), $crate::json!($($value)+));
    };
    ($map:ident $key:literal ($($value:tt)+) , $($rest:tt)*) => {
        $map.insert($key.into(), $crate::json!($($value)+));
        $crate::json_fields!($map $($rest)*);
    };
    ($map:ident $key:literal ($($value:tt)*) $next:tt $($rest:tt)*) => {
        $crate::json_field!($map $key ($($value)* $next) $($rest)*);
    };
}
