package io.github.mfaeval.result;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A finding's subject is an id (user, tenant, policy) or a name (domain, file). People read names: this turns
 * user ids into user principal names, policy ids into policy names and the tenant id into the tenant's display
 * name, and leaves the rest as is (domains and files are names already).
 */
public final class SubjectNames {
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> users = new HashSet<>();

    public SubjectNames(Report report) {
        for (UserVerdict u : report.users()) {
            users.add(u.id());
            if (u.userPrincipalName() != null && !u.userPrincipalName().isBlank()) names.put(u.id(), u.userPrincipalName());
        }
        if (report.inputs() != null && report.inputs().policies() != null) {
            for (Inputs.Policy p : report.inputs().policies()) {
                if (p.id() != null && p.displayName() != null && !p.displayName().isBlank()) names.putIfAbsent(p.id(), p.displayName());
            }
        }
        if (report.tenant().id() != null && report.tenant().displayName() != null) {
            names.put(report.tenant().id(), report.tenant().displayName());
        }
    }

    public String of(String subject) {
        if (subject == null) return "";
        return names.getOrDefault(subject, subject);
    }

    /** True when the subject has a name of its own that differs from it (so a reader may want the id as well). */
    public boolean isNamed(String subject) {
        return subject != null && !names.getOrDefault(subject, subject).equals(subject);
    }

    /** True when the subject is a user of the report (so a reader can drill down to that user). */
    public boolean isUser(String subject) {
        return users.contains(subject);
    }
}
