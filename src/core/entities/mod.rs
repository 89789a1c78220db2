//! Entities: the registry of what can be tagged ([`registry`]), the Arabic-aware matcher that finds
//! their mentions ([`mentions`]), the mentions offered as suggestions ([`suggestions`]), and another
//! browser's entities brought in without mixing them up with the reader's ([`adopt`]).

pub mod adopt;
pub mod mentions;
pub mod registry;
pub mod registry_changes;
pub mod suggestions;
