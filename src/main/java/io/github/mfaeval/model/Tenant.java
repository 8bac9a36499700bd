package io.github.mfaeval.model;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** The tenant manifest (tenant.json): facts no API exports. */
public final class Tenant {
    private final String tenantId;
    private final String displayName;
    private final boolean testTenant;
    private final String license;
    private final boolean optOutRequested;
    private final LocalDate postponementRequestedOn;
    private final String postponementRequestedBy;
    private final String postponementRequesterId;
    private final Boolean postponementElevatedAccess;
    private final Set<String> emergencyAccessAccounts;
    private final Set<String> serviceAccounts;
    private final LocalDate asOf;
    // Manifest fields that later editions of the page read (the base edition ignores them).
    private String cloud = PUBLIC_CLOUD;
    private LocalDate postponementStartDate;
    private Phase2Postponement phase2Postponement;
    public static final String PUBLIC_CLOUD = "public";

    /** {@code phase2Postponement} of the manifest: who asked, when, and the start date chosen. */
    public record Phase2Postponement(LocalDate requestedOn, String requestedBy, String requesterId, LocalDate startDate) {
    }

    public Tenant(String tenantId, String displayName, boolean testTenant, String license, boolean optOutRequested,
                  LocalDate postponementRequestedOn, String postponementRequestedBy, String postponementRequesterId,
                  Boolean postponementElevatedAccess, Set<String> emergencyAccessAccounts, Set<String> serviceAccounts) {
        this(tenantId, displayName, testTenant, license, optOutRequested, postponementRequestedOn, postponementRequestedBy,
                postponementRequesterId, postponementElevatedAccess, emergencyAccessAccounts, serviceAccounts, null);
    }

    public Tenant(String tenantId, String displayName, boolean testTenant, String license, boolean optOutRequested,
                  LocalDate postponementRequestedOn, String postponementRequestedBy, String postponementRequesterId,
                  Boolean postponementElevatedAccess, Set<String> emergencyAccessAccounts, Set<String> serviceAccounts,
                  LocalDate asOf) {
        this.tenantId = tenantId;
        this.displayName = displayName;
        this.testTenant = testTenant;
        this.license = license == null ? "free" : license.toLowerCase(Locale.ROOT);
        this.optOutRequested = optOutRequested;
        this.postponementRequestedOn = postponementRequestedOn;
        this.postponementRequestedBy = postponementRequestedBy;
        this.postponementRequesterId = postponementRequesterId;
        this.postponementElevatedAccess = postponementElevatedAccess;
        this.emergencyAccessAccounts = Set.copyOf(emergencyAccessAccounts);
        this.serviceAccounts = Set.copyOf(serviceAccounts);
        this.asOf = asOf;
    }

    /**
     * The manifest's {@code asOf}: the date a frozen snapshot (the bundled examples) is evaluated as of when no
     * --as-of is given; null for a live tenant, which is evaluated as of today.
     */
    public LocalDate getAsOf() { return asOf; }

    public String getTenantId() { return tenantId; }
    public String getDisplayName() { return displayName; }
    public boolean isTestTenant() { return testTenant; }
    /** {@code free}, {@code p1} or {@code p2}. */
    public String getLicense() { return license; }
    public boolean isPremium() { return !"free".equals(license); }
    public boolean isOptOutRequested() { return optOutRequested; }
    public boolean isPostponementRequested() { return postponementRequestedOn != null || postponementRequestedBy != null; }
    public LocalDate getPostponementRequestedOn() { return postponementRequestedOn; }
    public String getPostponementRequestedBy() { return postponementRequestedBy; }
    /** The requester's object id when the manifest's UPN or id matches a user, else the value given. */
    public String getPostponementRequesterId() { return postponementRequesterId; }
    public boolean isPostponementElevatedAccess() { return Boolean.TRUE.equals(postponementElevatedAccess); }
    /** The manifest's fields read by later editions; returns this tenant. */
    public Tenant withCurrentFields(String cloud, LocalDate postponementStartDate, Phase2Postponement phase2Postponement) {
        this.cloud = cloud == null || cloud.isBlank() ? PUBLIC_CLOUD : cloud.trim().toLowerCase(Locale.ROOT);
        this.postponementStartDate = postponementStartDate;
        this.phase2Postponement = phase2Postponement;
        return this;
    }

    /** {@code public} (default), {@code usgov}, {@code china}, ...: the Azure cloud the tenant lives in. */
    public String getCloud() { return cloud; }
    public boolean isPublicCloud() { return PUBLIC_CLOUD.equals(cloud); }
    /** The Phase 1 start date the Global Administrator chose when postponing, or null (seed meaning: 2025-03-15). */
    public LocalDate getPostponementStartDate() { return postponementStartDate; }
    public boolean isPhase2PostponementRequested() { return phase2Postponement != null; }
    public LocalDate getPhase2RequestedOn() { return phase2Postponement == null ? null : phase2Postponement.requestedOn(); }
    public String getPhase2RequestedBy() { return phase2Postponement == null ? null : phase2Postponement.requestedBy(); }
    public String getPhase2RequesterId() { return phase2Postponement == null ? null : phase2Postponement.requesterId(); }
    public LocalDate getPhase2StartDate() { return phase2Postponement == null ? null : phase2Postponement.startDate(); }

    /** Lower-cased UPNs or object ids. */
    public Set<String> getEmergencyAccessAccounts() { return emergencyAccessAccounts; }
    /** Lower-cased UPNs or object ids. */
    public Set<String> getServiceAccounts() { return serviceAccounts; }
}
