package io.configcicd.core.deploy.probe;

import io.configcicd.core.event.Cancellation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One request at a time through the probe's own {@link HttpClient}: redirects never followed (a 302 to a login page is
 * not health), connect and request timeout the probe's, the body kept up to {@link #MAX_BODY}. The caller's thread
 * polls the reply in short slices so a cancellation or an overdue body ends the wait at once. Never throws: a failure
 * comes back as {@link Failed} in a few words (not yet masked).
 */
final class HttpExchange {

    static final int MAX_BODY = 1 << 20;
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The request timeout covers the headers; the whole exchange gets this much more for the body. */
    private static final long BODY_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** What one exchange gave. */
    sealed interface Outcome permits Reply, Failed {
    }

    /** A reply: its status, the {@code Location} header when there is one, the body (cut at MAX_BODY) as UTF-8. */
    record Reply(int status, Optional<String> location, String body, boolean truncated) implements Outcome {
    }

    /** No reply: why, in a few words ({@code "connection refused"}, {@code "timed out after 5 s"}, {@code "cancelled"}). */
    record Failed(String why) implements Outcome {
    }

    private final Duration timeout;
    private volatile HttpClient client;

    HttpExchange(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Outcome send(String url, String method, Map<String, String> headers, Cancellation cancel) {
        HttpClient c = client;
        if (c == null) {
            return new Failed("probe closed");
        }
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .method(method, HttpRequest.BodyPublishers.noBody());
            headers.forEach(b::header);
            request = b.build();
        } catch (IllegalArgumentException e) {
            return new Failed("cannot send the request: " + e.getMessage());
        }
        return await(c.sendAsync(request, info -> new LimitedBody(MAX_BODY)), cancel);
    }

    private Outcome await(CompletableFuture<HttpResponse<Body>> reply, Cancellation cancel) {
        long deadline = System.nanoTime() + timeout.toNanos() + BODY_SLACK_NANOS;
        while (true) {
            long left = deadline - System.nanoTime();
            if (cancel.isCancelled()) {
                reply.cancel(true);
                return new Failed("cancelled");
            }
            if (left <= 0) {
                reply.cancel(true);
                return new Failed("timed out after " + Texts.duration(timeout));
            }
            try {
                HttpResponse<Body> r = reply.get(Math.min(SLICE_NANOS, left), TimeUnit.NANOSECONDS);
                return new Reply(r.statusCode(), r.headers().firstValue("Location"), r.body().text(),
                        r.body().truncated());
            } catch (TimeoutException e) {
                // poll again
            } catch (ExecutionException e) {
                return new Failed(describe(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply.cancel(true);
                return new Failed("cancelled");
            }
        }
    }

    private String describe(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + Texts.duration(timeout);
        }
        if (t instanceof HttpTimeoutException) {
            return "timed out after " + Texts.duration(timeout);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (c instanceof ConnectException && c.getMessage() != null
                    && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                return "connection refused";
            }
            if (c instanceof SSLException) {
                return "TLS: " + c.getMessage();
            }
        }
        if (t instanceof ConnectException) {
            // Java 17's client reports a refused connection as a ConnectException without a message
            return t.getMessage() == null ? "connection refused" : "cannot connect: " + t.getMessage();
        }
        if (t instanceof IOException) {
            return "I/O error: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Drops the client: the JDK stops its selector thread once the client is unreachable (Java 17 has no close). */
    void close() {
        client = null;
    }

    /** A body as UTF-8 text and whether it was cut at the limit. */
    record Body(String text, boolean truncated) {
    }

    /** Keeps the first {@code limit} bytes of a body, then cancels the rest (closing the connection). */
    static final class LimitedBody implements HttpResponse.BodySubscriber<Body> {

        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int take = Math.min(b.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                b.get(chunk);
                bytes.write(chunk, 0, take);
                if (b.hasRemaining()) {
                    subscription.cancel();
                    result.complete(new Body(bytes.toString(StandardCharsets.UTF_8), true));
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(bytes.toString(StandardCharsets.UTF_8), false));
        }
    }
}
