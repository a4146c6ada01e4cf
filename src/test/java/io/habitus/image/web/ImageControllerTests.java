package io.habitus.image.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.habitus.image.Images;
import io.habitus.image.internal.ContainerSummary;
import io.habitus.image.internal.ImageDetails;
import io.habitus.image.internal.ImagePage;
import io.habitus.image.internal.ImageStatus;
import io.habitus.image.internal.ImageSummary;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import io.habitus.support.WebSlice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The image endpoints alone (Spring MVC, the shared exception handler and the digest converter, the
 * catalogue replaced): how requests bind and refuse, and how answers map to JSON.
 */
@Import(WebSlice.class)
@WebMvcTest(ImageController.class)
@WithMockUser
class ImageControllerTests {

    private static final ImageDigest NGINX = new ImageDigest("sha256:" + "4c1e".repeat(16));
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Images images;

    @Test
    void aMalformedDigestIsRefusedWithTheOneDigestMessageBeforeTheCatalogueIsAsked() throws Exception {
        mvc.perform(get("/api/v1/images/sha256:NOT-HEX"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://habitus.io/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("digest"))
                .andExpect(jsonPath("$.errors[0].reason").value(ImageDigest.FORMAT));
        verifyNoInteractions(images);
    }

    @Test
    void anUnknownImageIsANotFoundProblem() throws Exception {
        given(images.find(NGINX)).willThrow(new NotFoundException("No image with digest " + NGINX));

        mvc.perform(get("/api/v1/images/" + NGINX.value()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://habitus.io/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("No image with digest " + NGINX));
    }

    @Test
    void anImageAnswersItsStatusNamesCountsAndContainers() throws Exception {
        given(images.find(NGINX)).willReturn(new ImageDetails(summary(ImageStatus.ACTIVE, 2), List.of("node-a"),
                Map.of("process.exec", 3L), List.of(new ContainerSummary("3f9c2a7d5e1b", "node-a", "web", null, null, 3, T0, T0))));

        mvc.perform(get("/api/v1/images/" + NGINX.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digest").value(NGINX.value()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.names[0]").value("nginx:1.27"))
                .andExpect(jsonPath("$.activeProfileVersion").value(2))
                .andExpect(jsonPath("$.eventCounts['process.exec']").value(3))
                .andExpect(jsonPath("$.containers[0].id").value("3f9c2a7d5e1b"))
                .andExpect(jsonPath("$.containers[0].pod").value((Object) null));
    }

    @Test
    void theListPassesStatusAndPagingOnAndRefusesWhatIsOutOfRange() throws Exception {
        given(images.list(any(), anyInt(), anyInt()))
                .willReturn(new ImagePage(List.of(summary(ImageStatus.LEARNING, null)), 2, 10, 21));

        mvc.perform(get("/api/v1/images").param("status", "LEARNING").param("page", "2").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("LEARNING"))
                .andExpect(jsonPath("$.items[0].activeProfileVersion").value((Object) null))
                .andExpect(jsonPath("$.totalItems").value(21));
        verify(images).list(ImageStatus.LEARNING, 2, 10);

        mvc.perform(get("/api/v1/images").param("size", "501")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/images").param("status", "RETIRED")).andExpect(status().isBadRequest());
    }

    private static ImageSummary summary(ImageStatus status, Integer profileVersion) {
        return new ImageSummary(NGINX, status, List.of("nginx:1.27"), 1, 1, 3, T0, T0, profileVersion,
                profileVersion == null ? null : "5c0d");
    }
}
