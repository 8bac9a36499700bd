package io.github.mfaeval.load.activity;

import io.github.mfaeval.model.ArmEvent;
import io.github.mfaeval.result.Rejection;

import java.nio.file.Path;

/**
 * A tenant's Azure Activity Log exports as the engine reads them: events and rejections, whatever the shape
 * of the file ({@code load.format} knows them).
 */
public final class ActivityLog {
    /** Where the events of a file go. */
    public interface Sink {
        void event(ArmEvent event);

        /** {@code rejection.records()} records that are not evaluated. */
        void rejected(Rejection rejection);
    }

    private ActivityLog() {
    }

    /** Reads {@code file}; returns how it was understood. */
    public static String read(Path file, Sink sink) {
        return ActivityLogReader.read(file, new ActivityLogReader.Sink() {
            @Override
            public void event(ArmEvent event) {
                sink.event(event);
            }

            @Override
            public void rejected(Rejection rejection) {
                sink.rejected(rejection);
            }
        });
    }
}
