//! Words in folded text, for anchoring: whether an offset falls inside a word, and how many of a
//! quote's words a stretch of text still holds.

/// The most words of a quote compared word by word (the comparison's cost is the product of the two
/// word counts).
pub const MAX_WORDS: usize = 512;

/// Whether offset `at` of `text` splits a word (a letter or digit on both sides).
pub fn inside_word(text: &[char], at: usize) -> bool {
    at > 0 && at < text.len() && text[at - 1].is_alphanumeric() && text[at].is_alphanumeric()
}

/// The words of `text`: its maximal runs of letters and digits.
pub fn words(text: &[char]) -> Vec<&[char]> {
    text.split(|c| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// How many of `quote`'s words `actual` still holds, in order (the longest common subsequence of
/// the two word lists); `None` when either has more than [`MAX_WORDS`] words.
pub fn kept_words(quote: &[&[char]], actual: &[&[char]]) -> Option<usize> {
    if quote.len() > MAX_WORDS || actual.len() > MAX_WORDS {
        return None;
    }
    let mut row = vec![0usize; actual.len() + 1];
    for q in quote {
        let mut diagonal = 0;
        for (j, a) in actual.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if q == a {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    Some(row[actual.len()])
}
