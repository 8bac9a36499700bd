package io.github.mfaeval.model;

/**
 * One file that {@code collection.json} lists, as {@code collect} left it: a fact of the user stage, so that the
 * rules decide which gaps leave the evidence incomplete (a sign-in file that failed is no evidence of sign-ins).
 * {@code present} says whether the file is in the folder now; {@code status} is collect's word (collected,
 * partial, forbidden, failed, skipped, or anything else a hand-edited file says: the rules treat only
 * {@code collected} as evidence).
 */
public final class CollectedFile {
    /** What the file is evidence of, from its name, as the loader tells sign-in and Activity Log exports apart. */
    public enum Evidence { SIGN_INS, ACTIVITY_LOG, CONFIGURATION }

    private final String name;
    private final String status;
    private final Evidence evidence;
    private final boolean present;
    private final String detail;

    public CollectedFile(String name, String status, Evidence evidence, boolean present, String detail) {
        this.name = name;
        this.status = status == null ? "unknown" : status;
        this.evidence = evidence;
        this.present = present;
        this.detail = detail == null ? "" : detail;
    }

    public String getName() { return name; }
    public String getStatus() { return status; }
    public Evidence getEvidence() { return evidence; }
    public boolean isPresent() { return present; }
    /** Why it was not collected, and the permission it needs, as collection.json says ("" when it says nothing). */
    public String getDetail() { return detail; }
}
