/** PostgreSQL table of the alert module: the outbox of deliveries, one row per alert and sink. */
package io.habitus.alert.persistence;
