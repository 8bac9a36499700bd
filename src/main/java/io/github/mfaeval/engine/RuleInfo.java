package io.github.mfaeval.engine;

import java.util.Comparator;

/** A rule of the catalogue: its metadata and where it is written. */
public record RuleInfo(String id, String title, String section, String severity, String stage, String file) {

    /** By id, numbers compared as numbers: MM-SCHED-2 before MM-SCHED-10. */
    public static final Comparator<RuleInfo> BY_ID = (a, b) -> compareIds(a.id(), b.id());

    public static int compareIds(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (!pa.equals(pb)) return pa.compareTo(pb);
        String na = a.substring(pa.length());
        String nb = b.substring(pb.length());
        return Long.compare(na.isEmpty() ? 0 : Long.parseLong(na), nb.isEmpty() ? 0 : Long.parseLong(nb));
    }
}
