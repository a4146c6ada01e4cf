/** HTTP API of models and training jobs ({@code /api/v1/images/{digest}/models}). */
@NullMarked
package io.habitus.model.web;

import org.jspecify.annotations.NullMarked;
