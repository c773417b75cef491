//! The form for recording a note and an optional progress figure.

use super::input::{PROMPT_MAX_CHARS, TextInput};

/// Which field of the note form has the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteField {
    /// The percentage.
    Progress,
    /// The note.
    Note,
}

/// The open note form.
#[derive(Clone, Debug)]
pub struct NoteForm {
    /// Percent complete, typed as digits; empty for none.
    pub progress: TextInput,
    /// What was said.
    pub note: TextInput,
    /// The field being typed into.
    pub focus: NoteField,
}

impl NoteForm {
    /// A form prefilled with the task's latest progress, the note field focused.
    pub fn new(progress: Option<u8>) -> NoteForm {
        let progress = progress.map(|p| p.to_string()).unwrap_or_default();
        NoteForm {
            progress: TextInput::suggested(&progress).at_most(PROMPT_MAX_CHARS),
            // No limit: a note pasted from a report is kept whole.
            note: TextInput::default(),
            focus: NoteField::Note,
        }
    }

    /// The field being typed into.
    pub fn focused(&mut self) -> &mut TextInput {
        match self.focus {
            NoteField::Progress => &mut self.progress,
            NoteField::Note => &mut self.note,
        }
    }

    /// Moves to the other field.
    pub fn next_field(&mut self) {
        self.focus = match self.focus {
            NoteField::Progress => NoteField::Note,
            NoteField::Note => NoteField::Progress,
        };
    }

    /// The progress typed: `Ok(None)` when empty, an error when it is not a whole
    /// number from 0 to 100. A trailing % is allowed.
    pub fn parsed_progress(&self) -> Result<Option<u8>, String> {
        let text = self.progress.value().trim().trim_end_matches(['%', '％']);
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<u8>() {
            Ok(p) if p <= 100 => Ok(Some(p)),
            _ => Err(format!(
                "进度须为 0 到 100 的整数，而不是“{}”",
                self.progress.value()
            )),
        }
    }
}
