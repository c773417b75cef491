//! Search over Chinese text by substring, by scattered characters, and by pinyin.
//!
//! A query is split on spaces into terms that must all match. Each term is tried
//! against each field of an item (a task's text, its units) in this order:
//!
//! 1. a contiguous hit: the term as a substring, or spelled in pinyin over a run
//!    of characters (`dsj`, `dashuju` → 大数据);
//! 2. a scattered hit: the term's characters in order with gaps (大…数…据).
//!
//! Pinyin is matched contiguously only: letters are so common among initials
//! that scattered initials would match nearly every long task.
//!
//! Contiguous hits always rank before scattered ones; a hit at the start of the
//! text or of a unit's name ranks before one in the middle. Positions are
//! character indices, never byte offsets, so highlighting can walk characters.

mod pinyin;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Score of any contiguous hit, above every scattered one.
const CONTIGUOUS: i64 = 1_000_000;
/// Score of a scattered hit before its spread is taken off; below CONTIGUOUS.
const SCATTERED: i64 = 1_000;
/// Extra score for a hit that starts a field or a name within it.
const AT_START: i64 = 10_000;
/// Extra score for a hit that is the term itself rather than a pinyin spelling.
const LITERAL: i64 = 1_000;
/// Where names are joined in one field, the character that separates them.
const NAME_SEPARATOR: char = '、';

/// A parsed search query: terms that must all match.
#[derive(Clone, Debug, Default)]
pub struct Query {
    terms: Vec<Term>,
}

/// One term of a query, prepared for matching.
#[derive(Clone, Debug)]
struct Term {
    text: String,
    /// A substring searcher for the term, built once for every text searched.
    finder: memchr::memmem::Finder<'static>,
    /// How to spell it in pinyin, when it is typed in Latin letters.
    spelling: Option<pinyin::Spelling>,
}

impl Query {
    /// Parses what was typed: terms separated by spaces (half- or full-width),
    /// compared without regard to case.
    pub fn parse(text: &str) -> Query {
        let terms = text
            .split(|c: char| c.is_whitespace())
            .filter(|t| !t.is_empty())
            .map(|t| {
                let text = fold(t);
                let spelling = text.is_ascii().then(|| pinyin::Spelling::new(&text));
                let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
                Term {
                    text,
                    finder,
                    spelling,
                }
            })
            .collect();
        Query { terms }
    }

    /// Whether the query has no terms and so matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Text as search compares it: lowercase, with full-width letters and digits
/// (ＤＳＪ, typed by an input method in full-width mode) read as ASCII. One
/// character stays one character, so positions still index the original.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// One searchable text, prepared once so that each keystroke only compares.
#[derive(Clone, Debug)]
pub struct Field {
    lower: String,
    initials: Vec<u32>,
    all_initials: u32,
    names: bool,
}

impl Field {
    /// Prepares a text for searching.
    pub fn new(text: &str) -> Field {
        let lower = fold(text);
        let initials: Vec<u32> = lower.chars().map(pinyin::initials_mask).collect();
        let all_initials = initials.iter().fold(0, |all, mask| all | mask);
        Field {
            lower,
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

    /// A view of the prepared text, as matching takes it.
    pub fn as_ref(&self) -> FieldRef<'_> {
        FieldRef {
            lower: &self.lower,
            initials: &self.initials,
            all_initials: self.all_initials,
            names: self.names,
        }
    }
}

/// A prepared text as matching reads it, whether it lives in a [`Field`] or in
/// a [`FieldArena`].
#[derive(Clone, Copy, Debug)]
pub struct FieldRef<'a> {
    lower: &'a str,
    initials: &'a [u32],
    all_initials: u32,
    names: bool,
}

impl FieldRef<'_> {
    /// Whether position `at` begins the text or a name within it.
    fn starts_name(&self, at: usize) -> bool {
        at == 0 || (self.names && self.lower.chars().nth(at - 1) == Some(NAME_SEPARATOR))
    }
}

/// Many prepared texts stored end to end in two buffers.
///
/// Searching a long list reads every text on every keystroke; kept contiguous,
/// the reads run in order through memory instead of chasing a pointer per text,
/// which is what keeps a search over 100,000 tasks within a frame.
#[derive(Clone, Debug, Default)]
pub struct FieldArena {
    text: String,
    initials: Vec<u32>,
    fields: Vec<ArenaEntry>,
}

#[derive(Clone, Copy, Debug)]
struct ArenaEntry {
    text: (usize, usize),
    initials: (usize, usize),
    all_initials: u32,
    names: bool,
}

impl FieldArena {
    /// Appends a prepared text; its number is the count of texts before it.
    pub fn push(&mut self, field: Field) {
        let text = (self.text.len(), self.text.len() + field.lower.len());
        let initials = (
            self.initials.len(),
            self.initials.len() + field.initials.len(),
        );
        self.text.push_str(&field.lower);
        self.initials.extend_from_slice(&field.initials);
        let (all_initials, names) = (field.all_initials, field.names);
        self.fields.push(ArenaEntry {
            text,
            initials,
            all_initials,
            names,
        });
    }

    /// The text numbered `index`.
    pub fn get(&self, index: usize) -> FieldRef<'_> {
        let entry = self.fields[index];
        FieldRef {
            lower: &self.text[entry.text.0..entry.text.1],
            initials: &self.initials[entry.initials.0..entry.initials.1],
            all_initials: entry.all_initials,
            names: entry.names,
        }
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
    pub fn score(&self, query: &Query, fields: &[FieldRef<'_>]) -> Option<i64> {
        query.terms.iter().try_fold(0, |total, term| {
            // Every contiguous hit outranks every scattered one, so the costlier
            // scattered match is tried only when no field has a contiguous hit.
            let contiguous = fields
                .iter()
                .filter_map(|&f| contiguous(term, f))
                .map(|h| h.score);
            let best = contiguous.max().or_else(|| {
                let scattered = fields
                    .iter()
                    .filter_map(|&f| scattered_score(&term.text, f));
                scattered.max()
            });
            best.map(|score| total + score)
        })
    }

    /// The character indices of `field` that the query's terms hit, sorted, for
    /// highlighting. Each term contributes its best hit in this field.
    pub fn positions(&self, query: &Query, field: FieldRef<'_>) -> Vec<usize> {
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
    fn match_term(&self, term: &Term, field: FieldRef<'_>) -> Option<TermHit> {
        contiguous(term, field).or_else(|| self.scattered(&term.text, field))
    }

    /// A scattered hit: the term's characters in order, with gaps, as the fuzzy
    /// matcher aligns them.
    fn scattered(&self, term: &str, field: FieldRef<'_>) -> Option<TermHit> {
        if !is_subsequence(term, field.lower) {
            return None;
        }
        let (score, at) = self.fuzzy.fuzzy_indices(field.lower, term)?;
        Some(TermHit {
            score,
            span: Span::Scattered(at),
        })
    }
}

/// A contiguous hit: the term as a substring, else spelled in pinyin.
fn contiguous(term: &Term, field: FieldRef<'_>) -> Option<TermHit> {
    let Term {
        text: term,
        finder,
        spelling,
    } = term;
    if let Some(byte) = finder.find(field.lower.as_bytes()) {
        let start = field.lower[..byte].chars().count();
        let end = start + term.chars().count();
        return Some(run_hit(field, start, end, LITERAL));
    }
    let first = term.chars().next()?;
    let spelling = spelling.as_ref()?;
    if field.all_initials & pinyin::letter_bit(first) == 0 {
        return None;
    }
    if spelling.is_initials() {
        let start = spelling.initials_only(field.initials)?;
        return Some(run_hit(field, start, start + term.len(), 0));
    }
    let bit = pinyin::letter_bit(first);
    let mut chars = field.lower.char_indices().zip(field.initials).enumerate();
    chars.find_map(|(start, ((byte, _), &mask))| {
        if mask & bit == 0 {
            return None;
        }
        let length = spelling.spell(&field.lower[byte..], &field.initials[start..])?;
        Some(run_hit(field, start, start + length, 0))
    })
}

/// Scores a contiguous hit: starts of names first, then earlier hits.
fn run_hit(field: FieldRef<'_>, start: usize, end: usize, bonus: i64) -> TermHit {
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

/// The rank of a scattered hit: the closer together its characters, the
/// higher, and always below every contiguous hit.
///
/// Ranking reads every candidate on every keystroke, so it measures the
/// tightest span directly; the fuzzy matcher's finer alignment is kept for the
/// few rows on screen, whose hits it highlights.
fn scattered_score(term: &str, field: FieldRef<'_>) -> Option<i64> {
    let first = term.chars().next()?;
    let rest = &term[first.len_utf8()..];
    let tightest = field
        .lower
        .match_indices(first)
        .filter_map(|(start, _)| {
            let mut at = start + first.len_utf8();
            for c in rest.chars() {
                at += field.lower[at..].find(c)? + c.len_utf8();
            }
            Some(field.lower[start..at].chars().count())
        })
        .min()?;
    Some(SCATTERED - tightest as i64)
}

/// Whether the term's characters occur in `text` in order: a cheap test that
/// spares the fuzzy matcher's full work on texts that cannot match.
fn is_subsequence(term: &str, text: &str) -> bool {
    let mut rest = text;
    term.chars().all(|c| match rest.find(c) {
        Some(at) => {
            rest = &rest[at + c.len_utf8()..];
            true
        }
        None => false,
    })
}

#[cfg(test)]
mod tests;
