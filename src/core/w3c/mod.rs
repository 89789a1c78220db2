//! The W3C Web Annotation Data Model: exporting annotations as an `AnnotationCollection`
//! ([`export`]) and importing another tool's or Hamish's own ([`import`]).

pub mod claims;
pub mod export;
pub mod import;
pub mod shapes;
