# Shared pieces: the frame, loading, pager, copy button, files.

ui-loading = Loading…
ui-nav-main = Main
ui-sign-out = Sign out
ui-copy = Copy
ui-copied = Copied
ui-secret-hint = Copy it now and send it to the user: it can't be shown again.
ui-not-found = Page not found
ui-back-to-start = Back to the start page
ui-previous = Previous
ui-next = Next
ui-page-of = Page { $page } of { $pages } ({ $total } in all)
ui-file-missing = The file field is missing.
ui-file-choose = Choose a CSV file first.
ui-file-unreadable = The file can't be read.
ui-file-in-browser = Files are read in the browser.
ui-theme = Theme
ui-theme-system = As the system
ui-theme-light = Light
ui-theme-dark = Dark
ui-theme-unknown = Choose the system, light or dark theme.
ui-menu = Menu
ui-cancel = Cancel
