/**
 * After-commit events: the settings around Spring Modulith's JDBC event publication registry that
 * make {@code @ApplicationModuleListener}s run at least once across crashes and replicas.
 */
package io.habitus.shared.events;
