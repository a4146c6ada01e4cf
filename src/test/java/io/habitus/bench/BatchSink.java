package io.habitus.bench;

/**
 * Somewhere batches can be stored: the service over HTTP, or PostgreSQL over COPY. Each client
 * of the load opens its own {@link Client}, so that per-client resources (a JDBC connection) are
 * not shared and the comparison stays like for like.
 */
interface BatchSink {

    /** What the results call this path, e.g. "service" or "COPY". */
    String name();

    Client open() throws Exception;

    interface Client extends AutoCloseable {

        /** Stores the batch durably or throws; returns when the sink has acknowledged it. */
        void store(PreparedBatch batch, String batchId, long sequence) throws Exception;

        @Override
        default void close() throws Exception {}
    }
}
