package io.habitus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate JVM on the test class path, against the test database, so that a test
 * can kill it with SIGKILL (no shutdown hooks, no graceful drain) and start it again.
 */
public final class ServiceProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on {@code port} with the admin token and extra environment, and waits until it is ready. */
    public static ServiceProcess start(TestDatabase.Coordinates db, int port, String adminToken, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("habitus-process", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "io.habitus.HabitusApplication"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", db.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", db.username());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password() == null ? "" : db.password());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("HABITUS_ADMIN_TOKEN", adminToken);
        // Test runs share the database server's connection slots.
        builder.environment().put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "8");
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        try {
            service.awaitReady();
        } catch (RuntimeException | Error | InterruptedException notReady) {
            service.kill(); // never leave a service running behind a failed test
            throw notReady;
        }
        return service;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL, and wait until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady() throws InterruptedException {
        Api api = new Api(port, null);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));   // a loaded 2-core machine starts it slowly
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("service process is running (log: %s)", log).isTrue();
            try {
                if (api.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not become ready on port " + port + " (log: " + log + ")");
    }
}
