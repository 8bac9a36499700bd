package io.github.mfaeval.collect;

import java.nio.file.Path;

/**
 * How to sign in to one tenant. Holds no secret: a client secret and a certificate password are read from
 * the environment variables named here, when the token source is built.
 *
 * @param clientId          the app registration (certificate, secret, device-code) or the user-assigned managed
 *                          identity's client id (managed-identity; null: system-assigned)
 * @param certificate       PKCS#12 (.pfx/.p12) or PEM (private key and certificate) file
 * @param certificatePasswordVariable environment variable holding the PKCS#12 password (unset: no password)
 * @param secretVariable    environment variable holding the client secret
 * @param graphTokenVariable, armTokenVariable: --auth token's variables
 */
public record AuthSpec(AuthKind kind, String clientId, Path certificate, String certificatePasswordVariable,
                       String secretVariable, String graphTokenVariable, String armTokenVariable) {
    public static final String SECRET_VARIABLE = "MFA_EVAL_CLIENT_SECRET";
    public static final String CERTIFICATE_PASSWORD_VARIABLE = "MFA_EVAL_CERTIFICATE_PASSWORD";

    public AuthSpec {
        if (kind == null) kind = AuthKind.certificate;
        if (certificatePasswordVariable == null) certificatePasswordVariable = CERTIFICATE_PASSWORD_VARIABLE;
        if (secretVariable == null) secretVariable = SECRET_VARIABLE;
        if (graphTokenVariable == null) graphTokenVariable = EnvTokens.GRAPH_VARIABLE;
        if (armTokenVariable == null) armTokenVariable = EnvTokens.ARM_VARIABLE;
    }

    /** What is wrong with this spec before anything is sent, or null. */
    public String problem() {
        return switch (kind) {
            case certificate -> clientId == null ? "--auth certificate needs --client-id (the app registration's application id)"
                    : certificate == null ? "--auth certificate needs --certificate FILE (PKCS#12 .pfx/.p12, or PEM with the private key)" : null;
            case secret -> clientId == null ? "--auth secret needs --client-id (the app registration's application id)" : null;
            case device_code -> clientId == null ? "--auth device-code needs --client-id (an app registration that allows public client flows)" : null;
            case managed_identity, token -> null;
        };
    }
}
