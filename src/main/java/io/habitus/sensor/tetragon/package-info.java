/** Tetragon's JSON events (its export file, {@code tetra getevents -o json}) onto Habitus events. */
@NullMarked
package io.habitus.sensor.tetragon;

import org.jspecify.annotations.NullMarked;
