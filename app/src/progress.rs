//! Long work answered step by step: the server function's response is a
//! stream of steps, one JSON line each, so the page shows how far the work
//! is and gets its end (a report, a result, a file) in the same answer.
//! The work runs inside the response (polled by it, not spawned): when the
//! page cancels, closing the response drops the work with its open
//! transaction. The replica doing the work is the one that reports it, so
//! progress needs no state shared between replicas.
//!
//! Used by the customer user import ([`crate::customer_users::ImportStep`])
//! and the CSV exports ([`crate::csv::export::ExportStep`]).

use crate::error::AppError;
use futures::StreamExt;
use leptos::server_fn::codec::TextStream;
use serde::{de::DeserializeOwned, Serialize};
use std::marker::PhantomData;

/// One step of a streamed answer.
pub trait Step: Serialize + DeserializeOwned {
    /// The step that ends the stream with a failure.
    fn failed(error: AppError) -> Self;

    /// Whether this step ends the stream.
    fn is_last(&self) -> bool;

    /// The step as one line of the stream.
    fn line(&self) -> String {
        let mut line = serde_json::to_string(self)
            .unwrap_or_else(|_| r#"{"Failed":{"kind":"internal"}}"#.to_string());
        line.push('\n');
        line
    }
}

/// `done` of `total` in whole percent (100 when there is nothing to do).
pub fn percent(done: u64, total: u64) -> u32 {
    (done.min(total) * 100).checked_div(total).unwrap_or(100) as u32
}

/// Splits a stream's text into steps: chunks may end in the middle of a
/// line, so the rest waits for the next chunk.
#[derive(Debug)]
pub struct Lines<T> {
    pending: String,
    step: PhantomData<fn() -> T>,
}

impl<T> Default for Lines<T> {
    fn default() -> Self {
        Self {
            pending: String::new(),
            step: PhantomData,
        }
    }
}

impl<T: Step> Lines<T> {
    /// The steps completed by `chunk`; a line that is not a step is a
    /// failure of the transport.
    pub fn push(&mut self, chunk: &str) -> Vec<T> {
        self.pending.push_str(chunk);
        let mut steps = Vec::new();
        while let Some(end) = self.pending.find('\n') {
            let line: String = self.pending.drain(..=end).collect();
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            steps.push(serde_json::from_str(line).unwrap_or_else(|e| {
                T::failed(AppError::Transport(format!("unreadable progress: {e}")))
            }));
        }
        steps
    }
}

/// Reads a streamed answer: each step before the last goes to `each`, and
/// the last one is returned (`None` when the answer ended without it).
pub async fn follow<T: Step>(
    answer: Result<TextStream<AppError>, AppError>,
    mut each: impl FnMut(T),
) -> Option<T> {
    let mut chunks = match answer {
        Ok(stream) => stream.into_inner(),
        Err(e) => return Some(T::failed(e)),
    };
    let mut lines = Lines::<T>::default();
    while let Some(chunk) = chunks.next().await {
        let text = match chunk {
            Ok(text) => text,
            Err(e) => return Some(T::failed(e)),
        };
        for next in lines.push(&text) {
            if next.is_last() {
                return Some(next);
            }
            each(next);
        }
    }
    None
}

#[cfg(feature = "ssr")]
pub use server::stream;

#[cfg(feature = "ssr")]
mod server {
    use super::Step;
    use crate::error::AppError;
    use futures::channel::mpsc;
    use futures::{Future, StreamExt};
    use leptos::prelude::provide_context;
    use leptos::reactive::computed::ScopedFuture;
    use leptos::reactive::owner::Owner;
    use leptos::server_fn::codec::TextStream;
    use std::task::Poll;

    /// The lines of the steps `work` sends on `rx`, then of the step it
    /// ends with. The work is polled only while no sent step waits, so it
    /// runs no further ahead than the reader; it runs in the reader's
    /// language.
    pub fn stream<T: Step + Send + 'static>(
        mut rx: mpsc::UnboundedReceiver<T>,
        work: impl Future<Output = T> + Send + 'static,
    ) -> TextStream<AppError> {
        let owner = Owner::new_root(None);
        let locale = crate::i18n::current();
        owner.with(|| provide_context(locale));
        let mut work = Some(Box::pin(ScopedFuture {
            owner,
            observer: None,
            fut: work,
        }));
        let mut last = None;
        let lines = futures::stream::poll_fn(move |cx| loop {
            // Every step sent comes out before the last one.
            if let Poll::Ready(Some(step)) = rx.poll_next_unpin(cx) {
                return Poll::Ready(Some(step));
            }
            match work.as_mut() {
                Some(running) => match running.as_mut().poll(cx) {
                    Poll::Ready(step) => {
                        work = None;
                        last = Some(step);
                    }
                    Poll::Pending => return Poll::Pending,
                },
                None => return Poll::Ready(last.take()),
            }
        });
        TextStream::new(lines.map(|step: T| Ok(step.line())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    enum Counted {
        Done(u32),
        End,
        Failed(AppError),
    }

    impl Step for Counted {
        fn failed(error: AppError) -> Self {
            Counted::Failed(error)
        }
        fn is_last(&self) -> bool {
            !matches!(self, Counted::Done(_))
        }
    }

    #[test]
    fn steps_survive_being_cut_anywhere() {
        let steps = [
            Counted::Done(1),
            Counted::Done(20),
            Counted::Failed(AppError::invalid("file", "bad")),
        ];
        let text: String = steps.iter().map(Step::line).collect();
        for cut in [1, 7, 20, text.len() - 1] {
            let mut lines = Lines::<Counted>::default();
            let mut got = lines.push(&text[..cut]);
            got.extend(lines.push(&text[cut..]));
            assert_eq!(got, steps, "cut at {cut}");
        }
    }

    #[test]
    fn percent_is_whole_and_capped() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(5, 4), 100);
        assert_eq!(percent(0, 0), 100, "nothing to do is done");
    }

    #[test]
    fn a_line_that_is_not_a_step_is_a_failure() {
        let got = Lines::<Counted>::default().push("<html>\n");
        assert!(matches!(got[..], [Counted::Failed(AppError::Transport(_))]));
    }

    #[cfg(feature = "ssr")]
    #[tokio::test]
    async fn every_step_comes_out_in_order_and_the_last_one_ends_the_stream() {
        let (tx, rx) = futures::channel::mpsc::unbounded();
        let work = async move {
            for n in [1, 2] {
                drop(tx.unbounded_send(Counted::Done(n)));
                tokio::task::yield_now().await;
            }
            Counted::End
        };
        let mut seen = Vec::new();
        let last = follow(Ok(stream(rx, work)), |s| seen.push(s)).await;
        assert_eq!(seen, [Counted::Done(1), Counted::Done(2)]);
        assert_eq!(last, Some(Counted::End));
    }
}
