package io.github.mfaeval.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one synthetic tenant is like (license, policies, federation, partners, workload identities) and who
 * its users are. Everything is derived from (seed, tenant index): nothing about users or sign-ins is kept,
 * {@link #person} makes any user again from its index.
 */
final class TenantProfile {
    static final long USERS = 1;
    static final long SIGN_INS = 2;

    /** A Conditional Access policy the tenant has, with how it treats sign-ins to the admin portals. */
    record Policy(String id, String displayName, String state, String kind) {
    }

    /** A service principal or managed identity that signs in. */
    record Workload(String servicePrincipalId, String appId, String name, boolean managedIdentity) {
    }

    final long seed;
    final int index;
    final int users;
    final String tenantId;
    final String company;
    final String displayName;
    final String domain;
    final String initialDomain;
    final String federatedDomain;
    final boolean federatedAcceptsMfa;
    final String license;
    final boolean testTenant;
    final boolean securityDefaults;
    final boolean notified;
    final boolean postponed;
    final boolean externalMethod;
    final String exclusionGroupId;
    final List<Policy> policies = new ArrayList<>();
    final String[] partnerTenants;
    final Boolean[] partnerTrust;
    final boolean defaultTrust;
    final List<Workload> workloads = new ArrayList<>();
    final int admins;

    TenantProfile(long seed, int index, int users) {
        this.seed = seed;
        this.index = index;
        this.users = users;
        Rng r = Rng.of(seed, index);
        tenantId = r.uuid();
        company = r.pick(Names.COMPANIES);
        String number = String.format(Locale.ROOT, "%05d", index + 1);
        displayName = company + " " + number;
        String slug = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        domain = slug + number + ".example";
        initialDomain = slug + number + ".onmicrosoft.com";
        federatedDomain = r.chance(0.3) ? "corp." + domain : null;
        federatedAcceptsMfa = r.chance(0.75);
        double l = r.nextDouble();
        license = l < 0.5 ? "P2" : l < 0.85 ? "P1" : "free";
        testTenant = r.chance(0.03);
        securityDefaults = license.equals("free") ? r.chance(0.6) : r.chance(0.03);
        notified = r.chance(0.7);
        postponed = r.chance(0.15);
        externalMethod = r.chance(0.05);
        exclusionGroupId = r.uuid();
        if (!license.equals("free")) {
            double p = r.nextDouble();
            if (p < 0.7) policies.add(new Policy(r.uuid(), "CA001: Require MFA for admin portals", "enabled", "ADMIN_PORTALS"));
            else if (p < 0.85) policies.add(new Policy(r.uuid(), "CA001: Require MFA for admin portals (pilot)", "enabledForReportingButNotEnforced", "ADMIN_PORTALS"));
            if (r.chance(0.5)) policies.add(new Policy(r.uuid(), "CA002: Require MFA for all users", "enabled", "ALL_USERS"));
            if (r.chance(0.6)) policies.add(new Policy(r.uuid(), "CA003: Block legacy authentication", "enabled", "BLOCK_LEGACY"));
            if (r.chance(0.3)) policies.add(new Policy(r.uuid(), "CA004: Require MFA outside trusted locations", "enabled", "UNTRUSTED_LOCATIONS"));
            if (r.chance(0.05)) policies.add(new Policy(r.uuid(), "CA005: Duo MFA (custom control)", "enabled", "CUSTOM_CONTROL"));
        }
        partnerTenants = new String[3];
        partnerTrust = new Boolean[3];
        for (int i = 0; i < 3; i++) {
            partnerTenants[i] = r.uuid();
            double t = r.nextDouble();
            partnerTrust[i] = t < 0.5 ? Boolean.TRUE : t < 0.8 ? Boolean.FALSE : null;
        }
        defaultTrust = r.chance(0.2);
        int sps = 2 + r.nextInt(6);
        for (int i = 0; i < sps; i++) {
            boolean mi = r.chance(0.35);
            String word = r.pick(Names.SERVICE_WORDS);
            workloads.add(new Workload(r.uuid(), r.uuid(), (mi ? "vm-" : "app-") + word + "-" + (i + 1), mi));
        }
        admins = Math.min(20, 1 + users / 500);
    }

    /** The user with this index (0 &lt;= index &lt; users). */
    Person person(int j) {
        Rng r = Rng.of(seed, index, USERS, j);
        String id = r.uuid();
        String first = r.pick(Names.FIRST);
        String last = r.pick(Names.LAST);
        String local = (first + "." + last).toLowerCase(Locale.ROOT) + j;
        Person.Kind kind;
        if (j == 0) kind = Person.Kind.BREAK_GLASS;
        else if (j == 1) kind = Person.Kind.SYNC_ACCOUNT;
        else if (j < 2 + admins) kind = Person.Kind.ADMIN;
        else {
            double k = r.nextDouble();
            kind = k < 0.02 ? Person.Kind.SERVICE_ACCOUNT : k < 0.10 ? Person.Kind.GUEST : Person.Kind.MEMBER;
        }
        String perUser = r.chance(0.9) ? "disabled" : r.chance(0.5) ? "enforced" : "enabled";
        switch (kind) {
            case BREAK_GLASS:
                return new Person(j, kind, id, "Emergency Access 01", "breakglass01@" + initialDomain, null, null, null, false,
                        r.chance(0.7) ? new String[] {"fido2SecurityKey"} : new String[] {"mobilePhone"}, perUser);
            case SYNC_ACCOUNT:
                return new Person(j, kind, id, "On-Premises Directory Synchronization Service Account",
                        "Sync_SRV01_" + r.hex(12) + "@" + initialDomain, null, null, null, false, new String[0], "disabled");
            case SERVICE_ACCOUNT: {
                String upn = "svc-" + r.pick(Names.SERVICE_WORDS) + j + "@" + domain;
                return new Person(j, kind, id, "Service account " + j, upn, null, null, null, false, new String[0], "disabled");
            }
            case GUEST: {
                int partner = r.nextInt(partnerTenants.length + 1);
                String homeTenant = partner < partnerTenants.length ? partnerTenants[partner] : r.uuid();
                String homeDomain = "partner" + (partner + 1) + ".example";
                String home = local + "@" + homeDomain;
                return new Person(j, kind, id, first + " " + last + " (" + homeDomain + ")",
                        local + "_" + homeDomain + "#EXT#@" + initialDomain, home, homeTenant, home, false,
                        r.chance(0.3) ? new String[] {"microsoftAuthenticatorPush"} : new String[0], "disabled");
            }
            default: {
                boolean federated = federatedDomain != null && kind == Person.Kind.MEMBER && r.chance(0.4);
                String upn = local + "@" + (federated ? federatedDomain : domain);
                String mail = kind == Person.Kind.ADMIN && r.chance(0.2) ? null : upn;
                return new Person(j, kind, id, first + " " + last, upn, mail, null, null, federated, methods(r, kind), perUser);
            }
        }
    }

    private static String[] methods(Rng r, Person.Kind kind) {
        if (r.chance(kind == Person.Kind.ADMIN ? 0.05 : 0.15)) return new String[0];
        List<String> out = new ArrayList<>();
        out.add(r.chance(0.8) ? "microsoftAuthenticatorPush" : "mobilePhone");
        if (r.chance(0.3)) out.add("softwareOneTimePasscode");
        if (r.chance(0.15)) out.add(r.chance(0.5) ? "windowsHelloForBusiness" : "fido2SecurityKey");
        if (r.chance(0.05)) out.add("passKeyDeviceBound");
        return out.toArray(new String[0]);
    }
}
