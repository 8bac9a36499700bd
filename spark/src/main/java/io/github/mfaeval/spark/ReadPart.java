package io.github.mfaeval.spark;

import java.io.Serializable;

/**
 * One part of a sign-in file for one reading task: the whole file, or the whole lines between two byte offsets of
 * a plain NDJSON file (what {@code TenantPipeline.signInParts} cuts; gzip and JSON documents are never cut).
 *
 * @param file     the file
 * @param index    the part's place in the file (0 for a whole file)
 * @param followed more parts of the same file come after this one
 * @param start    first byte (line parts)
 * @param end      byte after the last (line parts)
 * @param lines    a line range; false: the whole file
 */
record ReadPart(InputFile file, int index, boolean followed, long start, long end, boolean lines) implements Serializable {
    static ReadPart whole(InputFile file) {
        return new ReadPart(file, 0, false, 0, -1, false);
    }

    /** Bytes to read, for spreading the parts over tasks (compressed size for gzip). */
    long bytes() {
        return lines ? Math.max(1, end - start) : Math.max(1, file.bytes());
    }
}
