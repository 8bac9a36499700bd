package io.github.mfaeval.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands chunks from the thread that reads them to one thread that evaluates them, in the order they were
 * submitted, at most {@code depth} chunks ahead: reading (the JSON parser, the costly part) and rules run
 * on two cores, the results come out in the same order as on one, and memory stays bounded.
 *
 * <p>A failure of the evaluating thread is rethrown to the reading thread at its next {@link #submit}
 * or at {@link #finish}; chunks submitted after a failure are dropped.
 */
final class ChunkPipeline<T> implements AutoCloseable {
    interface Stage<T> {
        void accept(T chunk) throws Exception;
    }

    private static final Object END = new Object();

    private final Stage<T> stage;
    private final BlockingQueue<Object> queue;
    private final Thread worker;
    private volatile Throwable failure;
    private boolean ended;

    private ChunkPipeline(Stage<T> stage, int depth, String threadName) {
        this.stage = stage;
        if (depth <= 0) {
            this.queue = null;
            this.worker = null;
            return;
        }
        this.queue = new ArrayBlockingQueue<>(depth);
        this.worker = new Thread(this::work, threadName);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Chunks are evaluated on a thread of their own, {@code depth} at most waiting. */
    static <T> ChunkPipeline<T> threaded(String threadName, int depth, Stage<T> stage) {
        return new ChunkPipeline<>(stage, depth, threadName);
    }

    /** Chunks are evaluated on the submitting thread, as they are submitted. */
    static <T> ChunkPipeline<T> inline(Stage<T> stage) {
        return new ChunkPipeline<>(stage, 0, null);
    }

    /** Queues a chunk (blocks while the evaluating thread is {@code depth} chunks behind). */
    void submit(T chunk) {
        rethrowUnchecked();
        if (worker == null) {
            try {
                stage.accept(chunk);
            } catch (Throwable t) {
                failure = t;
                rethrowUnchecked();
            }
            return;
        }
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while evaluating sign-ins"));
        }
    }

    /** True once a chunk failed: {@link #finish} will rethrow why. */
    boolean failed() {
        return failure != null;
    }

    /** Waits until every submitted chunk is evaluated; rethrows the evaluating thread's failure. */
    void finish() throws IOException {
        end();
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof IOException io) throw io;
        if (t instanceof UncheckedIOException u) throw u.getCause();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IOException(t);
    }

    /** Stops the evaluating thread (after what is queued) without rethrowing: for the reader's own failures. */
    @Override
    public void close() {
        try {
            end();
        } catch (IOException ignored) {
            // only interruption; the reader's own exception is the one that matters
        }
    }

    private void end() throws IOException {
        if (ended || worker == null) return;
        ended = true;
        try {
            queue.put(END);
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while evaluating sign-ins");
        }
    }

    private void work() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                failure = e;
                return;
            }
            if (next == END) return;
            if (failure != null) continue;
            try {
                @SuppressWarnings("unchecked")
                T chunk = (T) next;
                stage.accept(chunk);
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    private void rethrowUnchecked() {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof IOException io) throw new UncheckedIOException(io);
        if (t instanceof UncheckedIOException u) throw u;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }
}
