package io.github.mfaeval.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkPipelineTest {
    @Test
    void chunksAreEvaluatedInOrderOnAnotherThread() throws IOException {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        try (ChunkPipeline<Integer> p = ChunkPipeline.threaded("test", 2, i -> {
            seen.add(i);
            threads.add(Thread.currentThread());
        })) {
            for (int i = 0; i < 1000; i++) p.submit(i);
            p.finish();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) expected.add(i);
        assertEquals(expected, seen);
        assertNotEquals(Thread.currentThread(), threads.get(0));
    }

    @Test
    void aFailureReachesTheReader() {
        IOException boom = new IOException("disk full");
        ChunkPipeline<Integer> p = ChunkPipeline.threaded("test", 1, i -> {
            if (i == 3) throw boom;
        });
        // The reader may or may not see the failure while submitting; it always sees it at finish().
        try {
            for (int i = 0; i < 100; i++) p.submit(i);
        } catch (UncheckedIOException e) {
            assertSame(boom, e.getCause());
        }
        assertTrue(p.failed());
        assertSame(boom, assertThrows(IOException.class, p::finish));
    }

    @Test
    void inlineRunsOnTheCallingThread() throws IOException {
        List<Thread> threads = new ArrayList<>();
        ChunkPipeline<Integer> p = ChunkPipeline.inline(i -> threads.add(Thread.currentThread()));
        p.submit(1);
        p.finish();
        assertEquals(List.of(Thread.currentThread()), threads);
        ChunkPipeline<Integer> failing = ChunkPipeline.inline(i -> {
            throw new IllegalStateException("rule crashed");
        });
        assertThrows(IllegalStateException.class, () -> failing.submit(1));
        assertThrows(IllegalStateException.class, failing::finish);
    }
}
