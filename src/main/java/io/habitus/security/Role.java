package io.habitus.security;

/** What a token may do. */
public enum Role {
    /** Node agents: ingest events and score them. */
    AGENT,
    /** People investigating: read everything, score without side effects. */
    ANALYST,
    /** Everything, including token management. */
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
