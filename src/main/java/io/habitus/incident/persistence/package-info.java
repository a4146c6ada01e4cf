/** PostgreSQL tables of the incident module: learning traces, detectors, evidence, incidents. */
package io.habitus.incident.persistence;
