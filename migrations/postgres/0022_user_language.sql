-- The language a user chose in the switcher (en, fr); null: the browser's.
alter table app_user add column language text;
