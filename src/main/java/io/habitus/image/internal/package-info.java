/**
 * The catalogue's insides, hidden from other modules: image and container records, paging and
 * status, buffered sighting totals, the bounded cache of known containers, metrics and settings.
 */
package io.habitus.image.internal;
