//! How far a browser import is: the check and the import answer with a
//! stream of [`ImportStep`]s, one JSON line each, so the page shows rows
//! checked and written as they go and ends with the report or the result.
//! The work runs inside the response: closing it (Cancel) drops the open
//! transaction, so nothing is written.

use super::{ImportCheck, ImportResult};
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// Rows checked between two reports (and between two yields of the server).
pub const CHECK_STEP: usize = 2_000;

/// One step of a check or an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportStep {
    /// `rows` rows read and checked so far, `read` of the file's `size` bytes.
    Checked {
        rows: usize,
        read: usize,
        size: usize,
    },
    /// `rows` of `total` users written, not yet committed.
    Written { rows: usize, total: usize },
    /// Every row is written and the commit begins: too late to cancel.
    Saving,
    /// The check is over (the end of a validation, or of an import refused
    /// for its rows): every problem found.
    Report(ImportCheck),
    /// The import is committed: every user created, with the passwords.
    Imported(ImportResult),
    /// It failed; nothing was written.
    Failed(AppError),
}

impl ImportStep {
    /// Whether this step ends the stream.
    pub fn is_last(&self) -> bool {
        matches!(
            self,
            ImportStep::Report(_) | ImportStep::Imported(_) | ImportStep::Failed(_)
        )
    }

    /// The step as one line of the stream.
    pub fn line(&self) -> String {
        let mut line = serde_json::to_string(self)
            .unwrap_or_else(|_| r#"{"Failed":{"kind":"internal"}}"#.to_string());
        line.push('\n');
        line
    }

    /// How far the work is, in percent (the check counts bytes read, the
    /// writing rows written); `None` once it is over.
    pub fn percent(&self) -> Option<u32> {
        let ratio = |done: usize, total: usize| {
            let done = done.min(total) as u64;
            (done * 100).checked_div(total as u64).unwrap_or(100) as u32
        };
        match self {
            ImportStep::Checked { read, size, .. } => Some(ratio(*read, *size)),
            ImportStep::Written { rows, total } => Some(ratio(*rows, *total)),
            ImportStep::Saving => Some(100),
            _ => None,
        }
    }
}

/// Splits a stream's text into steps: chunks may end in the middle of a
/// line, so the rest waits for the next chunk.
#[derive(Debug, Default)]
pub struct StepLines {
    pending: String,
}

impl StepLines {
    /// The steps completed by `chunk`; a line that is not a step is a
    /// failure of the transport.
    pub fn push(&mut self, chunk: &str) -> Vec<ImportStep> {
        self.pending.push_str(chunk);
        let mut steps = Vec::new();
        while let Some(end) = self.pending.find('\n') {
            let line: String = self.pending.drain(..=end).collect();
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            steps.push(serde_json::from_str(line).unwrap_or_else(|e| {
                ImportStep::Failed(AppError::Transport(format!("unreadable progress: {e}")))
            }));
        }
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_survive_being_cut_anywhere() {
        let steps = [
            ImportStep::Checked {
                rows: 2000,
                read: 50,
                size: 200,
            },
            ImportStep::Written {
                rows: 1000,
                total: 4000,
            },
            ImportStep::Saving,
            ImportStep::Failed(AppError::invalid("file", "bad")),
        ];
        let text: String = steps.iter().map(ImportStep::line).collect();
        for cut in [1, 7, 33, text.len() - 1] {
            let mut lines = StepLines::default();
            let mut got = lines.push(&text[..cut]);
            got.extend(lines.push(&text[cut..]));
            assert_eq!(got, steps, "cut at {cut}");
        }
        assert_eq!(steps[0].percent(), Some(25));
        assert_eq!(steps[1].percent(), Some(25));
        assert!(steps[3].is_last() && !steps[2].is_last());
    }

    #[test]
    fn a_line_that_is_not_a_step_is_a_failure() {
        let got = StepLines::default().push("<html>\n");
        assert!(matches!(
            got[..],
            [ImportStep::Failed(AppError::Transport(_))]
        ));
    }
}
