package io.habitus.eval;

import io.habitus.sim.Archetype;
import io.habitus.sim.Fleet;
import io.habitus.sim.Fleet.AttackCase;
import io.habitus.sim.Fleet.ContainerEvents;
import io.habitus.sim.Scenario;
import io.habitus.sim.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The five-minute demo (eval/demo.sh): one archetype learns, Habitus trains its model, then an
 * attack that stays inside the allowlist is scored, and the verdict is printed as a person reads it.
 *
 * <p>Flags: {@code --url}, {@code --token} (admin), {@code --archetype=web}, {@code --scenario=allowed-shell-abuse},
 * {@code --seed=42}, {@code --salt=demo-<seed>}.
 */
public final class Demo {

    private Demo() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new java.util.HashMap<>();
        for (String arg : args) {
            flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        long seed = Long.parseLong(flags.getOrDefault("seed", "42"));
        String salt = flags.getOrDefault("salt", "demo-" + seed);
        Archetype archetype = Archetype.named(flags.getOrDefault("archetype", "web"));
        Scenario scenario = Scenario.named(flags.getOrDefault("scenario", "allowed-shell-abuse"));
        HabitusClient client = new HabitusClient(flags.getOrDefault("url", "http://127.0.0.1:8080"), flags.get("token"));
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
        String digest = Fleet.digest(archetype, salt);

        say("Habitus demo: %s (%s), image %s", archetype.name(), archetype.image(), digest);
        List<ContainerEvents> learning = Fleet.simulate(archetype, salt, "learn", 4, 800,
                List.of("node-a", "node-b", "node-c"), 0.5, seed, start);
        long events = learning.stream().mapToLong(c -> c.events().size()).sum();
        say("%n1. An agent on each node reports what the containers do: %,d events from %d containers (%s).",
                events, learning.size(), archetype.summary());
        boolean configured = false;
        int batch = 0;
        for (ContainerEvents container : learning) {
            List<SimEvent> all = container.events();
            for (int from = 0; from < all.size(); from += 1000) {
                client.ingest("demo-" + salt + "-" + batch++, all.subList(from, Math.min(all.size(), from + 1000)));
                if (!configured) {
                    client.learning(digest, Map.of("action", "CONFIGURE", "window", "P3650D", "stability", "P3650D"));
                    configured = true;
                }
            }
        }
        JsonNode image = client.image(digest);
        say("   Habitus is learning the image: status %s, %s containers, %s events.", image.path("status").asString(),
                image.path("containerCount"), image.path("eventCount"));

        client.learning(digest, Map.of("action", "FINISH"));
        say("%n2. Learning finished on request: the allowlist profile is built, a one-class SVM trains in the background…");
        JsonNode model = client.awaitActiveModel(digest, Duration.ofMinutes(10));
        JsonNode statistics = model.path("statistics");
        say("   model v%d active: %s distinct transitions, %s support vectors, nu %s, threshold %.2f (normalised score units).",
                model.path("version").asInt(), statistics.path("distinct").asString(),
                statistics.path("supportVectors").asString(), model.path("hyperParameters").path("nu"),
                model.path("threshold").asDouble());

        AttackCase attack = Fleet.attacks(archetype, scenario, salt, 1, seed + 2, start.plus(Duration.ofHours(2))).getFirst();
        List<SimEvent> lastNormal = attack.prior().subList(Math.max(0, attack.prior().size() - 4), attack.prior().size());
        say("%n3. A new container of the image serves normal traffic; its last events before the attack:");
        JsonNode before = client.score(lastNormal, attack.prior().subList(0, attack.prior().size() - lastNormal.size()), false, null);
        for (int i = 0; i < lastNormal.size(); i++) {
            line(Judged.of(before.get(i)));
        }

        say("%n4. The attack (%s): %s.", scenario.name(), scenario.summary());
        say("   Every step below uses a binary, file or port the image's allowlist contains:");
        JsonNode results = client.score(attack.attack(), attack.prior(), false, null);
        Judged worst = null;
        for (JsonNode result : results) {
            Judged judged = Judged.of(result);
            line(judged);
            if (judged.byBoth() && (worst == null || judged.modelScore() < worst.modelScore())) {
                worst = judged;
            }
        }
        say("");
        if (worst == null) {
            say("Verdict: not detected. No event of the attack broke the allowlist or fell below the model's threshold.");
        } else {
            say("Verdict: %s on \"%s\"", worst.verdict(), worst.token());
            say("  %s", worst.explanation());
            say("  state before it: processes %s", worst.transition().path("before").path("processes"));
            say("                   last tokens %s", worst.transition().path("before").path("recentTokens"));
        }
    }

    private static void line(Judged judged) {
        System.out.printf("   %-10s score %7s  threshold %6s   %s%n", judged.verdict(),
                judged.score() == null ? "–" : String.format("%.2f", judged.score()),
                judged.threshold() == null ? "–" : String.format("%.2f", judged.threshold()), judged.token());
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
