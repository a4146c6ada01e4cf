package io.habitus.incident.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Which learning containers' mixes a detector keeps when its window has more containers than it may
 * keep: each calibration fold keeps its share of the references, chosen farthest first over the
 * containers' whole-window mixes (a greedy k-centre cover), so a rare behaviour's few containers stay
 * and a common behaviour's near-duplicates go. A choice by hash of the id could drop every learning
 * run of a rare program, and its next normal run would then look like an attack. Each fold chooses
 * among its own containers only, so a held-out container is judged against references the rest of
 * the window chose without it, as a fresh container is judged against references chosen without it.
 */
final class MixCovering {

    /** @param chosen indices of the kept containers, ascending; @param radius the largest distance of a container to its fold's kept ones */
    record Choice(int[] chosen, double radius) {}

    private MixCovering() {
    }

    /**
     * Keeps every container when there are at most {@code maxReferences}, else that many, shared by fold sizes.
     *
     * @param foldOf each container's calibration fold
     * @param whole  a container's whole-window mix, asked for once per container and only when some must go
     */
    static Choice choose(int[] foldOf, int folds, int maxReferences, IntFunction<MixVector> whole) {
        if (foldOf.length <= maxReferences) {
            int[] all = new int[foldOf.length];
            Arrays.setAll(all, i -> i);
            return new Choice(all, 0.0);
        }
        List<MixVector> wholes = IntStream.range(0, foldOf.length).mapToObj(whole).toList();
        List<List<Integer>> members = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < foldOf.length; i++) {
            members.get(foldOf[i]).add(i);
        }
        int[] quotas = quotas(members.stream().mapToInt(List::size).toArray(), maxReferences);
        List<Integer> chosen = new ArrayList<>(maxReferences);
        double radius = 0;
        for (int f = 0; f < folds; f++) {
            radius = Math.max(radius, farthestFirst(wholes, members.get(f), quotas[f], chosen));
        }
        return new Choice(chosen.stream().mapToInt(Integer::intValue).sorted().toArray(), radius);
    }

    /** Each fold's share of the references in proportion to its size, largest remainders first, summing to the total. */
    static int[] quotas(int[] sizes, int total) {
        long all = Arrays.stream(sizes).asLongStream().sum();
        int[] quotas = new int[sizes.length];
        double[] remainders = new double[sizes.length];
        int given = 0;
        for (int f = 0; f < sizes.length; f++) {
            double exact = (double) total * sizes[f] / all;
            quotas[f] = (int) Math.floor(exact);
            remainders[f] = exact - quotas[f];
            given += quotas[f];
        }
        Integer[] byRemainder = new Integer[sizes.length];
        Arrays.setAll(byRemainder, f -> f);
        Arrays.sort(byRemainder, Comparator.comparingDouble((Integer f) -> -remainders[f]).thenComparingInt(f -> f));
        for (int k = 0; given < total && k < byRemainder.length; k++) {
            quotas[byRemainder[k]]++;
            given++;
        }
        return quotas;
    }

    /**
     * Adds {@code quota} of the fold's containers to {@code chosen}: its first container, then each time the
     * one farthest from all chosen so far (ties: the first). Returns the largest distance left.
     */
    private static double farthestFirst(List<MixVector> wholes, List<Integer> members, int quota, List<Integer> chosen) {
        if (quota >= members.size()) {
            chosen.addAll(members);
            return 0.0;
        }
        if (quota == 0) {
            return 1.0;
        }
        double[] nearest = new double[members.size()];
        Arrays.fill(nearest, Double.MAX_VALUE);
        int next = 0;
        for (int k = 0; k < quota; k++) {
            MixVector centre = wholes.get(members.get(next));
            chosen.add(members.get(next));
            nearest[next] = -1;
            int farthest = -1;
            for (int m = 0; m < nearest.length; m++) {
                if (nearest[m] >= 0) {
                    nearest[m] = Math.min(nearest[m], centre.distance(wholes.get(members.get(m))));
                    if (farthest < 0 || nearest[m] > nearest[farthest]) {
                        farthest = m;
                    }
                }
            }
            next = farthest;
        }
        return next < 0 ? 0.0 : nearest[next];
    }
}
