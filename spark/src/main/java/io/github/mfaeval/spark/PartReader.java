package io.github.mfaeval.spark;

import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.load.signin.SignInKind;
import io.github.mfaeval.load.signin.PortalAuthDetails;
import io.github.mfaeval.load.signin.SignInReader;
import io.github.mfaeval.model.SignIn;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one place where the Spark job uses the project's sign-in reader: on the driver, a file becomes parts
 * ({@code SignInReader.split}: line ranges of a plain NDJSON file, else the whole file); on an executor, a part
 * becomes pieces ({@code SignInReader.read(Part)}): sign-in facts and rejections at positions relative to the part,
 * then the part's end. Nothing of a part is held: each record is handed on as it is read.
 *
 * <p>Files on a file system every node sees at the same path (local, NFS, a /dbfs mount: {@code file:} URIs) are
 * cut into parts and read in place. Files on other Hadoop file systems (abfss:, s3a:, hdfs:) are cut the same way
 * through Hadoop's FileSystem API: the driver looks at the head of the file ({@code Sniff}) and reads a little near
 * each cut ({@code SignInReader.lineCuts}), each task opens the file, seeks to its part and reads only its bytes
 * ({@code SignInReader.readLines}). What cannot be cut (gzip, a JSON document, CSV) is read whole by one task, copied
 * to a local temporary file first under the same name (on disk, not in memory), so that the reader sees the name it
 * would see. Setting the Hadoop property {@value #THROUGH_HADOOP} reads {@code file:} URIs through Hadoop too (how
 * the tests run the remote way on a local disk).
 */
final class PartReader {
    private PartReader() {
    }

    /** Hadoop property: read local files through Hadoop's FileSystem API as remote ones are read. */
    static final String THROUGH_HADOOP = "mfaeval.readThroughHadoop";

    static boolean local(String uri, Configuration conf) {
        if (conf != null && conf.getBoolean(THROUGH_HADOOP, false)) return false;
        String scheme = URI.create(uri).getScheme();
        return scheme == null || "file".equals(scheme);
    }

    private static Path localPath(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() == null ? Path.of(uri) : Path.of(u);
    }

    /** The parts of {@code f}, about {@code partBytes} each (on the driver). */
    static List<ReadPart> parts(InputFile f, long partBytes, Configuration conf) {
        if (!local(f.uri(), conf)) return remoteParts(f, partBytes, conf);
        List<SignInReader.Part> cut = SignInReader.split(localPath(f.uri()), partBytes);
        // The rows of a CSV part carry the file's header and positions, which a task's part does not: a CSV file
        // stays one part here (its rows are few beside a cluster's hourly NDJSON files).
        if (cut.stream().anyMatch(p -> p.csv() != null)) cut = List.of(SignInReader.Part.whole(localPath(f.uri())));
        List<ReadPart> parts = new ArrayList<>(cut.size());
        for (int i = 0; i < cut.size(); i++) {
            SignInReader.Part p = cut.get(i);
            parts.add(new ReadPart(f, i, i < cut.size() - 1, p.start(), p.end(), p.lines()));
        }
        return parts;
    }

    /**
     * {@code SignInReader.split} for a file on a Hadoop file system: line ranges of a plain UTF-8 NDJSON file (what
     * its head says it is), cut at line ends found by positioned reads; anything else, or a file that cannot be
     * looked at, one whole part (reading it says why it cannot be read).
     */
    private static List<ReadPart> remoteParts(InputFile f, long partBytes, Configuration conf) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(URI.create(f.uri()));
        String name = p.getName();
        if (!io.github.mfaeval.load.signin.SignInFiles.isSupported(name) || f.bytes() <= partBytes + partBytes / 2) {
            return List.of(ReadPart.whole(f));
        }
        try {
            FileSystem fs = p.getFileSystem(conf);
            io.github.mfaeval.load.text.Sniff sniff = io.github.mfaeval.load.text.Sniff.of(name, fs.open(p));
            if (sniff.kind() != io.github.mfaeval.load.text.Sniff.Kind.NDJSON || sniff.gzip() || !sniff.encoding().equals("UTF-8")) {
                return List.of(ReadPart.whole(f));
            }
            long size = fs.getFileStatus(p).getLen();
            long[] cuts;
            try (org.apache.hadoop.fs.FSDataInputStream in = fs.open(p)) {
                byte[] head = new byte[3];
                int n = in.read(0, head, 0, 3);
                long bom = n == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
                cuts = SignInReader.lineCuts(size, bom, partBytes, (position, b) -> in.read(position, b, 0, b.length));
            }
            List<ReadPart> parts = new ArrayList<>(cuts.length - 1);
            for (int i = 0; i + 1 < cuts.length; i++) parts.add(new ReadPart(f, i, i + 2 < cuts.length, cuts[i], cuts[i + 1], true));
            return parts;
        } catch (IOException e) {
            return List.of(ReadPart.whole(f));
        }
    }

    static void read(ReadPart rp, Configuration conf, TenantRouting routing, Consumer<Piece> out) {
        InputFile f = rp.file();
        Path copy = null;
        try {
            SignInReader.Part part;
            if (local(f.uri(), conf)) {
                Path file = localPath(f.uri());
                part = rp.lines() ? new SignInReader.Part(file, rp.start(), rp.end(), true) : SignInReader.Part.whole(file);
            } else if (rp.lines()) {
                // seek and read this part's bytes only, through Hadoop
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(URI.create(f.uri()));
                FileSystem fs = p.getFileSystem(conf);
                read(rp, p.getName(), routing, out, (details, sink) -> SignInReader.readLines(p.getName(), rp.start(), rp.end(), details, sink, () -> {
                    org.apache.hadoop.fs.FSDataInputStream in = fs.open(p);
                    in.seek(rp.start());
                    return in;
                }));
                return;
            } else {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(URI.create(f.uri()));
                Path dir = Files.createTempDirectory("mfa-eval-signins");
                copy = dir.resolve(p.getName());
                FileSystem fs = p.getFileSystem(conf);
                try (InputStream in = fs.open(p)) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                part = SignInReader.Part.whole(copy);
            }
            SignInReader.Part whole = part;
            read(rp, part.file().getFileName().toString(), routing, out, (details, sink) -> SignInReader.read(whole, details, sink));
        } catch (IOException e) {
            out.accept(Piece.rejection(tenantOf(f), f.order(), rp.index(), 0, -1, -1, "", "cannot be read: " + e.getMessage(), 1));
            out.accept(Piece.partEnd(tenantOf(f), f.order(), rp.index(), 1, new java.util.HashMap<>(), 0, 0, rp.followed()));
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                    Files.deleteIfExists(copy.getParent());
                } catch (IOException ignored) {
                    // a temporary file left behind costs disk, not correctness
                }
            }
        }
    }

    /** The tenant the file's path names, "" for none: rejections and part ends are the file's, not a record's. */
    static String tenantOf(InputFile f) {
        return f.tenant() == null ? "" : f.tenant();
    }

    /** Reads a part with the reader's details and sink. */
    private interface PartRead {
        SignInReader.PartResult read(PortalAuthDetails details, SignInReader.PartSink sink);
    }

    private static void read(ReadPart rp, String name, TenantRouting routing, Consumer<Piece> out, PartRead reading) {
        InputFile f = rp.file();
        PortalAuthDetails details = null;
        if (!f.detailFiles().isEmpty()) {
            details = new PortalAuthDetails();
            for (String d : f.detailFiles()) details.read(Path.of(d));
        }
        long[] place = {0};
        long[] records = {0};
        java.util.HashMap<String, Long> byLog = new java.util.HashMap<>();
        SignInReader.PartResult result = reading.read(details, new SignInReader.PartSink() {
            @Override
            public void signIn(SignIn s, SignInKind kind) {
                records[0]++;
                byLog.merge(s.getLogTenantId(), 1L, Long::sum);
                String tenant = routing.route(f, s);
                if (tenant == null) return; // counted in byLog: the driver reports it
                // as SignInReader.FileAssembler does: the kind rides with the sign-in, for the report's period
                s.setKind(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                out.accept(Piece.signIn(tenant, f.order(), rp.index(), place[0]++, s));
            }

            @Override
            public void rejected(Position at, String where, String reason, long count) {
                records[0] += count;
                out.accept(Piece.rejection(tenantOf(f), f.order(), rp.index(), place[0]++, at == null ? -1 : at.index(),
                        at == null ? -1 : at.line(), where, reason, count));
            }

            @Override
            public void notice(String where, String message) {
                // notices cost no record and are not part of the report's inputs (as evaluate)
            }
        });
        out.accept(Piece.partEnd(tenantOf(f), f.order(), rp.index(), records[0], byLog, result.records(), result.lines(), rp.followed()));
    }
}
