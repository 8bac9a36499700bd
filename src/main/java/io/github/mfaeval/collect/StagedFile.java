package io.github.mfaeval.collect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * A file written under a hidden temporary name ({@code .NAME…tmp}, which the loader ignores) and renamed into
 * place only once complete, so a collection that is killed never leaves a partial file under its real name.
 * Records go out as they come (a page at a time), never gathered in memory.
 */
final class StagedFile implements AutoCloseable {
    private static final String TMP_SUFFIX = ".tmp";

    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream out;
    private final JsonGenerator json;
    private final boolean lines;
    private long records;
    private boolean committed;

    private StagedFile(Path target, boolean lines, boolean gzip) throws IOException {
        this.target = target;
        this.lines = lines;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), TMP_SUFFIX);
        this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
        OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        this.out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
        this.json = Api.MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (!lines) {
            json.writeStartObject();
            json.writeArrayFieldStart("value");
        }
    }

    /** A Graph-shaped list, {@code {"value": [...]}}: what the loader and Graph tools read. */
    static StagedFile list(Path target) throws IOException {
        return new StagedFile(target, false, false);
    }

    /** One JSON record per line, gzip-compressed (sign-ins: large, streamed). */
    static StagedFile gzipLines(Path target) throws IOException {
        return new StagedFile(target, true, true);
    }

    void add(JsonNode record) throws IOException {
        if (lines) {
            json.writeTree(record);
            json.flush();
            out.write('\n');
        } else {
            json.writeTree(record);
        }
        records++;
    }

    long records() {
        return records;
    }

    void commit() throws IOException {
        if (!lines) {
            json.writeEndArray();
            json.writeEndObject();
        }
        json.flush();
        json.close();
        out.close();
        committed = true;
        moveIntoPlace(tmp, target);
    }

    /** {@code tmp}, complete and closed, becomes {@code target}. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not POSIX
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the temporary file goes anyway
            }
            channel.close();
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files a killed collection left behind in {@code folder}. */
    static int removeStrays(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, ".*" + TMP_SUFFIX)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && Files.deleteIfExists(p)) n++;
            }
        }
        return n;
    }
}
