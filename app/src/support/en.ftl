# Navigation
nav-support-tickets = Support tickets
nav-console-tickets = Console tickets

# Ticket lists
support-tickets-title = Support tickets
support-tickets-intro = Service requests opened on behalf of your customers, most recently active first.
support-console-tickets-title = Console tickets
support-console-tickets-intro = Problems with Partner Console itself, reported to its vendor.
support-status = Status
support-status-all = All
support-search-titles = Search titles
support-tickets-of = Tickets of
support-show-all-tickets = Show every customer's tickets
support-no-ticket-matches = No ticket matches.
support-no-open-ticket = No open ticket.
support-no-open-ticket-open-one = No open ticket. Open one with the form below when something needs support.
support-col-ticket = Ticket
support-col-customer = Customer
support-col-severity = Severity
support-col-status = Status
support-col-opened = Opened
support-col-last-activity = Last activity
support-comment-count-one = { $count } comment
support-comment-count-other = { $count } comments
support-by = by { $name }

# Statuses, severities, categories
support-status-open = Open
support-status-resolved = Resolved
support-severity-low = Low
support-severity-moderate = Moderate
support-severity-critical = Critical
support-severity-low-hint = Low: minimal impact, work goes on
support-severity-moderate-hint = Moderate: work is degraded
support-severity-critical-hint = Critical: work has stopped
support-category-billing = Billing and invoices
support-category-subscriptions = Subscriptions
support-category-users-and-licences = Users and licences
support-category-office365 = Office 365 subscription
support-category-azure-technical = Azure technical support
support-category-console-access = Sign-in and access
support-category-console-feature = A console page or feature
support-category-console-api = API and directory sync
support-category-other = Something else

# Opening a ticket
support-open-customer-ticket = Open a ticket for a customer
support-open-customer-ticket-intro = Request support on behalf of a customer. Office 365 subscription and Azure technical requests are opened by an Admin agent.
support-open-console-ticket = Open a console ticket
support-open-console-ticket-intro = Report a problem with Partner Console itself.
support-title-label = Title
support-severity = Severity
support-category = Category
support-description = Description
support-open-ticket = Open ticket
support-find-customer = Find a customer (name or domain)
support-customer = Customer
support-no-customer-matches = No customer matches
support-choose-customer = Choose a customer

# One ticket
support-resolved = Resolved
support-opened = Opened
support-at-by = { $at } by { $name }
support-history = History in the activity log
support-resolve-ticket = Resolve ticket
support-reopen-ticket = Reopen ticket
support-comments-heading = Comments ({ $count })
support-resolved-no-comments = This ticket is resolved: it takes no more comments unless it is reopened.
support-no-comments = No comment yet.
support-add-a-comment = Add a comment
support-add-comment = Add comment

# Messages
support-choose-customer-for-ticket = Choose the customer this ticket is for.
support-console-ticket-no-customer = A console ticket is not about a customer: open a customer ticket instead.
support-enter-title = Enter a title: the problem in a few words.
support-title-too-long = Use at most { $max } characters for the title.
support-title-one-line = Write the title on one line, without control characters.
support-describe-problem = Describe the problem: what happens, since when, for whom.
support-choose-offered-category = Choose one of the categories offered for this kind of ticket.
support-write-comment = Write your comment.
support-text-too-long = Use at most { $max } characters (this has { $count }).
support-remove-control-characters = Remove the control characters (only line breaks and tabs are kept).
support-the-ticket = The ticket
support-the-customer = The customer
support-console-tickets-no-customer = Console tickets are not about a customer.
support-search-no-control-characters = Search with words, without control characters.
support-ticket-resolved-reopen = This ticket is resolved: reopen it to add a comment, or open a new ticket.

# Save notices
support-comment-added = Comment added.
support-ticket-resolved = Ticket resolved.
support-ticket-reopened = Ticket reopened.

# What a Helpdesk agent may not do (after "You don't have permission to")
support-forbidden-office365 = open Office 365 subscription tickets for a customer (an Admin agent's task: it takes administering on behalf of the customer)
support-forbidden-azure = open Azure technical support tickets for a customer (an Admin agent's task: it takes administering on behalf of the customer)
support-forbidden-category = open { $category } tickets for a customer (an Admin agent's task: it takes administering on behalf of the customer)
