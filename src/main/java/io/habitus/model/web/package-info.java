/** HTTP API of models and training jobs ({@code /api/v1/images/{digest}/models}). */
package io.habitus.model.web;
