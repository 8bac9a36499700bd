package io.github.mfaeval.model;

import java.util.Locale;

/** A directory role the rules reason about, by its role template id (roles table). */
public final class DirectoryRole extends ReferenceFact {
    private final String key;
    private final String templateId;

    public DirectoryRole(String key, String templateId) {
        this.key = key.trim();
        this.templateId = templateId.trim().toLowerCase(Locale.ROOT);
    }

    public String getKey() { return key; }
    public String getTemplateId() { return templateId; }
}
