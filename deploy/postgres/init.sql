-- Run once by the postgres image when it initialises an empty data directory
-- (/docker-entrypoint-initdb.d), in database POSTGRES_DB as POSTGRES_USER.
-- One schema per service (architecture.md, "Data ownership"). The services' migrations create
-- their schema too; IF NOT EXISTS keeps both harmless in either order.
CREATE SCHEMA IF NOT EXISTS telephony;
CREATE SCHEMA IF NOT EXISTS qa;
CREATE SCHEMA IF NOT EXISTS attendance;
CREATE SCHEMA IF NOT EXISTS scoring;
CREATE SCHEMA IF NOT EXISTS notification;
