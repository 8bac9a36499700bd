package io.github.mfaeval.engine;

import io.github.mfaeval.load.DirectoryUser;
import io.github.mfaeval.model.ArmOperation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which user of the tenant made an Azure Resource Manager operation: the directory user with the token's
 * object id, else the one with its UPN; a caller the directory does not know becomes a user of its own
 * (added to {@code everyone}), as sign-ins of unknown users do.
 */
final class ArmCallers {
    private final Map<String, DirectoryUser> everyone;
    private final Map<String, String> idByUpn = new HashMap<>();

    ArmCallers(Map<String, DirectoryUser> everyone) {
        this.everyone = everyone;
        for (DirectoryUser u : everyone.values()) {
            if (u.userPrincipalName() != null) idByUpn.putIfAbsent(u.userPrincipalName().toLowerCase(Locale.ROOT), u.id());
        }
    }

    String keyOf(ArmOperation o) {
        if (!o.getObjectId().isEmpty() && everyone.containsKey(o.getObjectId())) return o.getObjectId();
        String name = o.getUserName();
        String id = idByUpn.get(name);
        if (id != null) return id;
        if (!everyone.containsKey(name)) {
            everyone.put(name, new DirectoryUser(name, name.contains("@") ? name : null, null, null, false));
            if (name.contains("@")) idByUpn.put(name, name);
        }
        return name;
    }

    String nameOf(ArmOperation o) {
        DirectoryUser u = everyone.get(keyOf(o));
        return u != null && u.userPrincipalName() != null ? u.userPrincipalName() : o.getUserName();
    }
}
