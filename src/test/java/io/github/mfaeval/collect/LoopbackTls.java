package io.github.mfaeval.collect;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

/**
 * Key pairs made with the JDK's keytool for the tests: an HTTPS certificate for 127.0.0.1 (msal4j accepts only
 * https authorities) and client certificates for --auth certificate. Nothing leaves the machine.
 */
final class LoopbackTls {
    static final String PASSWORD = "test-keystore-pw";

    private LoopbackTls() {
    }

    /** A PKCS#12 file with a fresh RSA key and a self-signed certificate for {@code cn} (SAN 127.0.0.1, localhost). */
    static Path keyPair(Path dir, String name, String cn) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + cn, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + output);
        return file;
    }

    static Certificate certificate(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks.getCertificate(ks.aliases().nextElement());
    }

    /** Sockets that trust exactly the certificate in {@code serverP12}. */
    static SSLSocketFactory trusting(Path serverP12) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("loopback", certificate(serverP12));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }
}
