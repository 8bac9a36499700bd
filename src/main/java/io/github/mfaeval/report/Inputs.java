package io.github.mfaeval.report;

import io.github.mfaeval.load.Rejection;

import java.util.List;

/** What was read from the tenant folder, what was missing, and every record that was not evaluated. */
public record Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected) {
    public record FileRead(String name, long records) {
    }
}
