package io.habitus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionOperations;

class GroupCommitTests {

    /** A batch: its name and the container it is about. */
    record Batch(String name, String container) {}

    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

    private List<String> work(List<Batch> group) {
        try {
            Thread.sleep(5);   // a commit takes a while: others arrive meanwhile
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (group.stream().anyMatch(b -> b.name().startsWith("outage")) ) {
            throw new DataAccessResourceFailureException("connection lost");
        }
        if (group.stream().anyMatch(b -> b.name().startsWith("poison"))) {
            throw new IllegalStateException("poisoned group");
        }
        groups.add(group.stream().map(Batch::name).toList());
        return group.stream().map(b -> "done " + b.name()).toList();
    }

    private GroupCommit<Batch, String> groupCommit(int concurrency) {
        return new GroupCommit<>(TransactionOperations.withoutTransaction(), this::work,
                b -> Set.of("container:" + b.container(), "batch:" + b.name()), b -> 1, concurrency, 8, nanos -> {});
    }

    @Test
    void concurrentBatchesShareGroupsAndEachGetsItsOwnAnswer() throws Exception {
        GroupCommit<Batch, String> commits = groupCommit(1);
        Map<String, String> answers = run(commits, 64, i -> new Batch("b" + i, "c" + i));
        assertThat(answers).hasSize(64).allSatisfy((name, answer) -> assertThat(answer).isEqualTo("done " + name));
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(64);
        assertThat(groups).as("groups of more than one batch").anySatisfy(g -> assertThat(g.size()).isGreaterThan(1));
        assertThat(groups).allSatisfy(g -> assertThat(g.size()).isLessThanOrEqualTo(8));
    }

    @Test
    void batchesThatEachFindALeaderSlotCommitInParallelNotInOneGroup() throws Exception {
        // At low load the cores are better used by parallel transactions than by one shared one: four
        // batches with four leader slots are four groups, whoever arrives first.
        GroupCommit<Batch, String> commits = groupCommit(4);
        for (int round = 0; round < 100; round++) {
            int r = round;
            Map<String, String> answers = run(commits, 4, i -> new Batch("r" + r + "b" + i, "c" + i));
            assertThat(answers).hasSize(4);
        }
        assertThat(groups).hasSize(400).allSatisfy(g -> assertThat(g).hasSize(1));
    }

    @Test
    void aGroupNeverHoldsTwoBatchesOfOneContainer() throws Exception {
        GroupCommit<Batch, String> commits = groupCommit(2);
        run(commits, 64, i -> new Batch("b" + i, "c" + (i % 4)));
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(64);
        for (List<String> group : groups) {
            Set<Integer> containers = new HashSet<>();
            group.forEach(name -> assertThat(containers.add(Integer.parseInt(name.substring(1)) % 4)).as(group.toString()).isTrue());
        }
    }

    @Test
    void aBadBatchFailsOnlyItselfItsNeighboursCommitAlone() throws Exception {
        GroupCommit<Batch, String> commits = groupCommit(1);
        Map<String, String> answers = run(commits, 48, i -> new Batch(i % 16 == 5 ? "poison" + i : "b" + i, "c" + i));
        assertThat(answers).hasSize(48);
        answers.forEach((name, answer) -> assertThat(answer)
                .isEqualTo(name.startsWith("poison") ? "failed: poisoned group" : "done " + name));
    }

    @Test
    void aBatchAsHeavyAsAGroupCommitsAloneWithoutWaitingForATurn() throws Exception {
        GroupCommit<Batch, String> commits = new GroupCommit<>(TransactionOperations.withoutTransaction(), this::work,
                b -> Set.of("container:" + b.container()), b -> b.name().startsWith("big") ? 8 : 1, 1, 8, nanos -> {});
        Map<String, String> answers = run(commits, 32, i -> new Batch(i % 4 == 0 ? "big" + i : "b" + i, "c" + i));
        assertThat(answers).hasSize(32);
        assertThat(groups).filteredOn(g -> g.stream().anyMatch(name -> name.startsWith("big")))
                .hasSize(8).allSatisfy(g -> assertThat(g).hasSize(1));
    }

    @Test
    void aDatabaseOutageFailsTheWholeGroupWithoutRetryingItsBatches() {
        GroupCommit<Batch, String> commits = groupCommit(1);
        assertThatThrownBy(() -> commits.commit(new Batch("outage", "c")))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(groups).isEmpty();
    }

    private Map<String, String> run(GroupCommit<Batch, String> commits, int n, java.util.function.IntFunction<Batch> batch)
            throws Exception {
        Map<String, String> answers = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Batch b = batch.apply(i);
                sent.add(threads.submit(() -> {
                    start.await();
                    try {
                        answers.put(b.name(), commits.commit(b));
                    } catch (IllegalStateException e) {
                        answers.put(b.name(), "failed: " + e.getMessage());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : sent) {
                f.get();
            }
        }
        return answers;
    }
}
