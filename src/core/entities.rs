//! The entity registry: the entities a reader can tag, with labels, colours, Wikidata ids and the
//! surface forms news text names them by (see `mentions.rs`).

/// An entity a span can be tagged with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable id stored in annotations.
    pub id: String,
    /// English label.
    pub label_en: String,
    /// Arabic label.
    pub label_ar: String,
    /// Underline colour (CSS), at least 4.5:1 against the page's white.
    pub color: String,
    /// Wikidata entity IRI, when the entity has one.
    pub wikidata: Option<String>,
    /// The words news text names the entity by, Arabic and English (e.g. `روسيا`, `الروسية`,
    /// `موسكو`, `Russia`, `Kremlin`). Arabic forms are written without proclitics (و ف ب ل ك), which
    /// the matcher strips itself; English forms are proper nouns, capitalised as they are written.
    pub forms: Vec<String>,
}

impl Entity {
    fn builtin(id: &str, en: &str, ar: &str, color: &str, qid: &str, forms: &[&str]) -> Self {
        Entity {
            id: id.into(),
            label_en: en.into(),
            label_ar: ar.into(),
            color: color.into(),
            wikidata: Some(format!("http://www.wikidata.org/entity/{qid}")),
            forms: forms.iter().map(|f| (*f).to_string()).collect(),
        }
    }

    /// The label in the interface language (`true` for Arabic).
    pub fn label(&self, arabic: bool) -> &str {
        if arabic {
            &self.label_ar
        } else {
            &self.label_en
        }
    }
}

/// The four default entities, in keyboard order (`1`–`4`).
pub fn default_registry() -> Vec<Entity> {
    vec![
        Entity::builtin(
            "russia",
            "Russia",
            "روسيا",
            "#1d4ed8",
            "Q159",
            &[
                "روسيا",
                "روسي",
                "روسية",
                "الروسي",
                "الروسية",
                "الروس",
                "روسيون",
                "الروسيون",
                "روسيين",
                "الروسيين",
                "موسكو",
                "الكرملين",
                "Russia",
                "Russian",
                "Russians",
                "Moscow",
                "Kremlin",
            ],
        ),
        Entity::builtin(
            "turkey",
            "Turkey",
            "تركيا",
            "#b91c1c",
            "Q43",
            &[
                "تركيا",
                "تركي",
                "التركي",
                "التركية",
                "تركية",
                "الأتراك",
                "أتراك",
                "أنقرة",
                "Turkey",
                "Türkiye",
                "Turkish",
                "Turks",
                "Ankara",
            ],
        ),
        Entity::builtin(
            "iran",
            "Iran",
            "إيران",
            "#047857",
            "Q794",
            &[
                "إيران",
                "إيراني",
                "الإيراني",
                "الإيرانية",
                "إيرانية",
                "إيرانيون",
                "الإيرانيون",
                "إيرانيين",
                "الإيرانيين",
                "طهران",
                "Iran",
                "Iranian",
                "Iranians",
                "Tehran",
            ],
        ),
        Entity::builtin(
            "al-assad",
            "al-Assad",
            "الأسد",
            "#7e22ce",
            "Q44329",
            &[
                "بشار الأسد",
                "بشار",
                "الأسد",
                "Bashar al-Assad",
                "Bashar",
                "al-Assad",
                "Assad",
            ],
        ),
    ]
}

/// Looks an entity up by id.
pub fn find<'a>(registry: &'a [Entity], id: &str) -> Option<&'a Entity> {
    registry.iter().find(|e| e.id == id)
}
