package io.github.mfaeval.engine;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.model.ArmOperation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which user of the tenant made an Azure Resource Manager operation: the directory user with the token's
 * object id, else the one whose object id is the caller (an event without claims), else the one with its UPN;
 * a caller the directory does not know becomes a user of its own (added to {@code everyone}), as sign-ins of
 * unknown users do. Object ids are compared without regard to case.
 */
final class ArmCallers {
    private final Map<String, DirectoryUser> everyone;
    private final Map<String, String> idByUpn = new HashMap<>();
    private final Map<String, String> idByLowerId = new HashMap<>();

    ArmCallers(Map<String, DirectoryUser> everyone) {
        this.everyone = everyone;
        for (DirectoryUser u : everyone.values()) {
            if (u.userPrincipalName() != null) idByUpn.putIfAbsent(u.userPrincipalName().toLowerCase(Locale.ROOT), u.id());
            if (u.id() != null) idByLowerId.putIfAbsent(u.id().toLowerCase(Locale.ROOT), u.id());
        }
    }

    /**
     * Marks, before the rules judge them, the operations whose caller or token object id is a directory user's
     * object id: the rules then take them as that user's (an event without claims has no other sign of a user).
     */
    void markDirectoryUsers(Iterable<ArmOperation> operations) {
        for (ArmOperation o : operations) o.setDirectoryUser(directoryId(o) != null);
    }

    /** The id of the directory user whose object id is the operation's token object id or its caller, or null. */
    private String directoryId(ArmOperation o) {
        if (!o.getObjectId().isEmpty()) {
            String id = idByLowerId.get(o.getObjectId());
            if (id != null) return id;
        }
        return o.getCaller().isEmpty() ? null : idByLowerId.get(o.getCaller().toLowerCase(Locale.ROOT));
    }

    String keyOf(ArmOperation o) {
        String byId = directoryId(o);
        if (byId != null) return byId;
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
