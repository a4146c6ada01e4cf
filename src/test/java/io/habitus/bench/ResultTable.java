package io.habitus.bench;

import java.util.List;
import java.util.Optional;

/** The closing summary: per concurrency level, service and COPY side by side, and their ratio. */
final class ResultTable {

    private ResultTable() {}

    static void print(List<PhaseResult> results, BenchOptions options) {
        System.out.printf("%nIngest, %d events per batch (%s)%n", options.batchSize(),
                options.gzip() ? "gzip bodies" : "plain JSON bodies");
        System.out.println("| clients | service events/s | service batches/s | service p50 / p99 ms | COPY rows/s | COPY p50 / p99 ms "
                + "| service / COPY | service CPU µs/event | PostgreSQL CPU µs/event, service / COPY |");
        System.out.println("|--------:|-----------------:|------------------:|---------------------:|------------:|------------------:"
                + "|---------------:|---------------------:|----------------------------------------:|");
        for (int clients : options.clients()) {
            Optional<PhaseResult> service = find(results, "service", clients);
            Optional<PhaseResult> copy = find(results, "COPY", clients);
            System.out.printf("| %7d | %16s | %17s | %20s | %11s | %17s | %14s | %20s | %39s |%n", clients,
                    service.map(r -> "%,.0f".formatted(r.eventsPerSecond())).orElse("-"),
                    service.map(r -> "%.1f".formatted(r.batchesPerSecond())).orElse("-"),
                    service.map(ResultTable::latency).orElse("-"),
                    copy.map(r -> "%,.0f".formatted(r.eventsPerSecond())).orElse("-"),
                    copy.map(ResultTable::latency).orElse("-"),
                    service.isPresent() && copy.isPresent()
                            ? "%.2f".formatted(service.get().eventsPerSecond() / copy.get().eventsPerSecond()) : "-",
                    service.map(r -> r.cpu() == null ? "-" : "%.0f".formatted(r.cpu().serviceMicrosPerEvent())).orElse("-"),
                    postgresCpu(service) + " / " + postgresCpu(copy));
        }
    }

    /** Ingest while every image learns (observations written) against ingest while every image is judged. */
    static void printLearningAgainstActive(List<PhaseResult> results, BenchOptions options) {
        System.out.printf("%nImages LEARNING (events feed observations) against ACTIVE (events judged by the profile)%n");
        System.out.println("| clients | LEARNING events/s | ACTIVE events/s | ACTIVE p50 / p99 ms | ACTIVE / LEARNING |");
        System.out.println("|--------:|------------------:|----------------:|--------------------:|------------------:|");
        for (int clients : options.clients()) {
            Optional<PhaseResult> learning = find(results, "service", clients);
            Optional<PhaseResult> active = find(results, "active", clients);
            System.out.printf("| %7d | %17s | %15s | %19s | %17s |%n", clients,
                    learning.map(r -> "%,.0f".formatted(r.eventsPerSecond())).orElse("-"),
                    active.map(r -> "%,.0f".formatted(r.eventsPerSecond())).orElse("-"),
                    active.map(ResultTable::latency).orElse("-"),
                    learning.isPresent() && active.isPresent()
                            ? "%.2f".formatted(active.get().eventsPerSecond() / learning.get().eventsPerSecond()) : "-");
        }
    }

    /** The judged fleet with deviations, through the service with alert sinks against the one without. */
    static void printSinksAgainstNone(List<PhaseResult> results, BenchOptions options) {
        System.out.printf("%nACTIVE images with %.2f %% deviations: alert sinks configured against none (same run)%n",
                options.deviations() * 100);
        System.out.println("| clients | no sinks events/s | sinks events/s | no sinks p50 / p99 ms | sinks p50 / p99 ms "
                + "| sinks / no sinks |");
        System.out.println("|--------:|------------------:|---------------:|----------------------:|-------------------:"
                + "|-----------------:|");
        for (int round = 0; round < options.rounds(); round++) {
          for (int clients : options.clients()) {
            Optional<PhaseResult> none = find(results, "no-sinks", clients, round);
            Optional<PhaseResult> sinks = find(results, "sinks", clients, round);
            System.out.printf("| %7s | %17s | %14s | %21s | %18s | %16s |%n",
                    clients + (options.rounds() > 1 ? " (round " + (round + 1) + ")" : ""),
                    none.map(r -> "%,.0f".formatted(r.eventsPerSecond())).orElse("-"),
                    sinks.map(r -> "%,.0f".formatted(r.eventsPerSecond())).orElse("-"),
                    none.map(ResultTable::latency).orElse("-"), sinks.map(ResultTable::latency).orElse("-"),
                    none.isPresent() && sinks.isPresent()
                            ? "%.2f".formatted(sinks.get().eventsPerSecond() / none.get().eventsPerSecond()) : "-");
          }
        }
        if (options.rounds() > 1) {
            // Single rounds here swing by more than the 10 % being judged: all events over all time, per level.
            for (int clients : options.clients()) {
                double none = allRounds(results, "no-sinks", clients);
                double sinks = allRounds(results, "sinks", clients);
                System.out.printf("| %7s | %17s | %14s | %21s | %18s | %16s |%n", clients + " (all rounds)",
                        "%,.0f".formatted(none), "%,.0f".formatted(sinks), "", "", "%.2f".formatted(sinks / none));
            }
        }
    }

    /** Events per second of every round of that sink and concurrency together. */
    private static double allRounds(List<PhaseResult> results, String sink, int clients) {
        List<PhaseResult> phases = results.stream().filter(r -> r.sink().equals(sink) && r.clients() == clients).toList();
        return phases.stream().mapToLong(PhaseResult::events).sum() / phases.stream().mapToDouble(PhaseResult::seconds).sum();
    }

    private static Optional<PhaseResult> find(List<PhaseResult> results, String sink, int clients) {
        return find(results, sink, clients, 0);
    }

    /** The phase of that sink and concurrency in round {@code round} (from 0). */
    private static Optional<PhaseResult> find(List<PhaseResult> results, String sink, int clients, int round) {
        return results.stream().filter(r -> r.sink().equals(sink) && r.clients() == clients).skip(round).findFirst();
    }

    private static String postgresCpu(Optional<PhaseResult> result) {
        return result.map(r -> r.cpu() == null ? "-" : "%.0f".formatted(r.cpu().postgresMicrosPerEvent())).orElse("-");
    }

    private static String latency(PhaseResult r) {
        return "%.1f / %.1f".formatted(r.p50Millis(), r.p99Millis());
    }
}
