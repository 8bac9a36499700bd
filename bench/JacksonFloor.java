import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's floor (bench/run.sh): plain Jackson reading every token of the given sign-in files from their
 * UTF-8 bytes, one file after the other on one thread, counting records (top-level objects, or the elements of a
 * page's "value" / "records" array) and mapping nothing. Whatever mfa-eval does per record comes on top of this.
 *
 *   java -cp target/lib/jackson-core-*.jar bench/JacksonFloor.java FILE...
 * prints: floor records=N tokens=T seconds=S records_per_s=R
 */
public final class JacksonFloor {
    public static void main(String[] args) throws Exception {
        JsonFactory factory = new JsonFactory();
        long start = System.nanoTime();
        long records = 0;
        long tokens = 0;
        for (String a : args) {
            Path file = Path.of(a);
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                raw.mark(2);
                boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
                try (JsonParser p = factory.createParser(in)) {
                    JsonToken t;
                    boolean page = false;
                    while ((t = p.nextToken()) != null) {
                        tokens++;
                        JsonStreamContext ctx = p.getParsingContext();
                        if (t == JsonToken.START_ARRAY && ctx.getParent().inObject() && ctx.getParent().getParent().inRoot()) {
                            String name = ctx.getParent().getCurrentName();
                            if ("value".equals(name) || "records".equals(name)) page = true; // a page: its elements are the records
                        } else if (t == JsonToken.START_OBJECT && ctx.getParent().inArray()) {
                            JsonStreamContext array = ctx.getParent();
                            if (array.getParent().inRoot()) records++; // an element of a plain array
                            else if (array.getParent().inObject() && array.getParent().getParent().inRoot()) {
                                String name = array.getParent().getCurrentName();
                                if ("value".equals(name) || "records".equals(name)) records++;
                            }
                        } else if (t == JsonToken.END_OBJECT && ctx.inRoot()) {
                            if (!page) records++; // one record per line
                            page = false;
                        }
                    }
                }
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("floor records=%d tokens=%d seconds=%.3f records_per_s=%.0f%n", records, tokens, s, records / s);
    }
}
