package io.github.mfaeval.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * How the files are spread over reading tasks. The storage account holds one file per category, tenant and hour,
 * most of them small: files are packed in reading order into tasks of at most {@code splitBytes}, and into at
 * least two tasks per core when there is little data, so that every core reads. A file is never cut: today's
 * reader reads whole files (the ranges of one large file are the next step, see docs/spark.md).
 */
final class ReadTasks {
    private ReadTasks() {
    }

    static List<ArrayList<InputFile>> bins(List<InputFile> files, int cores, long splitBytes) {
        long total = 0;
        for (InputFile f : files) total += Math.max(1, f.bytes());
        long target = Math.max(1, Math.min(splitBytes, (total + 2L * cores - 1) / (2L * Math.max(1, cores))));
        List<ArrayList<InputFile>> bins = new ArrayList<>();
        ArrayList<InputFile> bin = new ArrayList<>();
        long size = 0;
        for (InputFile f : files) {
            long b = Math.max(1, f.bytes());
            if (!bin.isEmpty() && size + b > target) {
                bins.add(bin);
                bin = new ArrayList<>();
                size = 0;
            }
            bin.add(f);
            size += b;
        }
        if (!bin.isEmpty()) bins.add(bin);
        return bins;
    }
}
