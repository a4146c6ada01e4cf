package io.habitus.sensor.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code habitus_sensor_records_total{sensor, result}}: records received from sensors, by what became
 * of them: {@code mapped} (handed to the pipeline, whose own metrics count accepted and rejected
 * events) or the {@link SkipReason}'s name. Retries answered as duplicates are not counted again.
 */
@Component
public class SensorMetrics {

    private final MeterRegistry registry;

    SensorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Sensor sensor, int mapped, List<SkipCount> skips) {
        if (mapped > 0) {
            counter(sensor, "mapped").increment(mapped);
        }
        skips.forEach(s -> counter(sensor, s.reason().wireName()).increment(s.count()));
    }

    private Counter counter(Sensor sensor, String result) {
        return Counter.builder("habitus.sensor.records")
                .description("Records received from sensors, by what became of them")
                .tag("sensor", sensor.wireName())
                .tag("result", result)
                .register(registry);
    }
}
