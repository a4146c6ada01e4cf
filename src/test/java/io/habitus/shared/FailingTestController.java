package io.habitus.shared;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails the way a bug would, to show what clients then get. */
@Hidden
@RestController
class FailingTestController {

    @GetMapping("/api/v1/test-only/failure")
    String fail() {
        throw new IllegalStateException("secret internal detail that must not leak");
    }

    @GetMapping("/api/v1/test-only/lock-conflict")
    String lockConflict() {
        throw new CannotAcquireLockException("deadlock detected");
    }
}
