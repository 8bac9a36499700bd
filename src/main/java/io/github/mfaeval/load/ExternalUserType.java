package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.UserFact;

import java.util.Locale;

/**
 * Which Conditional Access guest or external user type a user of users.json is, as far as the export tells:
 * <ul>
 *   <li>{@code b2bcollaborationguest}: userType Guest, invited from another organisation (a {@code #EXT#} UPN,
 *       {@code creationType} Invitation, an {@code externalUserState}, or an identity issued elsewhere);</li>
 *   <li>{@code internalguest}: userType Guest with none of those marks (a local account given guest type);</li>
 *   <li>{@code b2bcollaborationmember}: userType Member with the marks of an invitation;</li>
 *   <li>null: an internal member.</li>
 * </ul>
 * B2B direct connect users, other external users and service providers are not in users.json: a guest seen
 * only in sign-ins is {@link UserFact#UNKNOWN_EXTERNAL}, and a policy condition on types then never counts as
 * covering them (fail closed).
 */
final class ExternalUserType {
    private ExternalUserType() {
    }

    static String of(JsonNode user, String userType, String upn) {
        boolean invited = (upn != null && upn.toUpperCase(Locale.ROOT).contains("#EXT#"))
                || "invitation".equalsIgnoreCase(Json.text(user, "creationType"))
                || Json.text(user, "externalUserState") != null
                || issuedElsewhere(user, upn);
        if ("guest".equalsIgnoreCase(userType)) return invited ? "b2bcollaborationguest" : "internalguest";
        if (userType == null && invited) return "b2bcollaborationguest";
        return invited ? "b2bcollaborationmember" : null;
    }

    /** An identity whose issuer is "ExternalAzureAD" or similar marks an invited user. */
    private static boolean issuedElsewhere(JsonNode user, String upn) {
        JsonNode identities = Json.array(user, "identities");
        if (identities == null) return false;
        for (JsonNode i : identities) {
            String type = Json.text(i, "signInType");
            String issuer = Json.text(i, "issuer");
            if ("federated".equalsIgnoreCase(type) && issuer != null
                    && (issuer.equalsIgnoreCase("ExternalAzureAD") || issuer.equalsIgnoreCase("MicrosoftAccount")
                    || issuer.equalsIgnoreCase("mail"))) {
                return true;
            }
        }
        return false;
    }
}
