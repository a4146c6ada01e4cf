/** HTTP API of incidents ({@code /api/v1/incidents}) and container detectors. */
@NullMarked
package io.habitus.incident.web;

import org.jspecify.annotations.NullMarked;
