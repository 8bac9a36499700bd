package io.github.mfaeval.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An export file written one record at a time, compact, one record per line: either a Graph page
 * ({@code {"@odata.context": …, "value": [ … ]}}) or one object per line. Both are read by the loader.
 */
final class RecordFile implements Closeable {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final OutputStream out;
    private final JsonGenerator json;
    private final boolean page;

    RecordFile(Path file, boolean page, String odataContext) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.json = FACTORY.createGenerator(out);
        this.page = page;
        // Records are root-level values separated the way each shape needs.
        json.setRootValueSeparator(new SerializedString(page ? ",\n" : "\n"));
        if (page) json.writeRaw("{\"@odata.context\":\"" + odataContext + "\",\"value\":[\n");
    }

    /** The generator to write the next record with (one object, started and ended by the caller). */
    JsonGenerator next() {
        return json;
    }

    @Override
    public void close() throws IOException {
        try (out; json) {
            json.writeRaw(page ? "\n]}\n" : "\n");
        }
    }
}
