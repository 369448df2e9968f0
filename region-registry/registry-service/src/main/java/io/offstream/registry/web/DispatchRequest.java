package io.offstream.registry.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /dispatches}: a child run to place.
 *
 * @param runKey the parent run
 * @param childKey the child, unique within the run (asking again returns the dispatch accepted first)
 * @param payload what the dispatcher needs to launch it, kept as given
 * @param slots the task slots it will hold on its region (1 when not given)
 */
public record DispatchRequest(@NotBlank @Size(max = 200) String runKey, @NotBlank @Size(max = 200) String childKey,
        JsonNode payload, @Min(1) @Max(1000) Integer slots) {
}
