package io.github.mfaeval.load;

import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.JsonRecords;
import io.github.mfaeval.load.text.JsonSyntax;
import io.github.mfaeval.result.Rejection;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CISA ScubaGear's {@code ProviderSettingsExport.json}: a whole tenant's configuration as PowerShell SDK objects
 * (PascalCase, {@code /Date(ms)/}). It holds complete Conditional Access policies, the authentication methods
 * policy and the assignments of the privileged roles, so a tenant folder with only this file still gets those
 * facts. A dedicated export (conditionalAccessPolicies.json, …) wins over it when both are present.
 */
final class ScubaGearExport {
    static final String NAME = "ProviderSettingsExport.json";

    final String name;
    final JsonNode root;

    private ScubaGearExport(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** The reader of the table of exports: finds the export, for the readers of the files it stands in for. */
    static void read(FolderReading f, Export export) throws IOException {
        f.scuba = find(f.folder, f.data);
    }

    /** The export in the folder, or null; a file by that name that is not one is a rejection. */
    static ScubaGearExport find(Path folder, TenantData data) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.startsWith("providersettingsexport") && n.endsWith(".json")) found.add(p);
            }
        }
        found.sort(null);
        for (Path p : found) {
            String name = p.getFileName().toString();
            String problem = InputFiles.problem(p);
            if (problem != null || !Files.isRegularFile(p)) {
                data.rejected.add(new Rejection(name, "", problem != null ? problem : "not a regular file"));
                continue;
            }
            JsonNode root;
            try {
                root = JsonRecords.readTree(p);
            } catch (io.github.mfaeval.load.text.JsonRecords.NotJson e) {
                data.rejected.add(new Rejection(name, e.where(), e.getMessage()));
                continue;
            } catch (IOException e) {
                data.rejected.add(new Rejection(name, "", "malformed JSON: " + JsonSyntax.describe(e)));
                continue;
            }
            if (root == null || !root.isObject() || (root.get("conditional_access_policies") == null
                    && root.get("authentication_method") == null && root.get("privileged_roles") == null)) {
                data.rejected.add(new Rejection(name, "", "is not a ScubaGear ProviderSettingsExport: it has none of "
                        + "conditional_access_policies, authentication_method, privileged_roles"));
                continue;
            }
            return new ScubaGearExport(name, root);
        }
        return null;
    }

    /** Conditional Access policies (Get-MgBetaIdentityConditionalAccessPolicy objects), or null. */
    JsonNode conditionalAccessPolicies() {
        JsonNode p = root.get("conditional_access_policies");
        return p != null && p.isArray() ? p : null;
    }

    /** The authentication methods policy, with its configurations in authenticationMethodConfigurations, or null. */
    JsonNode authenticationMethodConfigurations() {
        JsonNode am = root.get("authentication_method");
        if (am == null) return null;
        if (am.isArray()) am = am.size() > 0 ? am.get(0) : null;
        if (am == null || !am.isObject()) return null;
        JsonNode settings = am.get("authentication_method_feature_settings");
        return settings != null && settings.isArray() ? settings : null;
    }

    /** privileged_roles: each role with its Assignments (PrincipalId, RoleDefinitionId), or null. */
    JsonNode privilegedRoles() {
        JsonNode r = root.get("privileged_roles");
        return r != null && r.isArray() ? r : null;
    }
}
