//! Claims a fact-checker can work with: what is known of a claim beyond its span ([`claim`]: verdict,
//! status, claimant, evidence, date, check-worthiness) and the verdict scales ([`verdicts`]).

pub mod claim;
pub mod settings;
pub mod verdicts;
