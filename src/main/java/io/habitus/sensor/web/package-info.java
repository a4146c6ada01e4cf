/** {@code POST /api/v1/sensors/tetragon} and {@code /falco}: sensors' exports as their shippers send them. */
package io.habitus.sensor.web;
