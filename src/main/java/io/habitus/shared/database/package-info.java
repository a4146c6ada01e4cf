/**
 * Database plumbing shared by the modules: in-memory active versions, pending derived writes, and
 * the embedded PostgreSQL of the development run (or a clear stop when the packaged jar has no database).
 */
@NullMarked
package io.habitus.shared.database;

import org.jspecify.annotations.NullMarked;
