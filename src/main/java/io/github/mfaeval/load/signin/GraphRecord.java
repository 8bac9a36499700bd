package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;

import java.util.Map;

/**
 * A sign-in record in Graph beta shape, what to call its fields in messages, the dialect it was written in (as
 * reports name it), the tenant whose log held it (null when the format does not say: only an Azure Monitor envelope's
 * {@code tenantId} and a Log Analytics row's {@code AADTenantId} do; Graph records carry the sign-in's home and
 * resource tenants, which are not the same thing for a B2B sign-in), and the format that maps it.
 */
record GraphRecord(JsonNode node, Map<String, String> labels, String dialect, String logTenantId, SignInFormat format) {
    GraphRecord(JsonNode node, Map<String, String> labels, String dialect, SignInFormat format) {
        this(node, labels, dialect, null, format);
    }

    /** The shared last step of every dialect: the tree mapper, and the log's tenant on the fact. */
    SignIn throughGraphTree(String file, Position at) throws SignInMapper.BadRecord {
        SignIn s = SignInMapper.read(node, file, at, labels);
        s.withLogTenantId(logTenantId);
        return s;
    }
}
