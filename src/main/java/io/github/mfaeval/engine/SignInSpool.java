package io.github.mfaeval.engine;

import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.model.SignInCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The evaluated sign-ins of a tenant with several sign-in files, on disk until the last file is read: whether a
 * sign-in is counted is known only then (a later file may hold a richer copy), but judging it waits for nothing, so
 * reading and rules still overlap. A temporary file in {@code java.io.tmpdir} (readable by its owner only), in the
 * compact form of {@link SignInCodec}; deleted by {@link #close}, whatever happened before. Written by the rules
 * thread, replayed by the reading thread once the rules thread is done.
 */
final class SignInSpool implements AutoCloseable {
    /** Sign-ins decoded ahead of the one that counts them, per hand-over. */
    private static final int BATCH = 512;
    private static final Object END = new Object();

    private final Path file;
    private final OutputStream stream;
    private final SignInCodec.Encoder out;
    private long written;

    private static final String PREFIX = "mfa-eval-sign-ins-";
    /** A spool's name carries the process that made it: mfa-eval-sign-ins-PID-RANDOM.spool. */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*\\.spool");
    /** Folders already rid of left-over spools by this process: a batch of thousands of tenants lists each once. */
    private static final java.util.Set<Path> CLEANED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SignInSpool() throws IOException {
        // read now, not when the JDK first made a temporary file: the folder the run was given
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        if (CLEANED.add(folder.toAbsolutePath().normalize())) removeLeftOvers(folder);
        try {
            file = Files.createTempFile(folder, PREFIX + ProcessHandle.current().pid() + "-", ".spool");
        } catch (IOException e) {
            throw new SpoolFailed(folder, "made", e);
        }
        try {
            stream = Files.newOutputStream(file);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new SpoolFailed(folder, "opened", e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        out = new SignInCodec.Encoder(stream);
    }

    /**
     * Deletes the spools of processes that are gone: a run killed outright (out of memory, kill -9 by a scheduler)
     * cannot delete its own, and a nightly batch must not fill the disk night after night. A spool whose process is
     * alive (another run at the same time) is left alone; what cannot be listed or deleted is left too.
     */
    static void removeLeftOvers(Path folder) {
        long self = ProcessHandle.current().pid();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == self || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // another user's, or already gone: not ours to insist on
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed is reported when the spool itself cannot be made
        }
    }

    void write(SignIn s) throws IOException {
        try {
            s.write(out);
        } catch (IOException e) {
            throw new SpoolFailed(file.getParent(), "written", e);
        }
        written++;
    }

    /** What is done with each sign-in read back. */
    interface Replay {
        void accept(SignIn s) throws IOException;
    }

    /**
     * Reads back every sign-in written, in the order written; no more writes after this. {@code decodeAhead}: the
     * sign-ins are decoded on a thread of their own while this one hands them on (the replay is the part of a
     * tenant with several files that does not overlap the reading), else on this thread.
     */
    void replay(boolean decodeAhead, Replay each) throws IOException {
        try {
            out.flush();
            stream.close();
        } catch (IOException e) {
            throw new SpoolFailed(file.getParent(), "written", e);
        }
        if (!decodeAhead) {
            InputStream in = open();
            try (in) {
                SignInCodec.Decoder decoder = new SignInCodec.Decoder(in);
                for (long i = 0; i < written; i++) {
                    stopIfInterrupted();
                    SignIn s;
                    try {
                        s = SignIn.read(decoder);
                    } catch (IOException e) {
                        throw new SpoolFailed(file.getParent(), "read back", e);
                    }
                    each.accept(s);
                }
            }
            return;
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        Thread decoding = new Thread(() -> decode(queue), "mfa-eval spool");
        decoding.setDaemon(true);
        decoding.start();
        try {
            while (true) {
                Object next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("evaluation interrupted");
                }
                if (next == END) return;
                if (next instanceof IOException e) throw e;
                if (next instanceof RuntimeException e) throw e;
                if (next instanceof Error e) throw e;
                @SuppressWarnings("unchecked")
                List<SignIn> batch = (List<SignIn>) next;
                for (SignIn s : batch) {
                    stopIfInterrupted();
                    each.accept(s);
                }
            }
        } finally {
            stop(decoding);
        }
    }

    /** On the decoding thread: batches of sign-ins, then END or what went wrong. */
    private void decode(BlockingQueue<Object> queue) {
        try {
            try (InputStream in = open()) {
                SignInCodec.Decoder decoder = new SignInCodec.Decoder(in);
                List<SignIn> batch = new ArrayList<>(BATCH);
                for (long i = 0; i < written; i++) {
                    batch.add(SignIn.read(decoder));
                    if (batch.size() == BATCH) {
                        queue.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                queue.put(batch);
                queue.put(END);
            } catch (SpoolFailed e) {
                queue.put(e);
            } catch (IOException e) {
                queue.put(new SpoolFailed(file.getParent(), "read back", e));
            } catch (RuntimeException | Error e) {
                queue.put(e);
            }
        } catch (InterruptedException e) {
            // the replay stopped (it failed, or was interrupted): nothing more to decode
        }
    }

    private InputStream open() throws SpoolFailed {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new SpoolFailed(file.getParent(), "read back", e);
        }
    }

    /** Stops the decoding thread and waits for it, so that the file is closed before it is deleted. */
    private static void stop(Thread decoding) {
        decoding.interrupt();
        boolean interrupted = false;
        while (decoding.isAlive()) {
            try {
                decoding.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Deletes the file (after a failure or interruption too). */
    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("evaluation interrupted");
    }
}
