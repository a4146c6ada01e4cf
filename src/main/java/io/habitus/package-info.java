/** The application: one Spring Boot service whose modules are the sub-packages. */
@NullMarked
package io.habitus;

import org.jspecify.annotations.NullMarked;
