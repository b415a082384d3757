//! "Did you mean …?" for an id a clinic mistyped: `prp-microneedling` for `microneedling-with-prp`,
//! `decollete` for `decolletage`. A warning that names the id meant is fixed in one edit; a list of
//! thirteen ids has to be read.

/// The error text for an id that is not one of `known`: the closest known id when one is close
/// enough to be the one meant, else the whole list.
pub fn unknown_id(value: &str, what: &str, known: &[&str]) -> String {
    match closest(value, known) {
        Some(meant) => format!("{value:?} is not {what}; did you mean {meant:?}?"),
        None => format!("{value:?} is not {what}; known: {}", known.join(", ")),
    }
}

/// The known id `value` most likely stands for: the same words in another order (`with`, `and`
/// and `the` ignored), else the nearest by edit distance when that is small for the id's length.
/// `None` when nothing is close, so a guess is never offered for a word that is simply unknown.
pub fn closest<'a>(value: &str, known: &[&'a str]) -> Option<&'a str> {
    let value = value.trim().to_lowercase();
    let words = significant_words(&value);
    if let Some(same_words) = known.iter().find(|k| !words.is_empty() && significant_words(k) == words) {
        return Some(same_words);
    }
    // Up to one edit in four characters: "decollete" → "decolletage" (2 in 9) is offered,
    // "blog" → "faq" is not.
    let allowed = (value.chars().count() / 4).max(1);
    known
        .iter()
        .map(|k| (edit_distance(&value, k), *k))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn significant_words(id: &str) -> Vec<String> {
    let mut words: Vec<String> = id
        .split(|c: char| c == '-' || c == '_' || c == ' ')
        .filter(|w| !w.is_empty() && !matches!(*w, "with" | "and" | "the"))
        .map(str::to_string)
        .collect();
    words.sort();
    words
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREATMENTS: [&str; 5] = ["professional-microneedling", "microneedling-with-prp", "rf-microneedling", "chemical-peel", "botox"];

    #[test]
    fn the_same_words_in_another_order_are_the_id_meant() {
        assert_eq!(closest("prp-microneedling", &TREATMENTS), Some("microneedling-with-prp"));
        assert_eq!(closest("peel_chemical", &TREATMENTS), Some("chemical-peel"));
        assert_eq!(closest("Microneedling-RF", &TREATMENTS), Some("rf-microneedling"));
    }

    #[test]
    fn a_typo_or_two_is_the_id_meant() {
        assert_eq!(closest("botx", &TREATMENTS), Some("botox"));
        assert_eq!(closest("chemical-peels", &TREATMENTS), Some("chemical-peel"));
        assert_eq!(closest("decollete", &["face", "neck", "decolletage"]), Some("decolletage"));
    }

    #[test]
    fn an_unrelated_word_gets_no_guess_and_the_whole_list() {
        assert_eq!(closest("blog", &["about", "faq", "sources"]), None);
        assert_eq!(closest("hydrafacial", &TREATMENTS), None);
        assert_eq!(closest("", &TREATMENTS), None);
        assert_eq!(
            unknown_id("hydrafacial", "a treatment id", &TREATMENTS),
            "\"hydrafacial\" is not a treatment id; known: professional-microneedling, microneedling-with-prp, rf-microneedling, chemical-peel, botox"
        );
        assert_eq!(unknown_id("botx", "a treatment id", &TREATMENTS), "\"botx\" is not a treatment id; did you mean \"botox\"?");
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("flaw", "lawn"), 2);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
