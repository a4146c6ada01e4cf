/**
 * The catalogue's insides, hidden from other modules: image and container records, paging and
 * status, buffered sighting totals, the bounded cache of known containers, metrics and settings.
 */
@NullMarked
package io.habitus.image.internal;

import org.jspecify.annotations.NullMarked;
