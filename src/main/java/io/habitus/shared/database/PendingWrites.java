package io.habitus.shared.database;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Derived counts summed in memory and written together, in a transaction of their own: what the
 * ingest path uses instead of updating the same rows from every batch's transaction (concurrent
 * batches would queue behind each other's row locks). A failed write keeps its deltas for the
 * next attempt. Owners call {@link #flush()} on a schedule, before reads that must see their own
 * writes, and on shutdown.
 *
 * @param <T> a fold of deltas; {@code merge} adds the second into the first and returns it
 */
public final class PendingWrites<T> {

    private static final Logger log = LoggerFactory.getLogger(PendingWrites.class);

    private final String what;
    private final Supplier<T> empty;
    private final BinaryOperator<T> merge;
    private final Predicate<T> isEmpty;
    private final Consumer<T> write;
    private final TransactionTemplate transaction;
    private final ReentrantLock writing = new ReentrantLock();
    private T pending;

    public PendingWrites(String what, PlatformTransactionManager transactions, Supplier<T> empty, BinaryOperator<T> merge,
            Predicate<T> isEmpty, Consumer<T> write) {
        this.what = what;
        this.empty = empty;
        this.merge = merge;
        this.isEmpty = isEmpty;
        this.write = write;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pending = empty.get();
    }

    public synchronized void add(T delta) {
        pending = merge.apply(pending, delta);
    }

    /**
     * Writes what is pending; on failure keeps it and rethrows. Flushes run one at a time: a flush
     * that finds nothing pending while another one's write is still in flight must wait for that
     * write to commit, or a reader flushing "to see its own writes" would read without them.
     */
    public void flush() {
        writing.lock();
        try {
            T taken;
            synchronized (this) {
                if (isEmpty.test(pending)) {
                    return;
                }
                taken = pending;
                pending = empty.get();
            }
            try {
                transaction.executeWithoutResult(status -> write.accept(taken));
            } catch (RuntimeException e) {
                add(taken);
                throw e;
            }
        } finally {
            writing.unlock();
        }
    }

    /** {@link #flush()} for schedulers and shutdown: a failure is logged, the deltas wait for the next attempt. */
    public void flushOrKeep() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("writing {} failed; keeping them for the next attempt: {}", what, e.getMessage());
        }
    }
}
