package io.habitus.eval;

import io.habitus.sim.Archetype;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line flags of the evaluation ({@code --name=value}); {@code --help} lists them. */
record EvalOptions(String url, String token, long seed, String salt, Path out, int learnPods, int learnSteps,
        int learnShortLives, int heldoutPods, int heldoutSteps, int shortLives, int shortMinSteps, int shortMaxSteps, int attacks,
        List<Archetype> archetypes, Duration detectorTimeout) {

    static final String HELP = """
            --url=http://127.0.0.1:8080   the Habitus to drive
            --token=…                     an admin token
            --seed=42                     fixes every simulated event (and so every number)
            --salt=<seed>                 changes image digests and container ids only (for a Habitus that saw a run)
            --out=target/eval             where results.json, results.txt and the pictures go
            --learn-pods=6 --learn-steps=1500       learning traffic per archetype
            --learn-short-lives=200       short lives (as --short-steps) added to learning: the learning fleet has
                                          the judged fleet's mix of lives (a 1 % container rate cannot be
                                          calibrated from the long-lived pods' ten containers)
            --heldout-pods=3 --heldout-steps=1000   held-out normal traffic per archetype (new pods, other seed)
            --short-lives=200 --short-steps=10-50   more held-out normal containers per archetype, each a fresh
                                          container living that many steps (the ages of attack containers)
            --attacks=20                  instances of each scenario per archetype
            --archetypes=web,database,api,batch,jvm
            --detector-timeout=PT15M      how long to wait for an image's container detector after learning
            """;

    static EvalOptions parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help")) {
                System.out.print(HELP);
                System.exit(0);
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("flags are --name=value, not '" + arg + "'\n" + HELP);
            }
            flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        long seed = Long.parseLong(flags.getOrDefault("seed", "42"));
        List<Archetype> archetypes = Arrays.stream(flags.getOrDefault("archetypes", "web,database,api,batch,jvm").split(","))
                .map(String::trim).map(Archetype::named).toList();
        String[] shortSteps = flags.getOrDefault("short-steps", "10-50").split("-");
        int shortMin = Integer.parseInt(shortSteps[0].trim());
        int shortMax = Integer.parseInt(shortSteps[shortSteps.length - 1].trim());
        if (shortMin < 0 || shortMax < shortMin) {
            throw new IllegalArgumentException("--short-steps is MIN-MAX with 0 <= MIN <= MAX\n" + HELP);
        }
        return new EvalOptions(flags.getOrDefault("url", "http://127.0.0.1:8080"), required(flags, "token"), seed,
                flags.getOrDefault("salt", "s" + seed), Path.of(flags.getOrDefault("out", "target/eval")),
                Integer.parseInt(flags.getOrDefault("learn-pods", "6")),
                Integer.parseInt(flags.getOrDefault("learn-steps", "1500")),
                Integer.parseInt(flags.getOrDefault("learn-short-lives", "200")),
                Integer.parseInt(flags.getOrDefault("heldout-pods", "3")),
                Integer.parseInt(flags.getOrDefault("heldout-steps", "1000")),
                Integer.parseInt(flags.getOrDefault("short-lives", "200")), shortMin, shortMax,
                Integer.parseInt(flags.getOrDefault("attacks", "20")), archetypes,
                Duration.parse(flags.getOrDefault("detector-timeout", "PT15M")));
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required\n" + HELP);
        }
        return value;
    }
}
