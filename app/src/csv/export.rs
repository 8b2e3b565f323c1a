//! A CSV export as the browser follows it: the answer streams
//! [`ExportStep`]s ([`crate::progress`]), the file in parts with the rows
//! sent so far, so the page shows a determinate bar and a Cancel button,
//! and offers the file once the last part is in.

use crate::error::AppError;
use crate::progress::{percent, Step};
use serde::{Deserialize, Serialize};

/// Rows per part of an export (and per query of the server).
pub const EXPORT_STEP: usize = 2_000;

/// One step of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportStep {
    /// The file has `total` rows (besides its header).
    Started { total: u64 },
    /// The next part of the file, and the rows sent so far with it. The
    /// first part begins with the header.
    Part { csv: String, rows: u64 },
    /// Every part was sent.
    Done,
    /// It failed; what was sent is not the whole file.
    Failed(AppError),
}

impl Step for ExportStep {
    fn failed(error: AppError) -> Self {
        ExportStep::Failed(error)
    }

    fn is_last(&self) -> bool {
        matches!(self, ExportStep::Done | ExportStep::Failed(_))
    }
}

/// What the page keeps of an export under way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exported {
    /// The parts received, in order.
    pub parts: Vec<String>,
    /// Rows received so far.
    pub rows: u64,
    /// Rows in the whole file (0 until it is known).
    pub total: u64,
}

impl Exported {
    /// Takes in a step before the last.
    pub fn take(&mut self, step: ExportStep) {
        match step {
            ExportStep::Started { total } => self.total = total,
            ExportStep::Part { csv, rows } => {
                self.parts.push(csv);
                self.rows = rows;
            }
            ExportStep::Done | ExportStep::Failed(_) => {}
        }
    }

    /// How far it is, in percent.
    pub fn percent(&self) -> u32 {
        percent(self.rows, self.total)
    }
}

#[cfg(feature = "ssr")]
pub use server::{stream, Collected, ExportSender, Parts};

#[cfg(feature = "ssr")]
mod server {
    use super::ExportStep;
    use crate::error::{AppError, AppResult};
    use futures::channel::mpsc;
    use futures::Future;
    use leptos::server_fn::codec::TextStream;
    use std::sync::Mutex;

    /// Gathers an export's parts into one text (the API's file).
    #[derive(Default)]
    pub struct Collected(Mutex<String>);

    impl Collected {
        /// Takes in a step: parts are appended, the rest ignored.
        pub fn send(&self, step: ExportStep) {
            if let (ExportStep::Part { csv, .. }, Ok(mut file)) = (step, self.0.lock()) {
                file.push_str(&csv);
            }
        }

        /// The whole file.
        pub fn into_text(self) -> AppResult<String> {
            self.0.into_inner().map_err(|_| AppError::Internal)
        }
    }

    /// Writes an export's parts to `send`: rows gather until [`Parts::part`]
    /// sends them; the first part begins with the header.
    pub struct Parts<'a> {
        send: &'a (dyn Fn(ExportStep) + Sync),
        csv: String,
        rows: u64,
    }

    impl<'a> Parts<'a> {
        /// Sends `Started` with the number of rows to come.
        pub fn start(header: &str, total: i64, send: &'a (dyn Fn(ExportStep) + Sync)) -> Self {
            send(ExportStep::Started {
                total: u64::try_from(total).unwrap_or(0),
            });
            Parts {
                send,
                csv: header.to_string(),
                rows: 0,
            }
        }

        /// Adds a row of cells.
        pub fn row(&mut self, cells: &[String]) {
            crate::csv::push_row(&mut self.csv, cells);
            self.rows += 1;
        }

        /// Sends the rows added since the last part.
        pub fn part(&mut self) {
            (self.send)(ExportStep::Part {
                csv: std::mem::take(&mut self.csv),
                rows: self.rows,
            });
        }

        /// Ends the file: a file without rows still gets its header.
        pub fn finish(mut self) {
            if self.rows == 0 {
                self.part();
            }
        }
    }

    /// Where an export streamed to the browser sends its steps.
    pub struct ExportSender(mpsc::UnboundedSender<ExportStep>);

    impl ExportSender {
        /// Sends a step (dropped if the browser has gone).
        pub fn send(&self, step: ExportStep) {
            drop(self.0.unbounded_send(step));
        }
    }

    /// The answer of an export the browser follows: the steps `work`
    /// sends, then `Done` or why it failed ([`crate::progress::stream`]).
    pub fn stream<W, F>(work: W) -> TextStream<AppError>
    where
        W: FnOnce(ExportSender) -> F,
        F: Future<Output = AppResult<()>> + Send + 'static,
    {
        let (tx, rx) = mpsc::unbounded();
        let work = work(ExportSender(tx));
        crate::progress::stream(rx, async move {
            match work.await {
                Ok(()) => ExportStep::Done,
                Err(e) => ExportStep::Failed(e),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_to_the_file_and_count_rows() {
        let mut got = Exported::default();
        got.take(ExportStep::Started { total: 4 });
        got.take(ExportStep::Part {
            csv: "A,B\r\n1,2\r\n".into(),
            rows: 1,
        });
        assert_eq!(got.percent(), 25);
        got.take(ExportStep::Part {
            csv: "3,4\r\n5,6\r\n7,8\r\n".into(),
            rows: 4,
        });
        assert_eq!(got.percent(), 100);
        assert_eq!(got.parts.concat(), "A,B\r\n1,2\r\n3,4\r\n5,6\r\n7,8\r\n");
        assert!(ExportStep::Done.is_last());
        assert!(!ExportStep::Started { total: 0 }.is_last());
    }
}
