package io.offstream.schemas.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Reads record histories from the classpath or from a folder; see {@link HistoryLayout}. */
final class SchemaHistoryReader {

    private SchemaHistoryReader() {
    }

    static List<RecordHistory> fromClasspath(ClassLoader loader) {
        String indexName = HistoryLayout.RESOURCE_ROOT + HistoryLayout.INDEX_FILE;
        List<String> folders;
        try (InputStream index = loader.getResourceAsStream(indexName)) {
            if (index == null) {
                throw new InvalidSchemaHistoryException("no schema history on the classpath: " + indexName
                        + " is missing (is offstream-schemas on the classpath?)");
            }
            folders = HistoryLayout.readIndex(new InputStreamReader(index, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidSchemaHistoryException("cannot read " + indexName, e);
        }
        List<RecordHistory> records = new ArrayList<>();
        for (String folder : folders) {
            List<Schema> schemas = new ArrayList<>();
            for (int number = 1; ; number++) {
                String resource = HistoryLayout.resourceName(folder, number);
                try (InputStream file = loader.getResourceAsStream(resource)) {
                    if (file == null) {
                        break;
                    }
                    schemas.add(parse(file, resource, folder));
                } catch (IOException e) {
                    throw new InvalidSchemaHistoryException("cannot read " + resource, e);
                }
            }
            if (schemas.isEmpty()) {
                throw new InvalidSchemaHistoryException(indexName + " lists " + folder + " but "
                        + HistoryLayout.resourceName(folder, 1) + " is missing");
            }
            records.add(new RecordHistory(schemas));
        }
        return records;
    }

    static List<RecordHistory> fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidSchemaHistoryException("schema history folder " + root + " does not exist");
        }
        List<RecordHistory> records = new ArrayList<>();
        for (Path folder : list(root)) {
            if (Files.isDirectory(folder)) {
                records.add(readFolder(folder));
            }
        }
        return records;
    }

    private static RecordHistory readFolder(Path folder) {
        TreeMap<Integer, Path> files = new TreeMap<>();
        for (Path file : list(folder)) {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            OptionalInt version = HistoryLayout.versionOf(name);
            if (version.isEmpty() || !Files.isRegularFile(file)) {
                throw new InvalidSchemaHistoryException(file + " is not a released version: a record folder"
                        + " holds only files named v<N>.avsc");
            }
            files.put(version.getAsInt(), file);
        }
        if (files.isEmpty()) {
            throw new InvalidSchemaHistoryException(folder + " holds no version: add v1.avsc");
        }
        if (files.firstKey() != 1 || files.lastKey() != files.size()) {
            throw new InvalidSchemaHistoryException(folder + " holds versions " + files.keySet()
                    + ": versions must run from v1 without gaps");
        }
        String record = folder.getFileName().toString();
        List<Schema> schemas = new ArrayList<>();
        for (Path file : files.values()) {
            try (InputStream in = Files.newInputStream(file)) {
                schemas.add(parse(in, file.toString(), record));
            } catch (IOException e) {
                throw new InvalidSchemaHistoryException("cannot read " + file, e);
            }
        }
        return new RecordHistory(schemas);
    }

    /** Each file gets its own parser: versions of one record share a name, which a parser forbids. */
    private static Schema parse(InputStream in, String source, String folder) throws IOException {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(in);
        } catch (SchemaParseException e) {
            throw new InvalidSchemaHistoryException(source + " is not a valid Avro schema: " + e.getMessage(), e);
        }
        if (!folder.equals(schema.getName())) {
            throw new InvalidSchemaHistoryException(source + " defines " + schema.getFullName()
                    + ", but its folder says " + folder + ": the folder must be the record's simple name");
        }
        return schema;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new InvalidSchemaHistoryException("cannot list " + folder, e);
        }
    }
}
