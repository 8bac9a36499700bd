package io.github.mfaeval.load;

import java.util.Set;

/** userRegistrationDetails of one user. */
public record Registration(Boolean mfaCapable, Set<String> methodsRegistered) {
}
