/** Tetragon's JSON events (its export file, {@code tetra getevents -o json}) onto Habitus events. */
package io.habitus.sensor.tetragon;
