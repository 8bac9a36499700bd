package io.github.mfaeval.load;

import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.activity.ActivityLogFiles;
import io.github.mfaeval.load.signin.PortalAuthDetails;
import io.github.mfaeval.load.signin.SignInFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The exports chosen by a name pattern: sign-ins and Activity Log exports are only listed here (each is read by
 * content when evaluated); the portal's authentication-details downloads, told apart from sign-ins by their header,
 * are read now, since their steps join the sign-ins.
 */
final class SignInExportNames {
    private SignInExportNames() {
    }

    static void signIns(FolderReading f, Export export) throws IOException {
        TenantData data = f.data;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.folder)) {
            for (Path p : ds) {
                if (SignInFiles.isSignInName(p.getFileName().toString())) files.add(p);
            }
        }
        files.sort(null);
        for (Path p : files) {
            if (InputFiles.problem(p) == null && Files.isRegularFile(p) && SignInFiles.isSupported(p.getFileName().toString()) && PortalAuthDetails.isDetailsFile(p)) {
                data.authDetailFiles.add(p);
            } else {
                data.signInFiles.add(p);
            }
        }
        if (!data.authDetailFiles.isEmpty()) {
            data.authDetails = new PortalAuthDetails();
            for (Path p : data.authDetailFiles) data.authDetails.read(p);
            data.rejected.addAll(data.authDetails.problems());
            data.authDetails.rowsPerFile().forEach((name, rows) -> data.filesRead.put(name, rows.intValue()));
        }
        if (data.signInFiles.isEmpty()) f.missing(export);
    }

    /** Absent is no error: editions decide whether the Activity Log is needed. */
    static void activityLogs(FolderReading f, Export export) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.folder)) {
            for (Path p : ds) {
                if (ActivityLogFiles.isActivityLogName(p.getFileName().toString())) f.data.activityLogFiles.add(p);
            }
        }
        f.data.activityLogFiles.sort(null);
    }
}
