package io.offstream.dataflow.client;

/** A task definition ({@code GET /tasks/definitions/{name}}): its DSL, description and status. */
public record TaskDefinition(String name, String dslText, String description, String status) {
}
