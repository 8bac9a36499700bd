package io.github.mfaeval.engine;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.ExternalUsersCondition;
import io.github.mfaeval.model.PolicyReach;
import io.github.mfaeval.model.PolicyReach.Kind;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.model.UserFact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The assignment stage (rules/assignment/) decides how far a Conditional Access policy's users, groups, roles and
 * guest types reach a user: exactly one PolicyReach per pair, the exclusion a finding names chosen by the
 * precedence reach.drl states, and unknown group members or guest types never "included". Every rule of the stage
 * is proven here (the scenarios' coverage gate leaves this stage out, as it does the policy stage).
 */
class AssignmentStageTest {
    private static final Set<String> FIRED = new TreeSet<>();

    private static final class Spec {
        Set<String> includeUsers = Set.of();
        Set<String> excludeUsers = Set.of();
        Set<String> includeGroups = Set.of();
        Set<String> excludeGroups = Set.of();
        Set<String> includeRoles = Set.of();
        Set<String> excludeRoles = Set.of();
        ExternalUsersCondition includeGuests;
        ExternalUsersCondition excludeGuests;
        Set<String> unknownGroups = Set.of();

        CaPolicy policy() {
            CaPolicy p = new CaPolicy("p", "Policy", "enabled", Set.of("MicrosoftAdminPortals"), Set.of(), includeUsers, excludeUsers,
                    includeGroups, excludeGroups, includeRoles, excludeRoles, includeGuests, excludeGuests, Set.of("mfa"), "OR",
                    List.of(), List.of(), false, false, List.of());
            unknownGroups.forEach(p::addUnknownGroup);
            return p;
        }
    }

    private static UserFact member(String id, Set<String> roles, Set<String> groups) {
        return new UserFact(id, id + "@contoso.com", null, false, true, Set.of(), null, roles, groups, false, false, new SignInTally());
    }

    private static UserFact guest(String id, String type, String homeTenant) {
        return new UserFact(id, id + "@contoso.com", null, true, true, Set.of(), null, Set.of(), Set.of(), false, false,
                new SignInTally(), type, homeTenant);
    }

    /** The reaches the stage leaves for the user, as text ("excluded by group"); facts inserted in either order. */
    private static List<String> reach(Spec spec, UserFact user) {
        List<String> forward = run(spec, user, false);
        assertEquals(forward, run(spec, user, true), "the reach must not depend on the order facts arrive in");
        return forward;
    }

    private static List<String> run(Spec spec, UserFact user, boolean userFirst) {
        CaPolicy p = spec.policy();
        KieSession session = TestRules.base().newSession(Stage.ASSIGNMENT, null, null, FIRED);
        try {
            if (userFirst) session.insert(user);
            session.insert(p);
            if (!userFirst) session.insert(user);
            session.fireAllRules();
            List<String> out = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof PolicyReach)) {
                PolicyReach r = (PolicyReach) o;
                assertEquals(p, r.getPolicy());
                assertEquals(user, r.getUser());
                out.add(r.getKind() + ": " + r);
            }
            return out;
        } finally {
            session.dispose();
        }
    }

    @Test
    void includedUsersGroupsRolesAndGuestTypes() {
        Spec s = new Spec();
        s.includeUsers = Set.of("All");
        assertEquals(List.of("INCLUDED: included"), reach(s, member("u1", Set.of(), Set.of())));
        s.includeUsers = Set.of("U1");
        assertEquals(List.of("INCLUDED: included"), reach(s, member("u1", Set.of(), Set.of())));
        assertEquals(List.of("NOT_INCLUDED: not included"), reach(s, member("u2", Set.of(), Set.of())));
        s.includeUsers = Set.of("GuestsOrExternalUsers");
        assertEquals(List.of("INCLUDED: included"), reach(s, guest("g1", null, null)));
        assertEquals(List.of("NOT_INCLUDED: not included"), reach(s, member("u1", Set.of(), Set.of())));
        s.includeUsers = Set.of();
        s.includeGroups = Set.of("grp");
        assertEquals(List.of("INCLUDED: included"), reach(s, member("u1", Set.of(), Set.of("grp"))));
        s.includeGroups = Set.of();
        s.includeRoles = Set.of("role");
        assertEquals(List.of("INCLUDED: included"), reach(s, member("u1", Set.of("role", "other"), Set.of())));
        assertEquals(List.of("NOT_INCLUDED: not included"), reach(s, member("u1", Set.of("other"), Set.of())));
    }

    @Test
    void guestTypesIncludeOnlyAKnownTypeFromAnAllowedHomeTenant() {
        Spec s = new Spec();
        s.includeGuests = new ExternalUsersCondition(Set.of("b2bCollaborationGuest"), Set.of("T1"));
        assertEquals(List.of("INCLUDED: included"), reach(s, guest("g1", "b2bcollaborationguest", "t1")));
        assertEquals(List.of("NOT_INCLUDED: not included"), reach(s, guest("g1", "b2bcollaborationguest", "t2")));
        assertEquals(List.of("NOT_INCLUDED: not included"), reach(s, guest("g1", "internalguest", null)));
        // Fail closed: a home tenant or a type that is not known may be the listed one, but is never "included".
        assertEquals(List.of("NOT_KNOWN_TO_BE_INCLUDED: not known to be included (membership of group [] or guest type unknown)"),
                reach(s, guest("g1", "b2bcollaborationguest", null)));
        assertEquals(List.of("NOT_KNOWN_TO_BE_INCLUDED: not known to be included (membership of group [] or guest type unknown)"),
                reach(s, guest("g1", UserFact.UNKNOWN_EXTERNAL, null)));
        s.includeGuests = new ExternalUsersCondition(Set.of("internalGuest"), Set.of("t1"));
        assertEquals(List.of("INCLUDED: included"), reach(s, guest("g1", "internalguest", null)));
    }

    @Test
    void aGroupOfUnknownMembersIncludesNoOneForCertain() {
        Spec s = new Spec();
        s.includeGroups = Set.of("g-unknown", "g-known");
        s.unknownGroups = Set.of("g-unknown");
        assertEquals(List.of("NOT_KNOWN_TO_BE_INCLUDED: not known to be included (membership of group [g-unknown] or guest type unknown)"),
                reach(s, member("u1", Set.of(), Set.of())));
        assertEquals(List.of("INCLUDED: included"), reach(s, member("u1", Set.of(), Set.of("g-known"))));
    }

    @Test
    void eachExclusionAndThePrecedenceAmongThem() {
        Spec s = new Spec();
        s.includeUsers = Set.of("All");
        s.excludeUsers = Set.of("u1");
        s.excludeGroups = Set.of("grp");
        s.excludeRoles = Set.of("role");
        UserFact everything = member("u1", Set.of("role"), Set.of("grp"));
        assertEquals(List.of("EXCLUDED_BY_USER: excluded by user"), reach(s, everything));
        s.excludeUsers = Set.of();
        assertEquals(List.of("EXCLUDED_BY_GROUP: excluded by group"), reach(s, everything));
        s.excludeGroups = Set.of();
        assertEquals(List.of("EXCLUDED_BY_ROLE: excluded by role"), reach(s, everything));
        s.excludeRoles = Set.of();
        assertEquals(List.of("INCLUDED: included"), reach(s, everything));

        s.excludeGuests = new ExternalUsersCondition(Set.of("b2bCollaborationGuest"), Set.of("t1"));
        assertEquals(List.of("EXCLUDED_AS_GUEST: excluded as guest or external user [b2bcollaborationguest] from tenants [t1]"),
                reach(s, guest("g1", "b2bcollaborationguest", "t1")));
        assertEquals(List.of("POSSIBLY_EXCLUDED_AS_GUEST: possibly excluded as guest or external user [b2bcollaborationguest] from tenants [t1] (type or home tenant unknown)"),
                reach(s, guest("g1", UserFact.UNKNOWN_EXTERNAL, null)));
        assertEquals(List.of("INCLUDED: included"), reach(s, guest("g1", "b2bcollaborationguest", "t2")));

        // Any excluded group of unknown members may hold the user: the first in the policy's order is named.
        s.excludeGuests = null;
        s.excludeGroups = new java.util.LinkedHashSet<>(List.of("known", "zz-unknown", "aa-unknown"));
        s.unknownGroups = Set.of("zz-unknown", "aa-unknown");
        assertEquals(List.of("POSSIBLY_EXCLUDED_BY_GROUP: possibly excluded by group zz-unknown (membership unknown)"),
                reach(s, member("u1", Set.of(), Set.of())));
        // A certain exclusion is named before a possible one.
        assertEquals(List.of("EXCLUDED_BY_GROUP: excluded by group"), reach(s, member("u1", Set.of(), Set.of("known"))));
        s.excludeGuests = new ExternalUsersCondition(Set.of("b2bCollaborationGuest"), null);
        assertEquals(List.of("POSSIBLY_EXCLUDED_AS_GUEST: possibly excluded as guest or external user [b2bcollaborationguest] (type or home tenant unknown)"),
                reach(s, guest("g1", UserFact.UNKNOWN_EXTERNAL, null)));
    }

    @Test
    void anExclusionOfAUserThePolicyDoesNotIncludeIsNoExclusion() {
        Spec s = new Spec();
        s.includeRoles = Set.of("role");
        s.excludeUsers = Set.of("u1");
        assertEquals(List.of("NOT_INCLUDED: not included"), reach(s, member("u1", Set.of(), Set.of())));
        s.includeGroups = Set.of("g-unknown");
        s.unknownGroups = Set.of("g-unknown");
        assertEquals(List.of("NOT_KNOWN_TO_BE_INCLUDED: not known to be included (membership of group [g-unknown] or guest type unknown)"),
                reach(s, member("u1", Set.of(), Set.of())));
    }

    /**
     * Issue 28: the guest or external user type is decided by rules (assignment/external-user-type.drl) from the
     * marks users.json exports and the rows of reference/guest-marks.drl.csv, whatever order the facts arrive in.
     */
    @Test
    void theGuestTypeIsDecidedFromTheExportedMarks() {
        assertEquals("b2bcollaborationguest", type(true, listed("Guest", "gina_partner.example#ext#@contoso.com", null, null, Set.of()), true));
        assertEquals("internalguest", type(true, listed("Guest", "gina@contoso.com", null, null, Set.of()), true));
        assertEquals("b2bcollaborationguest", type(false, listed(null, "x@contoso.com", null, "PendingAcceptance", Set.of()), true));
        assertEquals("b2bcollaborationmember", type(false, listed("Member", "x@contoso.com", "invitation", null, Set.of()), true));
        assertEquals("b2bcollaborationmember", type(false, listed("Member", "x@contoso.com", null, null, Set.of("MicrosoftAccount")), true));
        // an issuer the table does not list (the tenant's own federation) marks no one
        assertEquals(null, type(false, listed("Member", "x@contoso.com", null, null, Set.of("contoso.com")), true));
        assertEquals(null, type(false, listed(null, "x@contoso.com", null, null, Set.of()), true));
        assertEquals(UserFact.UNKNOWN_EXTERNAL, type(true, io.github.mfaeval.model.GuestMarks.notListed("Member", "x@contoso.com"), true));
        assertEquals(null, type(false, io.github.mfaeval.model.GuestMarks.notListed("Member", "x@contoso.com"), true));
        // fail closed: without any row of the marks table no one is known not to be invited
        assertEquals(UserFact.UNKNOWN_EXTERNAL, type(true, listed("Guest", "gina@contoso.com", null, null, Set.of()), false));
        assertEquals(UserFact.UNKNOWN_EXTERNAL, type(false, listed("Member", "x@contoso.com", null, null, Set.of()), false));
    }

    private static io.github.mfaeval.model.GuestMarks listed(String userType, String upn, String creationType, String state, Set<String> issuers) {
        return new io.github.mfaeval.model.GuestMarks(true, userType, upn, creationType, state, issuers);
    }

    /** The type the stage decides for a user with these marks, the same whether the user or the table comes first. */
    private static String type(boolean guest, io.github.mfaeval.model.GuestMarks marks, boolean withTable) {
        List<String> types = new ArrayList<>();
        for (boolean userFirst : new boolean[] {false, true}) {
            UserFact u = new UserFact("u1", marks.getUserPrincipalName(), null, guest, true, Set.of(), null, Set.of(), Set.of(),
                    false, false, new SignInTally());
            u.setGuestMarks(marks);
            KieSession session = TestRules.base().newSession(Stage.ASSIGNMENT, null, null, FIRED);
            try {
                if (userFirst) session.insert(u);
                if (withTable) TestRules.base().referenceFor(Stage.ASSIGNMENT).forEach(session::insert);
                if (!userFirst) session.insert(u);
                session.fireAllRules();
            } finally {
                session.dispose();
            }
            types.add(u.getExternalUserType());
        }
        assertEquals(types.get(0), types.get(1), "the type must not depend on the order facts arrive in");
        return types.get(0);
    }

    @AfterAll
    static void everyRuleOfTheStageWasProven() {
        Set<String> stage = new TreeSet<>();
        TestRules.base().catalogue().values().forEach(r -> {
            if (r.stage().equals(Stage.ASSIGNMENT.kbase())) stage.add(r.id());
        });
        Set<String> unproven = new TreeSet<>(stage);
        unproven.removeAll(FIRED);
        assertEquals(Set.of(), unproven, "assignment rules no case fired");
    }
}
