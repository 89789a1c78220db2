//! Failures rendered for the reader: every reason in both languages, the English wording the
//! end-to-end tests and the JS API rely on, and Arabic with no English in it besides data from
//! outside and the names of standards.

use hamish::core::claims::claim::UrlError;
use hamish::core::exchange::ForeignReason;
use hamish::core::text::open_error::OpenError;
use hamish::core::text::source::DocumentError;
use hamish::core::w3c::import::{ImportError, RejectReason};
use hamish::i18n::Lang;
use std::rc::Rc;

/// Technical names an Arabic message may keep in Latin letters.
const NAMES: &[&str] = &[
    "TextQuoteSelector",
    "TextPositionSelector",
    "AnnotationCollection",
    "AnnotationPage",
    "Annotation",
    "UTF-8",
    "JSON",
    "HTML",
    "CORS",
    "W3C",
];

/// One of each document error, with the data it embeds.
fn document_errors() -> Vec<(DocumentError, Vec<&'static str>)> {
    let all = vec![
        (
            DocumentError::NotText {
                mime: "image/png".into(),
            },
            vec!["image/png"],
        ),
        (
            DocumentError::TooLarge {
                bytes: 6 * 1024 * 1024,
            },
            vec![],
        ),
        (DocumentError::NotUtf8 { byte: 2 }, vec![]),
        (DocumentError::Empty, vec![]),
    ];
    // A new variant must be added above: this match stops compiling until it is.
    for (e, _) in &all {
        match e {
            DocumentError::NotText { .. }
            | DocumentError::TooLarge { .. }
            | DocumentError::NotUtf8 { .. }
            | DocumentError::Empty => {}
        }
    }
    all
}

/// One of each open error, with the data it embeds.
fn open_errors() -> Vec<(OpenError, Vec<&'static str>)> {
    let mut all = vec![
        (OpenError::NoWindow, vec![]),
        (OpenError::Network, vec![]),
        (OpenError::NoResponse, vec![]),
        (
            OpenError::Http {
                status: 404,
                status_text: "Not Found".into(),
            },
            vec!["Not Found"],
        ),
        (OpenError::Unreadable, vec![]),
        (OpenError::NoReadableText, vec![]),
        (OpenError::HtmlParserUnavailable, vec![]),
        (OpenError::HtmlUnparsable, vec![]),
        (OpenError::NoBody, vec![]),
        (OpenError::PageUnreadable, vec![]),
        (OpenError::PastedEmpty, vec![]),
        (OpenError::NoLongerStored, vec![]),
    ];
    for (e, data) in document_errors() {
        all.push((OpenError::Document(e), data));
    }
    for (e, _) in &all {
        match e {
            OpenError::NoWindow
            | OpenError::Network
            | OpenError::NoResponse
            | OpenError::Http { .. }
            | OpenError::Unreadable
            | OpenError::Document(_)
            | OpenError::NoReadableText
            | OpenError::HtmlParserUnavailable
            | OpenError::HtmlUnparsable
            | OpenError::NoBody
            | OpenError::PageUnreadable
            | OpenError::PastedEmpty
            | OpenError::NoLongerStored => {}
        }
    }
    all
}

/// One of each import error, with the data it embeds.
fn import_errors() -> Vec<(ImportError, Vec<&'static str>)> {
    let all = vec![
        (
            ImportError::Unreadable("NotReadableError".into()),
            vec!["NotReadableError"],
        ),
        (
            ImportError::NotJson("expected value at line 1 column 1".into()),
            vec!["expected value at line 1 column 1"],
        ),
        (ImportError::NoAnnotations, vec![]),
        (ImportError::TooLarge(17 * 1024 * 1024), vec![]),
        (
            ImportError::OtherArticle("https://news.example/other".into()),
            vec!["https://news.example/other"],
        ),
    ];
    for (e, _) in &all {
        match e {
            ImportError::Unreadable(_)
            | ImportError::NotJson(_)
            | ImportError::NoAnnotations
            | ImportError::TooLarge(_)
            | ImportError::OtherArticle(_) => {}
        }
    }
    all
}

/// One of each rejection reason, with the data it embeds.
fn reject_reasons() -> Vec<(RejectReason, Vec<&'static str>)> {
    let all = vec![
        (RejectReason::NoTarget, vec![]),
        (RejectReason::NoUsableSelector, vec![]),
        (
            RejectReason::UnknownEntity("Atlantis".into()),
            vec!["Atlantis"],
        ),
        (RejectReason::TooMany { skipped: 4 }, vec!["4"]),
        (
            RejectReason::QuoteTooLong { len: 6_000_000 },
            vec!["6000000"],
        ),
        (RejectReason::NoteTooLong { len: 100_001 }, vec!["100001"]),
        (RejectReason::Foreign(ForeignReason::NotInArticle), vec![]),
        (RejectReason::Foreign(ForeignReason::BadSpan), vec![]),
        (RejectReason::Foreign(ForeignReason::BadLine), vec![]),
        (RejectReason::Foreign(ForeignReason::LineTooLong), vec![]),
        (RejectReason::Foreign(ForeignReason::TooMany), vec![]),
    ];
    for (r, _) in &all {
        match r {
            RejectReason::NoTarget
            | RejectReason::NoUsableSelector
            | RejectReason::UnknownEntity(_)
            | RejectReason::TooMany { .. }
            | RejectReason::QuoteTooLong { .. }
            | RejectReason::NoteTooLong { .. } => {}
            RejectReason::Foreign(f) => match f {
                ForeignReason::NotInArticle
                | ForeignReason::BadSpan
                | ForeignReason::BadLine
                | ForeignReason::LineTooLong
                | ForeignReason::TooMany => {}
            },
        }
    }
    all
}

/// Every reason rendered in `lang`, with the data each embeds.
fn rendered(lang: Lang) -> Vec<(String, Vec<&'static str>)> {
    let mut out = Vec::new();
    for (e, data) in document_errors() {
        out.push((lang.document_error(&e), data));
    }
    for (e, data) in open_errors() {
        out.push((lang.open_error(&e), data));
    }
    for (e, data) in import_errors() {
        out.push((lang.import_error(&e), data));
    }
    for (r, data) in reject_reasons() {
        out.push((lang.reject_reason(&r), data));
    }
    for (e, data) in [
        (UrlError::NotWeb, vec!["http://", "https://"]),
        (UrlError::Userinfo, vec!["user@host"]),
        (UrlError::Hidden, vec![]),
    ] {
        out.push((lang.claims().url_error(e).to_string(), data));
    }
    out
}

#[test]
fn every_reason_renders_in_both_languages() {
    for lang in [Lang::En, Lang::Ar] {
        for (text, data) in rendered(lang) {
            assert!(!text.trim().is_empty(), "{lang:?}");
            for d in data {
                assert!(text.contains(d), "{lang:?}: {text} keeps {d}");
            }
        }
    }
    let (en, ar) = (rendered(Lang::En), rendered(Lang::Ar));
    for ((en, _), (ar, _)) in en.iter().zip(&ar) {
        assert_ne!(en, ar, "not translated");
    }
}

#[test]
fn arabic_reasons_hold_no_english_besides_data_and_names() {
    for (text, data) in rendered(Lang::Ar) {
        let mut rest = text.clone();
        for d in data.iter().chain(NAMES) {
            rest = rest.replace(d, " ");
        }
        assert!(
            !rest.chars().any(|c| c.is_ascii_alphabetic()),
            "{text} → {rest}"
        );
        assert!(
            text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{text}"
        );
    }
}

#[test]
fn english_reasons_keep_their_wording() {
    let en = |e: OpenError| Lang::En.open_error(&e);
    let cases = [
        (
            en(OpenError::Http {
                status: 404,
                status_text: String::new(),
            }),
            "the server answered 404",
        ),
        (
            en(OpenError::Http {
                status: 503,
                status_text: "Service Unavailable".into(),
            }),
            "the server answered 503 Service Unavailable",
        ),
        (
            en(OpenError::Network),
            "the request failed: the network is down, or the server does not allow this page to read it (CORS)",
        ),
        (en(OpenError::NoWindow), "no window"),
        (en(OpenError::NoResponse), "no response"),
        (en(OpenError::Unreadable), "its content could not be read"),
        (en(OpenError::NoReadableText), "it has no readable text"),
        (
            en(OpenError::HtmlParserUnavailable),
            "the HTML parser is unavailable",
        ),
        (en(OpenError::HtmlUnparsable), "the HTML could not be parsed"),
        (en(OpenError::NoBody), "the page has no body"),
        (en(OpenError::PageUnreadable), "the page could not be read"),
        (en(OpenError::PastedEmpty), "the pasted text is empty"),
        (
            en(OpenError::NoLongerStored),
            "its text is no longer stored; open it again",
        ),
        (
            en(OpenError::Document(DocumentError::NotText {
                mime: "image/png".into(),
            })),
            "it is not a text document (its type is image/png)",
        ),
        (
            en(OpenError::Document(DocumentError::TooLarge {
                bytes: 6 * 1024 * 1024,
            })),
            "it is too large (6.0 MB; the limit is 5 MB of UTF-8 text)",
        ),
        (
            en(OpenError::Document(DocumentError::NotUtf8 { byte: 2 })),
            "it is not valid UTF-8 text (bad bytes at byte 2)",
        ),
        (
            en(OpenError::Document(DocumentError::Empty)),
            "the document is empty",
        ),
        (
            Lang::En.import_error(&ImportError::Unreadable("NotReadableError".into())),
            "the file could not be read (NotReadableError)",
        ),
        (
            Lang::En.import_error(&ImportError::NotJson("EOF".into())),
            "it is not valid JSON (EOF)",
        ),
        (
            Lang::En.import_error(&ImportError::NoAnnotations),
            "it holds no annotations (expected a W3C AnnotationCollection, AnnotationPage, Annotation or an array of them)",
        ),
        (
            Lang::En.import_error(&ImportError::TooLarge(16 * 1024 * 1024 + 1)),
            "it is too large (16.1 MB; the limit is 16 MB of UTF-8 text)",
        ),
        (
            Lang::En.reject_reason(&RejectReason::NoTarget),
            "it has no target",
        ),
        (
            Lang::En.reject_reason(&RejectReason::NoUsableSelector),
            "its target has no usable TextQuoteSelector or TextPositionSelector",
        ),
        (
            Lang::En.reject_reason(&RejectReason::UnknownEntity("Atlantis".into())),
            "its tag «Atlantis» is not a known entity (add it under Entities…, then import the file again)",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

#[test]
fn notices_carry_their_reasons_into_either_language() {
    use hamish::core::annotations::state::Notice;
    use hamish::core::w3c::import::{Merged, Rejection};
    use hamish::ui::notices::notice_text;
    let imported = Notice::Imported {
        anchored: 1,
        orphaned: 0,
        rejected: Rc::new(vec![Rejection {
            index: 1,
            reason: RejectReason::NoUsableSelector,
        }]),
        merged: Merged::default(),
        undated: 0,
        links_left_out: 0,
        undoable: true,
    };
    let cases = [
        (
            Notice::OpenFailed(OpenError::PastedEmpty),
            "Could not open the article: the pasted text is empty. The current article and its annotations are unchanged.",
            "تعذّر فتح المقال: النص الملصق فارغ. المقال الحالي وتعليقاته كما هي.",
        ),
        (
            Notice::LoadFailed(OpenError::Http {
                status: 404,
                status_text: String::new(),
            }),
            "The article could not be loaded (the server answered 404); showing the bundled article.",
            "تعذّر تحميل المقال (ردّ الخادم بالرمز 404)، فعُرض المقال المرفق.",
        ),
        (
            Notice::ImportFailed(ImportError::NoAnnotations),
            "Nothing was imported: it holds no annotations (expected a W3C AnnotationCollection, AnnotationPage, Annotation or an array of them).",
            "لم يُستورد شيء: لا يحوي الملف تعليقات (المتوقع AnnotationCollection أو AnnotationPage أو Annotation وفق W3C، أو مصفوفة منها)",
        ),
        (
            imported,
            "Imported 2: 1 anchored, 0 orphaned, 1 rejected. Added 0, updated 0, unchanged 0.\n#1: its target has no usable TextQuoteSelector or TextPositionSelector",
            "استيراد 2: 1 ثُبّت في النص، 0 منفصل، 1 مرفوض. أضيف 0، حُدّث 0، بقي 0 دون تغيير.\nرقم 1: ليس في هدفه محدِّد صالح من نوع TextQuoteSelector أو TextPositionSelector",
        ),
    ];
    for (notice, en, ar) in cases {
        assert_eq!(notice_text(&notice, Lang::En), (en.to_string(), true));
        assert_eq!(notice_text(&notice, Lang::Ar), (ar.to_string(), true));
    }
    // What an import did not apply, and what it replaced, is said.
    let told = Notice::Imported {
        anchored: 3,
        orphaned: 0,
        rejected: Rc::default(),
        merged: Merged {
            added: 0,
            updated: 1,
            kept: 2,
            differing: 1,
            deleted_here: 1,
            renamed: 0,
        },
        undated: 0,
        links_left_out: 2,
        undoable: true,
    };
    assert_eq!(
        notice_text(&told, Lang::En).0,
        "Imported 3: 3 anchored, 0 orphaned, 0 rejected. Added 0, updated 1, unchanged 2. \
         Each updated one is the file's version in place of yours, whole (Undo brings yours back). \
         1 of the unchanged differ from yours but are not newer, so yours were kept (a file replaces your work only when it is dated later). \
         1 of the unchanged were deleted here, and stay deleted (a file brings back only what is dated later than the deletion). \
         2 evidence links were left out: not web addresses, addresses that could pose as another, or over 100 for one claim."
    );
    let ar = notice_text(&told, Lang::Ar).0;
    assert!(
        ar.contains("تُرك 2 من روابط الأدلة")
            && ar.contains("1 منها يختلف")
            && ar.contains("1 منها حُذف لديك"),
        "{ar}"
    );
}

#[test]
fn the_entity_keys_named_are_those_there_are() {
    use hamish::i18n::entity_keys;
    for (count, keys) in [(0, "1"), (1, "1"), (4, "1–4"), (9, "1–9"), (12, "1–9")] {
        assert_eq!(entity_keys(count), keys, "{count}");
    }
}
