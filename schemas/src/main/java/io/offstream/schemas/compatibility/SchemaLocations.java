package io.offstream.schemas.compatibility;

import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns Avro's JSON-pointer locations ({@code /fields/3/type/1}) into field paths people can read
 * ({@code shipping_country}), by walking the reader schema. Best effort: it stops where the
 * pointer leaves what it understands, and the pointer is always reported beside it.
 */
final class SchemaLocations {

    private SchemaLocations() {
    }

    static String fieldPath(Schema reader, String location) {
        StringBuilder path = new StringBuilder();
        List<String> tokens = location == null ? List.of() : List.of(location.split("/"));
        Schema current = reader;
        for (int i = 0; i < tokens.size() && current != null; i++) {
            String token = tokens.get(i);
            switch (token) {
                case "", "type", "name", "size", "symbols" -> { }
                case "fields" -> {
                    Schema.Field field = fieldAt(current, i + 1 < tokens.size() ? tokens.get(++i) : "");
                    if (field == null) {
                        return path.toString();
                    }
                    path.append(path.length() == 0 ? "" : ".").append(field.name());
                    current = field.schema();
                }
                case "items" -> {
                    current = current.getType() == Schema.Type.ARRAY ? current.getElementType() : null;
                    path.append("[]");
                }
                case "values" -> {
                    current = current.getType() == Schema.Type.MAP ? current.getValueType() : null;
                    path.append("{}");
                }
                default -> current = unionBranch(current, token);
            }
        }
        return path.toString();
    }

    private static Schema.Field fieldAt(Schema schema, String index) {
        if (schema.getType() != Schema.Type.RECORD || !isIndex(index)) {
            return null;
        }
        int position = Integer.parseInt(index);
        return position < schema.getFields().size() ? schema.getFields().get(position) : null;
    }

    private static Schema unionBranch(Schema schema, String index) {
        if (schema.getType() != Schema.Type.UNION || !isIndex(index)) {
            return null;
        }
        int position = Integer.parseInt(index);
        return position < schema.getTypes().size() ? schema.getTypes().get(position) : null;
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit);
    }
}
