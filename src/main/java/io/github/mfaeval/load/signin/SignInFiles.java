package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Sniff;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Which files of a tenant folder are sign-in exports. A name qualifies when it contains "signin" (any case;
 * "-", "_", spaces and dots ignored: signIns.json, InteractiveSignIns_2025-11-01_2025-11-28.csv,
 * AADNonInteractiveUserSignInLogs.csv, sign-ins.jsonl all do). Its format is then told from its content.
 * docs/formats.md documents the rule.
 */
public final class SignInFiles {
    /** Extensions read, each optionally followed by .gz. */
    public static final List<String> EXTENSIONS = List.of(".json", ".jsonl", ".ndjson", ".csv");
    /** How the rule reads in messages and in the list of missing inputs. */
    public static final String PATTERN = "*signIn*.{json,jsonl,ndjson,csv}[.gz]";

    private SignInFiles() {
    }

    /** The name is meant as a sign-in export (hidden files are not). */
    public static boolean isSignInName(String fileName) {
        if (fileName.startsWith(".")) return false;
        return fileName.toLowerCase(Locale.ROOT).replaceAll("[-_. ]", "").contains("signin");
    }

    /** The extension is one that is read; other sign-in names are refused with {@link #unsupported(String)}. */
    public static boolean isSupported(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        for (String e : EXTENSIONS) {
            if (n.endsWith(e)) return true;
        }
        return false;
    }

    /**
     * Whether the head of a file (read from {@code in}) shows plain UTF-8 NDJSON, whose lines may be read in ranges
     * cut anywhere (a cluster's parts): the intake's own test, so that whoever cuts files asks it rather than sniffing.
     */
    public static boolean cutsIntoLines(String name, InputStream in) throws IOException {
        Sniff sniff = Sniff.of(name, in);
        return sniff.kind() == Sniff.Kind.NDJSON && !sniff.gzip() && sniff.encoding().equals("UTF-8");
    }

    static String unsupported(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        String hint = n.endsWith(".xlsx") || n.endsWith(".xls") ? " (an Excel workbook: save it as CSV, UTF-8)"
                : n.endsWith(".zip") ? " (a ZIP archive: extract it into the folder)" : "";
        return "is named as a sign-in export but is not .json, .jsonl, .ndjson or .csv (optionally .gz)" + hint;
    }
}
