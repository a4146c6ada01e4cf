/** SQL for the image catalogue: batched upserts on the ingest path, plain queries for reading. */
package io.habitus.image.persistence;
