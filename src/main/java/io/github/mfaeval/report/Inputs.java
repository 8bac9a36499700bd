package io.github.mfaeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.mfaeval.load.Rejection;

import java.util.List;

/**
 * What was read from the tenant folder, what was missing, and every record that was not evaluated;
 * {@code signInPeriod} is the period the evaluated sign-ins cover (null when none was), {@code policies} the
 * Conditional Access policies read, so a finding about a policy can name it (its subject is the policy's id).
 */
public record Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected,
                     SignInPeriod signInPeriod,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Policy> policies) {
    public record FileRead(String name, long records) {
    }

    /** A Conditional Access policy by id and name, with its state (enabled, disabled, report-only). */
    public record Policy(String id, String displayName, String state) {
    }

    public Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected) {
        this(folder, files, missing, rejected, null, List.of());
    }
}
