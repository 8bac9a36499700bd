package io.github.mfaeval.load.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether a file of a tenant folder may be opened, decided before any reader touches it (docs/formats.md,
 * "Special files and links"). Folders filled by other scripts and other people hold what they hold:
 * <ul>
 * <li>only regular files are opened: a named pipe would block the run forever on open, a device could be read
 *     without end, a socket cannot be read at all; each is refused naming its type;</li>
 * <li>a symbolic link is followed only when it resolves inside the tenant folder itself: a link to
 *     {@code /etc/shadow}, to another tenant's folder or to a share is refused naming the link, never opened,
 *     so that nothing outside the folder the user pointed at can end up quoted in a report.</li>
 * </ul>
 * Links inside the folder are allowed because exports are often renamed that way ({@code signIns.json ->
 * InteractiveSignIns_2025-11-01.json}); the tenant folder itself may be a link (the batch root names each
 * tenant by its folder, and two names for one folder are reported there).
 */
public final class InputFiles {
    static final String BROKEN_LINK = "cannot be read: it does not exist (a broken link?)";

    private InputFiles() {
    }

    /**
     * Null when {@code file} (a direct child of its tenant folder) is a regular file, or a link to one inside
     * that folder; otherwise why it is not read, e.g. "is a named pipe (FIFO), not a regular file; not opened".
     * A file that does not exist at all is the caller's business (a missing input) and gives null too.
     */
    public static String problem(Path file) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
        if (own.isSymbolicLink()) {
            Path target;
            Path folder;
            try {
                target = file.toRealPath();
            } catch (NoSuchFileException e) {
                return BROKEN_LINK;
            } catch (IOException e) {
                return "is a link that cannot be resolved (" + e.getClass().getSimpleName() + ")";
            }
            try {
                Path parent = file.toAbsolutePath().getParent();
                folder = parent.toRealPath();
            } catch (IOException e) {
                return "is a link whose folder cannot be resolved";
            }
            if (!target.startsWith(folder) || target.equals(folder)) {
                return "is a link to a file outside the tenant folder; not followed (only links inside the folder are)";
            }
            return kind(target, true);
        }
        return kind(file, false);
    }

    /** Null for a regular file, else what it is. */
    private static String kind(Path file, boolean viaLink) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return viaLink ? BROKEN_LINK : null;
        }
        if (a.isRegularFile()) return null;
        if (a.isDirectory()) return (viaLink ? "is a link to a folder" : "is a folder") + ", not a file";
        return (viaLink ? "is a link to " : "is ") + special(file) + ", not a regular file; not opened";
    }

    /** The type of a file that is neither regular, folder nor link, from its POSIX mode bits where available. */
    static String special(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000: return "a named pipe (FIFO)";
                    case 0140000: return "a socket";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a POSIX file system: the generic name below
        }
        return "a special file (device, pipe or socket)";
    }

    /** True when something exists under that name, a dangling link included. */
    public static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }
}
