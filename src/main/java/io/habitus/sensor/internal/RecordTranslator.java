package io.habitus.sensor.internal;

import tools.jackson.databind.JsonNode;

/** Turns one record of a sensor's export into a Habitus event or a reasoned skip; never throws for bad input. */
public interface RecordTranslator {

    Sensor sensor();

    Translation translate(JsonNode record);
}
