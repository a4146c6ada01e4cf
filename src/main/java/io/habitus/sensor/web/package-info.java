/** {@code POST /api/v1/sensors/tetragon} and {@code /falco}: sensors' exports as their shippers send them. */
@NullMarked
package io.habitus.sensor.web;

import org.jspecify.annotations.NullMarked;
