package io.habitus.behavior.web;

import io.habitus.behavior.ContainerStates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Containers", description = "The tracked state of running containers")
@RestController
@RequestMapping("/api/v1/containers")
class ContainerStateController {

    private final ContainerStates states;

    ContainerStateController(ContainerStates states) {
        this.states = states;
    }

    @Operation(operationId = "getContainerState", summary = "A container's tracked state",
            description = "Live processes and last tokens, as ingested events advanced them (in event-time order).")
    @GetMapping("/{id}/state")
    ContainerStateResponse state(@PathVariable @Size(max = 256) String id) {
        return ContainerStateResponse.of(states.find(id));
    }
}
