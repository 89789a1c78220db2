//! Embedding on a news site, the pure parts: the host page's options ([`options`]) and the
//! embedded stylesheet's lengths made independent of the host's root font size ([`css_rem`]).

pub mod css_rem;
pub mod options;
