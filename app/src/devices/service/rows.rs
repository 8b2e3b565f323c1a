//! The checks of one device list row: the serial number (present, of
//! allowed characters and length, once in the file, not yet registered for
//! the customer), the hardware hash (optional base64 text of bounded
//! length), the manufacturer and model (optional, bounded, printable).

use crate::csv::read::RowErrors;
use crate::devices::{DEVICE_LIST_HEADER, HASH_MAX_CHARS, MAKER_MAX_CHARS, SERIAL_MAX_CHARS};
use base64::Engine;
use csv::StringRecord;
use std::collections::{HashMap, HashSet};

/// A row that passed every check, ready to insert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlannedDevice {
    pub(crate) serial_number: String,
    pub(crate) serial_lower: String,
    pub(crate) hardware_hash: Option<String>,
    pub(crate) manufacturer: String,
    pub(crate) model: String,
}

/// What the rows are checked against, and what earlier rows took.
pub(crate) struct Plan {
    /// Columns of the file's header.
    columns: usize,
    /// Lower-case serial numbers of the customer's devices.
    existing: HashSet<String>,
    /// Lower-case serial number → the first row that has it.
    seen: HashMap<String, usize>,
    rows: Vec<PlannedDevice>,
}

impl Plan {
    /// A plan for a file of `columns` columns, against the customer's
    /// `existing` serial numbers (lower case).
    pub(crate) fn new(columns: usize, existing: HashSet<String>) -> Plan {
        Plan {
            columns,
            existing,
            seen: HashMap::new(),
            rows: Vec::new(),
        }
    }

    /// The rows that passed every check, in file order.
    pub(crate) fn into_rows(self) -> Vec<PlannedDevice> {
        self.rows
    }

    /// Checks the row at spreadsheet row `line`, adding its problems to
    /// `errors`; plans it when it has none.
    pub(crate) fn row(&mut self, line: usize, record: &StringRecord, errors: &mut RowErrors) {
        if record.len() > self.columns {
            errors.add(
                line,
                "",
                crate::tr!(
                    "devices-row-too-many-columns",
                    count = record.len(),
                    max = self.columns
                ),
            );
            return;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let serial = self.serial(line, cell(0), errors);
        let hash = hash(cell(1));
        if let Err(reason) = &hash {
            errors.add(line, DEVICE_LIST_HEADER[1], reason.clone());
        }
        let mut makers = Vec::new();
        for (i, value) in [(2, cell(2)), (3, cell(3))] {
            match maker(value) {
                Ok(v) => makers.push(v),
                Err(reason) => errors.add(line, DEVICE_LIST_HEADER[i], reason),
            }
        }
        if let (Some(serial_number), Ok(hardware_hash), [manufacturer, model]) =
            (serial, hash, makers.as_slice())
        {
            self.rows.push(PlannedDevice {
                serial_lower: serial_number.to_ascii_lowercase(),
                serial_number,
                hardware_hash,
                manufacturer: manufacturer.clone(),
                model: model.clone(),
            });
        }
    }

    /// The serial number, or `None` with its problem added.
    fn serial(&mut self, line: usize, serial: &str, errors: &mut RowErrors) -> Option<String> {
        let column = DEVICE_LIST_HEADER[0];
        let n = serial.chars().count();
        let reason = if serial.is_empty() {
            crate::tr!("devices-serial-missing")
        } else if n > SERIAL_MAX_CHARS {
            crate::tr!("devices-too-long", count = n, max = SERIAL_MAX_CHARS)
        } else if !serial
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            crate::tr!("devices-serial-characters", serial = serial)
        } else {
            let lower = serial.to_ascii_lowercase();
            let reason = if let Some(first) = self.seen.get(&lower) {
                crate::tr!("devices-serial-duplicate", serial = serial, row = first)
            } else if self.existing.contains(&lower) {
                crate::tr!("devices-serial-registered", serial = serial)
            } else {
                String::new()
            };
            self.seen.entry(lower).or_insert(line);
            if reason.is_empty() {
                return Some(serial.to_string());
            }
            reason
        };
        errors.add(line, column, reason);
        None
    }
}

/// The Hardware hash cell: empty, or base64 text of bounded length.
fn hash(value: &str) -> Result<Option<String>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    let n = value.chars().count();
    if n > HASH_MAX_CHARS {
        return Err(crate::tr!(
            "devices-too-long",
            count = n,
            max = HASH_MAX_CHARS
        ));
    }
    match base64::engine::general_purpose::STANDARD.decode(value) {
        Ok(_) => Ok(Some(value.to_string())),
        Err(_) => Err(crate::tr!("devices-hash-not-base64")),
    }
}

/// A Manufacturer or Model cell: optional, bounded, no control characters.
fn maker(value: &str) -> Result<String, String> {
    let n = value.chars().count();
    if n > MAKER_MAX_CHARS {
        Err(crate::tr!(
            "devices-too-long",
            count = n,
            max = MAKER_MAX_CHARS
        ))
    } else if value.chars().any(char::is_control) {
        Err(crate::tr!("devices-control-characters"))
    } else {
        Ok(value.to_string())
    }
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
