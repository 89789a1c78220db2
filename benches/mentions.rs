//! Mention-finding benchmark on the shared workload (`../shared/bench/workload.mjs`): every mention
//! of 20 entities (the 4 defaults and 16 synthetic ones, about 10 forms each) in its ~1 MB Arabic text.
//!
//! `cargo bench --bench mentions -- WORKLOAD.json` (default `target/workload.json`; generate it with
//! `node ../shared/bench/workload.mjs ../shared/seed/article.ar.txt target/workload.json`).

use hamish::core::entities::{default_registry, Entity};
use hamish::core::mentions::Matcher;
use serde::Deserialize;
use std::time::Instant;

#[derive(Deserialize)]
struct Workload {
    text: String,
}

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

fn registry() -> Vec<Entity> {
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

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "target/workload.json".into());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("read {path}: {e} (node ../shared/bench/workload.mjs ../shared/seed/article.ar.txt {path})")
    });
    let w: Workload = serde_json::from_str(&raw).expect("workload JSON");
    let registry = registry();
    let forms: usize = registry.iter().map(|e| e.forms.len()).sum();
    let matcher = Matcher::new(&registry);
    let found = matcher.find(&w.text);
    let mut per_entity: Vec<(String, usize)> = registry
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                found.iter().filter(|m| m.entity == e.id).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    per_entity.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let build = median_ms(11, || drop(Matcher::new(&registry)));
    let median = median_ms(11, || drop(matcher.find(&w.text)));
    println!(
        "registry: {} entities, {forms} forms; matcher built in {build:.3} ms",
        registry.len()
    );
    println!("per entity: {per_entity:?}");
    println!(
        "mentions: {} found in {} code points, median {median:.1} ms (native)",
        found.len(),
        w.text.chars().count()
    );
}
