//! The users an import wrote, with their temporary passwords, kept in a
//! temporary file that has no name until the import commits: a million of
//! them would take more memory than the rest of the import. Read back in
//! parts once it has, for the page's answer and the command line's output.

use crate::customer_users::ImportedUser;
use crate::error::{AppError, AppResult};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};

/// Imported users, one JSON line each, in the order they were written.
pub struct Kept {
    out: BufWriter<File>,
    count: usize,
}

fn failed(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "the imported users' temporary file failed");
    AppError::Internal
}

impl Kept {
    /// An empty list.
    pub fn new() -> AppResult<Kept> {
        let file = crate::csv::upload::unnamed_file().map_err(failed)?;
        Ok(Kept {
            out: BufWriter::new(file),
            count: 0,
        })
    }

    /// Keeps the next user.
    pub fn add(&mut self, user: &ImportedUser) -> AppResult<()> {
        serde_json::to_writer(&mut self.out, user).map_err(failed)?;
        self.out.write_all(b"\n").map_err(failed)?;
        self.count += 1;
        Ok(())
    }

    /// How many users are kept.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The users in order, `size` at a time (the last part may be smaller).
    pub fn parts(self, size: usize) -> AppResult<Parts> {
        let mut file = self.out.into_inner().map_err(|e| failed(e.error()))?;
        file.rewind().map_err(failed)?;
        Ok(Parts {
            lines: BufReader::new(file),
            size: size.max(1),
        })
    }
}

/// [`Kept::parts`].
pub struct Parts {
    lines: BufReader<File>,
    size: usize,
}

impl Iterator for Parts {
    type Item = AppResult<Vec<ImportedUser>>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut part = Vec::with_capacity(self.size);
        let mut line = String::new();
        while part.len() < self.size {
            line.clear();
            match self.lines.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => match serde_json::from_str(&line) {
                    Ok(user) => part.push(user),
                    Err(e) => return Some(Err(failed(e))),
                },
                Err(e) => return Some(Err(failed(e))),
            }
        }
        (!part.is_empty()).then_some(Ok(part))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_come_back_in_order_in_parts_of_the_size_asked() {
        let mut kept = Kept::new().expect("kept");
        for i in 0..5 {
            kept.add(&ImportedUser {
                display_name: format!("Person, \"{i}\"\nnext line"),
                user_name: format!("p{i}@example.com"),
                temporary_password: format!("pw-{i}"),
            })
            .expect("add");
        }
        assert_eq!(kept.len(), 5);
        let parts: Vec<Vec<ImportedUser>> = kept
            .parts(2)
            .expect("parts")
            .collect::<AppResult<_>>()
            .expect("read");
        assert_eq!(parts.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
        let names: Vec<&str> = parts
            .iter()
            .flatten()
            .map(|u| u.user_name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "p0@example.com",
                "p1@example.com",
                "p2@example.com",
                "p3@example.com",
                "p4@example.com"
            ]
        );
        assert_eq!(parts[2][0].display_name, "Person, \"4\"\nnext line");
    }

    #[test]
    fn nothing_kept_gives_no_part() {
        let kept = Kept::new().expect("kept");
        assert!(kept.is_empty());
        assert_eq!(kept.parts(10).expect("parts").count(), 0);
    }
}
