package io.github.mfaeval.model;

import java.util.Locale;

/** One entry of a sign-in's authenticationDetails. */
public final class AuthStep implements java.io.Serializable {
    private final String method;
    private final boolean succeeded;
    private final String stepRequirement;
    private final String resultDetail;

    public AuthStep(String method, boolean succeeded, String stepRequirement, String resultDetail) {
        this.method = method == null ? "" : method;
        this.succeeded = succeeded;
        this.stepRequirement = stepRequirement == null ? "" : stepRequirement;
        this.resultDetail = resultDetail == null ? "" : resultDetail;
    }

    public String getMethod() { return method; }
    public String getMethodLower() { return method.trim().toLowerCase(Locale.ROOT); }
    public boolean isSucceeded() { return succeeded; }
    public String getStepRequirement() { return stepRequirement; }
    public String getResultDetail() { return resultDetail; }
    public boolean isPrimary() { return stepRequirement.toLowerCase(Locale.ROOT).contains("primary"); }
}
