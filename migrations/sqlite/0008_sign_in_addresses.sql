-- Addresses each account signed in from (SPEC §6): an address a person has
-- used is not locked for them by other people's failures there.
create table sign_in_address (
    email_lower      text not null,
    client_addr      text not null,
    last_success_at  bigint not null,
    primary key (email_lower, client_addr)
);
