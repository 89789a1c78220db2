//! The pure core: no `web-sys`, tested on the host.

pub mod anchor;
pub mod article;
pub mod changes;
pub mod collapse;
pub mod css_rem;
pub mod embed_options;
pub mod entities;
pub mod fold;
pub mod highlight_plan;
pub mod import;
pub mod mentions;
pub mod model;
pub mod myers;
pub mod occurrences;
pub mod persist;
pub mod recent;
pub mod segments;
pub mod selectors;
pub mod source;
pub mod state;
pub mod suggestions;
pub mod text_formats;
pub mod units;
pub mod w3c;
