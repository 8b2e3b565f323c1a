//! Reading an uploaded CSV file (server only), shared by every upload (the
//! customer user import, device lists): the encoding, the header, the rows
//! numbered as a spreadsheet shows them, and the problems found, each
//! naming its row and column. What a row must hold is the feature's own check.

use super::RowError;
use ::csv::{Reader, ReaderBuilder, StringRecord};
use std::collections::VecDeque;
use std::io::Read;

/// What an upload must look like.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The template's header, in order.
    pub header: &'static [&'static str],
    /// The same header in French (the French template's): each column may
    /// be named either way.
    pub header_fr: &'static [&'static str],
    /// How many of the header's first columns a file must have (the others
    /// are optional, but in this order).
    pub required: usize,
    /// The feature's messages about the whole file (catalogue keys).
    pub messages: FileMessages,
    /// Most rows a file may have.
    pub max_rows: usize,
}

/// The catalogue keys (`crate::key!`) of a feature's messages about a whole
/// file, which name what its rows are ("user", "device").
#[derive(Debug, Clone, Copy)]
pub struct FileMessages {
    /// A header other than the template's: `{ $found }`, `{ $expected }`.
    pub wrong_header: &'static str,
    /// Not even a header line.
    pub empty: &'static str,
    /// A header and no row.
    pub no_rows: &'static str,
    /// More rows than allowed: `{ $max }`.
    pub too_many: &'static str,
}

/// Problems found so far: the first `limit` and a count of the rest.
#[derive(Debug)]
pub struct RowErrors {
    list: Vec<RowError>,
    more: usize,
    limit: usize,
}

impl RowErrors {
    /// No problem yet; at most `limit` are listed, the rest counted.
    pub fn new(limit: usize) -> RowErrors {
        RowErrors {
            list: Vec::new(),
            more: 0,
            limit,
        }
    }

    /// Adds a problem of `row` (0: the whole file) in `column` (empty: the whole row).
    pub fn add(&mut self, row: usize, column: &str, reason: impl Into<String>) {
        if self.list.len() < self.limit {
            self.list.push(RowError {
                row,
                column: column.into(),
                reason: reason.into(),
            });
        } else {
            self.more += 1;
        }
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more == 0
    }

    /// The problems listed so far.
    pub fn list(&self) -> &[RowError] {
        &self.list
    }

    /// The problems listed and the number of those beyond.
    pub fn into_parts(self) -> (Vec<RowError>, usize) {
        (self.list, self.more)
    }
}

/// A file past its header: the rows to read and how many columns the header
/// has. `R` is where the bytes come from: the text of an upload, or a file
/// read a buffer at a time (the command line's import), so a file of any
/// size costs the same memory.
pub struct Rows<R: Read> {
    reader: Reader<Breaks<std::io::Chain<std::io::Cursor<Vec<u8>>, R>>>,
    columns: usize,
    /// The file's size in bytes.
    size: usize,
    /// Records read past the header, blank ones included.
    records: usize,
    /// The byte up to which line breaks are counted in `breaks`.
    scanned: u64,
    breaks: usize,
    /// Line breaks inside the quoted cells of the records read.
    folded: usize,
    /// Rows that are not blank.
    rows: usize,
    /// Whether the end of the file (or the row limit) was reached.
    done: bool,
}

/// A reader that notes where the line break bytes (`\r`, `\n`) are among the bytes the CSV reader has taken
/// but not yet numbered: a few buffers' worth, whatever the file's size.
struct Breaks<R> {
    inner: R,
    /// Bytes handed on so far (past the byte order mark).
    at: u64,
    marks: VecDeque<(u64, u8)>,
}

impl<R: Read> Read for Breaks<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, b) in buf[..n].iter().enumerate() {
            if matches!(b, b'\r' | b'\n') {
                self.marks.push_back((self.at + i as u64, *b));
            }
        }
        self.at += n as u64;
        Ok(n)
    }
}

/// The line breaks inside a cell: line feeds, and carriage returns that no
/// line feed follows.
fn line_breaks(cell: &str) -> usize {
    cell.matches('\n').count() + cell.matches('\r').count() - cell.matches("\r\n").count()
}

/// How much of a file is read to find its header line's separator.
const HEADER_PEEK: usize = 4096;

/// The separator of a file whose header line is `head`: a semicolon when
/// it has more of them than commas, else a comma.
fn separator(head: &[u8]) -> u8 {
    let count = |c: u8| head.iter().filter(|&&b| b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// UTF-8's byte order mark, which spreadsheet programs put first.
const BOM: &[u8] = "\u{FEFF}".as_bytes();

/// Opens `text` past its header; `None` (with the problem added) when the
/// file can't be used: not UTF-8, empty, or a header other than the layout's.
pub fn open<'t>(text: &'t str, layout: &Layout, errors: &mut RowErrors) -> Option<Rows<&'t [u8]>> {
    if text.contains('\u{FFFD}') {
        errors.add(0, "", crate::msg!("csv-not-utf8"));
        return None;
    }
    open_reader(text.as_bytes(), text.len(), layout, errors)
}

/// Opens the file `source` of `size` bytes past its header, like [`open`];
/// a row that is not UTF-8 is a problem of that row.
pub fn open_reader<R: Read>(
    mut source: R,
    size: usize,
    layout: &Layout,
    errors: &mut RowErrors,
) -> Option<Rows<R>> {
    // The first bytes, put back unless they are the byte order mark. A
    // failing read ends here and fails again below, as the header's problem.
    let mut head = Vec::with_capacity(BOM.len());
    let _ = (&mut source).take(BOM.len() as u64).read_to_end(&mut head);
    if head == BOM {
        head.clear();
    }
    // The header line, to see which separator the file uses: spreadsheets
    // set to French (and other languages with a decimal comma) save CSV
    // with semicolons.
    let mut byte = [0u8; 1];
    while !head.contains(&b'\n') && head.len() < HEADER_PEEK {
        match source.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(&head))
        .from_reader(Breaks {
            inner: std::io::Cursor::new(head).chain(source),
            at: 0,
            marks: VecDeque::new(),
        });
    let header: Vec<String> = match reader.records().next() {
        Some(Ok(r)) => r.iter().map(|c| c.trim().to_string()).collect(),
        Some(Err(e)) => {
            errors.add(1, "", crate::msg!("csv-header-unreadable", problem = e));
            return None;
        }
        None => {
            errors.add(0, "", crate::i18n::compose(layout.messages.empty, &[]));
            return None;
        }
    };
    let header_ok = (layout.required..=layout.header.len()).contains(&header.len())
        && header
            .iter()
            .zip(layout.header.iter().zip(layout.header_fr))
            .all(|(h, (en, fr))| {
                h.eq_ignore_ascii_case(en) || h.to_lowercase() == fr.to_lowercase()
            });
    if !header_ok {
        let (found, expected) = (header.join(","), layout.header.join(","));
        errors.add(
            1,
            "",
            crate::i18n::compose(
                layout.messages.wrong_header,
                &[("found", &found), ("expected", &expected)],
            ),
        );
        return None;
    }
    Some(Rows {
        reader,
        columns: header.len(),
        size,
        records: 0,
        scanned: 0,
        breaks: 0,
        folded: 0,
        rows: 0,
        done: false,
    })
}

impl<R: Read> Rows<R> {
    /// How many columns the file's header has.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Rows read so far (blank ones not counted).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Bytes read so far and the file's size: how far the reading is.
    pub fn position(&self) -> (usize, usize) {
        let read = usize::try_from(self.reader.position().byte()).unwrap_or(self.size);
        (read.min(self.size), self.size)
    }

    /// Hands each row that is not blank to `check`, with its spreadsheet
    /// row number (the header is row 1; a quoted cell spanning lines is
    /// still one row). A row that can't be read, too many rows and a file
    /// with no row are problems of their own. Returns the number of rows read.
    pub fn each(
        mut self,
        layout: &Layout,
        errors: &mut RowErrors,
        mut check: impl FnMut(usize, &StringRecord, &mut RowErrors),
    ) -> usize {
        while self.some(layout, errors, usize::MAX, &mut check) {}
        self.finish(layout, errors)
    }

    /// Like [`each`](Self::each), a step at a time: hands at most `limit`
    /// more rows to `check`. Returns whether rows remain; then
    /// [`finish`](Self::finish) ends the reading.
    pub fn some(
        &mut self,
        layout: &Layout,
        errors: &mut RowErrors,
        limit: usize,
        check: &mut impl FnMut(usize, &StringRecord, &mut RowErrors),
    ) -> bool {
        let mut record = StringRecord::new();
        let mut handed = 0;
        while !self.done && handed < limit {
            let line = match self.reader.read_record(&mut record) {
                Ok(false) => {
                    self.done = true;
                    break;
                }
                Ok(true) => {
                    self.records += 1;
                    let start = record.position().map_or(self.scanned, |p| p.byte());
                    let line = self.line_of(start);
                    self.folded += record.iter().map(line_breaks).sum::<usize>();
                    line
                }
                Err(e) => {
                    self.records += 1;
                    // The row where the record starts, as for a good one
                    // (blank lines before it count).
                    let line = e
                        .position()
                        .map_or(self.records + 1, |p| self.line_of(p.byte()));
                    let problem = if matches!(e.kind(), ::csv::ErrorKind::Utf8 { .. }) {
                        crate::msg!("csv-not-utf8")
                    } else {
                        crate::msg!("csv-row-unreadable", problem = e)
                    };
                    errors.add(line, "", problem);
                    continue;
                }
            };
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            self.rows += 1;
            if self.rows > layout.max_rows {
                errors.add(
                    line,
                    "",
                    crate::i18n::compose(layout.messages.too_many, &[("max", &layout.max_rows)]),
                );
                self.done = true;
                break;
            }
            handed += 1;
            check(line, &record, errors);
        }
        !self.done
    }

    /// The row a spreadsheet shows for a record starting at byte `start`:
    /// one more than the line breaks before its first character (an empty
    /// line is a row there, not a record here), less those inside quoted
    /// cells (a cell spanning lines is one row).
    fn line_of(&mut self, start: u64) -> usize {
        let marks = &mut self.reader.get_mut().marks;
        let mut first = start.max(self.scanned);
        while let Some(&(at, byte)) = marks.front() {
            if at > first {
                break;
            }
            if at == first {
                first += 1;
            }
            marks.pop_front();
            // A line ends at a line feed, or at a carriage return that no
            // line feed follows (old Mac files); the bytes up to the
            // record's start have been read, so the next mark is known.
            let lone_cr = byte == b'\r' && marks.front() != Some(&(at + 1, b'\n'));
            if byte == b'\n' || lone_cr {
                self.breaks += 1;
            }
        }
        self.scanned = first;
        (self.breaks + 1).saturating_sub(self.folded)
    }

    /// Ends the reading: the number of rows read, and the problem of a file
    /// with none.
    pub fn finish(self, layout: &Layout, errors: &mut RowErrors) -> usize {
        if self.rows == 0 && errors.list.is_empty() {
            errors.add(0, "", crate::i18n::compose(layout.messages.no_rows, &[]));
        }
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: Layout = Layout {
        header: &["Serial", "Note"],
        header_fr: &["Numéro", "Remarque"],
        required: 1,
        messages: crate::customer_users::import::FILE_MESSAGES,
        max_rows: 2,
    };

    fn read(text: &str) -> (Vec<(usize, String)>, RowErrors) {
        let mut errors = RowErrors::new(10);
        let mut seen = Vec::new();
        if let Some(rows) = open(text, &LAYOUT, &mut errors) {
            rows.each(&LAYOUT, &mut errors, |line, record, _| {
                seen.push((line, record.get(0).unwrap_or("").to_string()));
            });
        }
        (seen, errors)
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let (seen, errors) = read("\u{FEFF}serial\r\nA\r\n,\r\n\"B\nb\"\r\n");
        assert!(errors.is_empty(), "{:?}", errors.list());
        assert_eq!(seen, vec![(2, "A".into()), (4, "B\nb".into())]);
        // An empty line is a row of its own in a spreadsheet.
        // (C, a third row, is one too many for this layout.)
        let (seen, errors) = read("serial\r\nA\r\n\"B\r\nb\"\r\n\r\nC\r\n");
        assert_eq!(seen, vec![(2, "A".into()), (3, "B\r\nb".into())]);
        assert_eq!(errors.list()[0].row, 5);
    }

    #[test]
    fn reading_in_steps_hands_the_same_rows_and_reports_how_far_it_is() {
        let text = "Serial\nA\n\nB\nC\n";
        let (all, _) = read(text);
        let mut errors = RowErrors::new(10);
        let mut rows = open(text, &LAYOUT, &mut errors).expect("opens");
        let mut seen = Vec::new();
        let mut check = |line: usize, record: &StringRecord, _: &mut RowErrors| {
            seen.push((line, record.get(0).unwrap_or("").to_string()));
        };
        assert!(rows.some(&LAYOUT, &mut errors, 1, &mut check));
        assert_eq!((rows.rows(), rows.position()), (1, (9, text.len())));
        while rows.some(&LAYOUT, &mut errors, 1, &mut check) {}
        assert_eq!(rows.position(), (text.len(), text.len()));
        let count = rows.finish(&LAYOUT, &mut errors);
        // Three rows for a layout of at most two: the third is the problem.
        assert_eq!((count, seen.len()), (3, 2));
        assert_eq!(seen, all);
        assert_eq!(errors.list()[0].row, 5);
    }

    /// Hands its bytes one at a time: the smallest reads a file can give.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn a_file_read_a_byte_at_a_time_gives_the_same_rows_and_numbers() {
        let layout = Layout {
            max_rows: 10,
            ..LAYOUT
        };
        for (text, count) in [
            ("\u{FEFF}serial\r\nA\r\n,\r\n\"B\nb\"\r\n\r\n\r\nC,x\r\n", 3),
            ("Serial\nA\n\nB\n\"C\r\nc\"\nD", 4),
        ] {
            fn collect<R: Read>(rows: Option<Rows<R>>, layout: &Layout) -> Vec<(usize, String)> {
                let mut errors = RowErrors::new(10);
                let mut seen = Vec::new();
                if let Some(rows) = rows {
                    rows.each(layout, &mut errors, |line, record, _| {
                        seen.push((line, record.get(0).unwrap_or("").to_string()));
                    });
                }
                seen
            }
            let mut errors = RowErrors::new(10);
            let whole = collect(open(text, &layout, &mut errors), &layout);
            let mut errors = RowErrors::new(10);
            let rows = open_reader(Trickle(text.as_bytes()), text.len(), &layout, &mut errors);
            assert!(errors.is_empty(), "{:?}", errors.list());
            let trickled = collect(rows, &layout);
            assert_eq!(trickled, whole, "{text:?}");
            assert_eq!(whole.len(), count, "{whole:?}");
        }
    }

    #[test]
    fn a_row_that_is_not_utf8_is_named() {
        let bytes = b"Serial\nA\n\xff\xfe\nB\n";
        let mut errors = RowErrors::new(10);
        let rows = open_reader(&bytes[..], bytes.len(), &LAYOUT, &mut errors).expect("opens");
        let mut seen = Vec::new();
        rows.each(&LAYOUT, &mut errors, |line, _, _| seen.push(line));
        assert_eq!(seen, [2, 4]);
        let problems: Vec<_> = errors
            .list()
            .iter()
            .map(|e| (e.row, crate::i18n::message(&e.reason)))
            .collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, 3);
        assert!(problems[0].1.contains("UTF-8"), "{problems:?}");
    }

    #[test]
    fn a_row_that_is_not_utf8_after_a_blank_line_is_named_by_its_row() {
        let bytes = b"Serial\n\nA\n\xff\xfe\nB\n";
        let mut errors = RowErrors::new(10);
        let rows = open_reader(&bytes[..], bytes.len(), &LAYOUT, &mut errors).expect("opens");
        let mut seen = Vec::new();
        rows.each(&LAYOUT, &mut errors, |line, _, _| seen.push(line));
        assert_eq!(seen, [3, 5]);
        let rows: Vec<usize> = errors.list().iter().map(|e| e.row).collect();
        assert_eq!(rows, [4], "the row a spreadsheet shows");
    }

    #[test]
    fn a_file_with_old_mac_line_ends_numbers_its_rows() {
        let (seen, errors) = read("Serial\rA\r\rB,\"x\ry\"\r");
        assert!(errors.is_empty(), "{:?}", errors.list());
        assert_eq!(seen, vec![(2, "A".into()), (4, "B".into())]);
        let (_, errors) = read("Serial\rA\rB\rC\r");
        let rows: Vec<usize> = errors.list().iter().map(|e| e.row).collect();
        assert_eq!(rows, [4], "the third row is one too many, on row 4");
    }

    #[test]
    fn a_file_saved_with_semicolons_reads_like_one_with_commas() {
        for text in [
            "Numéro;Remarque\r\nA;x, y\r\n\r\nB;\"z;w\"\r\n",
            "\u{FEFF}Serial;Note\nA;x, y\n\nB;\"z;w\"\n",
        ] {
            let (seen, errors) = read(text);
            assert!(errors.is_empty(), "{text:?}: {:?}", errors.list());
            assert_eq!(seen, vec![(2, "A".into()), (4, "B".into())], "{text:?}");
        }
        // A comma file whose cells hold semicolons stays a comma file.
        let (seen, errors) = read("Serial,Note\nA,\"x; y; z\"\n");
        assert!(errors.is_empty(), "{:?}", errors.list());
        assert_eq!(seen, vec![(2, "A".into())]);
    }

    #[test]
    fn the_header_may_be_in_english_or_french() {
        let (seen, errors) = read("NUMÉRO,remarque\nA,x\n");
        assert!(errors.is_empty(), "{:?}", errors.list());
        assert_eq!(seen, vec![(2, "A".into())]);
        let (_, errors) = read("Numéro,Note\nA,x\n");
        assert!(errors.is_empty(), "{:?}", errors.list());
        let (_, errors) = read("Nombre\nA\n");
        assert!(!errors.is_empty());
    }

    #[test]
    fn the_file_itself_gets_one_clear_problem() {
        let reasons = |text: &str| {
            let (_, e) = read(text);
            e.list()
                .iter()
                .map(|e| (e.row, crate::i18n::message(&e.reason)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            reasons(""),
            [(
                0,
                "The file is empty: it needs the header line and at least one user row.".into()
            )]
        );
        assert_eq!(
            reasons("Serial,Note\n"),
            [(0, "The file has no user rows.".into())]
        );
        let wrong = reasons("Name\nA\n");
        assert_eq!(wrong.len(), 1);
        assert!(
            wrong[0]
                .1
                .contains("expected \"Serial,Note\" (Licence is optional)"),
            "{wrong:?}"
        );
        assert_eq!(
            reasons("Serial\na\nb\nc\n"),
            [(4, "Too many rows: at most 2 users per file.".into())]
        );
        assert_eq!(reasons("Serial\n\u{FFFD}\n")[0].0, 0);
    }

    #[test]
    fn problems_beyond_the_limit_are_counted() {
        let mut errors = RowErrors::new(2);
        for row in 0..5 {
            errors.add(row, "", "bad");
        }
        assert!(!errors.is_empty());
        let (list, more) = errors.into_parts();
        assert_eq!((list.len(), more), (2, 3));
    }
}
