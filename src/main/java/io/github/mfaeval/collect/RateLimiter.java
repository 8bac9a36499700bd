package io.github.mfaeval.collect;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code limit} requests in any {@code window}: a token bucket of {@code limit} tokens in which a spent
 * token comes back {@code window} after the request that spent it has been answered. A classic bucket refilled
 * at a steady rate would let {@code limit} requests through at once and more during the same window (5, then one
 * every 2 s: 9 within 10 s); Graph counts its limit over a window, so this one counts the same way. Returning the
 * token only once the answer is in keeps the count true at the server too, however long the request took.
 * Fair enough for a handful of threads: waiters are woken in turn.
 */
public final class RateLimiter {
    private final int limit;
    private final long windowNanos;
    private final String name;
    /** When each returned token becomes usable again, oldest first. */
    private final Deque<Long> cooling = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param limit  requests per window (at least 1)
     * @param window the window's length in nanoseconds, already divided by any time scale
     */
    public RateLimiter(String name, int limit, long windowNanos) {
        if (limit < 1) throw new IllegalArgumentException(name + ": the limit must be at least 1 request");
        if (windowNanos < 0) throw new IllegalArgumentException(name + ": the window must not be negative");
        this.name = name;
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    public String name() {
        return name;
    }

    public int limit() {
        return limit;
    }

    /** Waits until a request may start; returns the nanoseconds waited. */
    public synchronized long acquire() throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            while (!cooling.isEmpty() && cooling.peekFirst() - now <= 0) cooling.pollFirst();
            if (inFlight + cooling.size() < limit) {
                inFlight++;
                return System.nanoTime() - start;
            }
            if (cooling.isEmpty()) {
                wait(); // every token is in flight: the next release wakes us
            } else {
                long wait = cooling.peekFirst() - now;
                wait(Math.max(1, wait / 1_000_000), (int) Math.max(0, wait % 1_000_000));
            }
        }
    }

    /** The request that acquired a token has been answered (or failed): its token comes back a window from now. */
    public synchronized void release() {
        if (inFlight <= 0) throw new IllegalStateException(name + ": released more than acquired");
        inFlight--;
        cooling.addLast(System.nanoTime() + windowNanos);
        notifyAll();
    }
}
