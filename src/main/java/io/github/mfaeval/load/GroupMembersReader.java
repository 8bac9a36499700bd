package io.github.mfaeval.load;

import io.github.mfaeval.load.text.InputFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.result.Rejection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * groupMembers.json, {groupId: [userId, …]}: the members of the groups Conditional Access policies name. Missing
 * only matters when a policy names a group, so it is read after the policies.
 */
final class GroupMembersReader {
    private GroupMembersReader() {
    }

    static void read(FolderReading f, Export export) {
        TenantData data = f.data;
        Path file = f.file(export);
        String name = FolderReading.nameOf(file);
        String problem = InputFiles.problem(file);
        if (problem != null) data.rejected.add(new Rejection(name, "", problem));
        if (problem != null || !Files.isRegularFile(file)) {
            if (data.caPolicies.stream().anyMatch(CaPolicyRecord::usesGroups)) f.missing(export);
            return;
        }
        JsonNode groups = f.object(export, "expected an object {groupId: [userId, …]}");
        if (groups == null) return;
        int count = 0;
        Iterator<Map.Entry<String, JsonNode>> it = groups.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            count++;
            if (!e.getValue().isArray()) {
                data.rejected.add(new Rejection(name, "group " + e.getKey(), "members must be an array of user ids"));
                continue;
            }
            data.knownGroups.add(e.getKey().toLowerCase(Locale.ROOT));
            for (JsonNode member : e.getValue()) {
                data.groupsOfUser.computeIfAbsent(member.asText().toLowerCase(Locale.ROOT), k -> new HashSet<>())
                        .add(e.getKey().toLowerCase(Locale.ROOT));
            }
        }
        data.filesRead.put(name, count);
    }
}
