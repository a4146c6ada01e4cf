package io.habitus.alert;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of deliveries, newest first, and the cursor of the next page (null on the last). */
public record DeliveryPage(List<DeliveryView> deliveries, @Nullable String next) {

    public DeliveryPage {
        deliveries = List.copyOf(deliveries);
    }
}
