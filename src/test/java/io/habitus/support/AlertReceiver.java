package io.habitus.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP server standing in for alert sinks (the JDK's {@link HttpServer}): every request is
 * kept with its headers and body, and each path answers as a test says (by the request's number on
 * that path: fail every other one, reject all, …). It can go down (nothing listens: connections are
 * refused) and come back on the same port.
 */
public final class AlertReceiver implements AutoCloseable {

    /** One request as received, and the status it was answered with. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, Instant at, int status) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;
    private final Map<String, IntUnaryOperator> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private HttpServer server;

    private AlertReceiver(int port) {
        this.port = port;
        up();
    }

    public static AlertReceiver start() {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AlertReceiver(port);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** How {@code path} answers its n-th request (counted from 0); 200 unless told. */
    public void answer(String path, IntUnaryOperator status) {
        answers.put(path, status);
    }

    public List<Received> received(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server != null) {
            return;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
                created.createContext("/", this::handle);
                created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                created.start();
                server = created;
                return;
            } catch (IOException e) {
                last = e; // the port may linger for a moment after stop
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException("could not listen on port " + port + " again", last);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        int status = answers.getOrDefault(path, i -> 200).applyAsInt(n);
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                .add(new Received(path, headers, body, Instant.now(), status));
        if (status == 429 || status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "0");
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        down();
    }
}
