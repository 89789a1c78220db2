//! Collections: general-purpose helpers the capabilities share ([`sort`]: one stable sort for the
//! whole bundle; [`index`]: items found by their ids without a hash map; [`slots`]: the one hash map
//! of the anchoring).

pub mod index;
pub mod slots;
pub mod sort;
