//! Entities: the registry of what can be tagged ([`registry`]), the Arabic-aware matcher that finds
//! their mentions ([`mentions`]), and the mentions offered as suggestions ([`suggestions`]).

pub mod mentions;
pub mod registry;
pub mod registry_changes;
pub mod suggestions;
