package io.github.mfaeval.load;

import io.github.mfaeval.load.Export.Format;
import io.github.mfaeval.load.activity.ActivityLogFiles;
import io.github.mfaeval.load.signin.SignInFiles;
import io.github.mfaeval.result.CollectionInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exports of a tenant folder, in the order they are read (a later reader may use what an earlier one read:
 * the manifest resolves its requester among the users, groupMembers.json is needed only when a policy names a
 * group). Each JSON export may also be gzipped under its name + {@code .gz}. The README's "The tenant folder"
 * documents the same list.
 */
public final class Exports {
    private static final List<String> NO_ALIAS = List.of();

    public static final List<Export> ALL = List.of(
            new Export(SignInFiles.PATTERN, NO_ALIAS, Format.PATTERN, "the scope and MFA satisfaction of sign-ins", SignInExportNames::signIns),
            new Export(ActivityLogFiles.PATTERN, NO_ALIAS, Format.PATTERN, null, SignInExportNames::activityLogs),
            new Export(ScubaGearExport.NAME, NO_ALIAS, Format.OBJECT, null, ScubaGearExport::read),
            json("users.json", Format.RECORDS, "who the users are (guests, email addresses of Global Administrators)", UsersReader::read),
            json("userRegistrationDetails.json", Format.RECORDS, "which users have an MFA method or a phishing-resistant one",
                    RegistrationsReader::read),
            json("perUserMfa.json", Format.RECORDS, "coverage by per-user MFA", PerUserMfaReader::read),
            json("roleAssignments.json", Format.RECORDS,
                    "who is a Global Administrator (notification, postponement) and role-based policy scope", RoleAssignmentsReader::read),
            json("conditionalAccessPolicies.json", Format.RECORDS, "coverage by Conditional Access", ConditionalAccessReader::read),
            json("groupMembers.json", Format.OBJECT, "group-based Conditional Access scope", GroupMembersReader::read),
            json("securityDefaults.json", Format.OBJECT, "coverage by security defaults", SecurityDefaultsReader::read),
            json("domains.json", Format.RECORDS, "whether federated domains accept MFA done at their identity provider", DomainsReader::read),
            json("crossTenantAccessPolicy.json", Format.OBJECT, "whether guests' home-tenant MFA is trusted", CrossTenantReader::read),
            json("authenticationMethodsPolicy.json", Format.OBJECT, "external authentication methods", AuthenticationMethodsReader::read),
            // written by collect: shown in the report's inputs; not an export, so never "missing"
            new Export(CollectionInfo.FILE, NO_ALIAS, Format.OBJECT, null, CollectionReader::read),
            // it resolves the postponement's requester among the users read above
            new Export(TenantLoader.MANIFEST, NO_ALIAS, Format.OBJECT, null, ManifestReader::read),
            // after collection.json (a 403 there makes them unknown) and the manifest (the tenant root's id);
            // written by collect from Azure Resource Manager: absent, the schedule comes from the manifest and defaults
            json(EnforcementSettingsReader.FILE, Format.OBJECT, null, EnforcementSettingsReader::read),
            json(PolicyAssignmentsReader.FILE, Format.OBJECT, null, PolicyAssignmentsReader::read));

    private Exports() {
    }

    private static Export json(String name, Format format, String neededFor, Export.Reader reader) {
        return new Export(name, List.of(name + ".gz"), format, neededFor, reader);
    }

    /** The exports whose absence is a gap, with what the rules cannot check without each. */
    static Map<String, String> required() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Export e : ALL) if (e.required()) out.put(e.name(), e.neededFor());
        return out;
    }

    /** The row of an export by its name. */
    static Export named(String name) {
        for (Export e : ALL) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException("no export named " + name);
    }
}
