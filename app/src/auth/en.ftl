# Sign-in and password change.

auth-sign-in-title = Sign in to Partner Console
auth-email = Email
auth-password = Password
auth-sign-in = Sign in
auth-no-account = No account? Ask your organization's Global admin or Account admin to add you.
auth-system-status = System status
auth-choose-password = Choose your password
auth-choose-password-intro = Replace the temporary password you were given. Use at least 12 characters; common passwords are refused.
auth-current-password = Current (temporary) password
auth-new-password = New password
auth-new-password-again = New password again
auth-passwords-differ = The two new passwords differ.
auth-change-password = Change password
auth-credentials-incorrect = The email or password is incorrect.
auth-enter-email = Enter your email address.
auth-enter-password = Enter your password.
auth-current-password-incorrect = The current password is incorrect.
auth-password-unchanged = Choose a password different from the current one.
password-too-short = Use at least 12 characters.
password-too-long = Use at most 256 characters.
password-too-common = This password is too common; choose one that is harder to guess.
