package io.github.mfaeval.batch;

import java.nio.file.Path;
import java.time.Instant;

/** A process that takes a batch output folder's lock and keeps it until killed (for {@link OutLockTest}). */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        OutLock lock = OutLock.acquire(Path.of(args[0]), Instant.now());
        System.out.println("locked " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.parseLong(args.length > 1 ? args[1] : "120000"));
        lock.close();
    }
}
