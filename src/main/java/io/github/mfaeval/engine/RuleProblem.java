package io.github.mfaeval.engine;

/** A problem in a rule file, located as precisely as Drools allows. {@code line} is 0 when unknown. */
public record RuleProblem(String file, int line, boolean error, String message) {
    /** The same problem in another file (an edition's view names files relative to it; the folder knows where they are). */
    public RuleProblem in(String path) {
        return new RuleProblem(path, line, error, message);
    }

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + (error ? "" : "warning: ") + message;
    }
}
