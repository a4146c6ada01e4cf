package io.habitus.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert sinks' receiver of {@code bench/ingest.sh}: a separate small process that answers 200 to
 * every POST at once and counts requests and bytes; {@code GET /stats} tells the counts. It stands for
 * a healthy webhook or Alertmanager, so that the benchmark measures what sending costs the service,
 * not a slow receiver.
 */
public final class SinkReceiver {

    private SinkReceiver() {}

    public static void main(String[] args) throws IOException {
        int port = 0;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/stats")) {
                    byte[] stats = ("{\"requests\":" + requests.get() + ",\"bytes\":" + bytes.get() + "}")
                            .getBytes(StandardCharsets.US_ASCII);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, stats.length);
                    exchange.getResponseBody().write(stats);
                } else {
                    bytes.addAndGet(body.readAllBytes().length);
                    requests.incrementAndGet();
                    exchange.sendResponseHeaders(200, -1);
                }
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("sink receiver listening on port " + server.getAddress().getPort());
    }
}
