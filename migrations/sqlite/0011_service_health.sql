-- Service health (SPEC §5): the state of each cloud service partners sell,
-- with its incidents. It describes the services, not a tenant, so it is the
-- same for every organization; `serve --demo` records sample incidents.
create table service (
    service_key  text primary key,
    name         text not null,
    status       text not null default 'operational'
                 check (status in ('operational', 'degraded', 'outage')),
    updated_at   bigint not null
);

create table service_incident (
    incident_id  text primary key,
    service_key  text not null references service (service_key),
    title        text not null,
    -- What users of the service notice.
    impact       text not null,
    status       text not null check (status in ('investigating', 'resolved')),
    started_at   bigint not null,
    resolved_at  bigint
);
create index service_incident_started on service_incident (started_at);

insert into service (service_key, name, status, updated_at) values
    ('mail', 'Mail and calendars', 'operational', 0),
    ('meetings', 'Chat and meetings', 'operational', 0),
    ('files', 'File storage and sharing', 'operational', 0),
    ('identity', 'Identity and sign-in', 'operational', 0),
    ('office-apps', 'Office apps', 'operational', 0),
    ('devices', 'Device management', 'operational', 0);
