package io.github.mfaeval.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import scala.Tuple2;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * The pieces of a reading task, handed to Spark as they are read: the project's reader pushes records to a sink,
 * Spark pulls them from an iterator, so the reader runs on its own thread and waits when a short queue is full.
 * A task holds a few thousand pieces at most, never a whole part or file. When the task ends early (killed, failed),
 * the reading thread stops at its next record.
 */
final class StreamedPieces implements Iterator<Tuple2<String, Piece>> {
    private static final int QUEUE = 4096;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean closed;
    private Object next;

    StreamedPieces(List<ReadPart> parts, Configuration conf, TenantRouting routing, int reducers) {
        Thread reader = new Thread(() -> {
            Object last = END;
            try {
                for (ReadPart p : parts) {
                    PartReader.read(p, conf, routing, piece -> {
                        put(new Tuple2<>(piece.key(), piece));
                        // The end of a part that other parts of its file follow goes to every reducer too: they move
                        // the positions of those later parts' sign-ins before judging them (SortedGroups). So does
                        // every part end of a file whose path names no tenant: its counts by tenant say which tenants
                        // read it, and so which have several sign-in files (SignInStageTask).
                        if (piece.kind == Piece.Kind.PART_END && (piece.followed || p.file().tenant() == null)) {
                            for (int r = 0; r < reducers; r++) put(new Tuple2<>(PieceShuffle.partEndKey(r, piece), piece));
                        }
                    });
                }
            } catch (CancellationException e) {
                return;
            } catch (Throwable t) {
                last = t;
            }
            try {
                while (!closed && !queue.offer(last, 100, TimeUnit.MILLISECONDS)) {
                    // the consumer is slow or gone
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mfa-eval-reader");
        reader.setDaemon(true);
        TaskContext task = TaskContext.get();
        if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> closed = true);
        reader.start();
    }

    private void put(Object o) {
        try {
            while (!queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                if (closed) throw new CancellationException("reading task ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("reading task interrupted");
        }
        // The reader turns exceptions inside a record into rejections: a closed task must stop it at the next one.
        if (closed) throw new CancellationException("reading task ended");
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
                throw new IllegalStateException("reading task interrupted", e);
            }
        }
        if (next == END) {
            closed = true;
            return false;
        }
        if (next instanceof Throwable t) {
            closed = true;
            throw new IllegalStateException("reading sign-ins failed: " + t, t);
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple2<String, Piece> next() {
        if (!hasNext()) throw new NoSuchElementException();
        Object o = next;
        next = null;
        return (Tuple2<String, Piece>) o;
    }
}
