package io.github.mfaeval.collect;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PEM file holding an unencrypted PKCS#8 private key ("BEGIN PRIVATE KEY") and its certificate. */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Pem() {
    }

    static MsalTokens.Certificate read(String text, Path file) throws GeneralSecurityException {
        PrivateKey key = null;
        X509Certificate cert = null;
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> key = pkcs8(der);
                case "CERTIFICATE" -> {
                    if (cert == null) cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                }
                case "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(
                        "the key is \"" + m.group(1) + "\"; convert it to unencrypted PKCS#8 (openssl pkcs8 -topk8 -nocrypt) or use a PKCS#12 file");
                default -> {
                    // other blocks (chain certificates' parameters) are not needed
                }
            }
        }
        if (key == null) throw new GeneralSecurityException(file + " has no \"BEGIN PRIVATE KEY\" block");
        if (cert == null) throw new GeneralSecurityException(file + " has no \"BEGIN CERTIFICATE\" block");
        return new MsalTokens.Certificate(key, cert);
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }
}
