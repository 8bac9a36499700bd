package io.github.mfaeval.report;

import java.util.Map;

/**
 * A format made of several files (CSV: one per level). It only names the files and renders each one; the caller
 * decides where they go and writes them, so renderers never touch the file system.
 */
public interface FileSetRenderer {
    /** File name to the renderer of that file's content, in the order a reader should open them. */
    Map<String, Renderer> files();
}
