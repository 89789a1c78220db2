//! Turning plain text and Markdown into article blocks.

use crate::core::text::block::BlockKind;
use crate::core::text::furniture::drop_furniture;

/// Longest first line (code points) taken as a title.
const TITLE_MAX: usize = 200;

/// Whether a first block reads like a headline: one short line not ending a sentence.
fn looks_like_title(block: &str) -> bool {
    let block = block.trim();
    !block.contains('\n')
        && block.chars().count() <= TITLE_MAX
        && !block.ends_with(['.', '!', '?', '؟', '…', ':', '،', ','])
}

/// Plain text: blank lines separate blocks; page furniture (a comment form's lines at the end,
/// blocks of bare symbols) is dropped (see [`drop_furniture`]); the first block is the title when it
/// looks like one (a single line of at most 200 characters that does not end like a sentence).
pub fn plain_blocks(raw: &str) -> Vec<(BlockKind, String)> {
    let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks: Vec<(BlockKind, String)> = normalized
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| (BlockKind::Paragraph, p.to_string()))
        .collect();
    drop_furniture(&mut blocks);
    if let Some(first) = blocks.first_mut() {
        if looks_like_title(&first.1) {
            first.0 = BlockKind::Title;
        }
    }
    blocks
}

/// For each position of `chars`, the first position at or after it holding `target` (`None`: none
/// does), computed in one backward pass so that finding every link stays linear in the line.
fn next_positions(chars: &[char], target: char) -> Vec<Option<usize>> {
    let mut next = vec![None; chars.len() + 1];
    for i in (0..chars.len()).rev() {
        next[i] = if chars[i] == target {
            Some(i)
        } else {
            next[i + 1]
        };
    }
    next
}

/// Inline Markdown to plain text: links and images keep their text, emphasis and code marks go.
/// A link is `[` up to the first `]`, then `(` up to the first `)`.
fn strip_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let (next_close, next_paren) = (next_positions(&chars, ']'), next_positions(&chars, ')'));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let image = c == '!' && chars.get(i + 1) == Some(&'[');
        if c == '[' || image {
            let open = if image { i + 1 } else { i };
            let close = next_close[open];
            if let Some(close) = close.filter(|&k| chars.get(k + 1) == Some(&'(')) {
                if let Some(end) = next_paren[close] {
                    out.extend(&chars[open + 1..close]);
                    i = end + 1;
                    continue;
                }
            }
        }
        if matches!(c, '*' | '`')
            || (c == '_'
                && (i == 0
                    || !chars[i - 1].is_alphanumeric()
                    || !chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())))
        {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Markdown: `#` headings (the first one is the title), paragraphs separated by blank lines, list
/// items and quotes as paragraphs; inline marks removed (see [`strip_inline`]).
pub fn markdown_blocks(raw: &str) -> Vec<(BlockKind, String)> {
    let normalized = raw.replace("\r\n", "\n");
    let mut blocks: Vec<(BlockKind, String)> = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let flush = |paragraph: &mut Vec<String>, blocks: &mut Vec<(BlockKind, String)>| {
        if !paragraph.is_empty() {
            blocks.push((BlockKind::Paragraph, paragraph.join(" ")));
            paragraph.clear();
        }
    };
    let mut in_code = false;
    let mut titled = false;
    for line in normalized.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            flush(&mut paragraph, &mut blocks);
            continue;
        }
        if in_code {
            paragraph.push(trimmed.to_string());
            continue;
        }
        if trimmed.is_empty() || trimmed.chars().all(|c| matches!(c, '-' | '*' | '_' | '=')) {
            flush(&mut paragraph, &mut blocks);
            continue;
        }
        if let Some(heading) = trimmed.strip_prefix('#') {
            flush(&mut paragraph, &mut blocks);
            let text = strip_inline(heading.trim_start_matches('#').trim());
            let kind = if titled {
                BlockKind::Heading
            } else {
                BlockKind::Title
            };
            titled = true;
            blocks.push((kind, text));
            continue;
        }
        let item = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
            .or_else(|| trimmed.strip_prefix("> "))
            .or_else(|| {
                let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
                (digits > 0)
                    .then(|| trimmed[digits..].strip_prefix(". "))
                    .flatten()
            });
        match item {
            Some(item) => {
                flush(&mut paragraph, &mut blocks);
                blocks.push((BlockKind::Paragraph, strip_inline(item.trim())));
            }
            None => paragraph.push(strip_inline(trimmed)),
        }
    }
    flush(&mut paragraph, &mut blocks);
    if !blocks.iter().any(|b| b.0 == BlockKind::Title) {
        if let Some(first) = blocks.first_mut().filter(|b| looks_like_title(&b.1)) {
            first.0 = BlockKind::Title;
        }
    }
    blocks
}
