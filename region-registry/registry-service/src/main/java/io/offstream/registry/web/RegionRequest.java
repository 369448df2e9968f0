package io.offstream.registry.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /regions}: register or update a region by name.
 *
 * @param capacitySource {@code scdf} (default) or a fixed Cap_max
 */
public record RegionRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}") String name,
        @NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String scdfUrl,
        @NotBlank String platformAccount,
        String kafkaBootstrap,
        @Pattern(regexp = "(?i)scdf|[0-9]{1,6}", message = "must be 'scdf' or a non-negative number") String capacitySource) {
}
