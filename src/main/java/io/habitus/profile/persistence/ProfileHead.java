package io.habitus.profile.persistence;

/** The newest and the active version of an image's profile. */
public record ProfileHead(String digest, int latestVersion, Integer activeVersion) {}
