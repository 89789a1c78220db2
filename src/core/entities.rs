//! The entity registry: the entities a reader can tag, with labels, colours and Wikidata ids.

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
}

impl Entity {
    fn builtin(id: &str, en: &str, ar: &str, color: &str, qid: &str) -> Self {
        Entity {
            id: id.into(),
            label_en: en.into(),
            label_ar: ar.into(),
            color: color.into(),
            wikidata: Some(format!("http://www.wikidata.org/entity/{qid}")),
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
        Entity::builtin("russia", "Russia", "روسيا", "#1d4ed8", "Q159"),
        Entity::builtin("turkey", "Turkey", "تركيا", "#b91c1c", "Q43"),
        Entity::builtin("iran", "Iran", "إيران", "#047857", "Q794"),
        Entity::builtin("al-assad", "al-Assad", "الأسد", "#7e22ce", "Q44329"),
    ]
}

/// Looks an entity up by id.
pub fn find<'a>(registry: &'a [Entity], id: &str) -> Option<&'a Entity> {
    registry.iter().find(|e| e.id == id)
}
