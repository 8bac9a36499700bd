package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The licence (and so the sign-in retention) read from subscribedSkus as Graph returns it. */
class LicenceTest {
    private static JsonNode skus(String licence) throws Exception {
        Method m = FakeGraph.class.getDeclaredMethod("skus", String.class);
        m.setAccessible(true);
        return ((JsonNode) m.invoke(null, licence)).path("value");
    }

    @Test
    void servicePlansOfActiveSubscriptionsGiveTheLicence() throws Exception {
        assertEquals("P2", Licence.of(skus("P2")));
        assertEquals("P1", Licence.of(skus("P1")));
        // the suspended P2 trial in the fake's list licenses nothing
        assertEquals("free", Licence.of(skus("free")));
        assertEquals(30, Licence.retentionDays("P1"));
        assertEquals(7, Licence.retentionDays("free"));
    }
}
