package io.github.mfaeval.load.text;

/** Where a record starts: "record N (line L)". */
public record Position(long index, long line) {
    @Override
    public String toString() {
        return "record " + index + " (line " + line + ")";
    }
}
