package io.github.mfaeval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's chromium, driven as a plain process: no WebDriver, no network, a fresh profile per run. Enough to
 * load a page, let its scripts run, and read back the resulting DOM or a screenshot.
 */
final class HeadlessChromium {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** $MFA_EVAL_CHROMIUM, else /usr/bin/chromium, else chromium on the PATH; empty when there is none. */
    static Optional<HeadlessChromium> find() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("MFA_EVAL_CHROMIUM");
        if (configured != null && !configured.isBlank()) candidates.add(Path.of(configured));
        candidates.add(Path.of("/usr/bin/chromium"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) candidates.add(Path.of(dir, "chromium"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /**
     * The browser for a test: skips the test when there is none, but fails it when MFA_EVAL_REQUIRE_CHROMIUM=1 (CI
     * installs Chromium and sets it, so a browser check can never be skipped there without anyone noticing).
     */
    static HeadlessChromium forTest() {
        HeadlessChromium chromium = find().orElse(null);
        if (chromium == null && "1".equals(System.getenv("MFA_EVAL_REQUIRE_CHROMIUM"))) {
            org.junit.jupiter.api.Assertions.fail("chromium is not installed, and MFA_EVAL_REQUIRE_CHROMIUM=1 says this run must check the pages in it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null,
                "chromium is not installed (apt-get install -y chromium): the browser checks are skipped");
        return chromium;
    }

    /** The DOM after the page loaded and its scripts ran, serialized as HTML. */
    String dumpDom(URI page) {
        return run(List.of("--dump-dom", page.toString()));
    }

    /**
     * The DOM of a page of ours loaded in a frame of the given size, with the frame's document readable from its
     * parent (file:// pages are then one origin): see {@link FramedPage}, which writes the measuring parent page.
     */
    String dumpDomAllowingFileAccess(URI page, int width, int height) {
        return run(List.of("--allow-file-access-from-files", "--window-size=" + width + "," + height, "--dump-dom", page.toString()));
    }

    void screenshotAllowingFileAccess(URI page, Path png, int width, int height) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("--allow-file-access-from-files", "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height, page.toString()));
    }

    void screenshot(URI page, Path png, int width, int height) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, page.toString()));
    }

    private String run(List<String> args) {
        Path profile = null;
        Path stdout = null;
        Path stderr = null;
        Process process = null;
        try {
            profile = Files.createTempDirectory("mfa-eval-chromium-");
            stdout = Files.createTempFile("mfa-eval-chromium-", ".out");
            stderr = Files.createTempFile("mfa-eval-chromium-", ".err");
            List<String> command = new ArrayList<>();
            command.add(executable.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + profile);
            command.addAll(args);
            // Output goes to files: a DOM bigger than a pipe buffer must not block the browser.
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": " + command + "\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process != null && process.isAlive()) process.destroyForcibly();
            deleteQuietly(profile);
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) return;
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary file is not worth failing a test for.
        }
    }
}
