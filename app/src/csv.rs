//! CSV shared by every export and upload: writing cells here, receiving an
//! uploaded file in [`upload`] and reading it in [`read`] (server only), the
//! steps of an export as the browser follows it in [`export`].

use serde::{Deserialize, Serialize};

pub mod export;
#[cfg(feature = "ssr")]
pub mod read;
#[cfg(feature = "ssr")]
pub mod upload;

/// One problem in an uploaded file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RowError {
    /// Row number as a spreadsheet shows it (the header is row 1); 0 for the whole file.
    pub row: usize,
    /// The column's header, or empty for the whole row.
    pub column: String,
    pub reason: String,
}

/// One CSV cell: quoted when needed, and defused when a spreadsheet would
/// run it as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return gets a `'` prefix, the OWASP advice for CSV injection).
pub fn cell(value: &str) -> String {
    let defused = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// Appends one CSV line of `cells` (each through [`cell`]) to `out`.
pub fn push_row(out: &mut String, cells: &[String]) {
    for (i, value) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(value));
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::{cell, push_row};

    #[test]
    fn a_row_is_its_cells_joined_and_ended() {
        let mut out = String::new();
        push_row(&mut out, &["a,b".into(), "=1".into(), String::new()]);
        assert_eq!(out, "\"a,b\",'=1,\r\n");
    }

    #[test]
    fn formulas_are_defused_and_quotes_escaped() {
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("plain"), "plain");
    }
}
