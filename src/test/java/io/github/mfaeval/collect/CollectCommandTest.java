package io.github.mfaeval.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** collect's arguments as a user types them: what is refused before anything is sent, and why. */
class CollectCommandTest {
    @Test
    void argumentsAreCheckedBeforeAnyRequest(@TempDir Path tmp) throws Exception {
        String out = tmp.resolve("t").toString();
        CollectCliSupport.Run noClient = CollectCliSupport.run("collect", "--tenant", "contoso.onmicrosoft.com", "--out", out);
        assertEquals(2, noClient.code());
        assertTrue(noClient.err().contains("--auth certificate needs --client-id"), noClient.err());

        CollectCliSupport.Run plainHttp = CollectCliSupport.run("collect", "--tenant", "t", "--out", out, "--auth", "token",
                "--graph-endpoint", "http://graph.example.net");
        assertEquals(2, plainHttp.code());
        assertTrue(plainHttp.err().contains("plain http is only allowed on the loopback interface"), plainHttp.err());

        CollectCliSupport.Run both = CollectCliSupport.run("collect", "--tenant", "t", "--tenants", "x.yaml", "--out", out);
        assertEquals(2, both.code());

        CollectCliSupport.Run badKind = CollectCliSupport.run("collect", "--tenant", "t", "--out", out, "--auth", "password");
        assertEquals(2, badKind.code());
        assertTrue(badKind.err().contains("unknown auth kind \"password\""), badKind.err());

        Path list = tmp.resolve("tenants.yaml");
        Files.writeString(list, "tenants:\n  - tenant: a\n    folder: ../escape\n");
        CollectCliSupport.Run badList = CollectCliSupport.run("collect", "--tenants", list.toString(), "--out", out);
        assertEquals(2, badList.code());
        assertTrue(badList.err().contains("must be a plain folder name"), badList.err());
        CollectCliSupport.Run authWithList = CollectCliSupport.run("collect", "--tenants", list.toString(), "--out", out, "--client-id", "x");
        assertEquals(2, authWithList.code());
        assertTrue(authWithList.err().contains("--client-id does not apply with --tenants"), authWithList.err());
        assertFalse(Files.exists(tmp.resolve("t")), "nothing written");
    }

    @Test
    void theStandInOptionsAreRefusedAgainstARealService(@TempDir Path tmp) {
        String out = tmp.resolve("t").toString();
        // the real Graph (no endpoint given): a faster pace than Graph allows, or a clock that is not the collection's own
        CollectCliSupport.Run faster = CollectCliSupport.run("collect", "--tenant", "t", "--out", out, "--auth", "token", "--time-scale", "1000");
        assertEquals(2, faster.code());
        assertTrue(faster.err().contains("--time-scale is for a stand-in service on the loopback interface"), faster.err());
        CollectCliSupport.Run past = CollectCliSupport.run("collect", "--tenant", "t", "--out", out, "--auth", "token",
                "--graph-endpoint", "http://127.0.0.1:9", "--now", "2025-11-28T00:00:00Z");
        assertEquals(2, past.code());
        assertTrue(past.err().contains("give --arm-endpoint as http://127.0.0.1:PORT, or --no-arm"), past.err());
        CollectCliSupport.Run badNow = CollectCliSupport.run("collect", "--tenant", "t", "--out", out, "--auth", "token",
                "--graph-endpoint", "http://127.0.0.1:9", "--no-arm", "--now", "yesterday");
        assertEquals(2, badNow.code());
        assertTrue(badNow.err().contains("--now yesterday: not an instant"), badNow.err());
        CollectCliSupport.Run noWait = CollectCliSupport.run("collect", "--tenant", "t", "--out", out, "--auth", "token", "--max-wait-s", "0");
        assertEquals(2, noWait.code());
        assertTrue(noWait.err().contains("--max-wait-s must be at least 1"), noWait.err());
        assertFalse(Files.exists(tmp.resolve("t")), "nothing written");
    }

    @Test
    void helpNamesEveryAuthKindAndTheExitCodes() {
        CollectCliSupport.Run help = CollectCliSupport.run("collect", "--help");
        assertEquals(0, help.code());
        assertFalse(help.out().contains("--time-scale") || help.out().contains("--now"), "the stand-in options are not offered:\n" + help.out());
        for (String s : new String[] {"certificate", "secret", "device-code", "managed-identity", "token", "--resume", "--tenants", "Exit codes",
                "--retry-base-ms", "--max-wait-s", "--progress-every-s"}) {
            assertTrue(help.out().contains(s), s + " in\n" + help.out());
        }
    }
}
