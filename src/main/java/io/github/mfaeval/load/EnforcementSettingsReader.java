package io.github.mfaeval.load;

import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.text.Dates;
import io.github.mfaeval.model.EnforcementSettingsUnknown;
import io.github.mfaeval.model.TenantPhaseSetting;
import io.github.mfaeval.result.CollectionInfo;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.text.SafeText;

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
        String notSettings = notTheSettings(node);
        if (notSettings != null) {
            f.data.rejected.add(new Rejection(name, "", notSettings));
            f.data.settingsUnknown.add(new EnforcementSettingsUnknown(FILE, "rejected", notSettings));
            return;
        }
        CollectionInfo.File entry = f.data.collection == null ? null : f.data.collection.file(FILE);
        String collectedAt = entry == null ? null : entry.collectedAt();
        try {
            JsonNode mfa = null;
            if (!Boolean.TRUE.equals(Json.bool(node, "notFound"))) {
                JsonNode props = StrictFields.object(node, "", "properties");
                mfa = props == null ? null : StrictFields.object(props, "properties.", "multiFactorAuthentication");
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
     * Why {@code node} is not the settings resource, or null when it is. Only the resource itself (its
     * {@code properties.multiFactorAuthentication}, or its {@code properties} without it when its type or id says it is
     * the settings resource) or collect's {@code {"notFound": true}} says "never changed" (enforcement-state.md: a 404 or a missing multiFactorAuthentication object). ARM's error
     * body, saved in its place (a 403: "treat as unknown, never as default"), or any object without properties says
     * nothing of the settings: read as "never changed" it would be the default schedule on no evidence.
     */
    private static String notTheSettings(JsonNode node) {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            String code = error.isObject() ? Json.text(error, "code") : null;
            String message = error.isObject() ? Json.text(error, "message") : null;
            return "is an error that Azure Resource Manager returned" + (code == null ? "" : " (" + code + (message == null ? "" : ": "
                    + SafeText.excerpt(message)) + ")") + ", not the tenant's settings: they are unknown";
        }
        JsonNode notFound = node.get("notFound");
        if (notFound != null && notFound.isBoolean() && notFound.booleanValue()) return null;
        JsonNode props = node.get("properties");
        if (props != null && props.isObject() && (props.has("multiFactorAuthentication") || namesTheSettings(node))) return null;
        return "is not the settings resource as Azure Resource Manager returns it (no properties.multiFactorAuthentication, no id or"
                + " type of Microsoft.PortalServices/settings, and not {\"notFound\": true}): the settings are unknown";
    }

    /** The resource says what it is: its type, or its id, is the Microsoft.PortalServices settings resource. */
    private static boolean namesTheSettings(JsonNode node) {
        for (String field : new String[]{"type", "id"}) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && v.asText().toLowerCase(Locale.ROOT).contains("microsoft.portalservices/settings")) return true;
        }
        return false;
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
