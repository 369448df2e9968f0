package io.offstream.dataflow.client;

/** One task platform account of {@code GET /tasks/platforms}. */
public record TaskPlatform(String name, String type, String description) {
}
