package io.github.mfaeval.load;

import io.github.mfaeval.model.CaPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration exports written by the Microsoft Graph PowerShell SDK ({@code Get-Mg… | ConvertTo-Json -Depth 10 |
 * Out-File}): PascalCase names, {@code /Date(ms)/}, UTF-16 from Windows PowerShell, a single object where
 * ConvertTo-Json was given one item, and {@code @odata.type} inside {@code AdditionalProperties}.
 */
class PowerShellConfigTest {

    static void utf16(Path file, String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xFE);
        b.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        Files.write(file, b.toByteArray());
    }

    @Test
    void powerShellDumpsOfTheConfigurationGiveTheSameFacts(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        utf16(tenant.resolve("users.json"), """
                [
                    {
                        "Id":  "6E9C1A2B-0001-4C3D-8E4F-5A6B7C8D9E01",
                        "UserPrincipalName":  "ada@contoso.example",
                        "Mail":  "ada@contoso.example",
                        "UserType":  "Member",
                        "AdditionalProperties":  {}
                    },
                    {
                        "Id":  "6e9c1a2b-0002-4c3d-8e4f-5a6b7c8d9e02",
                        "UserPrincipalName":  "ben_fabrikam.example#EXT#@contoso.example",
                        "Mail":  null,
                        "UserType":  "Guest",
                        "AdditionalProperties":  {}
                    }
                ]
                """);
        // one policy: ConvertTo-Json writes an object, not a list
        utf16(tenant.resolve("conditionalAccessPolicies.json"), """
                {
                    "Id":  "0f0e0d0c-0000-4000-8000-000000000001",
                    "DisplayName":  "Require MFA for admin portals",
                    "State":  "enabled",
                    "CreatedDateTime":  "/Date(1700000000000)/",
                    "ModifiedDateTime":  "/Date(1710000000000)/",
                    "Conditions":  {
                        "Applications":  { "IncludeApplications":  [ "MicrosoftAdminPortals" ], "ExcludeApplications":  [] },
                        "Users":  { "IncludeUsers":  [ "All" ], "ExcludeUsers":  [], "IncludeGroups":  [], "ExcludeGroups":  [],
                                    "IncludeRoles":  [], "ExcludeRoles":  [], "IncludeGuestsOrExternalUsers":  null },
                        "ClientAppTypes":  [ "all" ]
                    },
                    "GrantControls":  { "Operator":  "OR", "BuiltInControls":  [ "mfa" ], "CustomAuthenticationFactors":  [] },
                    "AdditionalProperties":  {}
                }
                """);
        utf16(tenant.resolve("authenticationMethodsPolicy.json"), """
                {
                    "Id":  "authenticationMethodsPolicy",
                    "PolicyMigrationState":  "migrationComplete",
                    "AuthenticationMethodConfigurations":  [
                        { "Id":  "Fido2", "State":  "enabled",
                          "AdditionalProperties":  { "@odata.type":  "#microsoft.graph.fido2AuthenticationMethodConfiguration" } },
                        { "Id":  "7a1b2c3d-0000-4000-8000-0000000000ea", "State":  "enabled",
                          "AdditionalProperties":  { "@odata.type":  "#microsoft.graph.externalAuthenticationMethodConfiguration",
                                                     "displayName":  "Contoso Token", "appId":  "1d2e3f4a-0000-4000-8000-000000000001" } }
                    ]
                }
                """);
        TenantData data = TenantLoader.load(tenant);
        assertEquals(List.of(), data.rejected);
        assertEquals(Set.of("6e9c1a2b-0001-4c3d-8e4f-5a6b7c8d9e01", "6e9c1a2b-0002-4c3d-8e4f-5a6b7c8d9e02"), data.users.keySet());
        assertTrue(data.users.get("6e9c1a2b-0002-4c3d-8e4f-5a6b7c8d9e02").guest());
        CaPolicy p = data.caPolicies.get(0).policy();
        assertTrue(p.isEnabled());
        new io.github.mfaeval.engine.Evaluator(io.github.mfaeval.TestRules.base()).classifyPolicies(data);
        assertTrue(p.isRequiresMfa());
        assertTrue(p.isTargetsAdminPortals());
        assertEquals(Set.of("microsoftadminportals"), p.getIncludeApplications());
        assertEquals(1, data.externalMethods.size());
        assertEquals("Contoso Token", data.externalMethods.get(0).getDisplayName());
        assertTrue(data.externalMethods.get(0).isEnabled());
    }
}
