package io.github.mfaeval.load;

import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.text.Dates;
import io.github.mfaeval.model.EnforcementSettingsUnknown;
import io.github.mfaeval.model.TenantPhaseSetting;
import io.github.mfaeval.result.CollectionInfo;
import io.github.mfaeval.result.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * enforcementSettings.json: the tenant's {@code Microsoft.PortalServices/settings/default} resource exactly as ARM
 * returned it (collect), or {@code {"notFound": true}} when ARM answered 404 (the tenant never changed the setting).
 * Gives one {@link TenantPhaseSetting} per phase. When collect could not read it (collection.json says forbidden or
 * failed), or the file is unusable, the settings are unknown ({@link EnforcementSettingsUnknown}), never the default.
 */
final class EnforcementSettingsReader {
    static final String FILE = "enforcementSettings.json";
    private static final Set<String> MODES = Set.of("default", "optout", "enforce");

    private EnforcementSettingsReader() {
    }

    /**
     * Whether collection.json says {@code file} could not be read (forbidden or failed): then the tenant's enforcement
     * state is unknown, recorded as such with collect's reason and the permission it names, never the default.
     */
    static boolean notCollected(FolderReading f, String file) {
        CollectionInfo.File entry = f.data.collection == null ? null : f.data.collection.file(file);
        if (entry == null || !("forbidden".equals(entry.status()) || "failed".equals(entry.status()))) return false;
        String why = entry.reason() == null ? "" : entry.reason();
        if (entry.missingPermission() != null) why += (why.isEmpty() ? "" : "; ") + "needs " + entry.missingPermission();
        f.data.settingsUnknown.add(new EnforcementSettingsUnknown(file, entry.status(), why));
        return true;
    }

    static void read(FolderReading f, Export export) {
        if (notCollected(f, FILE)) return;
        if (!InputFiles.exists(f.file(export))) return;
        if (!f.present(export, true)) {
            f.data.settingsUnknown.add(new EnforcementSettingsUnknown(FILE, "rejected", "the file cannot be read"));
            return;
        }
        JsonNode node = f.object(export, "expected a JSON object (the settings resource as ARM returns it)");
        String name = FolderReading.nameOf(f.file(export));
        if (node == null) {
            f.data.settingsUnknown.add(new EnforcementSettingsUnknown(FILE, "rejected", "the file is not a JSON object"));
            return;
        }
        CollectionInfo.File entry = f.data.collection == null ? null : f.data.collection.file(FILE);
        String collectedAt = entry == null ? null : entry.collectedAt();
        try {
            JsonNode mfa = null;
            if (!Boolean.TRUE.equals(Json.bool(node, "notFound"))) {
                refuseWithoutSettings(node);
                JsonNode props = StrictFields.object(node, "", "properties");
                mfa = StrictFields.object(props, "properties.", "multiFactorAuthentication");
            }
            if (mfa == null) {
                // never changed: Microsoft's schedule, no dates of the tenant's own
                f.data.tenantSettings.add(new TenantPhaseSetting(1, TenantPhaseSetting.Mode.DEFAULT, null, collectedAt));
                f.data.tenantSettings.add(new TenantPhaseSetting(2, TenantPhaseSetting.Mode.DEFAULT, null, collectedAt));
            } else {
                String path = "properties.multiFactorAuthentication.";
                String mode = StrictFields.oneOf(mfa, path, "portalEnforcement", MODES);
                TenantPhaseSetting.Mode m = mode == null ? TenantPhaseSetting.Mode.DEFAULT : switch (mode.toLowerCase(Locale.ROOT)) {
                    case "optout" -> TenantPhaseSetting.Mode.OPT_OUT;
                    case "enforce" -> TenantPhaseSetting.Mode.ENFORCE;
                    default -> TenantPhaseSetting.Mode.DEFAULT;
                };
                f.data.tenantSettings.add(new TenantPhaseSetting(1, m, date(mfa, path, "portalEnforcementDate"), collectedAt));
                f.data.tenantSettings.add(new TenantPhaseSetting(2, TenantPhaseSetting.Mode.DEFAULT, date(mfa, path, "armEnforcementDate"), collectedAt));
            }
            f.data.filesRead.put(name, 1);
        } catch (IllegalArgumentException e) {
            f.data.tenantSettings.clear();
            f.data.rejected.add(new Rejection(name, "", e.getMessage()));
            f.data.settingsUnknown.add(new EnforcementSettingsUnknown(FILE, "rejected", e.getMessage()));
        }
    }

    /**
     * Refuses a document that carries no settings, so it cannot read as "never changed": an ARM error envelope (a 403
     * saved as the file is "unknown", never "default"), or an object that is neither the settings resource nor collect's
     * 404 record. Only the resource itself (its type or id says so) may lack {@code multiFactorAuthentication}: that is
     * the documented "never changed"; a bare {@code properties} without it is not evidence of anything.
     */
    private static void refuseWithoutSettings(JsonNode node) {
        JsonNode error = Json.field(node, "error");
        if (error != null && !error.isNull()) {
            String code = error.path("code").asText("");
            String message = error.path("message").asText("");
            throw new IllegalArgumentException("the file is an Azure Resource Manager error, not the settings"
                    + (code.isEmpty() ? "" : ": " + code) + (message.isEmpty() ? "" : " (" + message + ")"));
        }
        JsonNode props = Json.field(node, "properties");
        if (props == null || !props.isObject()) {
            throw new IllegalArgumentException("the file carries no settings (no properties object)");
        }
        JsonNode mfa = Json.field(props, "multiFactorAuthentication");
        if (mfa != null && !mfa.isNull()) return;
        boolean resource = node.path("type").asText("").equalsIgnoreCase("Microsoft.PortalServices/settings")
                || node.path("id").asText("").toLowerCase(Locale.ROOT).endsWith("/providers/microsoft.portalservices/settings/default");
        if (!resource) {
            throw new IllegalArgumentException("the file carries no settings (properties has no multiFactorAuthentication and the"
                    + " document does not say it is the Microsoft.PortalServices/settings resource)");
        }
    }

    /** A date-time in UTC (ISO 8601), as its UTC day; null when absent. */
    private static LocalDate date(JsonNode node, String path, String field) {
        String text = StrictFields.text(node, path, field);
        if (text == null) return null;
        Instant t = Dates.parse(text);
        if (t == null) throw new IllegalArgumentException("field " + path + field + " is not a date and time: \"" + text + "\"");
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
