# Navigation
nav-invoices = Invoices
# The invoices
billing-title = Invoices
billing-intro = One invoice per month, issued when the month is over, with a line per customer subscription at the price of its offer.
billing-no-invoices = No invoice yet: a month's invoice is issued when the month is over.
billing-col-month = Month
billing-col-customers = Customers
billing-col-lines = Lines
billing-col-total = Total
billing-col-issued = Issued
# One invoice
billing-all-invoices = ← All invoices
billing-invoice-title = Invoice { $month }
billing-issued-on = Issued { $date }
billing-customer-count-one = { $count } customer(s)
billing-customer-count-other = { $count } customer(s)
billing-line-count-one = { $count } line(s)
billing-line-count-other = { $count } line(s)
billing-total-lower = total
billing-unbilled-one = { $count } subscription(s) of products not on the price list are not billed.
billing-unbilled-other = { $count } subscription(s) of products not on the price list are not billed.
billing-download-csv = Download CSV
billing-no-lines = This invoice has no line: no customer had seats that month.
billing-col-product = Product
billing-col-term = Term
billing-col-seats = Seats
billing-col-unit-price = Unit price
billing-col-amount = Amount
billing-subtotal = Subtotal
billing-total = Total
# On a customer's page
billing-customer-invoices = Invoices
billing-customer-invoices-intro = This customer's lines on your monthly invoices, to help with a billing question.
billing-no-customer-invoices = No invoice has a line for this customer yet.
# Errors
billing-the-invoice = The invoice
billing-enter-month = Enter a month as YYYY-MM, e.g. 2026-10.
billing-month-not-over = { $month } isn't over yet: invoices are issued for past months.
