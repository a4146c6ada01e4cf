package io.habitus.profile.persistence;

import java.time.Duration;

/** The containers of a learning window, and their summed observed time. */
public record WindowContainers(int containers, int nodes, Duration containerTime) {}
