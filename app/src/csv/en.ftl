# Problems of any uploaded CSV file.

csv-not-utf8 = The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.
csv-header-unreadable = The header can't be read: { $problem }.
csv-row-unreadable = This row can't be read as CSV: { $problem }.
csv-file-unreadable = The file can't be read: { $problem }.
