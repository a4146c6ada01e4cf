/** HTTP plumbing shared by all modules: problem responses, body limits and decoding, the OpenAPI document. */
package io.habitus.shared.web;
