package io.github.mfaeval.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What is wrong with a TENANT_DIR before anything is read, in a sentence: missing, a file, or a folder of tenants. */
final class TenantFolderCheck {
    private TenantFolderCheck() {
    }

    /** Null when the folder looks like one tenant (the loader then says what is wrong inside it). */
    static String problem(Path dir) {
        return problem(dir, "evaluate");
    }

    /** The same for a command reading one tenant ({@code evaluate}, {@code inspect}): it suggests itself on one tenant. */
    static String problem(Path dir, String command) {
        if (!Files.exists(dir)) return dir + ": not a folder: nothing by that name (TENANT_DIR is the folder holding tenant.json and the exports)";
        if (!Files.isDirectory(dir)) return dir + ": not a folder but a file (TENANT_DIR is the folder holding tenant.json and the exports)";
        if (Files.exists(dir.resolve("tenant.json"))) return null;
        List<String> tenants;
        try (Stream<Path> children = Files.list(dir)) {
            tenants = children.filter(c -> Files.isRegularFile(c.resolve("tenant.json")))
                    .map(c -> c.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return null;
        }
        if (tenants.isEmpty()) return null;
        String some = String.join(", ", tenants.subList(0, Math.min(3, tenants.size()))) + (tenants.size() > 3 ? ", …" : "");
        return dir + " holds " + tenants.size() + (tenants.size() == 1 ? " tenant folder" : " tenant folders") + " (" + some
                + ") but no tenant.json of its own. To " + command + " one: mfa-eval " + command + " " + dir.resolve(tenants.get(0))
                + "; to evaluate them all: mfa-eval batch " + dir + " --out DIR";
    }
}
