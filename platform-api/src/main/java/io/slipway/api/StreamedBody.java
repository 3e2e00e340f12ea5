package io.slipway.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that reads its request body itself, as a stream with its own, much larger limit
 * (artifact uploads: {@code ArtifactLimits}). Every other request body is JSON and {@link JsonBodyLimit}
 * bounds it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedBody {
}
