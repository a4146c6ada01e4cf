/** PostgreSQL tables of the incident module: learning traces, detectors, evidence, incidents. */
@NullMarked
package io.habitus.incident.persistence;

import org.jspecify.annotations.NullMarked;
