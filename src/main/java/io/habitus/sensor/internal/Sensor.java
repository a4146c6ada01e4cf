package io.habitus.sensor.internal;

/** A sensor whose export Habitus reads; the wire name is the path segment and the metric tag. */
public enum Sensor {
    TETRAGON("tetragon"),
    FALCO("falco");

    private final String wireName;

    Sensor(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
