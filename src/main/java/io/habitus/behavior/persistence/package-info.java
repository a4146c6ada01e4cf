/** Storage of container states. */
package io.habitus.behavior.persistence;
