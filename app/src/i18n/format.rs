//! Numbers in the reader's language: `1,000` in English, `1 000` (narrow
//! no-break space) in French.

use super::{current, Locale};

/// `n` with thousands grouped the reader's way.
pub fn number(n: i64) -> String {
    group(n, current())
}

pub(super) fn group(n: i64, locale: Locale) -> String {
    let sep = match locale {
        Locale::En => ",",
        Locale::Fr => "\u{202f}",
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}
