//! Pinyin readings of Chinese characters, for matching queries typed in Latin letters.
//!
//! Every reading of a character counts (重 is both zhong and chong, 行 both xing
//! and hang), since a per-character table cannot know which the word needs.

use pinyin::ToPinyinMulti;

/// The bit of a lowercase ASCII letter in an initials mask, or 0 for anything else.
pub fn letter_bit(letter: char) -> u32 {
    if letter.is_ascii_lowercase() {
        1 << (letter as u32 - 'a' as u32)
    } else {
        0
    }
}

/// The set of first letters a character can be typed with, as a bit mask.
///
/// A Chinese character gives the first letter of each of its readings; an ASCII
/// letter or digit stands for itself (digits have no bit and match literally).
pub fn initials_mask(c: char) -> u32 {
    if c.is_ascii() {
        return letter_bit(c.to_ascii_lowercase());
    }
    match c.to_pinyin_multi() {
        Some(readings) => readings
            .into_iter()
            .filter_map(|p| p.plain().chars().next())
            .fold(0, |mask, first| mask | letter_bit(first)),
        None => 0,
    }
}

/// Calls `each` with every way of typing the character: its readings, or itself.
fn for_each_reading(c: char, mut each: impl FnMut(&str) -> bool) -> bool {
    if c.is_ascii() {
        let mut buffer = [0; 4];
        return each(c.to_ascii_lowercase().encode_utf8(&mut buffer));
    }
    match c.to_pinyin_multi() {
        Some(readings) => readings.into_iter().any(|p| each(p.plain())),
        None => false,
    }
}

/// The end (exclusive) of a run of characters from `start` that spells `term`,
/// each character typed as a non-empty prefix of one of its readings.
///
/// `dsj`, `dashuju` and `dasj` all spell 大数据. Longer prefixes are tried first,
/// so full syllables win over initials where both fit.
pub fn spell_from(chars: &[char], masks: &[u32], start: usize, term: &str) -> Option<usize> {
    if term.is_empty() {
        return Some(start);
    }
    let first = term.chars().next()?;
    if start >= chars.len() {
        return None;
    }
    if !first.is_ascii_lowercase() {
        // Digits and signs are typed as themselves.
        let same = chars[start].to_lowercase().eq(std::iter::once(first));
        return if same {
            spell_from(chars, masks, start + 1, &term[first.len_utf8()..])
        } else {
            None
        };
    }
    if masks[start] & letter_bit(first) == 0 {
        return None;
    }
    let mut found = None;
    for_each_reading(chars[start], |reading| {
        let longest = common_prefix(reading, term);
        found = (1..=longest)
            .rev()
            .find_map(|taken| spell_from(chars, masks, start + 1, &term[taken..]));
        found.is_some()
    });
    found
}

/// The length in bytes of the common prefix of two ASCII strings.
fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(text: &str, term: &str) -> Option<(usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let masks: Vec<u32> = chars.iter().map(|&c| initials_mask(c)).collect();
        (0..chars.len()).find_map(|s| spell_from(&chars, &masks, s, term).map(|e| (s, e)))
    }

    #[test]
    fn initials_full_and_mixed_spellings() {
        assert_eq!(spell("市大数据中心", "dsj"), Some((1, 4)));
        assert_eq!(spell("市大数据中心", "dashuju"), Some((1, 4)));
        assert_eq!(spell("市大数据中心", "dasj"), Some((1, 4)));
        assert_eq!(spell("市大数据中心", "dsjx"), None);
    }

    #[test]
    fn every_reading_of_a_heteronym_counts() {
        assert!(spell("重庆", "zhongqing").is_some());
        assert!(spell("重庆", "chongqing").is_some());
        assert!(spell("银行", "yinhang").is_some());
        assert!(spell("银行", "yinxing").is_some());
        assert!(spell("银行", "yh").is_some());
    }

    #[test]
    fn ascii_in_text_matches_itself() {
        assert_eq!(spell("推动5G基站", "5gjz"), Some((2, 6)));
    }
}
