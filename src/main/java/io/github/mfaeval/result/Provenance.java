package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a batch report was made from, beyond the rules and as-of date the report already names: the tool
 * version, a fingerprint of the tenant folder's files, and of the baseline report it was compared with.
 * {@code batch --resume} keeps a report only while all of these still match.
 */
public record Provenance(String toolVersion, String inputsFingerprint,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String baselineFingerprint) {
}
