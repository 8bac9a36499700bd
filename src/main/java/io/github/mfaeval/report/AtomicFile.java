package io.github.mfaeval.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file under a temporary name and moves it into place, so no reader ever sees half a report:
 * a run killed part way leaves at most a stray temporary file (see {@link #isTemporary}), never a partial
 * file under the real name.
 */
public final class AtomicFile {
    private static final String TMP_SUFFIX = ".tmp";
    private static final int MAX_PREFIX_BYTES = 120;

    public interface Content {
        void write(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} whole or not at all. A failure to write (disk full, quota, permission) names the file
     * being written: "No space left on device" alone does not say which of a run's files it was. Exceptions of
     * {@code content} itself (reading the input while streaming a report) pass unchanged.
     */
    public static void write(Path target, Content content) throws IOException {
        Path tmp = tempFileBeside(target);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8);
                // Writers such as Jackson's close what they are given; the channel must stay open to be forced.
                content.write(new FilterWriter(out) {
                    @Override
                    public void write(int c) throws IOException {
                        try {
                            super.write(c);
                        } catch (IOException e) {
                            throw named(target, e);
                        }
                    }

                    @Override
                    public void write(char[] cbuf, int off, int len) throws IOException {
                        try {
                            super.write(cbuf, off, len);
                        } catch (IOException e) {
                            throw named(target, e);
                        }
                    }

                    @Override
                    public void write(String str, int off, int len) throws IOException {
                        try {
                            super.write(str, off, len);
                        } catch (IOException e) {
                            throw named(target, e);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        try {
                            super.flush();
                        } catch (IOException e) {
                            throw named(target, e);
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                forceToDisk(out, channel, target);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** On disk before the rename: after a machine crash the name shows the whole file or the old one. */
    private static void forceToDisk(java.io.Flushable out, FileChannel channel, Path target) throws IOException {
        try {
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw named(target, e);
        }
    }

    /** A new temporary file in the target's folder (created if need be), so the final rename stays on one file system. */
    private static Path tempFileBeside(Path target) throws IOException {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            return Files.createTempFile(dir, tempPrefix(target), TMP_SUFFIX);
        } catch (IOException e) {
            throw named(target, e);
        }
    }

    /** Makes the finished temporary file the target: atomically where the file system can, a failure naming the target. */
    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        readableByOthers(tmp);
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw named(target, e);
        }
    }

    /** Bytes to write: a binary format (a workbook). */
    public interface Bytes {
        void write(OutputStream out) throws IOException;
    }

    /** Like {@link #write}, for a binary format: whole or not at all, and a failure names the file. */
    public static void writeBytes(Path target, Bytes content) throws IOException {
        Path tmp = tempFileBeside(target);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.write(out);
                forceToDisk(out, channel, target);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The failure with the file it happened to, once. */
    private static IOException named(Path target, IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof Named || m.contains(target.toString())) return e;
        return new Named(target + ": " + m, e);
    }

    /** A write failure that names its file. */
    static final class Named extends IOException {
        Named(String message, IOException cause) {
            super(message, cause);
        }
    }

    /**
     * "." and the target's name, cut so that the temporary name (prefix, ~19 random digits, ".tmp") stays far
     * below the file system's limit on a name (NAME_MAX, 255 bytes on Linux), which a long target name alone
     * may nearly reach. Cut at a character boundary, counted in UTF-8 bytes.
     */
    static String tempPrefix(Path target) {
        String name = "." + target.getFileName();
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > MAX_PREFIX_BYTES) break;
            bytes += n;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    /** Temp files are created owner-only; a report is meant to be shared like any file the user writes. */
    private static void readableByOthers(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: keep the default
        }
    }

    /** A temporary file this class left behind when the process was killed between create and rename. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TMP_SUFFIX);
    }
}
