use serde::{Deserialize, Serialize};

/// The caller's security page: second factor and sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    /// Two-step verification is on.
    pub second_factor: bool,
    /// When it was switched on (unix ms).
    pub second_factor_since: Option<i64>,
    /// Unused recovery codes left.
    pub recovery_codes_left: i64,
    /// The organization requires a second factor of everyone.
    pub required_by_org: bool,
    /// The user's live sessions, the current one first.
    pub sessions: Vec<SessionInfo>,
}

/// One live session of the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// Public id (the cookie's value never leaves the server).
    pub session_id: String,
    /// A short device description from the browser's User-Agent.
    pub device: String,
    /// The address it signed in from.
    pub address: Option<String>,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// The session this request came with.
    pub current: bool,
}

/// A second factor being set up: shown once, until confirmed with a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The secret in base32, for typing into an app by hand.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub uri: String,
    /// The QR code as an SVG element, drawn by the server.
    pub qr_svg: String,
}

/// Describes a browser from its User-Agent in a few words ("Firefox on
/// Windows", in the reader's language); the raw string is kept for the rest.
pub fn describe_device(user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.filter(|u| !u.trim().is_empty()) else {
        return crate::tr!("security-device-unknown");
    };
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    let system = [
        ("Windows", "Windows"),
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => crate::tr!("security-device-on", browser = b, system = s),
        (Some(b), None) => b.to_string(),
        (None, Some(s)) => crate::tr!("security-device-browser-on", system = s),
        (None, None) => ua.chars().take(60).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::describe_device;

    #[test]
    fn devices_are_named_from_the_user_agent() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
        assert_eq!(describe_device(Some(chrome)), "Chrome on Linux");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0";
        assert_eq!(describe_device(Some(edge)), "Edge on Windows");
        assert_eq!(describe_device(None), "Unknown device");
        assert_eq!(describe_device(Some("curl/8.1")), "curl");
    }
}
