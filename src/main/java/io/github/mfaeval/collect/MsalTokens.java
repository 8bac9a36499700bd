package io.github.mfaeval.collect;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tokens from Microsoft Entra through msal4j: client credentials with a certificate or a secret (an app
 * registration, unattended), the device-code flow (a person, delegated permissions), or the managed identity
 * of the Azure resource the tool runs on. msal4j caches tokens and renews them before they expire; after a
 * 401 the next token is asked for bypassing its cache.
 */
public final class MsalTokens implements TokenSource {
    private final AuthSpec spec;
    private final String description;
    private final Acquirer acquirer;
    private final java.util.Map<Audience, String> resources;
    /** The last token per API, reused until five minutes before it expires (msal4j's own cache is not relied on). */
    private final java.util.Map<Audience, IAuthenticationResult> last = new java.util.EnumMap<>(Audience.class);
    private static final long MARGIN_MS = 5 * 60 * 1000;

    @FunctionalInterface
    private interface Acquirer {
        IAuthenticationResult acquire(String resource, boolean fresh) throws Exception;
    }

    /**
     * @param loginEndpoint the Entra authority host ({@code https://login.microsoftonline.com}, or a national cloud's)
     * @param tenant        the tenant id or domain
     * @param sslSocketFactory null in production; tests trust their loopback HTTPS server with it
     */
    public MsalTokens(AuthSpec spec, String loginEndpoint, String tenant, String graphEndpoint, String armEndpoint,
                      Function<String, String> env, Consumer<String> prompt, SSLSocketFactory sslSocketFactory) throws AuthException {
        this.spec = spec;
        this.resources = java.util.Map.of(Audience.GRAPH, Api.trimSlash(graphEndpoint), Audience.ARM, Api.trimSlash(armEndpoint));
        String authority = Api.trimSlash(loginEndpoint) + "/" + tenant + "/";
        try {
            switch (spec.kind()) {
                case certificate, secret -> {
                    IClientCredential credential;
                    String what;
                    if (spec.kind() == AuthKind.secret) {
                        String secret = env.apply(spec.secretVariable());
                        if (secret == null || secret.isEmpty()) {
                            throw new AuthException("--auth secret: the environment variable " + spec.secretVariable()
                                    + " is not set (the client secret is never taken on the command line)");
                        }
                        Redaction.hold(secret);
                        credential = ClientCredentialFactory.createFromSecret(secret);
                        what = "secret from " + spec.secretVariable();
                    } else {
                        Redaction.hold(env.apply(spec.certificatePasswordVariable()));
                        Certificate c = Certificate.read(spec.certificate(), env.apply(spec.certificatePasswordVariable()));
                        credential = ClientCredentialFactory.createFromCertificate(c.key, c.certificate);
                        what = "certificate " + spec.certificate().getFileName() + ", thumbprint " + c.thumbprint();
                    }
                    ConfidentialClientApplication.Builder b = ConfidentialClientApplication.builder(spec.clientId(), credential)
                            .authority(authority).instanceDiscovery(false).validateAuthority(false).logPii(false);
                    if (sslSocketFactory != null) b.sslSocketFactory(sslSocketFactory);
                    ConfidentialClientApplication app = b.build();
                    acquirer = (resource, fresh) -> app.acquireToken(ClientCredentialParameters.builder(scope(resource))
                            .skipCache(fresh).build()).get();
                    description = spec.kind().label() + " (client id " + spec.clientId() + ", " + what + ", authority " + authority + ")";
                }
                case device_code -> {
                    PublicClientApplication.Builder b = PublicClientApplication.builder(spec.clientId())
                            .authority(authority).instanceDiscovery(false).validateAuthority(false).logPii(false);
                    if (sslSocketFactory != null) b.sslSocketFactory(sslSocketFactory);
                    PublicClientApplication app = b.build();
                    acquirer = (resource, fresh) -> deviceCode(app, resource, fresh, prompt);
                    description = "device-code (client id " + spec.clientId() + ", authority " + authority + ")";
                }
                case managed_identity -> {
                    ManagedIdentityId id = spec.clientId() == null ? ManagedIdentityId.systemAssigned()
                            : ManagedIdentityId.userAssignedClientId(spec.clientId());
                    ManagedIdentityApplication.Builder b = ManagedIdentityApplication.builder(id).logPii(false);
                    if (sslSocketFactory != null) b.sslSocketFactory(sslSocketFactory);
                    ManagedIdentityApplication app = b.build();
                    acquirer = (resource, fresh) -> app.acquireTokenForManagedIdentity(
                            ManagedIdentityParameters.builder(Api.trimSlash(resource)).forceRefresh(fresh).build()).get();
                    description = "managed-identity (" + (spec.clientId() == null ? "system-assigned" : "user-assigned, client id " + spec.clientId()) + ")";
                }
                default -> throw new AuthException("--auth " + spec.kind().label() + " does not use msal4j");
            }
        } catch (MalformedURLException e) {
            throw new AuthException("the login endpoint " + loginEndpoint + " with tenant " + tenant + " is not a valid authority: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new AuthException("msal4j refused the configuration: " + e.getMessage(), e);
        }
    }

    private static Set<String> scope(String resource) {
        return Set.of(Api.trimSlash(resource) + "/.default");
    }

    private static IAuthenticationResult deviceCode(PublicClientApplication app, String resource, boolean fresh,
                                                    Consumer<String> prompt) throws Exception {
        Set<IAccount> accounts = app.getAccounts().get();
        if (!accounts.isEmpty()) {
            // the person signed in once: the refresh token covers Graph and ARM alike
            try {
                return app.acquireTokenSilently(SilentParameters.builder(scope(resource), accounts.iterator().next())
                        .forceRefresh(fresh).build()).get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof MsalException)) throw e;
                // consent or MFA needed for this resource: ask again
            }
        }
        CompletableFuture<IAuthenticationResult> f = app.acquireToken(DeviceCodeFlowParameters.builder(scope(resource),
                code -> prompt.accept(code.message())).build());
        return f.get();
    }

    @Override
    public synchronized String token(Audience audience, boolean fresh) throws AuthException {
        String resource = resources.get(audience);
        IAuthenticationResult cached = last.get(audience);
        if (!fresh && cached != null && cached.expiresOnDate() != null
                && cached.expiresOnDate().getTime() - System.currentTimeMillis() > MARGIN_MS) {
            return cached.accessToken();
        }
        try {
            IAuthenticationResult r = acquirer.acquire(resource, fresh);
            last.put(audience, r);
            return r.accessToken();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AuthException("no token for " + resource + " (" + spec.kind().label() + "): " + oneLine(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("interrupted while getting a token for " + resource, e);
        } catch (Exception e) {
            throw new AuthException("no token for " + resource + " (" + spec.kind().label() + "): " + oneLine(e), e);
        }
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public String describe() {
        return description;
    }

    /** A private key and its certificate from a PKCS#12 (.pfx, .p12) or PEM file. */
    record Certificate(PrivateKey key, X509Certificate certificate) {
        String thumbprint() {
            try {
                return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                return "(unknown)";
            }
        }

        static Certificate read(Path file, String password) throws AuthException {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new AuthException("--certificate " + file + ": cannot read: " + e.getMessage(), e);
            }
            String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
            try {
                return text.contains("-----BEGIN") ? Pem.read(text, file) : pkcs12(bytes, password, file);
            } catch (GeneralSecurityException | IOException e) {
                throw new AuthException("--certificate " + file + ": not a usable PKCS#12 or PEM certificate with its private key"
                        + (text.contains("-----BEGIN") ? "" : " (wrong password? it is read from " + AuthSpec.CERTIFICATE_PASSWORD_VARIABLE + ")")
                        + ": " + e.getMessage(), e);
            }
        }

        private static Certificate pkcs12(byte[] bytes, String password, Path file) throws GeneralSecurityException, IOException {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            char[] pw = password == null ? new char[0] : password.toCharArray();
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                ks.load(in, pw);
            }
            Enumeration<String> aliases = ks.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, pw);
                    X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
                    if (key != null && cert != null) return new Certificate(key, cert);
                }
            }
            throw new GeneralSecurityException(file + " holds no private key with its certificate");
        }
    }
}
