/** What every sensor adapter needs: building an event of the ingest contract and reading runtime and image ids. */
@NullMarked
package io.habitus.sensor.event;

import org.jspecify.annotations.NullMarked;
