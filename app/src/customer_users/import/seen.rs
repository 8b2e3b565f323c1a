//! The emails an import file has used so far, each with the first row that
//! has it: one text holding them all and a table of places in it, so a
//! million emails take about 12 bytes each beside their text, not a string
//! each (about 60 MB less for the command line's largest file).

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Where one email is in [`Seen::text`], and its first row.
#[derive(Clone, Copy)]
struct Place {
    start: u32,
    len: u32,
    row: u32,
}

/// Lower-case emails and the first row of each.
#[derive(Default)]
pub(super) struct Seen {
    text: String,
    table: HashTable<Place>,
    hasher: std::collections::hash_map::RandomState,
}

impl Seen {
    fn email(&self, p: &Place) -> &str {
        let start = p.start as usize;
        self.text.get(start..start + p.len as usize).unwrap_or("")
    }

    /// The first row that has `email` (lower case), if any.
    pub(super) fn first(&self, email: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(email);
        self.table
            .find(hash, |p| self.email(p) == email)
            .map(|p| p.row as usize)
    }

    /// Notes that `row` has `email` (lower case), unless an earlier row did.
    pub(super) fn add(&mut self, email: &str, row: usize) {
        if self.first(email).is_some() {
            return;
        }
        // The command line's largest file stays far below 4 GiB of emails
        // and rows; past that, emails are no longer noted.
        let (Ok(start), Ok(len), Ok(row)) = (
            u32::try_from(self.text.len()),
            u32::try_from(email.len()),
            u32::try_from(row),
        ) else {
            return;
        };
        self.text.push_str(email);
        let hash = self.hasher.hash_one(email);
        let Seen {
            text,
            table,
            hasher,
        } = self;
        table.insert_unique(hash, Place { start, len, row }, |p| {
            let start = p.start as usize;
            hasher.hash_one(text.get(start..start + p.len as usize).unwrap_or(""))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn each_email_keeps_its_first_row() {
        let mut seen = Seen::default();
        for i in 0..10_000 {
            seen.add(&format!("p{i}@x.example"), i + 2);
        }
        seen.add("p5@x.example", 99_999);
        assert_eq!(seen.first("p5@x.example"), Some(7));
        assert_eq!(seen.first("p9999@x.example"), Some(10_001));
        assert_eq!(seen.first("p10000@x.example"), None);
        // One email being the start of another is no match.
        assert_eq!(seen.first("p1@x.exampl"), None);
        seen.add("", 3);
        assert_eq!(seen.first(""), Some(3));
    }
}
