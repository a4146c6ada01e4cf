/** HTTP API of learning and profiles ({@code /api/v1/images/{digest}/learning}, {@code …/profiles}). */
package io.habitus.profile.web;
