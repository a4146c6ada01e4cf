package io.habitus.model;

/** A model version now scores its image's transitions. */
public record ModelActivated(String digest, int version) {}
