# Navigation
nav-service-health = Service health

# Service health page
health-title = Service health
health-all-normal = All services are operating normally.
health-open-incidents-one = { $count } open incident(s). Tell affected customers what they will notice; nothing needs changing in their tenants.
health-open-incidents-other = { $count } open incident(s). Tell affected customers what they will notice; nothing needs changing in their tenants.
health-incidents = Incidents
health-no-incident = No incident in the last 30 days.
health-col-service = Service
health-col-status = Status
health-col-open-incidents = Open incidents
health-col-incident = Incident
health-col-impact = What users notice
health-col-started = Started
health-col-resolved = Resolved
health-status-operational = Operational
health-status-degraded = Degraded
health-status-outage = Outage
health-status-investigating = Investigating
health-status-resolved = Resolved
health-status-unknown = Unknown
