package io.habitus.model.sample;

/** A stored transition of the sample and how often it occurred. */
public record SampleRow(SampledTransition transition, long count) {}
