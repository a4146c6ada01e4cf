/**
 * Shared kernel: value types used by every module, the problem types of the HTTP API and the
 * web and database plumbing that all modules rely on. Open, because it is the common ground.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.habitus.shared;

import org.springframework.modulith.ApplicationModule;
