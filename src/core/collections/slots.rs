//! The anchoring's one hash map type: an integer key (a character, or a few packed into one) → the
//! position of what is kept for it in a `Vec` beside the map.
//!
//! Each `HashMap` over another key or value type copies hashbrown's insert, lookup, grow and drop
//! code into the bundle (about 1 KB of WebAssembly each); the mask table of the approximate search,
//! the occurrence lists of the exact search and the trigram profile of the edit-distance bound share
//! this one. It keeps the standard library's SipHash, as the maps it replaced did (in WebAssembly
//! the standard library has no random source, so its keys are fixed; the keys here are characters
//! of the article and of quotes, bounded by their lengths).

use std::collections::HashMap;

/// An integer key → a position in a `Vec` kept beside the map.
pub type Slots = HashMap<u64, usize>;
