package io.github.mfaeval.load.text;

/**
 * Where a record starts in a file: its index among the file's records and its line, said "record N (line L)". A
 * reader of a part of a file counts both from the part's start; {@link #movedBy} gives the file's own numbering.
 */
public record Position(long index, long line) {
    /** This position seen from the file, for a part that comes after {@code records} records and {@code lines} line ends. */
    public Position movedBy(long records, long lines) {
        return records == 0 && lines == 0 ? this : new Position(index + records, line + lines);
    }

    @Override
    public String toString() {
        return "record " + index + " (line " + line + ")";
    }
}
