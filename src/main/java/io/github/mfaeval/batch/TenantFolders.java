package io.github.mfaeval.batch;

import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.TenantLoader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The tenants under a batch root: each direct sub-folder holding a tenant.json, named by its folder name
 * (which names its report folder too). Sub-folders without tenant.json are listed as skipped rather than
 * silently ignored, since a forgotten manifest should not make a tenant vanish from the nightly run.
 */
record TenantFolders(List<Tenant> tenants, List<String> skipped) {

    record Tenant(String key, Path folder) {
    }

    /** Finds the tenants, leaving out hidden folders and the given folders (the run's own output, its baseline). */
    static TenantFolders find(Path root, Collection<Path> exclude) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder");
        }
        List<Path> excluded = exclude.stream().filter(p -> p != null).map(p -> p.toAbsolutePath().normalize()).toList();
        List<Tenant> tenants = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || excluded.contains(child.toAbsolutePath().normalize())) continue;
                // present in any form: a tenant.json that is a pipe or a link out of the folder is that tenant's
                // input error (FAILED, named), not a reason to skip it
                if (InputFiles.exists(child.resolve(TenantLoader.MANIFEST))) {
                    tenants.add(new Tenant(name, child));
                } else {
                    skipped.add(name);
                }
            }
        }
        tenants.sort((a, b) -> a.key().compareTo(b.key()));
        skipped.sort(null);
        return new TenantFolders(List.copyOf(tenants), List.copyOf(skipped));
    }
}
