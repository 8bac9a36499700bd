package io.github.mfaeval.cli;

import io.github.mfaeval.generate.TenantGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import io.github.mfaeval.text.Plural;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic tenant folders (for demos and benchmarks): full Graph beta sign-in records of "
                + "listed and other applications, interactive and not, members, guests, federated users, service and "
                + "break-glass accounts, workload identities, users with and without methods, Conditional Access policies. "
                + "The same seed gives the same bytes.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "2:bad option or cannot write"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tenants", paramLabel = "N", defaultValue = "1", description = "Tenants to write (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--users", paramLabel = "U", defaultValue = "100", description = "Users per tenant (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--sign-ins", paramLabel = "S", defaultValue = "1000", description = "Sign-in records per tenant (default: ${DEFAULT-VALUE}).")
    long signIns;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write tenant-00001, tenant-00002, … into.")
    Path out;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Overwrite tenant folders that already exist in --out (without it, generate refuses to).")
    boolean force;

    @Option(names = "--pages", description = "Write sign-in files as Graph pages ({\"value\": [...]}) instead of one record per line.")
    boolean pages;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (tenants < 1 || users < 1 || signIns < 0) {
            Main.error(err, "--tenants and --users must be at least 1, --sign-ins at least 0");
            return Main.ERROR;
        }
        if (!force) {
            // A folder of real exports or a tenant evaluated before must not be replaced by synthetic data without a word.
            List<Path> existing = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                Path folder = out.resolve(TenantGenerator.folderName(i));
                if (java.nio.file.Files.exists(folder)) existing.add(folder);
            }
            if (!existing.isEmpty()) {
                Main.error(err, existing.get(0) + (existing.size() > 1 ? " (and " + (existing.size() - 1) + " more)" : "")
                        + " already exists: generate would overwrite it. Add --force to overwrite, or choose another --out");
                return Main.ERROR;
            }
        }
        TenantGenerator generator = new TenantGenerator(seed, users, signIns, pages);
        // Tenants are independent: write several at once (each one's bytes depend only on the seed and its index).
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tenants, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    generator.write(index, out.resolve(TenantGenerator.folderName(index)));
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            Main.error(err, "cannot write " + out + ": " + (cause instanceof IOException ? cause.getMessage() : cause));
            return Main.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.ERROR;
        } finally {
            pool.shutdownNow();
        }
        spec.commandLine().getOut().printf("%s of %s and %s written to %s%n", Plural.count(tenants, "tenant"),
                Plural.count(users, "user"), Plural.count(signIns, "sign-in"), out);
        spec.commandLine().getOut().flush();
        return Main.READY;
    }
}
