# Navigation
nav-security = Security

# Security page
security-title = Security
security-intro = Two-step verification for your sign-ins, and where you are signed in.
security-enrol-required = Your organization requires two-step verification. Set it up below to continue.
security-status-on = On since { $since }. { $count } unused recovery codes.
security-status-off = Off: your password alone signs you in.
security-second-factor = Two-step verification
security-scan = Scan this QR code with an authenticator app (Microsoft Authenticator, Google Authenticator, 1Password, …), then type the 6-digit code it shows.
security-cant-scan = Can't scan? Enter this key in the app:
security-code-from-app = Code from the app
security-turn-on = Turn on
security-required-by-org = Your organization requires it, so it stays on.
security-password-to-turn-off = Your password, to turn it off
security-turn-off = Turn off
security-set-up = Set up two-step verification
security-is-on = Two-step verification is on.
security-keep-codes = Keep these recovery codes somewhere safe: each signs you in once if you lose your phone. They are shown only now.
security-copied = Copied
security-copy-all = Copy all
security-saved-them = I have saved them
security-session-ended = Session ended.
security-others-ended = { $count } other sessions ended.
security-sessions = Sessions
security-sessions-intro = Where you are signed in. End a session you don't recognise, then change your password.
security-col-device = Device
security-col-address = Address
security-col-signed-in = Signed in
security-col-last-active = Last active
security-col-action = Action
security-this-browser = This browser
security-end-session-on = End session on { $device }
security-end = End
security-end-others = End all other sessions
security-qr-label = QR code for your authenticator app

# Verification at sign-in
security-verify-title = Two-step verification
security-verify-intro = Enter the 6-digit code your authenticator app shows for Partner Console, or one of your recovery codes.
security-verification-code = Verification code
security-sign-in-expired = This sign-in has expired (after 5 minutes).
security-sign-in-again = Sign in again
security-verify = Verify
security-lost-phone = Lost your phone and your recovery codes? Ask your organization's Global admin or Account admin to reset your two-step verification.

# Messages from the server
security-wrong-code = That code is not right. Codes change every 30 seconds and each works once; try the next one, or a recovery code.
security-enter-code = Enter the code from your authenticator app.
security-already-on = Two-step verification is already on. Turn it off first to set up another app.
security-start-again = Start the set-up again: no new authenticator is waiting for a code.
security-code-does-not-match = That code does not match. Check that the app shows Partner Console and type the code it shows now.
security-required-stays-on = Your organization requires two-step verification, so it can't be turned off.
security-the-session = Session
security-current-session = This is the session you are using: sign out to end it.
security-device-unknown = Unknown device
security-device-on = { $browser } on { $system }
security-device-browser-on = Browser on { $system }
