package io.github.mfaeval.load;

import io.github.mfaeval.load.signin.PowerShellDump;
import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.load.text.JsonSyntax;
import io.github.mfaeval.load.text.Position;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.text.JsonRecords;
import io.github.mfaeval.model.MissingInput;
import io.github.mfaeval.result.Rejection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One tenant folder being read: what the readers of {@link Exports} share (the folder, the data read so far, a
 * ScubaGear export standing in for missing files) and the steps every reader takes alike: is the file there and
 * openable, stream its records or read its object, refuse a record with file, record and line.
 */
public final class FolderReading {
    final Path folder;
    final TenantData data;
    /** The ScubaGear export of the folder, when there is one; read before the files it stands in for. */
    ScubaGearExport scuba;

    FolderReading(Path folder, TenantData data) {
        this.folder = folder;
        this.data = data;
    }

    /** The file of the export: the first of its names that exists, else its main name. */
    Path file(Export export) {
        for (String n : export.names()) {
            Path p = folder.resolve(n);
            if (InputFiles.exists(p)) return p;
        }
        return folder.resolve(export.name());
    }

    /** True when the export's file is there and may be opened; otherwise a rejection or a missing input is noted. */
    boolean present(Export export) {
        return present(export, false);
    }

    /** {@code elsewhere}: the facts come from another file (ScubaGear) when this one is absent, so it is not missing. */
    boolean present(Export export, boolean elsewhere) {
        Path file = file(export);
        if (InputFiles.exists(file)) {
            String problem = InputFiles.problem(file);
            if (problem == null) return true;
            data.rejected.add(new Rejection(nameOf(file), "", problem));
        }
        if (!elsewhere) missing(export);
        return false;
    }

    void missing(Export export) {
        data.missing.add(new MissingInput(export.name(), export.neededFor()));
    }

    static String nameOf(Path file) {
        return file.getFileName().toString();
    }

    /** Each record of a list export, with rejections for records that fail; counts the records read. */
    void records(Export export, BiConsumer<JsonNode, String> each) {
        Path file = file(export);
        String name = nameOf(file);
        long[] count = {0};
        try {
            JsonRecords.records(file, new JsonRecords.Records() {
                @Override
                public void record(JsonNode node, Position at) {
                    count[0]++;
                    one(name, at.toString(), node, each);
                }

                @Override
                public void broken(String where, String reason, long n) {
                    data.rejected.add(new Rejection(name, where, reason, n));
                }
            });
        } catch (java.nio.file.AccessDeniedException e) {
            data.rejected.add(new Rejection(name, "", "cannot be read: permission denied"));
        } catch (IOException e) {
            // a read error: the records before it stand, the rest is refused
            data.rejected.add(new Rejection(name, "", "cannot be read: " + e.getMessage() + "; the rest of the file is not read"));
        }
        data.filesRead.put(name, (int) count[0]);
    }

    /** The records of an array inside the ScubaGear export, named "section[i]". */
    void records(String section, JsonNode array, BiConsumer<JsonNode, String> each) {
        int i = 0;
        for (JsonNode node : array) {
            one(scuba.name, section + "[" + i++ + "]", node, each);
        }
        data.filesRead.put(scuba.name + " " + section, i);
    }

    /** One record: refused when a PowerShell dump cut it, or when its reader finds it wrong. */
    void one(String name, String where, JsonNode node, BiConsumer<JsonNode, String> each) {
        String cut = PowerShellDump.cutAt(node);
        if (cut != null) {
            data.rejected.add(new Rejection(name, where, PowerShellDump.problem(cut, node)));
            return;
        }
        try {
            each.accept(node, where);
        } catch (IllegalArgumentException e) {
            data.rejected.add(new Rejection(name, where, e.getMessage()));
        }
    }

    /** The JSON object of a one-object export, or null (with a rejection) when the file holds none. */
    JsonNode object(Export export, String expected) {
        Path file = file(export);
        String name = nameOf(file);
        try {
            JsonNode node = JsonRecords.readTree(file);
            if (node == null || !node.isObject()) {
                data.rejected.add(new Rejection(name, "", expected));
                return null;
            }
            return node;
        } catch (JsonRecords.NotJson e) {
            data.rejected.add(new Rejection(name, e.where(), e.getMessage()));
            return null;
        } catch (IOException e) {
            data.rejected.add(new Rejection(name, "", "malformed JSON: " + JsonSyntax.describe(e)));
            return null;
        }
    }

    /** A required field of a record. */
    static String required(JsonNode node, String field) {
        String v = Json.text(node, field);
        if (v == null) throw new IllegalArgumentException("missing required field " + field);
        return v;
    }

    /** A required string field: a number or an object there is a wrong type, not an id. */
    static String requiredText(JsonNode node, String field) {
        String v = StrictFields.text(node, "", field);
        if (v == null) throw new IllegalArgumentException("missing required field " + field);
        return v;
    }

    static Set<String> lowerSet(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) out.add(v.toLowerCase(Locale.ROOT));
        return out;
    }
}
