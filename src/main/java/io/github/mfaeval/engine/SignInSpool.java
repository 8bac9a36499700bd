package io.github.mfaeval.engine;

import io.github.mfaeval.model.SignIn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * The evaluated sign-ins of a tenant with several sign-in files, on disk until the last file is read: whether a
 * sign-in is counted is known only then (a later file may hold a richer copy), but judging it waits for nothing, so
 * reading and rules still overlap. A temporary file in {@code java.io.tmpdir} (readable by its owner only), in the
 * binary form of {@link SignIn#write}; deleted by {@link #close}, whatever happened before. Written by the rules
 * thread, replayed by the reading thread once the rules thread is done.
 */
final class SignInSpool implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final DataOutputStream out;
    private long written;

    SignInSpool() throws IOException {
        file = Files.createTempFile("mfa-eval-sign-ins-", ".spool");
        try {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    void write(SignIn s) throws IOException {
        s.write(out);
        written++;
    }

    /** What is done with each sign-in read back. */
    interface Replay {
        void accept(SignIn s) throws IOException;
    }

    /** Reads back every sign-in written, in the order written; no more writes after this. */
    void replay(Replay each) throws IOException {
        out.close();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            for (long i = 0; i < written; i++) {
                if (Thread.currentThread().isInterrupted()) throw new CancellationException("evaluation interrupted");
                each.accept(SignIn.read(in));
            }
        }
    }

    /** Deletes the file (after a failure or interruption too). */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
