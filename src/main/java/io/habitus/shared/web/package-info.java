/** HTTP plumbing shared by all modules: problem responses, body limits and decoding, the OpenAPI document. */
@NullMarked
package io.habitus.shared.web;

import org.jspecify.annotations.NullMarked;
