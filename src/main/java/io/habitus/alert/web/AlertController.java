package io.habitus.alert.web;

import io.habitus.alert.Alerts;
import io.habitus.alert.DeliveryState;
import io.habitus.alert.DeliveryView;
import io.habitus.alert.SinkStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alerts", description = "Where alerts go (admin only): sinks, their backlog, and deliveries")
@Validated
@RestController
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @Operation(operationId = "listAlertSinks", summary = "List the configured alert sinks with their backlog",
            description = "From `habitus.alerts.sinks`: name, type, target (scheme, host and port only: a URL's path "
                    + "may be its credential), what it takes, and its deliveries by state.")
    @GetMapping("/api/v1/alerts/sinks")
    List<SinkStatus> sinks() {
        return alerts.sinks();
    }

    @Operation(operationId = "listAlertDeliveries", summary = "List alert deliveries",
            description = "Newest first, filtered by sink and state; follow `nextCursor` for more. FAILED ones were given "
                    + "up (rejected by the sink, too many attempts, too old) and can be retried.")
    @GetMapping("/api/v1/alerts/deliveries")
    DeliveryPageResponse deliveries(
            @Parameter(description = "Sink name") @RequestParam(required = false) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$") String sink,
            @RequestParam(required = false) DeliveryState state,
            @Parameter(description = "From a previous page's nextCursor") @RequestParam(required = false) @Size(max = 100) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return DeliveryPageResponse.of(alerts.deliveries(sink, state, cursor, limit));
    }

    @Operation(operationId = "getAlertDelivery", summary = "Read an alert delivery")
    @GetMapping("/api/v1/alerts/deliveries/{id}")
    DeliveryView delivery(@PathVariable long id) {
        return alerts.delivery(id);
    }

    @Operation(operationId = "retryAlertDelivery", summary = "Send a given-up delivery again",
            description = "Queues a FAILED delivery again, due now, with its attempts counted afresh. 409 unless it is "
                    + "FAILED, or when its sink is no longer configured.")
    @ApiResponse(responseCode = "200", description = "The delivery, queued again")
    @ApiResponse(responseCode = "409", description = "The delivery is not FAILED, or its sink is gone")
    @PostMapping("/api/v1/alerts/deliveries/{id}/retry")
    DeliveryView retry(@PathVariable long id) {
        return alerts.retry(id);
    }
}
