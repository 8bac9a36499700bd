package io.github.mfaeval.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * How the parts of the files are spread over reading tasks. The storage account holds one file per category,
 * tenant and hour, most of them small, and sometimes one large file: a large plain NDJSON file is already cut into
 * line ranges of about {@code splitBytes} ({@link PartReader#parts}); parts are packed in reading order into tasks of
 * at most {@code splitBytes}, and into at least two tasks per core when there is little data, so that every core reads.
 */
final class ReadTasks {
    private ReadTasks() {
    }

    static List<ArrayList<ReadPart>> bins(List<ReadPart> parts, int cores, long splitBytes) {
        long total = 0;
        for (ReadPart p : parts) total += p.bytes();
        long target = Math.max(1, Math.min(splitBytes, (total + 2L * cores - 1) / (2L * Math.max(1, cores))));
        List<ArrayList<ReadPart>> bins = new ArrayList<>();
        ArrayList<ReadPart> bin = new ArrayList<>();
        long size = 0;
        for (ReadPart p : parts) {
            long b = p.bytes();
            if (!bin.isEmpty() && size + b > target) {
                bins.add(bin);
                bin = new ArrayList<>();
                size = 0;
            }
            bin.add(p);
            size += b;
        }
        if (!bin.isEmpty()) bins.add(bin);
        return bins;
    }
}
