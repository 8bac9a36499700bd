package io.github.mfaeval.model;

/** An export file the tenant folder lacks, and what the rules cannot check without it. */
public final class MissingInput {
    private final String file;
    private final String neededFor;

    public MissingInput(String file, String neededFor) {
        this.file = file;
        this.neededFor = neededFor;
    }

    public String getFile() { return file; }
    public String getNeededFor() { return neededFor; }
}
