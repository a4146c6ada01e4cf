package io.habitus.shared.web;

import io.habitus.shared.ImageDigest;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds {@code {digest}} path variables to {@link ImageDigest}: one pattern and one message for every
 * controller, instead of a {@code @Pattern} on each. A malformed digest is a 400 naming the variable
 * ({@link ApiExceptionHandler}).
 */
@Component
class ImageDigestConverter implements Converter<String, ImageDigest> {

    @Override
    public ImageDigest convert(String source) {
        if (!ImageDigest.isValid(source)) {
            throw new IllegalArgumentException(ImageDigest.FORMAT);
        }
        return new ImageDigest(source);
    }
}
