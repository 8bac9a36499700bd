package io.github.mfaeval.pipeline;

import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.load.signin.OtherTenantRecords;
import io.github.mfaeval.load.signin.PortalAuthDetails;
import io.github.mfaeval.load.signin.SignInFiles;
import io.github.mfaeval.load.signin.SignInReader;
import io.github.mfaeval.model.SignIn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-in step's reading, for a cluster that reads the parts of a file on several machines: where a file is cut
 * ({@link #parts}, {@link #lineCuts}), one part read ({@link #read}, {@link #readLines}) with positions relative to the
 * part, and the parts of a file put back together on the driver ({@link SignInResults#addFile}). The one door from a
 * cluster into the intake: Spark uses nothing else of it.
 */
public final class SignInParts {
    private SignInParts() {
    }

    /**
     * A piece of a sign-in file that can be read on its own: the whole lines of a plain UTF-8 NDJSON file between two
     * byte offsets ({@code lines}), else the whole file.
     */
    public record Part(long start, long end, boolean lines) {
        public static Part whole() {
            return new Part(0, -1, false);
        }
    }

    /** What reading a part gives, in file order; positions are relative to the part. */
    public interface Sink {
        /** A sign-in fact, its kind set, its source position relative to the part. */
        void signIn(SignIn signIn);

        /** Records not evaluated: at a record {@code index} and {@code line} of the part (-1: none), or {@code where}. */
        void rejected(long index, long line, String where, String reason, long count);
    }

    /** The records and lines a part held: what the parts after it are moved by. */
    public record End(long records, long lines) {
    }

    /** Reads bytes at a position of a file, as many as it can up to {@code b.length}; -1 or 0 at its end. */
    public interface PositionedReads {
        int read(long position, byte[] b) throws IOException;
    }

    /** Opens a file at the start of a part; the stream is closed after the part is read. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * The parts of a local file, about {@code partBytes} each. The rows of a CSV part carry the file's header and
     * positions, which a cluster's task does not: a CSV file stays one part (its rows are few beside a cluster's
     * hourly NDJSON files).
     */
    public static List<Part> parts(Path file, long partBytes) {
        List<SignInReader.Part> cut = SignInReader.split(file, partBytes);
        if (cut.stream().anyMatch(p -> p.csv() != null)) return List.of(Part.whole());
        List<Part> parts = new ArrayList<>(cut.size());
        for (SignInReader.Part p : cut) parts.add(new Part(p.start(), p.end(), p.lines()));
        return parts;
    }

    /**
     * Whether {@code s}, read from a file of tenant {@code tenantId}, comes from another tenant's log: the sign-in
     * step leaves such records out of the tenant's report (with a warning), never moving them to the other tenant.
     */
    public static boolean ofAnotherTenant(SignIn s, String tenantId) {
        return OtherTenantRecords.foreign(s, tenantId);
    }

    /** Whether a file of this name is a sign-in export the intake reads. */
    public static boolean isSignInFile(String name) {
        return SignInFiles.isSupported(name);
    }

    /** Whether the head of a file (read from {@code in}) shows plain UTF-8 NDJSON, which may be cut into line ranges. */
    public static boolean cutsIntoLines(String name, InputStream in) throws IOException {
        return SignInFiles.cutsIntoLines(name, in);
    }

    /**
     * Where a plain UTF-8 NDJSON file of {@code size} bytes (its text from {@code start}, after any byte-order mark)
     * is cut into line ranges of about {@code partBytes}: each part's first byte, then the size. A few reads near
     * each cut, never the whole file.
     */
    public static long[] lineCuts(long size, long start, long partBytes, PositionedReads in) throws IOException {
        return SignInReader.lineCuts(size, start, partBytes, in::read);
    }

    /** Reads one part of a local file; {@code detailFiles} are the portal's authentication details joined to it. */
    public static End read(Path file, Part part, List<Path> detailFiles, Sink sink) {
        SignInReader.Part p = part.lines() ? new SignInReader.Part(file, part.start(), part.end(), true) : SignInReader.Part.whole(file);
        SignInReader.PartResult r = SignInReader.read(p, details(detailFiles), partSink(sink));
        return new End(r.records(), r.lines());
    }

    /**
     * Reads the whole lines between two byte offsets of a plain UTF-8 NDJSON file named {@code name}, from a stream
     * {@code opener} opens at {@code start} (a cluster's file system, which seeks).
     */
    public static End readLines(String name, long start, long end, List<Path> detailFiles, Sink sink, Opener opener) {
        SignInReader.PartResult r = SignInReader.readLines(name, start, end, details(detailFiles), partSink(sink), opener::open);
        return new End(r.records(), r.lines());
    }

    private static PortalAuthDetails details(List<Path> detailFiles) {
        if (detailFiles.isEmpty()) return null;
        PortalAuthDetails details = new PortalAuthDetails();
        for (Path d : detailFiles) details.read(d);
        return details;
    }

    private static SignInReader.PartSink partSink(Sink sink) {
        return new SignInReader.PartSink() {
            @Override
            public void signIn(SignIn s) {
                sink.signIn(s);
            }

            @Override
            public void rejected(Position at, String where, String reason, long count) {
                sink.rejected(at == null ? -1 : at.index(), at == null ? -1 : at.line(), where, reason, count);
            }

            @Override
            public void notice(String where, String message) {
                // notices cost no record and are not part of the report's inputs (as evaluate)
            }
        };
    }

    /** A rejection of a part, or its end, as the driver gets them back from a part's reader (in reading order). */
    public record ReadEvent(boolean end, long index, long line, String where, String reason, long records, long partRecords,
                            long partLines) {
        public static ReadEvent rejected(long index, long line, String where, String reason, long records) {
            return new ReadEvent(false, index, line, where, reason, records, 0, 0);
        }

        public static ReadEvent partEnd(long partRecords, long partLines) {
            return new ReadEvent(true, -1, -1, null, null, 0, partRecords, partLines);
        }
    }
}
