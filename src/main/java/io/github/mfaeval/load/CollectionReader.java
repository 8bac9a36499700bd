package io.github.mfaeval.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.result.CollectionInfo;

import java.nio.file.Files;

/** collection.json, written by collect: shown in the report's inputs; not an export, so never "missing". */
final class CollectionReader {
    private CollectionReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!Files.isRegularFile(f.file(export))) return;
        JsonNode node = f.object(export, "expected a JSON object");
        if (node != null) f.data.collection = CollectionInfo.of(node);
    }
}
