use serde::{Deserialize, Serialize};

/// Where the browser goes after a sign-in step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignInNext {
    /// Signed in: the home page.
    Home,
    /// Signed in with a temporary password: choose one first.
    ChangePassword,
    /// The password was right: enter the code from the authenticator app.
    SecondFactor,
}

impl SignInNext {
    /// The page to open.
    pub fn path(self) -> &'static str {
        match self {
            SignInNext::Home => "/",
            SignInNext::ChangePassword => "/change-password",
            SignInNext::SecondFactor => "/login/verify",
        }
    }
}
