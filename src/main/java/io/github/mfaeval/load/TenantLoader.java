package io.github.mfaeval.load;

import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.model.MissingInput;
import io.github.mfaeval.result.CollectionGap;
import java.util.List;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a tenant folder: the manifest (required) and whichever exports are present, each by its reader in the
 * table of exports ({@link Exports}).
 */
public final class TenantLoader {
    public static final String MANIFEST = "tenant.json";

    /** The export files whose absence is a gap, and what the rules cannot check without each. */
    public static final Map<String, String> EXPORTS = Exports.required();

    private TenantLoader() {
    }

    public static TenantData load(Path folder) throws InputException {
        TenantData data = read(folder);
        if (data.manifestProblem != null) throw data.manifestProblem;
        return data;
    }

    /**
     * Reads what the folder holds even when the manifest is missing or wrong ({@code inspect} shows the rest);
     * the manifest's problem is kept in {@link TenantData#manifestProblem} and {@link TenantData#tenant} is then null.
     */
    public static TenantData read(Path folder) throws InputException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder + ": not a folder");
        }
        TenantData data = new TenantData();
        data.folder = folder;
        FolderReading reading = new FolderReading(folder, data);
        for (Export export : Exports.ALL) {
            warnOfCopies(folder, export, data);
            try {
                export.reader().read(reading, export);
            } catch (IOException e) {
                throw new InputException(folder + ": cannot read: " + e.getMessage(), e);
            }
        }
        explainGaps(data);
        return data;
    }

    /** A missing file that collect could not get says so, and what to do, in the collection's words. */
    private static void explainGaps(TenantData data) {
        List<CollectionGap> gaps = CollectionGap.of(data.collection);
        if (gaps.isEmpty()) return;
        data.missing.replaceAll(m -> gaps.stream().filter(g -> m.getFile().equals(g.file())).findFirst()
                .map(g -> new MissingInput(m.getFile(), m.getNeededFor(), g.why(), g.advice())).orElse(m));
    }

    /** users.json beside users.json.gz: the first name is read, the other is not, and the user is told so. */
    private static void warnOfCopies(Path folder, Export export, TenantData data) {
        String read = null;
        for (String name : export.names()) {
            if (!InputFiles.exists(folder.resolve(name))) continue;
            if (read == null) read = name;
            else data.warnings.add(name + ": not read, " + read + " is read instead; keep one of the two");
        }
    }
}
