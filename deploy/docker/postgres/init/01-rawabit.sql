-- Run once by the postgres:18 image on an empty data directory (/docker-entrypoint-initdb.d), as
-- the superuser. Creates exactly what deploy/postgres/README.md asks an operator to create on an
-- external server. Passwords come from the container's environment (see deploy/compose.yaml);
-- an unset variable leaves :'…' unexpanded, so the script fails instead of creating a role
-- without a password.
\set ON_ERROR_STOP on
\getenv owner_password RAWABIT_DB_OWNER_PASSWORD
\getenv app_password RAWABIT_DB_APP_PASSWORD
\getenv admin_password RAWABIT_DB_ADMIN_PASSWORD
\getenv oversight_password RAWABIT_DB_OVERSIGHT_PASSWORD
\getenv worker_password RAWABIT_DB_WORKER_PASSWORD

create role rawabit_owner    login nosuperuser nobypassrls nocreaterole nocreatedb password :'owner_password';
create role rawabit_platform login nosuperuser nobypassrls nocreaterole nocreatedb password :'app_password';
create role rawabit_admin    login nosuperuser nobypassrls nocreaterole nocreatedb password :'admin_password';
create role oversight_reader login nosuperuser nobypassrls nocreaterole nocreatedb password :'oversight_password';
-- The platform's outbox and message-queue worker: its own policies span associations on a few tables only.
create role rawabit_worker   login nosuperuser nobypassrls nocreaterole nocreatedb password :'worker_password';
-- Owns the oversight functions; never logs in. The owner may hand it objects but inherits nothing.
create role oversight_aggregator nologin nosuperuser nobypassrls nocreaterole nocreatedb;
grant oversight_aggregator to rawabit_owner with inherit false, set true;
create database rawabit owner rawabit_owner;
\c rawabit
revoke all on database rawabit from public;
grant connect on database rawabit to rawabit_owner, rawabit_platform, rawabit_admin, oversight_reader, rawabit_worker;
revoke create on schema public from public;
