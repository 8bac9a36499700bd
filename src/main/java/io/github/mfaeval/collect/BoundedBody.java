package io.github.mfaeval.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body read whole into memory, at most {@code cap} bytes, noting when its last byte came so the
 * caller can tell a server that stalled from one that is slow. Beyond the cap, a success's body is an error
 * ({@link TooLarge}); an error's body (only ever quoted, shortly) is simply cut there.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long cap;
    private final boolean failBeyondCap;
    private volatile long lastByteNanos = System.nanoTime();
    private volatile Flow.Subscription subscription;

    /** The body went past the cap. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("the answer is larger than " + (cap >= 1 << 20 ? (cap >> 20) + " MB" : cap + " bytes"));
        }
    }

    BoundedBody(long cap, boolean failBeyondCap) {
        this.cap = cap;
        this.failBeyondCap = failBeyondCap;
    }

    /** System.nanoTime() of the headers or the last piece of body, whichever came last. */
    long lastByteNanos() {
        return lastByteNanos;
    }

    /** Stops reading: the connection is closed rather than left to a server that trickles. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
        result.completeExceptionally(new IOException("cancelled"));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        lastByteNanos = System.nanoTime();
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            if (bytes.size() + (long) n > cap) {
                subscription.cancel();
                if (failBeyondCap) {
                    result.completeExceptionally(new TooLarge(cap));
                } else {
                    byte[] part = new byte[(int) (cap - bytes.size())];
                    b.get(part);
                    bytes.write(part, 0, part.length);
                    result.complete(bytes.toByteArray());
                }
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            bytes.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
