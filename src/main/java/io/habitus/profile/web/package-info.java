/** HTTP API of learning and profiles ({@code /api/v1/images/{digest}/learning}, {@code …/profiles}). */
@NullMarked
package io.habitus.profile.web;

import org.jspecify.annotations.NullMarked;
