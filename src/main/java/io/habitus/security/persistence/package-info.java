/** Storage of hashed API tokens. */
package io.habitus.security.persistence;
