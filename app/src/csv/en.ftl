# Problems of any uploaded CSV file.

csv-not-utf8 = The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.
csv-header-unreadable = The header can't be read: { $problem }.
csv-row-unreadable = This row can't be read as CSV: { $problem }.
csv-file-unreadable = The file can't be read: { $problem }.

# An upload as the browser sends it (multipart form data; scripts that send
# something else see these).
upload-not-multipart = Send the file as multipart/form-data (the customer's id in "customer_id", then the file in "csv").
upload-field-expected = Expected the form field "{ $field }" here.
upload-field-too-long = The form field "{ $field }" is too long.
upload-cut = The file did not arrive whole: { $problem }.
