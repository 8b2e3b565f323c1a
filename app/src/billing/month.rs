//! Calendar months (`YYYY-MM`, UTC): what an invoice is for.

use std::fmt;

/// A calendar month in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i64,
    month: i64,
}

impl Month {
    /// Parses `YYYY-MM` (exactly that shape, from 1970-01).
    pub fn parse(text: &str) -> Option<Month> {
        let text = text.trim();
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        ((1970..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }

    /// The month a unix-millisecond time falls in.
    pub fn of_millis(ms: i64) -> Month {
        let date = crate::time::format_millis(ms);
        Month::parse(date.get(..7).unwrap_or_default()).unwrap_or(Month {
            year: 1970,
            month: 1,
        })
    }

    /// The month before.
    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                month: self.month - 1,
                ..self
            }
        }
    }

    /// The month after.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// Unix milliseconds of the month's first instant.
    pub fn start_millis(self) -> i64 {
        crate::time::parse_date(&format!("{self}-01")).unwrap_or_default()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_year_dash_month() {
        let m = Month::parse("2026-10").map(|m| m.to_string());
        assert_eq!(m.as_deref(), Some("2026-10"));
        for bad in [
            "2026-13", "2026-00", "2026-1", "26-10", "2026/10", "October", "+026-10",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_step_over_years() {
        let jan = Month::parse("2026-01").expect("month");
        assert_eq!(jan.previous().to_string(), "2025-12");
        assert_eq!(jan.previous().next(), jan);
        let start = jan.start_millis();
        assert_eq!(Month::of_millis(start), jan);
        assert_eq!(Month::of_millis(start - 1).to_string(), "2025-12");
    }
}
