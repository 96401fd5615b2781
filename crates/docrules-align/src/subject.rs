//! The subject of a range, as its sentence names it: `4 minutes to 30 minutes for Load Balancer
//! rules and Inbound NAT rules` is about "load balancer rules inbound". Two ranges of one
//! language whose sentences name the same subject state the same limit, whatever their values:
//! versions of an article pair them so, and articles are compared so.

use docrules_model::fact::Fact;

/// Fewest words a range's sentence must have besides the range to name its subject.
pub const MIN_SUBJECT_WORDS: usize = 2;

/// The words of the sentence holding `fact` besides the fact itself: letters only, lower-cased,
/// at least four characters (so articles and prepositions do not count), each once, in order.
pub fn sentence_words(text: &str, fact: &Fact) -> Vec<String> {
    let (start, end) = (fact.span.start as usize, fact.span.end as usize);
    let Some(before) = text.get(..start) else {
        return Vec::new();
    };
    let after = text.get(end..).unwrap_or("");
    let from = sentence_ends(before).last().map_or(0, |&(_, e)| e);
    let to = sentence_ends(after)
        .first()
        .map_or(after.len(), |&(s, _)| s);
    let mut words: Vec<String> = Vec::new();
    for part in [&before[from..], &after[..to]] {
        for word in part.split(|c: char| !c.is_alphabetic()) {
            let word = word.to_lowercase();
            if word.chars().count() >= 4 && !words.contains(&word) {
                words.push(word);
            }
        }
    }
    words
}

/// Where sentences end in `text`: a line end, an ideographic full stop, or punctuation before a
/// space or the end (not the dots of `./outbound-rules.md`).
fn sentence_ends(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let stop = matches!(c, '\n' | '。')
            || (matches!(c, '.' | '!' | '?' | ';') && next.is_none_or(char::is_whitespace));
        if stop {
            out.push((i, i + c.len_utf8()));
        }
    }
    out
}

/// Whether two sentences' words name the same subject: the shorter has enough words, all
/// among the longer's.
pub fn same_subject(a: &[String], b: &[String]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.len() >= MIN_SUBJECT_WORDS && small.iter().all(|w| large.contains(w))
}

/// The shorter of two subjects' words, joined: what a message calls the subject.
pub fn subject_name(a: &[String], b: &[String]) -> String {
    if a.len() <= b.len() { a } else { b }.join(" ")
}
