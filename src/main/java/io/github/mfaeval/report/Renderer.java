package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import java.io.IOException;
import java.io.Writer;

/** Turns a report into one output format. */
public interface Renderer {
    void render(Report report, Writer out) throws IOException;
}
