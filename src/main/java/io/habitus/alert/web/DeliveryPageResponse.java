package io.habitus.alert.web;

import io.habitus.alert.DeliveryPage;
import io.habitus.alert.DeliveryView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "A page of alert deliveries, newest first")
record DeliveryPageResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DeliveryView> deliveries,
        @Schema(description = "Cursor of the next page; null on the last") @Nullable String nextCursor) {

    static DeliveryPageResponse of(DeliveryPage page) {
        return new DeliveryPageResponse(page.deliveries(), page.next());
    }
}
