package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every sign-in file of a tenant on several threads and hands the results to one sink on the calling
 * thread in exactly the order one thread reading the files one after the other would: independent files, and
 * the parts of a large NDJSON file ({@link SignInReader#split}), are parsed in parallel, and put back in file
 * and part order ({@link SignInReader.FileAssembler}). So what follows (duplicates, chunks, rules, reports)
 * cannot tell how many threads read.
 * <p>
 * Memory stays bounded: at most {@code threads + 1} parts are read ahead, each handing its results over in
 * batches through a short queue, so a reader that gets ahead waits.
 */
public final class SignInFilesReader {
    /** About this many bytes per part of a large NDJSON file: enough to amortise a part, small enough to spread. */
    public static final long PART_BYTES = 16L << 20;
    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 8;

    /** A {@link SignInReader.Sink} that is also told where each file ends. */
    public interface FileSink extends SignInReader.Sink {
        /** Every record of {@code file} has been handed over; {@code description} is how it was read. */
        default void fileRead(Path file, String description) {
        }
    }

    private SignInFilesReader() {
    }

    /** Reads {@code files} in order into {@code sink}, parsing on {@code threads} threads (1: on the calling thread only). */
    public static void read(List<Path> files, PortalAuthDetails details, int threads, FileSink sink) {
        read(files, details, threads, PART_BYTES, sink);
    }

    /** ... cutting large NDJSON files into parts of about {@code partBytes}. */
    public static void read(List<Path> files, PortalAuthDetails details, int threads, long partBytes, FileSink sink) {
        if (threads <= 1) {
            for (Path file : files) {
                String description = SignInReader.read(file, details, sink);
                sink.fileRead(file, description);
            }
            return;
        }
        List<SignInReader.Part> parts = new ArrayList<>();
        for (Path file : files) parts.addAll(SignInReader.split(file, partBytes));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
        try {
            ArrayDeque<Job> ahead = new ArrayDeque<>();
            int next = 0;
            SignInReader.FileAssembler file = null;
            Path current = null;
            while (next < parts.size() || !ahead.isEmpty()) {
                while (next < parts.size() && ahead.size() <= threads) {
                    Job job = new Job(parts.get(next++), details);
                    ahead.add(job);
                    pool.execute(job);
                }
                Job job = ahead.poll();
                Path f = job.part.file();
                if (!f.equals(current)) {
                    if (file != null) sink.fileRead(current, file.finish());
                    file = new SignInReader.FileAssembler(f.getFileName().toString(), sink);
                    current = f;
                }
                job.replay(file);
            }
            if (file != null) sink.fileRead(current, file.finish());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mfa-eval reader " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One part, read on a pool thread; its results wait in a short queue for the calling thread. */
    private static final class Job implements Runnable, SignInReader.PartSink {
        final SignInReader.Part part;
        final PortalAuthDetails details;
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        List<Object> batch = new ArrayList<>(BATCH);

        Job(SignInReader.Part part, PortalAuthDetails details) {
            this.part = part;
            this.details = details;
        }

        record Fact(SignIn signIn) {
        }

        record Rejected(Position at, String where, String reason, long count) {
        }

        record Notice(String where, String message) {
        }

        record Done(SignInReader.PartResult result) {
        }

        record Failed(Throwable failure) {
        }

        @Override
        public void run() {
            Object last;
            try {
                last = new Done(SignInReader.read(part, details, this));
                flush();
            } catch (Interrupted e) {
                return;
            } catch (Throwable t) {
                last = new Failed(t);
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void signIn(SignIn signIn) {
            add(new Fact(signIn));
        }

        @Override
        public void rejected(Position at, String where, String reason, long count) {
            add(new Rejected(at, where, reason, count));
        }

        @Override
        public void notice(String where, String message) {
            add(new Notice(where, message));
        }

        private void add(Object o) {
            batch.add(o);
            if (batch.size() >= BATCH) flush();
        }

        private void flush() {
            if (batch.isEmpty()) return;
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted();
            }
            batch = new ArrayList<>(BATCH);
        }

        /** On the calling thread: hands the part's results on in order, then its result to the file. */
        @SuppressWarnings("unchecked")
        void replay(SignInReader.FileAssembler file) {
            while (true) {
                Object o;
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new InterruptedIOException("interrupted while reading sign-ins"));
                }
                if (o instanceof Done d) {
                    file.add(d.result());
                    return;
                }
                if (o instanceof Failed f) {
                    if (f.failure() instanceof RuntimeException r) throw r;
                    if (f.failure() instanceof Error e) throw e;
                    throw new IllegalStateException(f.failure());
                }
                for (Object e : (List<Object>) o) {
                    if (e instanceof Fact fact) file.signIn(fact.signIn());
                    else if (e instanceof Rejected r) file.rejected(r.at(), r.where(), r.reason(), r.count());
                    else if (e instanceof Notice n) file.notice(n.where(), n.message());
                }
            }
        }
    }

    /** The calling thread gave up (an evaluation interrupted): the pool thread stops reading. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }
}
