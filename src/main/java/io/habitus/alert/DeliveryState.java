package io.habitus.alert;

/** Where a delivery stands: waiting (or being retried), accepted by the sink, or given up. */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED
}
