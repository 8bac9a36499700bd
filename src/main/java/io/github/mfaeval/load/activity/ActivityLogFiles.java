package io.github.mfaeval.load.activity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which files of a tenant folder are Azure Activity Log exports: {@code activityLog*.json|.jsonl|.ndjson|.csv}, optionally gzipped. */
public final class ActivityLogFiles {
    public static final String PATTERN = "activityLog*.{json,jsonl,ndjson,csv}[.gz]";
    private static final Pattern NAME = Pattern.compile("activitylog.*\\.(json|jsonl|ndjson|csv)(\\.gz)?");

    private ActivityLogFiles() {
    }

    public static boolean isActivityLogName(String fileName) {
        return NAME.matcher(fileName.toLowerCase(Locale.ROOT)).matches();
    }
}
