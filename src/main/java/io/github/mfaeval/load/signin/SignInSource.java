package io.github.mfaeval.load.signin;

import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Rejection;

import java.nio.file.Path;
import java.util.List;

/**
 * A tenant's sign-ins as the engine reads them: its sign-in files, in whatever export format, with the admin
 * center's authentication-detail rows joined to them. Which formats exist and how each is parsed is the
 * business of {@code load.format}; the engine sees sign-ins, rejections and the end of each file.
 */
public final class SignInSource {
    /** About this many bytes per part of a large NDJSON file read on several threads. */
    public static final long PART_BYTES = SignInFilesReader.PART_BYTES;

    /** Where the sign-ins of a read go, in file order, on the calling thread. */
    public interface Sink {
        void signIn(SignIn signIn, SignInKind kind);

        /** {@code rejection.records()} records that are not evaluated. */
        void rejected(Rejection rejection);

        /** Every record of {@code file} has been handed over; {@code description} is how it was read. */
        default void fileRead(Path file, String description) {
        }
    }

    private final List<Path> files;
    private final PortalAuthDetails details;

    public SignInSource(List<Path> files, PortalAuthDetails details) {
        this.files = files;
        this.details = details;
    }

    public List<Path> files() {
        return files;
    }

    /** Reads every file in order into {@code sink}, parsing on {@code readers} threads, large NDJSON files in parts of about {@code partBytes}. */
    public void read(int readers, long partBytes, Sink sink) {
        SignInFilesReader.read(files, details, readers, partBytes, new SignInFilesReader.FileSink() {
            @Override
            public void signIn(SignIn signIn, SignInKind kind) {
                sink.signIn(signIn, kind);
            }

            @Override
            public void rejected(Rejection rejection) {
                sink.rejected(rejection);
            }

            @Override
            public void fileRead(Path file, String description) {
                sink.fileRead(file, description);
            }
        });
    }

    /**
     * Authentication-detail rows whose Request ID no sign-in claimed (is the main download missing, or cut?), as a
     * rejection that counts no record; null when every row was claimed or there are none. Asked after the read.
     */
    public Rejection unclaimedDetails() {
        if (details == null) return null;
        long rows = details.unmatchedRows();
        if (rows == 0) return null;
        return new Rejection(details.fileNames(), "", rows + " authentication-detail row(s) of "
                + details.unmatched() + " Request ID(s) belong to no sign-in in the files read: ignored", 0);
    }
}
