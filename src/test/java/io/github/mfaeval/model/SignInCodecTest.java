package io.github.mfaeval.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The spool of a tenant with several sign-in files keeps evaluated sign-ins on disk ({@link SignIn#write}): what is
 * read back must be the same sign-in in every field, or a verdict, a count or a copy's ranking would change with the
 * number of files. Compared field by field through reflection, so a field the codec forgets fails here.
 */
class SignInCodecTest {

    @Property(tries = 300)
    void everyFieldOfAnEvaluatedSignInSurvivesTheSpool(@ForAll("several") List<SignIn> originals) throws Exception {
        // each written twice: the second time its short strings come from the string table
        List<SignIn> written = new ArrayList<>(originals);
        written.addAll(originals);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SignInCodec.Encoder out = new SignInCodec.Encoder(bytes);
        for (SignIn s : written) s.write(out);
        out.flush();
        SignInCodec.Decoder in = new SignInCodec.Decoder(new ByteArrayInputStream(bytes.toByteArray()));
        for (SignIn original : written) {
            SignIn back = SignIn.read(in);
            assertEquals(fields(original), fields(back));
            assertEquals(original.getSource(), back.getSource());
            assertEquals(new ArrayList<>(original.getRules()), new ArrayList<>(back.getRules()));
        }
        assertThrows(java.io.EOFException.class, () -> SignIn.read(in), "nothing after the last sign-in");
    }

    @Provide
    Arbitrary<List<SignIn>> several() {
        return signIns().list().ofMinSize(1).ofMaxSize(4);
    }

    /** Every instance field, by name; sets kept in their iteration order where it is an insertion order. */
    private static Map<String, Object> fields(Object o) throws IllegalAccessException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            f.setAccessible(true);
            out.put(f.getName(), comparable(f.get(o)));
        }
        return out;
    }

    private static Object comparable(Object v) throws IllegalAccessException {
        if (v instanceof AuthStep step) return fields(step);
        if (v instanceof java.util.LinkedHashSet<?> ordered) return new ArrayList<>(ordered);
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object e : list) out.add(comparable(e));
            return out;
        }
        if (v instanceof Collection<?> c && !(v instanceof Set<?>)) return new ArrayList<>(c);
        return v;
    }

    Arbitrary<SignIn> signIns() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(10).injectNull(0.2);
        Arbitrary<String> longText = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.strings().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('a', 'é', '\ud800', '€').ofMinLength(21_840).ofMaxLength(40_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('a', 'b').ofMinLength(65_000).ofMaxLength(70_000)));
        Arbitrary<Instant> created = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(sec -> Arbitraries.integers().between(0, 999_999_999).map(nano -> Instant.ofEpochSecond(sec, nano)))
                .injectNull(0.1);
        Arbitrary<AuthStep> step = Combinators.combine(text, Arbitraries.of(true, false),
                Arbitraries.of("primaryAuthentication", "secondaryAuthentication", "", "x"), text).as(AuthStep::new);
        Arbitrary<List<AuthStep>> steps = step.list().ofMaxSize(4);
        Arbitrary<Set<String>> providers = Arbitraries.strings().ofMaxLength(6).set().ofMaxSize(3);
        Arbitrary<String> guid = Arbitraries.of("", "0f5e1c2a-1b2c-4d3e-8f90-a1b2c3d4e5f6", "not a guid");
        Arbitrary<List<String>> rules = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().uniqueElements().ofMaxSize(6);
        Arbitrary<Set<SatisfiedBy>> evidence = Arbitraries.of(SatisfiedBy.class).set();
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, (1 << 12) - 1);
        Arbitrary<ScopeReason> reason = Arbitraries.of(ScopeReason.class).injectNull(0.2);
        Arbitrary<LocalDate> enforcedFrom = Arbitraries.longs().between(-100_000, 100_000).map(LocalDate::ofEpochDay).injectNull(0.3);
        Arbitrary<Integer> phase = Arbitraries.integers().between(-3, 5);
        Arbitrary<Long> position = Arbitraries.longs().between(-1, Long.MAX_VALUE / 2);

        List<Arbitrary<Object>> parts = List.of(
                text.map(x -> x), created.map(x -> x), text.map(x -> x), text.map(x -> x), text.map(x -> x),   // 0-4
                text.map(x -> x), text.map(x -> x), text.map(x -> x), text.map(x -> x), text.map(x -> x),       // 5-9
                providers.map(x -> x), steps.map(x -> x), Arbitraries.integers().map(x -> x), longText.map(x -> x), // 10-13
                text.map(x -> x), text.map(x -> x), position.map(x -> x), position.map(x -> x),               // 14-17
                guid.map(x -> x), text.map(x -> x), text.map(x -> x), text.map(x -> x),                         // 18-21
                rules.map(x -> x), evidence.map(x -> x), flags.map(x -> x), reason.map(x -> x),                 // 22-25
                enforcedFrom.map(x -> x), phase.map(x -> x), text.map(x -> x));                                 // 26-28
        return Combinators.combine(parts).as(SignInCodecTest::signIn);
    }

    @SuppressWarnings("unchecked")
    private static SignIn signIn(List<Object> v) {
        int flags = (Integer) v.get(24);
        SignIn s = new SignIn((String) v.get(0), (Instant) v.get(1), (String) v.get(2), (String) v.get(3), (String) v.get(4),
                (String) v.get(5), (String) v.get(6), (String) v.get(7), (String) v.get(8), (flags & 1) != 0, (String) v.get(9),
                (Set<String>) v.get(10), (List<AuthStep>) v.get(11), (Integer) v.get(12), (String) v.get(13), (String) v.get(14),
                (String) v.get(15), (Long) v.get(16), (Long) v.get(17));
        s.withResourceId((String) v.get(18)).withLogTenantId((String) v.get(19));
        if ((flags & 2) != 0) s = s.withSource((String) v.get(20)); // a label that replaces file, record and line
        s.setKind((String) v.get(21));
        // the verdict, as rule consequences write it
        if ((flags & 4) != 0) {
            s.listedApp(new ListedApp("app", v.get(28) == null ? "" : (String) v.get(28), (Integer) v.get(27), (LocalDate) v.get(26)));
        }
        if ((flags & 8) != 0 && v.get(25) != null) s.outOfScope((ScopeReason) v.get(25));
        if ((flags & 16) != 0) s.setEnforcementActive((flags & 32) != 0);
        for (SatisfiedBy by : (Set<SatisfiedBy>) v.get(23)) s.addEvidence(by);
        s.setPasswordGrant((flags & 64) != 0);
        s.setHomeTenantClaimUntrusted((flags & 128) != 0);
        s.setHomeTenantTrustUnknown((flags & 256) != 0);
        s.setFederatedClaimRejected((flags & 512) != 0);
        s.setJudgedByWrites((flags & 1024) != 0);
        for (String r : (List<String>) v.get(22)) s.getRules().add(r);
        return s;
    }
}
