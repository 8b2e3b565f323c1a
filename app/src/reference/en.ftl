# Navigation
nav-api-reference = API reference
# The API reference page
reference-title = API reference
reference-operations-one = { $title } { $version } — { $count } operation under /api/v1.
reference-operations-other = { $title } { $version } — { $count } operations under /api/v1.
reference-call-as-application = Call them as an application: send its secret as
reference-machine-readable = . The same description, machine-readable:
reference-scim = . Directories sync users and groups at
reference-scim-version = (SCIM 2.0).
reference-features = Features
reference-schemas = Schemas
reference-col-parameter = Parameter
reference-col-in = In
reference-col-required = Required
reference-col-schema = Schema
reference-in-path = path
reference-in-query = query
reference-in-header = header
reference-in-cookie = cookie
reference-yes = yes
reference-no = no
reference-request-body = Request body (JSON)
reference-answer = Answer (200, JSON)
