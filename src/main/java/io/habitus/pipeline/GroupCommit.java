package io.habitus.pipeline;

import io.habitus.shared.web.CommitAttempts;
import io.habitus.shared.web.DatabaseOutages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Group commit: concurrent batches share one transaction. A batch that finds fewer than
 * {@code concurrency} groups committing leads: it takes the waiting batches that lead no group of
 * their own, itself first among them, and runs them as one group — one set of statements, one
 * commit; batches arriving meanwhile wait and form the next group, led by the first of them when a
 * leader's own batch is done. Leaders never take each other's batches: at low load each batch is
 * its own transaction, as many at once as {@code concurrency} allows (the cores are used, not waited
 * on), and only batches that find every leader busy are grouped. No gathering window: whoever finds
 * the queue non-empty joins it, so a lone batch waits for nobody.
 *
 * <p>A batch as heavy as a whole group commits alone at once, without waiting for a turn. Each
 * batch is answered only after the commit of its group, so an answer still means
 * committed. A group never holds two batches of one key (a container, a batchId): a container's
 * batches apply one after the other, as they would one transaction at a time. When a group's
 * transaction fails, each of its batches runs again alone, so one bad batch fails only itself; a
 * database outage fails them all at once, each marked as having attempted a commit if the group did
 * (its answer then says the outcome is unknown).
 *
 * @param <T> a batch
 * @param <R> what the work answers per batch
 */
final class GroupCommit<T, R> {

    private static final Object LEAD = new Object();

    private final TransactionOperations transaction;
    private final Function<List<T>, List<R>> work;
    private final Function<T, Set<String>> keys;
    private final ToIntFunction<T> weight;
    private final int concurrency;
    private final int maxWeight;
    private final LongConsumer commits;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Member<T, R>> waiting = new ArrayDeque<>();
    private int leaders;

    /**
     * @param work      runs a group inside the transaction: one answer per batch, in order
     * @param keys      what two batches of one group may not share
     * @param weight    a batch's size (events); a group weighs at most {@code maxWeight}, or one batch
     * @param commits   told how long each group's commit took (nanoseconds)
     */
    GroupCommit(TransactionOperations transaction, Function<List<T>, List<R>> work, Function<T, Set<String>> keys,
            ToIntFunction<T> weight, int concurrency, int maxWeight, LongConsumer commits) {
        this.transaction = transaction;
        this.work = work;
        this.keys = keys;
        this.weight = weight;
        this.concurrency = concurrency;
        this.maxWeight = maxWeight;
        this.commits = commits;
    }

    /** Commits the batch with whichever others are waiting; returns once its group committed. */
    R commit(T batch) {
        // A batch that fills a group by itself gains nothing from one: it commits at once, in parallel with
        // the groups (large ingest batches keep the concurrency they had, bounded by the connection pool).
        if (concurrency == 0 || weight.applyAsInt(batch) >= maxWeight) {
            return alone(batch);
        }
        Member<T, R> me = new Member<>(batch, keys.apply(batch));
        boolean lead;
        lock.lock();
        try {
            waiting.add(me);
            lead = leaders < concurrency;
            if (lead) {
                leaders++;
                me.leading = true;
            }
        } finally {
            lock.unlock();
        }
        if (!lead && CompletableFuture.anyOf(me.done, me.lead).join() != LEAD) {
            return me.answer();
        }
        while (!me.done.isDone()) {
            List<Member<T, R>> group = take(me);
            if (group.isEmpty()) {
                me.done.join();   // another leader's group has it
                break;
            }
            run(group);
        }
        lock.lock();
        try {
            // The lead passes to the oldest waiting batch that leads no group yet; a leader whose own
            // batch is still queued holds its place already, and giving it a second would leak one.
            Member<T, R> next = waiting.stream().filter(m -> !m.leading).findFirst().orElse(null);
            if (next != null) {
                next.leading = true;
                next.lead.complete(LEAD);
            } else {
                leaders--;
            }
        } finally {
            lock.unlock();
        }
        return me.answer();
    }

    /**
     * The waiting batches, oldest first, that fit one group: never two of one key, at most maxWeight events,
     * none that another leader will run itself.
     */
    private List<Member<T, R>> take(Member<T, R> leader) {
        List<Member<T, R>> group = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int total = 0;
        lock.lock();
        try {
            for (Iterator<Member<T, R>> it = waiting.iterator(); it.hasNext(); ) {
                Member<T, R> m = it.next();
                if (m.leading && m != leader) {
                    continue;
                }
                int w = weight.applyAsInt(m.batch);
                if (!group.isEmpty() && (total + w > maxWeight || m.keys.stream().anyMatch(taken::contains))) {
                    continue;
                }
                it.remove();
                group.add(m);
                taken.addAll(m.keys);
                total += w;
                if (total >= maxWeight) {
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        return group;
    }

    private void run(List<Member<T, R>> group) {
        // The group's commit is no one request's: each member learns whether it was attempted (below).
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.resetRequestAttributes();
        boolean[] committing = {false};
        long[] workDone = {0};
        try {
            List<R> answers = transaction.execute(status -> {
                List<R> done = work.apply(group.stream().map(m -> m.batch).toList());
                committing[0] = true;
                workDone[0] = System.nanoTime();
                return done;
            });
            commits.accept(System.nanoTime() - workDone[0]);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done.complete(answers.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (group.size() == 1 || DatabaseOutages.isOutage(e)) {
                group.forEach(m -> m.done.complete(new Failure(e, committing[0])));
            } else {
                group.forEach(m -> m.done.complete(attemptAlone(m.batch)));
            }
        } finally {
            RequestContextHolder.setRequestAttributes(request);
        }
    }

    /** A batch in a transaction of its own: its answer, or its failure. */
    private Object attemptAlone(T batch) {
        boolean[] committing = {false};
        try {
            return transaction.execute(status -> {
                R answer = work.apply(List.of(batch)).getFirst();
                committing[0] = true;
                return answer;
            });
        } catch (RuntimeException | Error e) {
            return new Failure(e, committing[0]);
        }
    }

    private R alone(T batch) {
        return transaction.execute(status -> work.apply(List.of(batch)).getFirst());
    }

    private record Failure(Throwable cause, boolean commitAttempted) {}

    private static final class Member<T, R> {

        final T batch;
        final Set<String> keys;
        final CompletableFuture<Object> done = new CompletableFuture<>();
        final CompletableFuture<Object> lead = new CompletableFuture<>();
        /** Whether the batch's own thread runs groups (guarded by the lock). */
        boolean leading;

        Member(T batch, Set<String> keys) {
            this.batch = batch;
            this.keys = keys;
        }

        /** The answer on the batch's own thread; its failure rethrown there, as if it had committed alone. */
        @SuppressWarnings("unchecked")
        R answer() {
            Object outcome = done.join();
            if (outcome instanceof Failure(Throwable cause, boolean commitAttempted)) {
                if (commitAttempted) {
                    CommitAttempts.attempted();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) cause;
            }
            return (R) outcome;
        }
    }
}
