package io.habitus.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of the real PostgreSQL that can break one connection at a chosen moment of
 * an ingest transaction (one that ran {@code COPY}), the way a network failure or a database
 * crash would: everything else is the real server. It reads the server's side of the wire
 * protocol (type byte, length, body) to see where a transaction is, so clients must not use TLS
 * ({@link #jdbcUrl} turns it off).
 */
public final class PostgresProxy implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?");

    public enum Cut {
        /** After the server confirmed the COPY, before any commit: the server rolls the transaction back. */
        AFTER_COPY,
        /** After the server committed, before its answer reaches the client: stored, but the client cannot know. */
        AT_COMMIT
    }

    private final String host;
    private final int targetPort;
    private final String database;
    private final String parameters;
    private final ServerSocket server;
    private final AtomicReference<Cut> armed = new AtomicReference<>();
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    /** A proxy for the server a JDBC URL names ({@code jdbc:postgresql://host[:port]/database[?params]}). */
    public PostgresProxy(String targetUrl) throws IOException {
        Matcher m = URL.matcher(targetUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + targetUrl);
        }
        this.host = m.group(1);
        this.targetPort = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        this.database = m.group(3);
        this.parameters = m.group(4);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("postgres-proxy").start(this::accept);
    }

    /** The URL to give the service: the same database, through this proxy, without TLS. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/" + database + "?"
                + (parameters == null ? "" : parameters + "&") + "sslmode=disable&gssEncMode=disable";
    }

    /** Breaks the next ingest transaction's connection at {@code cut}. */
    public void arm(Cut cut) {
        fired.set(false);
        armed.set(cut);
    }

    public boolean fired() {
        return fired.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofPlatform().daemon().start(() -> copy(client, upstream));
                Thread.ofPlatform().daemon().start(() -> relay(upstream, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Client to server: passed on unread. */
    private void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side went away
        } finally {
            closeBoth(from, to);
        }
    }

    /** Server to client, message by message, watching CommandComplete and ReadyForQuery. */
    private void relay(Socket upstream, Socket client) {
        boolean copied = false;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(upstream.getInputStream()));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()))) {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (type == 'C') {
                    String tag = new String(body, 0, body.length - 1, StandardCharsets.US_ASCII);
                    if (tag.startsWith("COPY ")) {
                        copied = true;
                        if (armed.compareAndSet(Cut.AFTER_COPY, null)) {
                            cut(upstream, client);
                            return;
                        }
                    } else if (copied && tag.equals("COMMIT") && armed.compareAndSet(Cut.AT_COMMIT, null)) {
                        cut(upstream, client);
                        return;
                    }
                } else if (type == 'Z' && body.length > 0 && body[0] == 'I') {
                    copied = false; // idle: the transaction is over
                }
                out.write(type);
                out.writeInt(length);
                out.write(body);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // one side went away
        } finally {
            closeBoth(upstream, client);
        }
    }

    private void cut(Socket upstream, Socket client) {
        fired.set(true);
        closeBoth(upstream, client);
    }

    private void closeBoth(Socket a, Socket b) {
        for (Socket socket : new Socket[] {a, b}) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
            sockets.remove(socket);
        }
    }
}
