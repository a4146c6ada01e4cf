package io.habitus.shared.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that may only happen once the caller's transaction committed: a replica's caches and counters
 * learn what the database holds, never what a rolled-back transaction wrote.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} after the caller's transaction commits; outside a transaction Spring refuses it. */
    public static void run(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** Runs {@code action} after the caller's transaction commits, or at once where there is none. */
    public static void runOrNow(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            run(action);
        } else {
            action.run();
        }
    }
}
