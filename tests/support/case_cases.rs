//! Case mappings the platform must agree on: the host (standard library) and the browser
//! (`toLowerCase`/`toUpperCase`) run the same table.

/// (text, lower case, upper case).
pub const CASES: &[(&str, &str, &str)] = &[
    ("Russia", "russia", "RUSSIA"),
    ("", "", ""),
    ("روسيا", "روسيا", "روسيا"),
    ("Türkiye", "türkiye", "TÜRKIYE"),
    ("ÉLYSÉE élysée", "élysée élysée", "ÉLYSÉE ÉLYSÉE"),
    ("straße", "straße", "STRASSE"),
    ("Россия", "россия", "РОССИЯ"),
    ("Ελλάδα", "ελλάδα", "ΕΛΛΆΔΑ"),
    ("إيران Iran", "إيران iran", "إيران IRAN"),
    ("ﷲ 中国 한국", "ﷲ 中国 한국", "ﷲ 中国 한국"),
    ("\u{212A}elvin", "kelvin", "\u{212A}ELVIN"),
    ("Ⓐ", "ⓐ", "Ⓐ"),
];
