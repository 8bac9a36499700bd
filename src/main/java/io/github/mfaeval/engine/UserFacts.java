package io.github.mfaeval.engine;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.model.EmergencyAccountName;
import io.github.mfaeval.load.Registration;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.model.ArmInput;
import io.github.mfaeval.model.ArmTally;
import io.github.mfaeval.model.RoleAssignment;
import io.github.mfaeval.model.SignInPeriod;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.model.UserFact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The users of a tenant as the user rules see them (directory, registration, roles, groups, sign-in and activity-log
 * tallies), then the assignment and user stages over them, a chunk of users per session.
 */
final class UserFacts {
    private UserFacts() {
    }

    /**
     * One fact per user: those of the directory export, then those seen only in sign-ins ({@code everyone}, in that
     * order), each with their sign-in tally and Azure Resource Manager writes.
     */
    static List<UserFact> of(TenantData data, Map<String, DirectoryUser> everyone, SignInTotals totals, Map<String, ArmTally> armTallies) {
        Map<String, Set<String>> rolesOf = new HashMap<>();
        for (RoleAssignment a : data.roleAssignments) {
            rolesOf.computeIfAbsent(a.getPrincipalId(), k -> new HashSet<>()).add(a.getRoleTemplateId());
        }
        List<UserFact> users = new ArrayList<>();
        for (DirectoryUser u : everyone.values()) {
            Registration reg = data.registrations.get(u.id());
            String upn = u.userPrincipalName() == null ? "" : u.userPrincipalName().toLowerCase(Locale.ROOT);
            Set<String> emergency = data.tenant.getEmergencyAccessAccounts();
            Set<String> service = data.tenant.getServiceAccounts();
            SignInTally tally = totals.tallies.getOrDefault(u.id(), new SignInTally());
            users.add(new UserFact(u.id(), u.userPrincipalName(), u.mail(), u.guest(),
                    reg == null ? null : reg.mfaCapable(), reg == null ? Set.of() : reg.methodsRegistered(),
                    data.perUserMfa.get(u.id()), rolesOf.getOrDefault(u.id(), Set.of()),
                    data.groupsOfUser.getOrDefault(u.id(), Set.of()),
                    emergency.contains(u.id()) || emergency.contains(upn), service.contains(u.id()) || service.contains(upn),
                    tally, null, tally.getHomeTenantId()));
            // Which guest or external type the user is, the assignment stage's rules decide from the marks.
            users.get(users.size() - 1).setGuestMarks(u.marks());
            ArmTally armTally = armTallies.get(u.id());
            if (armTally != null) users.get(users.size() - 1).setArmWrites(armTally);
        }
        return users;
    }

    /** The emergency access accounts tenant.json names, each found or not among {@code users} (by object id or UPN, in any case). */
    static List<EmergencyAccountName> emergencyAccountNames(TenantData data, List<UserFact> users) {
        Set<String> known = new HashSet<>();
        for (UserFact u : users) {
            known.add(u.getId().toLowerCase(Locale.ROOT));
            if (u.getUserPrincipalName() != null) known.add(u.getUserPrincipalName().toLowerCase(Locale.ROOT));
        }
        List<EmergencyAccountName> named = new ArrayList<>();
        for (String a : new TreeSet<>(data.tenant.getEmergencyAccessAccounts())) {
            named.add(new EmergencyAccountName(a, known.contains(a)));
        }
        return named;
    }

    /**
     * The assignment stage (how far each policy reaches each user), then the user stage, over {@code users} a chunk
     * at a time; findings and fired rules go to the tenant stage's collectors.
     */
    static void judge(RuleBase rules, TenantData data, LocalDate asOf, int maxSignInAgeDays, TenantStage tenant,
                      SignInTotals totals, ArmInput armInput, List<UserFact> users) {
        List<Object> userContext = new ArrayList<>();
        userContext.add(data.tenant);
        userContext.add(armInput);
        userContext.addAll(rules.referenceFor(Stage.USER));
        if (data.securityDefaults != null) userContext.add(data.securityDefaults);
        userContext.addAll(tenant.policies);
        // The period of the sign-ins is a tenant-wide fact: in the first chunk only (which runs even without
        // users), so the rules that judge it fire once.
        io.github.mfaeval.result.SignInPeriod covered = totals.period.build();
        SignInPeriod period = new SignInPeriod(covered == null ? null : covered.first(), covered == null ? null : covered.last(),
                asOf, maxSignInAgeDays);
        List<Object> assignmentContext = new ArrayList<>(tenant.policies);
        assignmentContext.addAll(rules.referenceFor(Stage.ASSIGNMENT));
        for (int i = 0; i == 0 || i < users.size(); i += Evaluator.CHUNK) {
            List<Object> chunk = new ArrayList<>(users.subList(Math.min(i, users.size()), Math.min(users.size(), i + Evaluator.CHUNK)));
            if (i == 0) {
                chunk.add(period);
                chunk.addAll(tenant.forUsers);
                chunk.addAll(emergencyAccountNames(data, users));
            }
            // The assignment stage derives facts about these users (how far each policy reaches them); the user
            // stage then reads them as finished facts, only those of the types its rules match (not the
            // intermediate PolicyMatch facts, one per matching condition).
            List<Object> derived = new ArrayList<>();
            rules.run(Stage.ASSIGNMENT, assignmentContext, chunk, tenant.findings, new TreeSet<>(), s -> {
                for (Object fact : RuleBase.derivedFacts(s)) if (rules.reads(Stage.USER, fact.getClass())) derived.add(fact);
            });
            chunk.addAll(derived);
            rules.run(Stage.USER, userContext, chunk, tenant.findings, tenant.fired);
        }
    }
}
