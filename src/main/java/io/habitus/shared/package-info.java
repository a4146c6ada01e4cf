/**
 * Shared kernel: value types used by every module, the problem types of the HTTP API and the
 * web and database plumbing that all modules rely on. Open, because it is the common ground.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.habitus.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
