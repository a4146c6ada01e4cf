/** Falco's JSON alerts ({@code json_output: true}, or as Falcosidekick's webhook posts them) onto Habitus events. */
@NullMarked
package io.habitus.sensor.falco;

import org.jspecify.annotations.NullMarked;
