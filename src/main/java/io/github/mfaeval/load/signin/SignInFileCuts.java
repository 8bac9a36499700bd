package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.CsvCuts;
import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.Sniff;
import io.github.mfaeval.load.text.TextInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a sign-in file is cut into parts that reader threads read on their own ({@link SignInReader#split}): a plain
 * UTF-8 NDJSON file at line ends, a CSV file of a known dialect at record ends ({@link CsvCuts}); any other file is one
 * part. A few reads near each cut, never the whole file.
 */
final class SignInFileCuts {
    private SignInFileCuts() {
    }

    /**
     * The parts {@code file} can be read in, about {@code partBytes} each: several only for a plain UTF-8 NDJSON
     * file (gzip cannot be entered in the middle, a JSON document or a CSV file is read whole), cut at line ends.
     * Reading the parts in order, each into a {@link SignInReader.FileAssembler} of the file, gives what reading the file whole gives.
     */
    static List<SignInReader.Part> split(Path file, long partBytes) {
        Sniff sniff = null;
        long size = 0;
        try {
            // what InputFiles refuses (pipes, devices, links out of the folder) is never opened: read whole, it is refused
            if (InputFiles.problem(file) == null && Files.isRegularFile(file) && SignInFiles.isSupported(file.getFileName().toString())) {
                sniff = Sniff.of(file);
                size = Files.size(file);
            }
        } catch (IOException e) {
            sniff = null; // reading the whole file says why it cannot be read
        }
        if (sniff == null || sniff.gzip() || !sniff.encoding().equals("UTF-8")) return List.of(SignInReader.Part.whole(file));
        if (sniff.kind() == Sniff.Kind.CSV) return csvParts(file, sniff.separator(), size, partBytes);
        if (sniff.kind() != Sniff.Kind.NDJSON) return List.of(SignInReader.Part.whole(file));
        long bom;
        try {
            bom = hasUtf8Bom(file) ? 3 : 0;
        } catch (IOException e) {
            return List.of(SignInReader.Part.whole(file));
        }
        List<SignInReader.Part> parts = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] cuts = lineCuts(size, bom, partBytes, (position, b) -> ch.read(ByteBuffer.wrap(b), position));
            for (int i = 0; i + 1 < cuts.length; i++) parts.add(new SignInReader.Part(file, cuts[i], cuts[i + 1], true));
        } catch (IOException e) {
            return List.of(SignInReader.Part.whole(file));
        }
        return parts;
    }

    /**
     * A CSV sign-in file of a known dialect, cut at record ends into parts of about {@code partBytes}; whole when it is
     * small, its header is not a sign-in export's, or the scan cannot follow it exactly ({@link CsvCuts}).
     */
    private static List<SignInReader.Part> csvParts(Path file, char separator, long size, long partBytes) {
        if (size <= partBytes + partBytes / 2) return List.of(SignInReader.Part.whole(file));
        try {
            long bom = hasUtf8Bom(file) ? 3 : 0;
            CsvCuts.Plan plan;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(bom);
                plan = CsvCuts.plan(in, bom, size, partBytes, separator);
            }
            if (plan == null || !CsvSignIns.splittable(plan.header())) return List.of(SignInReader.Part.whole(file));
            List<String> header = List.of(plan.header());
            List<SignInReader.Part> parts = new ArrayList<>();
            long start = 0;
            SignInReader.CsvPart at = new SignInReader.CsvPart(separator, null, 0, 0);
            for (CsvCuts.Cut cut : plan.cuts()) {
                parts.add(new SignInReader.Part(file, start, cut.offset(), false, at));
                start = cut.offset();
                at = new SignInReader.CsvPart(separator, header, cut.linesBefore(), cut.recordsBefore());
            }
            parts.add(new SignInReader.Part(file, start, size, false, at));
            return parts;
        } catch (IOException e) {
            return List.of(SignInReader.Part.whole(file)); // reading it whole says why it cannot be read
        }
    }

    /**
     * Where a plain UTF-8 NDJSON file of {@code size} bytes (its text starting at {@code start}, after any byte-order
     * mark) is cut into line ranges of about {@code partBytes}: the offsets of each part's first byte, then the size.
     * A few reads near each cut, never the whole file; {@link SignInReader#split} for a local file, a cluster's file system for
     * its own (each part then read by {@link SignInReader#readLines}).
     */
    static long[] lineCuts(long size, long start, long partBytes, SignInReader.PositionedReads in) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(start);
        while (partBytes < size && size - start > partBytes + partBytes / 2) {
            long cut = lineStartAtOrAfter(in, start + partBytes, Math.min(size, start + partBytes + TextInput.DEFAULT_MAX_RECORD_CHARS));
            // no line end within the longest line allowed: the rest stays one part, which refuses that line
            if (cut < 0 || cut >= size) break;
            cuts.add(cut);
            start = cut;
        }
        cuts.add(size);
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
        }
    }

    /** The offset just after the first '\n' at or after {@code from} and before {@code until}, or -1. */
    private static long lineStartAtOrAfter(SignInReader.PositionedReads in, long from, long until) throws IOException {
        byte[] b = new byte[1 << 16];
        long at = from;
        while (at < until) {
            int n = in.read(at, b);
            if (n <= 0) return -1;
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') return at + i + 1;
            }
            at += n;
        }
        return -1;
    }
}
