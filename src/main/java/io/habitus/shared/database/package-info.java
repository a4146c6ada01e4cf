/** The embedded PostgreSQL that lets Habitus run on a machine with only a JDK. */
package io.habitus.shared.database;
