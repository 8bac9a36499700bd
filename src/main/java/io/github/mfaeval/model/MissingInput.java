package io.github.mfaeval.model;

/**
 * An export file the tenant folder lacks, what the rules cannot check without it, and in words why it is missing and
 * what to do: exported by hand, "is missing from the tenant folder" / "export it (see docs/formats.md) and evaluate
 * again"; for a folder made by {@code collect} that could not get it, the collection's own words
 * (result.CollectionGap: "was not collected (forbidden)" / "grant PERMISSION and collect again").
 */
public final class MissingInput {
    public static final String NOT_IN_FOLDER = "is missing from the tenant folder";
    public static final String EXPORT_IT = "export it (see docs/formats.md) and evaluate again";

    private final String file;
    private final String neededFor;
    private final String why;
    private final String todo;

    public MissingInput(String file, String neededFor) {
        this(file, neededFor, NOT_IN_FOLDER, EXPORT_IT);
    }

    public MissingInput(String file, String neededFor, String why, String todo) {
        this.file = file;
        this.neededFor = neededFor;
        this.why = why;
        this.todo = todo;
    }

    public String getFile() { return file; }
    public String getNeededFor() { return neededFor; }
    public String getWhy() { return why; }
    public String getTodo() { return todo; }
}
