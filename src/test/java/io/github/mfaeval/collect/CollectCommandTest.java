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
    void helpNamesEveryAuthKindAndTheExitCodes() {
        CollectCliSupport.Run help = CollectCliSupport.run("collect", "--help");
        assertEquals(0, help.code());
        for (String s : new String[] {"certificate", "secret", "device-code", "managed-identity", "token", "--resume", "--tenants", "Exit codes"}) {
            assertTrue(help.out().contains(s), s + " in\n" + help.out());
        }
    }
}
