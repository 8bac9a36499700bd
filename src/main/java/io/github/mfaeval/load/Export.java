package io.github.mfaeval.load;

import java.io.IOException;
import java.util.List;

/**
 * One row of the table of exports ({@link Exports}): the file's name (a pattern for sign-ins and Activity Log
 * exports), other names it may have, how it is laid out, what the rules cannot check without it (null: its absence
 * is no gap), and the reader that turns it into facts of {@link TenantData}.
 */
public record Export(String name, List<String> aliases, Format format, String neededFor, Reader reader) {

    public enum Format {
        /** Files chosen by a name pattern, read by content when evaluated (sign-ins, Activity Log). */
        PATTERN,
        /** A list of JSON records (a Graph page, an array, one record per line), streamed. */
        RECORDS,
        /** One JSON object. */
        OBJECT
    }

    /** Reads the export from the folder into the data. */
    @FunctionalInterface
    public interface Reader {
        void read(FolderReading folder, Export export) throws IOException;
    }

    /** Every name the file may have, {@link #name} first. */
    public List<String> names() {
        List<String> out = new java.util.ArrayList<>();
        out.add(name);
        out.addAll(aliases);
        return out;
    }

    /** Absent, it leaves a gap the report lists as a missing input. */
    public boolean required() {
        return neededFor != null;
    }
}
