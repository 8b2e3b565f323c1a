//! Multi-row inserts built a row at a time, in each database's fastest form
//! that sqlx's `Any` driver can send: on SQLite one `values (?, …), …` list
//! with every value bound; on PostgreSQL one JSON array of rows, bound as a
//! single text and read by `json_to_recordset`, so the server parses one
//! value instead of thousands of parameters and the statement's text is the
//! same for every batch (prepared once per connection). PostgreSQL's `COPY`
//! would be faster still, but the `Any` driver has no way to it.

use super::{bind, rows_sql, Backend, Prepared};
use sqlx::any::AnyArguments;
use std::fmt::Write as _;

/// A column of a bulk insert and how each row gives its value.
#[derive(Debug, Clone, Copy)]
pub enum Col {
    /// A text (or null) given with each row.
    Text(&'static str),
    /// An integer given with each row.
    Int(&'static str),
    /// The same SQL literal for every row, e.g. `("status", "'active'")`.
    Fixed(&'static str, &'static str),
}

impl Col {
    fn name(self) -> &'static str {
        match self {
            Col::Text(name) | Col::Int(name) | Col::Fixed(name, _) => name,
        }
    }
}

/// One row's value for a [`Col::Text`] or [`Col::Int`] column.
#[derive(Debug, Clone, Copy)]
pub enum Val<'a> {
    Text(&'a str),
    Null,
    Int(i64),
}

impl<'a> From<&'a str> for Val<'a> {
    fn from(v: &'a str) -> Val<'a> {
        Val::Text(v)
    }
}

impl<'a> From<&'a String> for Val<'a> {
    fn from(v: &'a String) -> Val<'a> {
        Val::Text(v)
    }
}

impl<'a> From<Option<&'a String>> for Val<'a> {
    fn from(v: Option<&'a String>) -> Val<'a> {
        v.map_or(Val::Null, |v| Val::Text(v))
    }
}

impl From<i64> for Val<'_> {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}

/// A multi-row insert into one table, built a row at a time.
pub struct BulkInsert {
    backend: Backend,
    table: &'static str,
    columns: &'static [Col],
    rows: usize,
    /// SQLite: every value, bound in order.
    args: AnyArguments<'static>,
    /// PostgreSQL: the rows as a JSON array of objects keyed `c0`, `c1`, ….
    json: String,
}

impl BulkInsert {
    /// An insert into `table` of `columns`, with no rows yet.
    pub fn new(backend: Backend, table: &'static str, columns: &'static [Col]) -> BulkInsert {
        BulkInsert {
            backend,
            table,
            columns,
            rows: 0,
            args: AnyArguments::default(),
            json: String::new(),
        }
    }

    /// Adds a row: one value for each column that is not [`Col::Fixed`], in
    /// the columns' order.
    pub fn push(&mut self, values: &[Val<'_>]) {
        let given = self.columns.iter().filter(|c| !matches!(c, Col::Fixed(..)));
        debug_assert_eq!(given.clone().count(), values.len(), "{}", self.table);
        self.rows += 1;
        match self.backend {
            Backend::Sqlite => {
                for value in values {
                    match *value {
                        Val::Text(v) => bind(&mut self.args, v.to_string()),
                        Val::Null => bind(&mut self.args, None::<String>),
                        Val::Int(v) => bind(&mut self.args, v),
                    }
                }
            }
            Backend::Postgres => {
                self.json.push(if self.rows == 1 { '[' } else { ',' });
                self.json.push('{');
                for (k, value) in values.iter().enumerate() {
                    if k > 0 {
                        self.json.push(',');
                    }
                    let _ = write!(self.json, "\"c{k}\":");
                    match *value {
                        Val::Text(v) => json_string(&mut self.json, v),
                        Val::Null => self.json.push_str("null"),
                        Val::Int(v) => {
                            let _ = write!(self.json, "{v}");
                        }
                    }
                }
                self.json.push('}');
            }
        }
    }

    /// How many rows were added.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was added.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The statement that writes the rows; `None` when there are none.
    pub fn finish(mut self) -> Option<Prepared> {
        if self.rows == 0 {
            return None;
        }
        let names: Vec<&str> = self.columns.iter().map(|c| c.name()).collect();
        let head = format!("insert into {} ({})", self.table, names.join(", "));
        match self.backend {
            Backend::Sqlite => {
                let row: Vec<&str> = self
                    .columns
                    .iter()
                    .map(|c| match c {
                        Col::Fixed(_, literal) => *literal,
                        _ => "?",
                    })
                    .collect();
                let sql = rows_sql(
                    self.backend,
                    &format!("{head} values "),
                    &format!("({})", row.join(", ")),
                    self.rows,
                );
                Some(Prepared::new(sql, self.args))
            }
            Backend::Postgres => {
                self.json.push(']');
                let mut select = Vec::new();
                let mut record = Vec::new();
                for c in self.columns {
                    match c {
                        Col::Fixed(_, literal) => select.push(literal.to_string()),
                        Col::Text(_) | Col::Int(_) => {
                            let key = format!("c{}", record.len());
                            let kind = if matches!(c, Col::Int(_)) {
                                "bigint"
                            } else {
                                "text"
                            };
                            record.push(format!("{key} {kind}"));
                            select.push(key);
                        }
                    }
                }
                let sql = format!(
                    "{head} select {} from json_to_recordset($1::json) as r({})",
                    select.join(", "),
                    record.join(", ")
                );
                let mut args = AnyArguments::default();
                bind(&mut args, self.json);
                Some(Prepared::new(sql, args))
            }
        }
    }
}

/// Appends `text` as a JSON string.
fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Col] = &[
        Col::Text("a"),
        Col::Fixed("b", "'x'"),
        Col::Int("c"),
        Col::Text("d"),
    ];

    #[test]
    fn sqlite_gets_a_values_list() {
        let mut insert = BulkInsert::new(Backend::Sqlite, "t", COLUMNS);
        assert!(insert.is_empty());
        insert.push(&["one".into(), 1.into(), Val::Null]);
        insert.push(&["two".into(), 2.into(), "d".into()]);
        assert_eq!(insert.len(), 2);
        let statement = insert.finish().expect("rows");
        assert_eq!(
            statement.sql(),
            "insert into t (a, b, c, d) values (?, 'x', ?, ?),(?, 'x', ?, ?)"
        );
    }

    #[test]
    fn postgres_gets_one_json_array_with_every_text_escaped() {
        let mut insert = BulkInsert::new(Backend::Postgres, "t", COLUMNS);
        insert.push(&[
            "a \"quoted\" \\ back\nslash é".into(),
            (-7).into(),
            Val::Null,
        ]);
        insert.push(&["\u{1}".into(), 2.into(), "d".into()]);
        let json = insert.json.clone() + "]";
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(
            parsed,
            serde_json::json!([
                {"c0": "a \"quoted\" \\ back\nslash é", "c1": -7, "c2": null},
                {"c0": "\u{1}", "c1": 2, "c2": "d"}
            ])
        );
        let statement = insert.finish().expect("rows");
        assert_eq!(
            statement.sql(),
            "insert into t (a, b, c, d) select c0, 'x', c1, c2 \
             from json_to_recordset($1::json) as r(c0 text, c1 bigint, c2 text)"
        );
    }

    #[test]
    fn no_rows_is_no_statement() {
        assert!(BulkInsert::new(Backend::Postgres, "t", COLUMNS)
            .finish()
            .is_none());
        assert!(BulkInsert::new(Backend::Sqlite, "t", COLUMNS)
            .finish()
            .is_none());
    }
}
