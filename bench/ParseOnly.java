import io.github.mfaeval.pipeline.TenantPipeline;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark's parse floor (bench/run.sh), run against the jar, not part of it: reads a tenant folder's sign-ins
 * exactly as evaluate does (same intake, mapping and de-duplication, {@code READERS} threads parsing, by default one
 * per core) but evaluates nothing ({@code TenantPipeline.readOnly}). What evaluate does beyond it is the rules' cost.
 *
 *   javac -d DIR -cp target/mfa-eval.jar bench/ParseOnly.java && java -cp target/mfa-eval.jar:DIR ParseOnly TENANT [READERS]
 * prints: parse-only: N sign-ins read (R rejected, D duplicate) in S s, X sign-ins/s
 */
public final class ParseOnly {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ParseOnly TENANT_FOLDER [READERS]");
            System.exit(2);
        }
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : TenantPipeline.defaultReaders();
        long start = System.nanoTime();
        TenantPipeline.ReadCounts c = TenantPipeline.readOnly(Path.of(args[0]), readers);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "parse-only: %d sign-ins read (%d rejected, %d duplicate) in %.3f s, %.0f sign-ins/s%n",
                c.read(), c.rejected(), c.duplicates(), seconds, c.read() / seconds);
    }
}
