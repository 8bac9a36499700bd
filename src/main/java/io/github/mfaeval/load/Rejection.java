package io.github.mfaeval.load;

/** A record (or a whole file) that could not be used: where it is, and what is wrong with it. */
public record Rejection(String file, String record, String reason) {
    @Override
    public String toString() {
        return file + (record == null || record.isEmpty() ? "" : " " + record) + ": " + reason;
    }
}
