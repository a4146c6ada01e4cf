package io.habitus.profile;

import io.habitus.behavior.Token;
import io.habitus.profile.internal.RuleSet;
import io.habitus.shared.ImageDigest;
import java.util.Optional;

/** The profile version that judges an image's events, ready for judging. */
public record ActiveProfile(ImageDigest digest, int version, String checksum, RuleSet rules) {

    public Optional<RuleBreach> check(Token token) {
        return rules.check(token);
    }
}
