/** HTTP API of incidents ({@code /api/v1/incidents}) and container detectors. */
package io.habitus.incident.web;
