package io.github.mfaeval.load;

import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.load.signin.SignInFiles;
import io.github.mfaeval.result.Report;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The fuzz smoke of the hostile-input suite (docs/hostile-input.md): every export format the tool reads (the
 * fixtures under src/test/resources/formats, one folder per format), mutated by generated edits (bytes flipped,
 * hostile tokens inserted: NaN, NUL, quotes, brackets, line ends, byte-order marks, invalid UTF-8, escape and bidi
 * characters; ranges deleted or doubled; truncation; gzip), then read. On every input: it ends within a bound (no
 * hang), nothing escapes as an exception, no record is lost to an internal error, and read = evaluated + rejected +
 * duplicate, per file in the inventory and in the report.
 *
 * <p>jqwik generates the edits from a fixed seed, so CI runs the same inputs every time and a failure shrinks to a
 * minimal edit list; {@code -Djqwik.tries.default} or a new seed explores further. The number of inputs run is printed
 * ("fuzz: N inputs ...") and asserted.
 */
class ReaderFuzzTest {
    static final Path FORMATS = TestRules.PROJECT.resolve("src/test/resources/formats");
    static final int TRIES = 300;
    /** Every this many inputs also go through the rules, for the report's own counts. */
    static final int EVALUATE_EVERY = 10;
    static final AtomicInteger INPUTS = new AtomicInteger();
    static final AtomicInteger EVALUATED = new AtomicInteger();
    static final AtomicInteger REJECTING = new AtomicInteger();

    static final List<byte[]> TOKENS = Stream.of("NaN", "\u0000", "\"", "{", "}", "[", "]", ",", ":", "\n", "\r\n", "\r", "\uFEFF",
                    "\u001b[2J", "\u009b", "\u202E", "\\", "\\u0000", "\\ud800", "=cmd|' /C calc'!A0", ";", "\t", "-Infinity",
                    "1e999999999", "\"\"\"", "{\"value\": [", "\n{}\n", "null", "[[[[[[[[", "}}}}", "\"id\": \"00000000-0000-4000-8000-000000000001\"")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();

    /** The sign-in files of each format folder, the seeds. */
    static final List<Path> SEEDS = seeds();

    static List<Path> seeds() {
        try (Stream<Path> walk = Files.walk(FORMATS, 2)) {
            return walk.filter(p -> Files.isRegularFile(p) && SignInFiles.isSignInName(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit: what, where (a fraction of the length, in millionths), how much, which token. */
    record Edit(int kind, int where, int length, int token) {
    }

    @Provide
    Arbitrary<Edit> edit() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.integers().between(1, 400), Arbitraries.integers().between(0, TOKENS.size() - 1)).as(Edit::new);
    }

    @Property(tries = TRIES, seed = "20261202", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void anyMutationOfAnyFormatIsReadWithinBoundsAndAddsUp(@ForAll @IntRange(min = 0, max = 1000) int seedChoice,
                                                           @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("edit") Edit> edits,
                                                           @ForAll boolean gzip) throws Exception {
        Path seed = SEEDS.get(seedChoice % SEEDS.size());
        Path tenant = Files.createTempDirectory(Files.createDirectories(TestRules.PROJECT.resolve("target/fuzz")), "t");
        try {
            // the seed's whole folder, so the authentication-details file stays beside its sign-ins
            try (Stream<Path> files = Files.list(seed.getParent())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) Files.copy(f, tenant.resolve(f.getFileName()));
                }
            }
            byte[] bytes = Files.readAllBytes(seed);
            for (Edit e : edits) bytes = apply(bytes, e);
            if (gzip) bytes = gzip(bytes);
            Files.write(tenant.resolve(seed.getFileName()), bytes);
            int n = INPUTS.incrementAndGet();

            Inventory inv = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Inventory.of(tenant, 3), () -> "hang on " + describe(seed, edits));
            Inventory.SignInTotals t = inv.totals();
            assertEquals(t.read(), t.evaluated() + t.rejected() + t.duplicates(), () -> "inventory totals of " + describe(seed, edits));
            for (Inventory.SignInFileEntry f : inv.signInFiles()) {
                assertEquals(f.read(), f.evaluated() + f.rejected() + f.duplicates(), () -> f.name() + " of " + describe(seed, edits));
                for (Rejection r : f.rejections()) {
                    assertFalse(r.reason().contains("java.lang.") || r.reason().contains("Exception"),
                            () -> "an internal error as a rejection: " + r + " in " + describe(seed, edits));
                }
            }
            if (t.rejected() > 0) REJECTING.incrementAndGet();
            if (n % EVALUATE_EVERY == 0) {
                Report r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF));
                var m = r.summary();
                assertEquals(m.signInsRead(), m.signInsEvaluated() + m.signInsRejected() + m.signInsDuplicate(), () -> describe(seed, edits));
                assertEquals(m.signInsRejected(), r.inputs().rejected().stream().mapToLong(Rejection::records).sum()
                        - configurationRejections(r), () -> "the rejected list accounts for every record of " + describe(seed, edits));
                EVALUATED.incrementAndGet();
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tenant)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Rejections of files that are no sign-in exports (the seeds' configuration files are not mutated: none expected). */
    private static long configurationRejections(Report r) {
        return r.inputs().rejected().stream().filter(x -> !SignInFiles.isSignInName(x.file())).mapToLong(Rejection::records).sum();
    }

    @AfterContainer
    static void report() {
        System.out.printf("fuzz: %d inputs read (%d with rejected records), %d of them also evaluated through the rules%n",
                INPUTS.get(), REJECTING.get(), EVALUATED.get());
    }

    static String describe(Path seed, List<Edit> edits) {
        return FORMATS.relativize(seed) + " with " + edits;
    }

    static byte[] apply(byte[] b, Edit e) {
        int at = (int) ((long) e.where() * b.length / 1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
        switch (e.kind()) {
            case 0 -> { // flip a byte
                byte[] c = b.clone();
                if (c.length > 0) c[Math.min(at, c.length - 1)] ^= (byte) (1 << (e.length() % 8));
                return c;
            }
            case 1 -> { // insert a hostile token
                out.write(b, 0, at);
                out.writeBytes(TOKENS.get(e.token()));
                out.write(b, at, b.length - at);
            }
            case 2 -> { // delete a range
                int end = Math.min(b.length, at + e.length());
                out.write(b, 0, at);
                out.write(b, end, b.length - end);
            }
            case 3 -> { // double a range (a record repeated, or half of one)
                int end = Math.min(b.length, at + e.length() * 8);
                out.write(b, 0, end);
                out.write(b, at, b.length - at);
            }
            case 4 -> { // truncate
                out.write(b, 0, at);
            }
            case 5 -> { // bytes that are not UTF-8
                out.write(b, 0, at);
                out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
                out.write(b, at, b.length - at);
            }
            default -> { // a long line of one character
                out.write(b, 0, at);
                byte[] run = new byte[e.length() * 50];
                java.util.Arrays.fill(run, TOKENS.get(e.token())[0]);
                out.writeBytes(run);
                out.write(b, at, b.length - at);
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    @net.jqwik.api.Example
    void everyFormatHasASeed() {
        List<String> folders = new ArrayList<>();
        SEEDS.forEach(s -> {
            if (!folders.contains(s.getParent().getFileName().toString())) folders.add(s.getParent().getFileName().toString());
        });
        assertEquals(10, folders.size(), folders::toString);
    }
}
