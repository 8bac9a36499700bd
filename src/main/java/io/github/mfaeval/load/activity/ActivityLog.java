package io.github.mfaeval.load.activity;

import io.github.mfaeval.model.ActivityLogRead;
import io.github.mfaeval.model.ArmEvent;
import io.github.mfaeval.result.Rejection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's Azure Activity Log exports as the engine reads them: events and rejections, whatever the shape
 * of the file ({@link ActivityLogReader} knows them), and copies of one event told apart ({@link ArmEventCopies}).
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

    /** Reads {@code files} in order, rejections into {@code rejections}; copies of one event are counted, not kept. */
    public static ActivityLogRead read(List<Path> files, List<Rejection> rejections) {
        long[] read = {0};
        long[] rejected = {0};
        Map<String, Long> recordsPerFile = new LinkedHashMap<>();
        List<ArmEvent> all = new ArrayList<>();
        for (Path file : files) {
            long before = read[0];
            read(file, new Sink() {
                @Override
                public void event(ArmEvent e) {
                    read[0]++;
                    all.add(e);
                }

                @Override
                public void rejected(Rejection r) {
                    read[0] += r.records();
                    rejected[0] += r.records();
                    rejections.add(r);
                }
            });
            recordsPerFile.put(file.getFileName().toString(), read[0] - before);
        }
        boolean[] copy = ArmEventCopies.of(all);
        List<ArmEvent> events = new ArrayList<>();
        long duplicates = 0;
        for (int i = 0; i < copy.length; i++) {
            if (copy[i]) duplicates++;
            else events.add(all.get(i));
        }
        return new ActivityLogRead(!files.isEmpty(), read[0], rejected[0], duplicates, recordsPerFile, events);
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
