package io.github.mfaeval.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The style and scripts every page of ours inlines (a tenant's report and the batch index), and the
 * Content-Security-Policy that allows exactly them, by hash, and nothing else: the pages look and behave
 * alike, and a value that slipped through escaping could neither run nor load anything on either of them.
 */
public final class PageAssets {
    public static final String CSS = resource("report.css");
    /** Goes first in the head: it writes script errors and blocked resources into the page. */
    public static final String ERROR_HOOK = resource("report-errors.js");
    /** Sorting and filtering of tables marked {@code sortable} / {@code filterable}; goes last in the body. */
    public static final String SCRIPT = resource("report.js");
    public static final String POLICY = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
            + sha256(ERROR_HOOK) + "' '" + sha256(SCRIPT) + "'; img-src data:; base-uri 'none'; form-action 'none'";

    private PageAssets() {
    }

    private static String resource(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Inlined verbatim between <style> or <script> tags: a closing tag inside would end them early.
            if (text.toLowerCase(java.util.Locale.ROOT).contains("</")) {
                throw new IllegalStateException(name + " must not contain \"</\"");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSP source for an inline block: its SHA-256, as browsers compute it over the exact text. */
    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
