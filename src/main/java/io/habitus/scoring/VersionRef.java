package io.habitus.scoring;

/** Which profile or model version judged, and its checksum, so that a verdict can be traced to exact content. */
public record VersionRef(int version, String checksum) {}
