package io.github.mfaeval.spark;

import io.github.mfaeval.load.JsonRecords.Position;
import io.github.mfaeval.load.SignInKind;
import io.github.mfaeval.load.format.PortalAuthDetails;
import io.github.mfaeval.load.format.SignInReader;
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
 * cut into parts and read in place. Files on other Hadoop file systems (abfss:, s3a:, hdfs:) are read whole by one
 * task, copied to a local temporary file first under the same name (on disk, not in memory), so that the reader
 * sees the name it would see.
 */
final class PartReader {
    private PartReader() {
    }

    static boolean local(String uri) {
        String scheme = URI.create(uri).getScheme();
        return scheme == null || "file".equals(scheme);
    }

    private static Path localPath(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() == null ? Path.of(uri) : Path.of(u);
    }

    /** The parts of {@code f}, about {@code partBytes} each (on the driver). */
    static List<ReadPart> parts(InputFile f, long partBytes) {
        if (!local(f.uri())) return List.of(ReadPart.whole(f));
        List<SignInReader.Part> cut = SignInReader.split(localPath(f.uri()), partBytes);
        List<ReadPart> parts = new ArrayList<>(cut.size());
        for (int i = 0; i < cut.size(); i++) {
            SignInReader.Part p = cut.get(i);
            parts.add(new ReadPart(f, i, i < cut.size() - 1, p.start(), p.end(), p.lines()));
        }
        return parts;
    }

    static void read(ReadPart rp, Configuration conf, Consumer<Piece> out) {
        InputFile f = rp.file();
        Path copy = null;
        try {
            SignInReader.Part part;
            if (local(f.uri())) {
                Path file = localPath(f.uri());
                part = rp.lines() ? new SignInReader.Part(file, rp.start(), rp.end(), true) : SignInReader.Part.whole(file);
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
            read(rp, part, out);
        } catch (IOException e) {
            out.accept(Piece.rejection(f.tenant(), f.order(), rp.index(), 0, -1, -1, "", "cannot be read: " + e.getMessage(), 1));
            out.accept(Piece.partEnd(f.tenant(), f.order(), rp.index(), 1, 0, 0, rp.followed()));
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

    private static void read(ReadPart rp, SignInReader.Part part, Consumer<Piece> out) {
        InputFile f = rp.file();
        PortalAuthDetails details = null;
        if (!f.detailFiles().isEmpty()) {
            details = new PortalAuthDetails();
            for (String d : f.detailFiles()) details.read(Path.of(d));
        }
        long[] place = {0};
        long[] records = {0};
        SignInReader.PartResult result = SignInReader.read(part, details, new SignInReader.PartSink() {
            @Override
            public void signIn(SignIn s, SignInKind kind) {
                records[0]++;
                // as SignInReader.FileAssembler does: the kind rides with the sign-in, for the report's period
                s.setKind(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                out.accept(Piece.signIn(f.tenant(), f.order(), rp.index(), place[0]++, s));
            }

            @Override
            public void rejected(Position at, String where, String reason, long count) {
                records[0] += count;
                out.accept(Piece.rejection(f.tenant(), f.order(), rp.index(), place[0]++, at == null ? -1 : at.index(),
                        at == null ? -1 : at.line(), where, reason, count));
            }

            @Override
            public void notice(String where, String message) {
                // notices cost no record and are not part of the report's inputs (as evaluate)
            }
        });
        out.accept(Piece.partEnd(f.tenant(), f.order(), rp.index(), records[0], result.records(), result.lines(), rp.followed()));
    }
}
