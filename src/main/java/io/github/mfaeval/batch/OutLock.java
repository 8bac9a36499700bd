package io.github.mfaeval.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One batch run per output folder at a time: an exclusive lock on {@code OUT_DIR/.mfa-eval.lock}, held for
 * the whole run, so two runs never interleave their reports or delete each other's temporary files.
 *
 * <p>The lock is the operating system's ({@link FileChannel#tryLock}, fcntl on Linux), not the file's
 * existence: it goes away with the process that holds it, however it ends (kill -9, OOM killer, reboot), so a
 * stale lock needs no clean-up and is taken over by the next run; the file's content (pid and start time of
 * the holder) only serves to name the holder to a second run, and to say whose lock was taken over. The file
 * is never deleted: deleting it would let a third run lock a new file while a second still holds the old one.
 */
final class OutLock implements AutoCloseable {
    static final String FILE = ".mfa-eval.lock";

    /** Another live process holds the lock. */
    static final class Held extends IOException {
        Held(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final String previous;

    private OutLock(FileChannel channel, FileLock lock, String previous) {
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /** Locks {@code out} (an existing folder) for this process, or throws {@link Held} naming the holder. */
    static OutLock acquire(Path out, Instant startedAt) throws IOException {
        Path file = out.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very JVM runs a batch on the same folder
            }
            String holder = read(channel);
            if (lock == null) {
                channel.close();
                throw new Held(out + " is in use by another batch run (" + (holder.isEmpty() ? "holder unknown" : holder)
                        + "; lock file " + file + "): wait for it to finish, or use another --out");
            }
            String me = "pid " + ProcessHandle.current().pid() + ", started " + startedAt.truncatedTo(ChronoUnit.SECONDS);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new OutLock(channel, lock, holder);
        } catch (IOException | RuntimeException e) {
            if (channel.isOpen()) channel.close();
            throw e;
        }
    }

    /** The holder named in the lock file when this run took it over from a run that never finished (killed), or "". */
    String previousHolder() {
        return previous;
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        channel.read(buf, 0);
        String s = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        int eol = s.indexOf('\n');
        return eol < 0 ? s : s.substring(0, eol);
    }

    @Override
    public void close() throws IOException {
        try {
            // emptied while still held: a lock file with a holder in it then means that run never finished
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
