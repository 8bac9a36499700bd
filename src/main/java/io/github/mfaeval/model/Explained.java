package io.github.mfaeval.model;

import java.util.Set;

/** A fact that receives a verdict; the ids of every rule that fired on it are collected here. */
public interface Explained {
    Set<String> getRules();
}
