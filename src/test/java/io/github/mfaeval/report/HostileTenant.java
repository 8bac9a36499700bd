package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.mfaeval.TestRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fabrikam-gaps example with hostile values in the places an attacker (or an unlucky admin) controls: the
 * tenant's display name, user principal names, a Conditional Access policy name, a sign-in export record that
 * is rejected, and (since application names come from the rules table, which a user may replace with --rules)
 * an application name.
 */
final class HostileTenant {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTRIBUTE = "\" onmouseover=\"alert(2)";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    static final String TERMINAL = "\u001b[2J\u001b[31m";

    static final String TENANT_NAME = SCRIPT + " Fabrikam & Co" + TERMINAL;
    static final String SCRIPT_UPN = "erik" + SCRIPT + "@fabrikam.com";
    static final String ATTRIBUTE_UPN = "fay" + ATTRIBUTE + "@fabrikam.com";
    static final String FORMULA_UPN = FORMULA + "@fabrikam.com";
    static final String POLICY_NAME = ATTRIBUTE + " Duo " + SCRIPT + " Zo\u00eb \u2713";
    static final String APPLICATION = SCRIPT + ATTRIBUTE;
    static final String REJECTED_ID = "<img src=x onerror=alert(3)>";

    /** Every hostile value, as it must arrive in a format that carries text as it is (JSON, CSV after parsing). */
    static final List<String> VALUES = List.of(TENANT_NAME, SCRIPT_UPN, ATTRIBUTE_UPN, FORMULA_UPN, APPLICATION);

    private HostileTenant() {
    }

    /** Writes the hostile tenant folder into {@code dir} and evaluates it with the project's rules. */
    static Report evaluate(Path dir) {
        try {
            Path source = TestRules.EXAMPLES.resolve("fabrikam-gaps");
            Map<String, String> replace = Map.of(
                    "Fabrikam Test Lab", TENANT_NAME,
                    "erik.dev@fabrikam.com", SCRIPT_UPN,
                    "fay.finance@fabrikam.com", ATTRIBUTE_UPN,
                    "dana.admin@fabrikam.com", FORMULA_UPN,
                    "Duo MFA for all apps (custom control)", POLICY_NAME);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    String json = Files.readString(file, StandardCharsets.UTF_8);
                    for (var e : replace.entrySet()) json = json.replace(e.getKey(), jsonText(e.getValue()));
                    Files.writeString(dir.resolve(file.getFileName()), json, StandardCharsets.UTF_8);
                }
            }
            // A record without createdDateTime is rejected; the rejection names its id.
            Files.writeString(dir.resolve("signIns-extra.json"),
                    "{\"value\": [{\"id\": \"" + jsonText(REJECTED_ID) + "\", \"appId\": \"x\"}]}", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Report r = TestRules.evaluate(dir);
        List<SignInVerdict> signIns = new ArrayList<>();
        for (SignInVerdict s : r.signIns()) {
            signIns.add(!s.inScope() ? s : new SignInVerdict(s.id(), s.createdDateTime(), s.userId(), s.userPrincipalName(), s.appId(),
                    APPLICATION, s.phase(), s.inScope(), s.scopeReason(), s.mfaSatisfied(), s.satisfiedBy(), s.enforcementActive(),
                    s.rules(), s.source()));
        }
        return new Report(r.schemaVersion(), r.tenant(), r.asOf(), r.status(), r.schedule(), signIns, r.users(), r.findings(),
                r.summary(), r.inputs(), r.rules());
    }

    private static String jsonText(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
