package io.habitus.shared.web;

import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;

/** Documents every {@link ImageDigest} parameter ({@link ImageDigestConverter} binds them) with its one pattern. */
@Component
class ImageDigestParameters implements ParameterCustomizer {

    @Override
    public Parameter customize(Parameter parameter, MethodParameter methodParameter) {
        if (parameter != null && methodParameter.getParameterType() == ImageDigest.class) {
            parameter.schema(new StringSchema().pattern(ImageDigest.PATTERN)
                    .example("sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"));
            if (parameter.getDescription() == null) {
                parameter.description("Image digest, sha256:<64 lower-case hex>");
            }
        }
        return parameter;
    }
}
