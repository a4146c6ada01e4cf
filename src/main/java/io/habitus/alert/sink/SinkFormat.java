package io.habitus.alert.sink;

import io.habitus.alert.AlertSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * How one kind of sink wants its alerts. {@link #requests} cuts a claimed batch into requests that
 * respect the sink's body bound: a body that would be too large is split in halves until it fits.
 */
public abstract class SinkFormat {

    /** The body of one request carrying these deliveries. */
    protected abstract byte[] body(AlertSink sink, List<Delivery> deliveries);

    protected abstract MediaType contentType(AlertSink sink, List<Delivery> deliveries);

    /** Headers of one request (beyond Content-Type), given its body; signed sinks sign it here. */
    protected HttpHeaders headers(AlertSink sink, List<Delivery> deliveries, byte[] body, Instant now) {
        return new HttpHeaders();
    }

    public final List<SinkRequest> requests(AlertSink sink, List<Delivery> deliveries, Instant now) {
        List<SinkRequest> requests = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); from += sink.batchSize()) {
            cut(sink, deliveries.subList(from, Math.min(deliveries.size(), from + sink.batchSize())), now, requests);
        }
        return requests;
    }

    private void cut(AlertSink sink, List<Delivery> batch, Instant now, List<SinkRequest> requests) {
        byte[] body = body(sink, batch);
        if (body.length <= sink.maxBodySize().toBytes()) {
            requests.add(new SinkRequest(body, contentType(sink, batch), headers(sink, batch, body, now), batch, false));
        } else if (batch.size() == 1) {
            requests.add(new SinkRequest(new byte[0], contentType(sink, batch), new HttpHeaders(), batch, true));
        } else {
            int half = batch.size() / 2;
            cut(sink, batch.subList(0, half), now, requests);
            cut(sink, batch.subList(half, batch.size()), now, requests);
        }
    }

    /** Signed sinks: the {@code Habitus-Signature} header when the sink has a secret. */
    protected static void sign(AlertSink sink, HttpHeaders headers, byte[] body, Instant now) {
        if (sink.secret() != null) {
            headers.set(Signature.HEADER, Signature.header(sink.secret(), now.getEpochSecond(), body));
        }
    }
}
