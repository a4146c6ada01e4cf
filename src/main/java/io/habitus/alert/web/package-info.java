/** HTTP API of the alert module (admin only): sinks and their backlog, deliveries, retrying a given-up one. */
package io.habitus.alert.web;
