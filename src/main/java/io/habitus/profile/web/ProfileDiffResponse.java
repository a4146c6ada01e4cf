package io.habitus.profile.web;

import io.habitus.profile.internal.ProfileDiff;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Rules only in `to` (added) and only in `from` (removed)")
record ProfileDiffResponse(ProfileVersionResponse from, ProfileVersionResponse to, List<EntryResponse> added,
        List<EntryResponse> removed) {

    static ProfileDiffResponse of(ProfileDiff d) {
        return new ProfileDiffResponse(ProfileVersionResponse.of(d.from()), ProfileVersionResponse.of(d.to()),
                d.added().stream().map(EntryResponse::of).toList(), d.removed().stream().map(EntryResponse::of).toList());
    }
}
