-- Partner agreements (SPEC §5; Global admin, Billing admin): the program
-- agreements the organization accepted, with the version, the date and who
-- accepted them.
create table partner_agreement (
    agreement_id  text primary key,
    org_id        text not null references organization (org_id),
    name          text not null,
    version       text not null,
    accepted_at   bigint not null,
    accepted_by   text not null
);
create index partner_agreement_org on partner_agreement (org_id, accepted_at);
