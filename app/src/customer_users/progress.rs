//! How far a browser import is: the check and the import answer with a
//! stream of [`ImportStep`]s ([`crate::progress`]), so the page shows rows
//! checked and written as they go and ends with the report or the result.

use super::{ImportCheck, ImportedUser};
use crate::error::AppError;
use crate::progress::{percent, Step};
use serde::{Deserialize, Serialize};

/// Rows checked between two reports (and between two yields of the server).
pub const CHECK_STEP: usize = 2_000;

/// Users created per [`ImportStep::Users`] part.
pub const USERS_PART: usize = 2_000;

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
    /// The import is committed; the next part of the users it created, with
    /// their temporary passwords, in file order: `sent` of `total` so far.
    Users {
        part: Vec<ImportedUser>,
        sent: usize,
        total: usize,
    },
    /// The import is committed and every user created has been sent.
    Imported { users: usize },
    /// It failed; nothing was written.
    Failed(AppError),
}

impl Step for ImportStep {
    fn failed(error: AppError) -> Self {
        ImportStep::Failed(error)
    }

    fn is_last(&self) -> bool {
        matches!(
            self,
            ImportStep::Report(_) | ImportStep::Imported { .. } | ImportStep::Failed(_)
        )
    }
}

impl ImportStep {
    /// How far the work is, in percent (the check counts bytes read, the
    /// writing rows written); `None` once it is over.
    pub fn percent(&self) -> Option<u32> {
        match self {
            ImportStep::Checked { read, size, .. } => Some(percent(*read as u64, *size as u64)),
            ImportStep::Written { rows, total } => Some(percent(*rows as u64, *total as u64)),
            ImportStep::Saving => Some(100),
            ImportStep::Users { sent, total, .. } => Some(percent(*sent as u64, *total as u64)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_bytes_read_then_rows_written() {
        let checked = ImportStep::Checked {
            rows: 2000,
            read: 50,
            size: 200,
        };
        let written = ImportStep::Written {
            rows: 1000,
            total: 4000,
        };
        assert_eq!(checked.percent(), Some(25));
        assert_eq!(written.percent(), Some(25));
        assert_eq!(ImportStep::Saving.percent(), Some(100));
        let received = ImportStep::Users {
            part: Vec::new(),
            sent: 3000,
            total: 4000,
        };
        assert_eq!(received.percent(), Some(75));
        assert!(!received.is_last() && ImportStep::Imported { users: 4000 }.is_last());
        let failed = ImportStep::Failed(AppError::Internal);
        assert!(failed.is_last() && !ImportStep::Saving.is_last());
        assert_eq!(failed.percent(), None);
    }
}
