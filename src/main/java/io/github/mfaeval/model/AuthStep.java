package io.github.mfaeval.model;

import java.util.Locale;

/** One entry of a sign-in's authenticationDetails. */
public final class AuthStep implements java.io.Serializable {
    private final String method;
    private final boolean succeeded;
    private final String stepRequirement;
    private final String resultDetail;
    // what the rules compare, lower-cased once here rather than at every comparison (rules ask many times per step)
    private final String methodLower;
    private final String resultDetailLower;
    private final boolean primary;

    public AuthStep(String method, boolean succeeded, String stepRequirement, String resultDetail) {
        this.method = method == null ? "" : method;
        this.succeeded = succeeded;
        this.stepRequirement = stepRequirement == null ? "" : stepRequirement;
        this.resultDetail = resultDetail == null ? "" : resultDetail;
        this.methodLower = this.method.trim().toLowerCase(Locale.ROOT);
        this.resultDetailLower = this.resultDetail.toLowerCase(Locale.ROOT);
        this.primary = this.stepRequirement.toLowerCase(Locale.ROOT).contains("primary");
    }

    public String getMethod() { return method; }
    public String getMethodLower() { return methodLower; }
    public boolean isSucceeded() { return succeeded; }
    public String getStepRequirement() { return stepRequirement; }
    public String getResultDetail() { return resultDetail; }
    public boolean isPrimary() { return primary; }
    /** The result detail, lower case. */
    public String getResultDetailLower() { return resultDetailLower; }
}
