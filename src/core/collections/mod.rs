//! Collections: general-purpose helpers the capabilities share ([`sort`]: one stable sort for the
//! whole bundle).

pub mod sort;
