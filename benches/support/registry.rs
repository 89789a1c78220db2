//! The benchmark registry shared by the native and browser mention benchmarks: the 4 defaults and
//! 16 synthetic entities of 10 forms each.

use hamish::core::entities::registry::{default_registry, Entity};

/// Synthetic entities: id and forms. Syria, Damascus, Aleppo, Homs, the opposition, the army and the
/// regime are named in the workload's text; the others are not.
#[rustfmt::skip]
const SYNTHETIC: &[(&str, [&str; 10])] = &[
    ("syria", ["سوريا", "سورية", "السورية", "السوري", "السوريين", "السوريون", "سوري", "سوريون", "Syria", "Syrian"]),
    ("damascus", ["دمشق", "العاصمة دمشق", "الدمشقي", "الدمشقية", "دمشقي", "دمشقية", "الشام", "Damascus", "Dimashq", "Sham"]),
    ("aleppo", ["حلب", "الحلبي", "الحلبية", "حلبي", "حلبية", "الشهباء", "مدينة حلب", "ريف حلب", "Aleppo", "Halab"]),
    ("homs", ["حمص", "الحمصي", "الحمصية", "حمصي", "حمصية", "مدينة حمص", "ريف حمص", "Homs", "Hims", "Emesa"]),
    ("opposition", ["المعارضة", "المعارضة السورية", "معارضة", "المعارضين", "المعارضون", "معارضين", "الفصائل", "الثوار", "Opposition", "Rebels"]),
    ("army", ["الجيش", "الجيش السوري", "جيش النظام", "الجنود", "الضباط", "العسكريين", "القوات", "جيش", "SAA", "Army"]),
    ("regime", ["النظام", "نظام الأسد", "النظام السوري", "نظام بشار الأسد", "السلطة", "الحكومة السورية", "نظام", "الحكومة", "Regime", "Government"]),
    ("lebanon", ["لبنان", "اللبناني", "اللبنانية", "لبناني", "لبنانية", "اللبنانيين", "بيروت", "Lebanon", "Lebanese", "Beirut"]),
    ("iraq", ["العراق", "العراقي", "العراقية", "عراقي", "عراقية", "العراقيين", "بغداد", "Iraq", "Iraqi", "Baghdad"]),
    ("israel", ["إسرائيل", "الإسرائيلي", "الإسرائيلية", "إسرائيلي", "إسرائيلية", "الإسرائيليين", "تل أبيب", "Israel", "Israeli", "Tel Aviv"]),
    ("usa", ["الولايات المتحدة", "أمريكا", "الأمريكي", "الأمريكية", "أميركا", "الأميركي", "واشنطن", "Washington", "American", "America"]),
    ("egypt", ["مصر", "المصري", "المصرية", "مصري", "مصرية", "المصريين", "القاهرة", "Egypt", "Egyptian", "Cairo"]),
    ("jordan", ["الأردن", "الأردني", "الأردنية", "أردني", "أردنية", "الأردنيين", "عمان", "Jordan", "Jordanian", "Amman"]),
    ("saudi", ["السعودية", "السعودي", "سعودي", "سعودية", "السعوديين", "الرياض", "المملكة العربية السعودية", "Saudi", "Riyadh", "KSA"]),
    ("hezbollah", ["حزب الله", "الحزب", "نصر الله", "حسن نصر الله", "المقاومة الإسلامية", "الضاحية", "Hezbollah", "Hizbullah", "Nasrallah", "Hizballah"]),
    ("un", ["الأمم المتحدة", "مجلس الأمن", "الأممي", "الأممية", "غوتيريش", "المبعوث الأممي", "UN", "United Nations", "Security Council", "Guterres"]),
];

/// The 20-entity registry.
pub fn registry() -> Vec<Entity> {
    let mut registry = default_registry();
    registry.extend(SYNTHETIC.iter().map(|(id, forms)| Entity {
        id: (*id).into(),
        label_en: (*id).into(),
        label_ar: forms[0].into(),
        color: "#000000".into(),
        wikidata: None,
        forms: forms.iter().map(|f| (*f).to_string()).collect(),
    }));
    registry
}
