//! Device name templates of profiles (`CONTOSO-%SERIAL%`, `WS-%RAND:4%`):
//! their rules, and the name one gives a device. Shared by the form and the
//! server.

/// Longest device name a template may produce (the NetBIOS limit).
pub const DEVICE_NAME_MAX: usize = 15;

/// The macro of a device name template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameMacro {
    /// `%SERIAL%`: the device's serial number, cut to fit.
    Serial,
    /// `%RAND:n%`: `n` random digits.
    Random(usize),
}

/// A template read into its fixed text and its macro.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameTemplate {
    before: String,
    name_macro: Option<NameMacro>,
    after: String,
}

const TEMPLATE_RULE: &str = crate::key!("devices-template-rule");

/// Reads a device name template, or says what is wrong with it.
fn parse_template(template: &str) -> Result<NameTemplate, String> {
    let mut parsed = NameTemplate {
        before: String::new(),
        name_macro: None,
        after: String::new(),
    };
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if c == '%' {
            let (found, len) = if rest.starts_with("%SERIAL%") {
                (NameMacro::Serial, "%SERIAL%".len())
            } else {
                let digit = rest
                    .strip_prefix("%RAND:")
                    .and_then(random_digits)
                    .ok_or_else(|| TEMPLATE_RULE.to_string())?;
                (NameMacro::Random(digit), "%RAND:n%".len())
            };
            if parsed.name_macro.is_some() {
                return Err(crate::msg!("devices-template-one-macro"));
            }
            parsed.name_macro = Some(found);
            rest = &rest[len..];
            continue;
        }
        if !(c.is_ascii_alphanumeric() || c == '-') {
            return Err(TEMPLATE_RULE.into());
        }
        match parsed.name_macro {
            None => parsed.before.push(c),
            Some(_) => parsed.after.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(parsed)
}

/// The digit `n` (1 to 9) of `n%…`, what follows `%RAND:`.
fn random_digits(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let n = chars.next()?.to_digit(10).filter(|n| *n >= 1)?;
    (chars.next()? == '%').then_some(n as usize)
}

/// What is wrong with a device name template, if anything: the rules of
/// the name it gives (at most 15 letters, digits and hyphens, not only
/// digits) and of its macro.
pub fn template_problem(template: &str) -> Option<String> {
    let template = template.trim();
    if template.is_empty() {
        return None;
    }
    let parsed = match parse_template(template) {
        Ok(p) => p,
        Err(e) => return Some(e),
    };
    let fixed = parsed.before.len() + parsed.after.len();
    let longest = match parsed.name_macro {
        // At least one character of the serial number.
        Some(NameMacro::Serial) => fixed + 1,
        Some(NameMacro::Random(n)) => fixed + n,
        None => fixed,
    };
    if longest > DEVICE_NAME_MAX {
        return Some(crate::msg!(
            "devices-template-too-long",
            max = DEVICE_NAME_MAX
        ));
    }
    let only_digits = format!("{}{}", parsed.before, parsed.after)
        .chars()
        .all(|c| c.is_ascii_digit());
    if only_digits && parsed.name_macro != Some(NameMacro::Serial) {
        return Some(crate::msg!("devices-template-only-digits"));
    }
    None
}

/// The name a template gives the device with this serial number: the
/// serial's letters and digits cut to fit 15 characters; each random digit
/// shown as `#`. `None` when the template is empty or wrong.
pub fn device_name(template: &str, serial: &str) -> Option<String> {
    let template = template.trim();
    if template.is_empty() || template_problem(template).is_some() {
        return None;
    }
    let parsed = parse_template(template).ok()?;
    let fixed = parsed.before.len() + parsed.after.len();
    let middle: String = match parsed.name_macro {
        Some(NameMacro::Serial) => serial
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .take(DEVICE_NAME_MAX.saturating_sub(fixed))
            .collect(),
        Some(NameMacro::Random(n)) => "#".repeat(n),
        None => String::new(),
    };
    Some(format!("{}{middle}{}", parsed.before, parsed.after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_follow_the_device_name_rules() {
        for ok in [
            "",
            "CONTOSO-%SERIAL%",
            "%SERIAL%",
            "WS-%RAND:4%",
            "KIOSK1",
            "A%SERIAL%-X",
        ] {
            assert_eq!(template_problem(ok), None, "{ok}");
        }
        for bad in [
            "CONTOSO %SERIAL%",
            "%serial%",
            "%RAND:0%",
            "%RAND:x%",
            "%RAND:12%",
            "A-%SERIAL%-%RAND:2%",
            "NORTHWIND-TRADERS-%SERIAL%",
            "1234",
            "12%RAND:3%",
            "CAFÉ",
            "%",
            "%SERIAL",
        ] {
            assert!(template_problem(bad).is_some(), "{bad}");
        }
        assert!(template_problem("1-2").is_none());
    }

    #[test]
    fn the_name_shows_what_a_device_gets() {
        assert_eq!(
            device_name("CONTOSO-%SERIAL%", "pf3x-9k2l.001").as_deref(),
            Some("CONTOSO-PF3X9K2")
        );
        assert_eq!(device_name("WS-%RAND:4%", "X").as_deref(), Some("WS-####"));
        assert_eq!(device_name("KIOSK", "X").as_deref(), Some("KIOSK"));
        assert_eq!(device_name("", "X"), None);
        assert_eq!(device_name("bad name", "X"), None);
        for t in ["%SERIAL%", "ABCDEFGHIJKLMN%SERIAL%"] {
            let name = device_name(t, "0123456789ABCDEFGHIJ").unwrap_or_default();
            assert_eq!(name.len(), DEVICE_NAME_MAX, "{t}");
        }
    }
}
