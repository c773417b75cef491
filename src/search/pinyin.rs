//! Pinyin readings of Chinese characters, for matching queries typed in Latin letters.
//!
//! Every reading of a character counts (重 is both zhong and chong, 行 both xing
//! and hang), since a per-character table cannot know which the word needs.

use std::collections::HashSet;
use std::sync::OnceLock;

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

/// Calls `each` with every way of typing the character: its readings, or itself,
/// until `each` returns true; returns whether it did.
fn for_each_reading(c: char, mut each: impl FnMut(&str) -> bool) -> bool {
    if c.is_ascii() {
        let mut buffer = [0; 4];
        return each(c.to_ascii_lowercase().encode_utf8(&mut buffer));
    }
    match c.to_pinyin_multi() {
        Some(readings) => readings.into_iter().map(|p| p.plain()).any(|reading| {
            if reading.is_ascii() {
                each(reading)
            } else {
                // ü is typed as v on Chinese keyboards, and as u by some.
                each(&reading.replace('ü', "v")) || each(&reading.replace('ü', "u"))
            }
        }),
        None => false,
    }
}

/// Every prefix, two letters or longer, of any reading of any character.
///
/// Built once from the pinyin tables; lets matching rule out most ways of
/// splitting a query into syllables without looking up a single character.
fn syllable_prefixes() -> &'static HashSet<String> {
    static PREFIXES: OnceLock<HashSet<String>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        let mut prefixes = HashSet::new();
        let chars = ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}');
        for c in chars {
            for_each_reading(c, |reading| {
                for end in 2..=reading.len() {
                    prefixes.insert(reading[..end].to_string());
                }
                false
            });
        }
        prefixes
    })
}

/// A query term prepared for spelling in pinyin.
#[derive(Clone, Debug)]
pub struct Spelling {
    term: String,
    /// The initials bit of each letter of the term; 0 for anything else.
    bits: Vec<u32>,
    /// For each position in the term, bit `k` is set when the `k` letters from
    /// there could begin one syllable (k ≥ 2; one letter is checked by initials).
    syllables: Vec<u8>,
}

impl Spelling {
    /// Prepares a lowercase term.
    pub fn new(term: &str) -> Spelling {
        let prefixes = syllable_prefixes();
        let syllables = (0..term.len())
            .map(|at| {
                (2..=6)
                    .filter(|&k| term.get(at..at + k).is_some_and(|p| prefixes.contains(p)))
                    .fold(0u8, |bits, k| bits | 1 << k)
            })
            .collect();
        let bits = term.chars().map(letter_bit).collect();
        Spelling {
            term: term.to_string(),
            bits,
            syllables,
        }
    }

    /// Where the term first spells a run of characters by their initials alone,
    /// one letter each (`dsj` → 大数据), looking at the masks only; `None` when
    /// it does not, or when the term holds more than letters.
    pub fn initials_only(&self, masks: &[u32]) -> Option<usize> {
        let bits = &self.bits;
        if bits.contains(&0) || bits.len() > masks.len() {
            return None;
        }
        masks
            .windows(bits.len())
            .position(|window| window.iter().zip(bits).all(|(mask, bit)| mask & bit != 0))
    }

    /// Whether the term can only be spelled by initials: no two letters of it,
    /// from any position, begin a syllable. Then [`Spelling::initials_only`]
    /// decides alone, without looking up any character's readings.
    pub fn is_initials(&self) -> bool {
        self.term.bytes().all(|b| b.is_ascii_lowercase()) && self.syllables.iter().all(|&s| s == 0)
    }

    /// How many characters at the start of `text` spell the term, each character
    /// typed as a non-empty prefix of one of its readings; `masks` holds the
    /// initials of the same characters.
    ///
    /// `dsj`, `dashuju` and `dasj` all spell 大数据. Longer prefixes are tried
    /// first, so full syllables win over initials where both fit.
    pub fn spell(&self, text: &str, masks: &[u32]) -> Option<usize> {
        self.spell_from(text, masks, 0)
    }

    fn spell_from(&self, text: &str, masks: &[u32], at: usize) -> Option<usize> {
        let Some(first) = self.term[at..].chars().next() else {
            return Some(0);
        };
        let (c, mask) = (text.chars().next()?, *masks.first()?);
        let (rest, rest_masks) = (&text[c.len_utf8()..], &masks[1..]);
        if !first.is_ascii_lowercase() {
            // Digits and signs are typed as themselves.
            let same = c.to_lowercase().eq(std::iter::once(first));
            let next = at + first.len_utf8();
            return if same {
                self.spell_from(rest, rest_masks, next).map(|n| n + 1)
            } else {
                None
            };
        }
        if mask & letter_bit(first) == 0 {
            return None;
        }
        let longest = (self.term.len() - at).min(6);
        for taken in (1..=longest).rev() {
            let fits = taken == 1
                || (self.syllables[at] & 1 << taken != 0
                    && has_reading(c, &self.term[at..at + taken]));
            if fits && let Some(n) = self.spell_from(rest, rest_masks, at + taken) {
                return Some(n + 1);
            }
        }
        None
    }
}

/// Whether some reading of `c` begins with `prefix`.
fn has_reading(c: char, prefix: &str) -> bool {
    for_each_reading(c, |reading| reading.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first run of characters that spells `term`: its start and end.
    fn spell_in(text: &str, term: &str) -> Option<(usize, usize)> {
        let masks: Vec<u32> = text.chars().map(initials_mask).collect();
        text.char_indices()
            .enumerate()
            .find_map(|(start, (byte, _))| {
                Spelling::new(term)
                    .spell(&text[byte..], &masks[start..])
                    .map(|n| (start, start + n))
            })
    }

    #[test]
    fn initials_full_and_mixed_spellings() {
        assert_eq!(spell_in("市大数据中心", "dsj"), Some((1, 4)));
        assert_eq!(spell_in("市大数据中心", "dashuju"), Some((1, 4)));
        assert_eq!(spell_in("市大数据中心", "dasj"), Some((1, 4)));
        assert_eq!(spell_in("市大数据中心", "dsjx"), None);
    }

    #[test]
    fn every_reading_of_a_heteronym_counts() {
        assert!(spell_in("重庆", "zhongqing").is_some());
        assert!(spell_in("重庆", "chongqing").is_some());
        assert!(spell_in("银行", "yinhang").is_some());
        assert!(spell_in("银行", "yinxing").is_some());
        assert!(spell_in("银行", "yh").is_some());
    }

    #[test]
    fn ascii_in_text_matches_itself() {
        assert_eq!(spell_in("推动5G基站", "5gjz"), Some((2, 6)));
    }
}
