package io.github.mfaeval.result;

/**
 * Records (or a whole file) that could not be used: where they are, what is wrong, and how many records that is.
 * One entry usually stands for one record; a header problem that spoils every row of a CSV file, or the
 * rejections beyond the first hundred of a file, are one entry for many, so the entries' counts still add up
 * to every record not evaluated. An entry for something that is no record (a row of the authentication-details
 * file) counts 0.
 */
public record Rejection(String file, String record, String reason, long records) implements java.io.Serializable {
    public Rejection(String file, String record, String reason) {
        this(file, record, reason, 1);
    }

    @Override
    public String toString() {
        return file + (record == null || record.isEmpty() ? "" : " " + record) + ": " + reason;
    }
}
