# Navigation
nav-role-requests = Role requests

# Inbox
role-requests-title = Role requests
role-requests-intro = People of your organization asking for a role you can give. Approving gives the role at once.
role-requests-none-waiting = No request is waiting for you.
role-requests-decided = { $role } for { $name }: { $status }.
role-requests-asks-for = { $name } asks for { $role }
role-requests-comment = Comment (optional)
role-requests-approve = Approve
role-requests-decline = Decline
role-requests-status-pending = Waiting for an answer
role-requests-status-approved = Approved
role-requests-status-declined = Declined

# Asking for a role (home page)
role-requests-choose-role = Choose the role you need.
role-requests-ask = Ask for a role
role-requests-role = Role
role-requests-choose-a-role = Choose a role
role-requests-why = Why do you need it?
role-requests-send = Send request
role-requests-sent = Request sent. The admins who can give this role see it now.
role-requests-mine = My requests
role-requests-none-mine = You have not asked for a role.
role-requests-col-role = Role
role-requests-col-asked = Asked
role-requests-col-status = Status
role-requests-col-answer = Answer
role-requests-say-why = Say why you need the role.
role-requests-text-too-long = Use at most { $max } characters.

# Messages from the server
role-requests-the-request = The role request
role-requests-already-have = You already have { $role }.
role-requests-already-asked = You already asked for this role; an admin will answer.
role-requests-forbidden-decide = decide this request for { $role }
role-requests-already-answered = This request was already answered: { $status }.
