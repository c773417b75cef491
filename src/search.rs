//! Search over Chinese text by substring, by scattered characters, and by pinyin.
//!
//! A query is split on spaces into terms that must all match. Each term is tried
//! against each field of an item (a task's text, its units) in this order:
//!
//! 1. a contiguous hit: the term as a substring, or spelled in pinyin over a run
//!    of characters (`dsj`, `dashuju` → 大数据);
//! 2. a scattered hit: the term's characters in order with gaps (大…数…据), or
//!    its letters as the initials of characters in order.
//!
//! Contiguous hits always rank before scattered ones; a hit at the start of the
//! text or of a unit's name ranks before one in the middle. Positions are
//! character indices, never byte offsets, so highlighting can walk characters.

mod pinyin;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Score of any contiguous hit, above every scattered one.
const CONTIGUOUS: i64 = 1_000_000;
/// Extra score for a hit that starts a field or a name within it.
const AT_START: i64 = 10_000;
/// Extra score for a hit that is the term itself rather than a pinyin spelling.
const LITERAL: i64 = 1_000;
/// Where names are joined in one field, the character that separates them.
const NAME_SEPARATOR: char = '、';

/// A parsed search query: terms that must all match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Parses what was typed: terms separated by spaces (half- or full-width),
    /// compared without regard to case.
    pub fn parse(text: &str) -> Query {
        let terms = text
            .split(|c: char| c.is_whitespace())
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect();
        Query { terms }
    }

    /// Whether the query has no terms and so matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// One searchable text, prepared once so that each keystroke only compares.
#[derive(Clone, Debug)]
pub struct Field {
    lower: String,
    chars: Vec<char>,
    initials: Vec<u32>,
    all_initials: u32,
    names: bool,
}

impl Field {
    /// Prepares a text for searching.
    pub fn new(text: &str) -> Field {
        let lower = text.to_lowercase();
        let chars: Vec<char> = lower.chars().collect();
        let initials: Vec<u32> = chars.iter().map(|&c| pinyin::initials_mask(c)).collect();
        let all_initials = initials.iter().fold(0, |all, mask| all | mask);
        Field {
            lower,
            chars,
            initials,
            all_initials,
            names: false,
        }
    }

    /// Prepares a list of names joined with 、 (a task's units), where a hit at
    /// the start of any name ranks as a hit at the start.
    pub fn names(text: &str) -> Field {
        Field {
            names: true,
            ..Field::new(text)
        }
    }

    /// Whether position `at` begins the text or a name within it.
    fn starts_name(&self, at: usize) -> bool {
        at == 0 || (self.names && self.chars.get(at - 1) == Some(&NAME_SEPARATOR))
    }
}

/// Which characters of a field a hit covers.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Span {
    Run { start: usize, end: usize },
    Scattered(Vec<usize>),
}

/// How one term matched one field.
#[derive(Clone, Debug)]
struct TermHit {
    score: i64,
    span: Span,
}

/// Matches queries against fields; holds the fuzzy matcher's scratch space.
#[derive(Default)]
pub struct Matcher {
    fuzzy: SkimMatcherV2,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Matcher")
    }
}

impl Matcher {
    /// Creates a matcher that ignores case.
    pub fn new() -> Matcher {
        Matcher {
            fuzzy: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The score of an item whose texts are `fields`, or `None` when some term of
    /// the query matches none of them. Higher is better; an empty query scores 0.
    pub fn score(&self, query: &Query, fields: &[Field]) -> Option<i64> {
        query.terms.iter().try_fold(0, |total, term| {
            let best = fields
                .iter()
                .filter_map(|f| self.match_term(term, f))
                .map(|h| h.score);
            best.max().map(|score| total + score)
        })
    }

    /// The character indices of `field` that the query's terms hit, sorted, for
    /// highlighting. Each term contributes its best hit in this field.
    pub fn positions(&self, query: &Query, field: &Field) -> Vec<usize> {
        let mut positions: Vec<usize> = Vec::new();
        for term in &query.terms {
            match self.match_term(term, field).map(|hit| hit.span) {
                Some(Span::Run { start, end }) => positions.extend(start..end),
                Some(Span::Scattered(at)) => positions.extend(at),
                None => {}
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    /// The best hit of one term in one field.
    fn match_term(&self, term: &str, field: &Field) -> Option<TermHit> {
        contiguous(term, field).or_else(|| self.scattered(term, field))
    }

    /// A scattered hit: the fuzzy matcher's over the characters, or pinyin initials.
    fn scattered(&self, term: &str, field: &Field) -> Option<TermHit> {
        let fuzzy = if is_subsequence(term, &field.chars) {
            self.fuzzy
                .fuzzy_indices(&field.lower, term)
                .map(|(score, at)| TermHit {
                    score,
                    span: Span::Scattered(at),
                })
        } else {
            None
        };
        fuzzy.or_else(|| scattered_initials(term, field))
    }
}

/// A contiguous hit: the term as a substring, else spelled in pinyin.
fn contiguous(term: &str, field: &Field) -> Option<TermHit> {
    if let Some(byte) = field.lower.find(term) {
        let start = field.lower[..byte].chars().count();
        let end = start + term.chars().count();
        return Some(run_hit(field, start, end, LITERAL));
    }
    let first = term.chars().next()?;
    if !term.is_ascii() || field.all_initials & pinyin::letter_bit(first) == 0 {
        return None;
    }
    let candidates = 0..field.chars.len();
    candidates
        .filter(|&start| field.initials[start] & pinyin::letter_bit(first) != 0)
        .find_map(|start| {
            let end = pinyin::spell_from(&field.chars, &field.initials, start, term)?;
            Some(run_hit(field, start, end, 0))
        })
}

/// Scores a contiguous hit: starts of names first, then earlier hits.
fn run_hit(field: &Field, start: usize, end: usize, bonus: i64) -> TermHit {
    let at_start = if field.starts_name(start) {
        AT_START
    } else {
        0
    };
    let score = CONTIGUOUS + at_start + bonus - start as i64;
    TermHit {
        score,
        span: Span::Run { start, end },
    }
}

/// The term's letters as initials of characters in order, with small gaps.
///
/// Scored below every contiguous hit, and lower the wider the hit is spread.
/// Letters are so common among initials that wide gaps would match nearly every
/// long text, so a hit may span at most twice the term's length.
fn scattered_initials(term: &str, field: &Field) -> Option<TermHit> {
    if !term.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let limit = 2 * term.len();
    let bits: Vec<u32> = term.chars().map(pinyin::letter_bit).collect();
    let starts = (0..field.chars.len()).filter(|&i| field.initials[i] & bits[0] != 0);
    starts.into_iter().find_map(|start| {
        let mut at = vec![start];
        for &bit in &bits[1..] {
            let from = at[at.len() - 1] + 1;
            let until = (start + limit).min(field.chars.len());
            at.push((from..until).find(|&i| field.initials[i] & bit != 0)?);
        }
        let spread = at[at.len() - 1] - start;
        Some(TermHit {
            score: 100 - spread as i64,
            span: Span::Scattered(at),
        })
    })
}

/// Whether the term's characters occur in `chars` in order: a cheap test that
/// spares the fuzzy matcher's full work on texts that cannot match.
fn is_subsequence(term: &str, chars: &[char]) -> bool {
    let mut rest = chars.iter();
    term.chars().all(|c| rest.any(|&x| x == c))
}

#[cfg(test)]
mod tests;
