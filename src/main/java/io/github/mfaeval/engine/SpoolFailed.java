package io.github.mfaeval.engine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The temporary file that holds the judged sign-ins of a tenant with several sign-in files ({@link SignInSpool}) could
 * not be made, written or read back. No report is made: a tenant half counted is never a verdict. Not a problem of
 * the tenant's folder, so the message names the folder the file was in and how to choose another.
 */
public final class SpoolFailed extends IOException {
    SpoolFailed(Path folder, String doing, IOException cause) {
        super("the temporary file of the judged sign-ins (a tenant with several sign-in files keeps them on disk until "
                + "the last file is read, about 100 bytes each) could not be " + doing + " in " + folder + ": "
                + describe(cause) + "; give a folder with room as -Djava.io.tmpdir=DIR in MFA_EVAL_JAVA_OPTS", cause);
    }

    private static String describe(IOException e) {
        String what = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? what : what + " (" + e.getMessage() + ")";
    }
}
