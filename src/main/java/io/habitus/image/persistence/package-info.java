/** SQL for the image catalogue: batched upserts on the ingest path, plain queries for reading. */
@NullMarked
package io.habitus.image.persistence;

import org.jspecify.annotations.NullMarked;
