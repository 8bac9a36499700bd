package io.github.mfaeval.spark;

import io.github.mfaeval.result.Rejection;
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
import java.util.function.Consumer;

/**
 * The one place where the Spark job uses the project's sign-in readers: a file of the run becomes pieces
 * (sign-in facts and rejections, each with its place in the reading order, then the file's record count),
 * exactly as {@code evaluate} reads it, under the file's label instead of its bare name.
 *
 * <p>A file is read whole by one task: today's reader reads files, not ranges. Files on the local file system
 * are read in place; others (abfss:, s3a:, hdfs:) are copied to a local temporary file first, under the same
 * name, so that the reader sees the name it would see.
 */
final class SignInFileReader {
    private SignInFileReader() {
    }

    static void read(InputFile f, Configuration conf, Consumer<Piece> out) {
        URI uri = URI.create(f.uri());
        Path local = null;
        Path copy = null;
        try {
            if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
                local = uri.getScheme() == null ? Path.of(f.uri()) : Path.of(uri);
            } else {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
                Path dir = Files.createTempDirectory("mfa-eval-signins");
                copy = dir.resolve(p.getName());
                FileSystem fs = p.getFileSystem(conf);
                try (InputStream in = fs.open(p)) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                local = copy;
            }
            read(f, local, out);
        } catch (IOException e) {
            out.accept(Piece.rejection(f.tenant(), f.order(), 0, new Rejection(f.label(), "", "cannot be read: " + e.getMessage())));
            out.accept(Piece.file(f.tenant(), f.order(), f.label(), 1));
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

    private static void read(InputFile f, Path file, Consumer<Piece> out) {
        String name = file.getFileName().toString();
        String prefix = name + " ";
        PortalAuthDetails details = null;
        if (!f.detailFiles().isEmpty()) {
            details = new PortalAuthDetails();
            for (String d : f.detailFiles()) details.read(Path.of(d));
        }
        long[] seq = {0};
        long[] records = {0};
        SignInReader.read(file, details, new SignInReader.Sink() {
            @Override
            public void signIn(SignIn s, SignInKind kind) {
                records[0]++;
                String source = s.getSource();
                SignIn labelled = source != null && source.startsWith(prefix) && !name.equals(f.label())
                        ? s.withSource(f.label() + source.substring(name.length())) : s;
                out.accept(Piece.signIn(f.tenant(), f.order(), seq[0]++, labelled));
            }

            @Override
            public void rejected(Rejection r) {
                records[0] += r.records();
                Rejection labelled = name.equals(r.file()) ? new Rejection(f.label(), r.record(), r.reason(), r.records()) : r;
                out.accept(Piece.rejection(f.tenant(), f.order(), seq[0]++, labelled));
            }
        });
        out.accept(Piece.file(f.tenant(), f.order(), f.label(), records[0]));
    }
}
