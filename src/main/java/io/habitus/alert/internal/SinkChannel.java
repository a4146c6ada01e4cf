package io.habitus.alert.internal;

import io.habitus.alert.AlertSink;
import io.habitus.alert.sink.SinkFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/** One configured sink with its format, its HTTP client and whether a thread is working it off. */
record SinkChannel(AlertSink sink, SinkFormat format, SinkClient client, AtomicBoolean busy) {}
