package io.github.mfaeval.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files behind --sign-ins: a file, a folder (every file below it) or a glob, on any Hadoop file system.
 * Each is labelled by its path below the root (the part before the first glob character), which in the storage
 * account layout names the category, tenant and hour:
 * {@code insights-logs-signinlogs/tenantId=<id>/y=2026/m=11/d=02/h=05/m=00/PT1H.json}.
 */
final class StorageFiles {
    private static final Pattern TENANT = Pattern.compile("(?:^|/)tenantId=([^/]+)/", Pattern.CASE_INSENSITIVE);

    /** A file found: its URI, its label, and the tenant id its path names (lower case; null when none). */
    record Found(String uri, String label, String tenantId, long bytes) {
    }

    private StorageFiles() {
    }

    static List<Found> list(String pattern, Configuration conf) throws IOException {
        Path path = new Path(pattern);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matched = fs.globStatus(path);
        if (matched == null || matched.length == 0) {
            throw new IOException(pattern + ": no such file or folder (nothing matches)");
        }
        String root = root(pattern, fs, path);
        List<Found> found = new ArrayList<>();
        for (FileStatus s : matched) {
            walk(fs, s, root, found);
        }
        found.sort((a, b) -> a.label().compareTo(b.label()));
        return found;
    }

    /**
     * Every file at or below {@code s}. Not {@code FileSystem.listFiles}: on the local file system without Hadoop's
     * native library it runs {@code ls} once per file for permissions nobody asked for.
     */
    private static void walk(FileSystem fs, FileStatus s, String root, List<Found> found) throws IOException {
        if (!s.isDirectory()) {
            add(s, root, found);
            return;
        }
        String name = s.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) return;
        for (FileStatus child : fs.listStatus(s.getPath())) walk(fs, child, root, found);
    }

    private static void add(FileStatus s, String root, List<Found> found) {
        String name = s.getPath().getName();
        // Hidden files and Hadoop's markers (_SUCCESS, _temporary) are no exports.
        if (name.startsWith(".") || name.startsWith("_") || s.getPath().toString().contains("/_temporary/")) return;
        String uri = s.getPath().toUri().toString();
        String qualified = s.getPath().toString();
        String label = qualified.startsWith(root) ? qualified.substring(root.length()) : name;
        while (label.startsWith("/")) label = label.substring(1);
        found.add(new Found(uri, label.isEmpty() ? name : label, tenantId(label), s.getLen()));
    }

    static String tenantId(String label) {
        Matcher m = TENANT.matcher(label);
        String id = null;
        while (m.find()) id = m.group(1);
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    /** The qualified folder labels are relative to: the pattern up to its first glob character, or the folder itself. */
    private static String root(String pattern, FileSystem fs, Path path) throws IOException {
        int glob = firstGlob(pattern);
        Path base;
        if (glob >= 0) {
            String prefix = pattern.substring(0, glob);
            int slash = prefix.lastIndexOf('/');
            base = new Path(slash <= 0 ? "/" : prefix.substring(0, slash));
        } else {
            base = fs.getFileStatus(path).isDirectory() ? path : path.getParent();
        }
        return fs.makeQualified(base).toString();
    }

    private static int firstGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
