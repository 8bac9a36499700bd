package io.github.mfaeval.engine;

/**
 * A problem in a rule file, located as precisely as Drools allows. {@code line} is 0 when unknown, {@code column}
 * too (1 is the first character of the line).
 */
public record RuleProblem(String file, int line, int column, boolean error, String message) {
    public RuleProblem(String file, int line, boolean error, String message) {
        this(file, line, 0, error, message);
    }

    /** The same problem in another file (an edition's view names files relative to it; the folder knows where they are). */
    public RuleProblem in(String path) {
        return new RuleProblem(path, line, column, error, message);
    }

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file) + ": " + (error ? "" : "warning: ") + message;
    }
}
