package io.offstream.tests.images;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An image tarball as Jib writes it (an OCI layout: index.json, blobs/sha256/; or a {@code docker
 * save} one: manifest.json), read in one pass: its name, its config and every file path of its
 * layers. Layers are streamed, never held: a task's image carries an engine of half a gigabyte.
 */
record ImageTarball(String name, JsonNode config, Set<String> files) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Entries at most this big are kept: the metadata (and small layers, read once the manifest says so). */
    private static final long KEPT = 1 << 20;

    static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        Map<String, Set<String>> largeLayers = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (!entry.isFile()) {
                    continue;
                }
                String name = entry.getName().replaceFirst("^\\./", "");
                if (entry.getSize() <= KEPT) {
                    small.put(name, tar.readAllBytes());
                }
                else {
                    largeLayers.put(name, layerFiles(tar));
                }
            }
        }
        String imageName;
        String configPath;
        List<String> layerPaths = new ArrayList<>();
        if (small.containsKey("manifest.json")) {
            JsonNode manifest = JSON.readTree(small.get("manifest.json")).get(0);
            imageName = manifest.path("RepoTags").path(0).asText();
            configPath = manifest.path("Config").asText();
            manifest.path("Layers").forEach(layer -> layerPaths.add(layer.asText()));
        }
        else if (small.containsKey("index.json")) {
            JsonNode descriptor = JSON.readTree(small.get("index.json")).path("manifests").path(0);
            imageName = descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText();
            JsonNode manifest = JSON.readTree(blob(small, descriptor.path("digest").asText()));
            configPath = blobPath(manifest.path("config").path("digest").asText());
            manifest.path("layers").forEach(layer -> layerPaths.add(blobPath(layer.path("digest").asText())));
        }
        else {
            throw new IllegalStateException(tarball + " is neither an OCI layout nor a docker save tarball");
        }
        Set<String> files = new HashSet<>();
        for (String layer : layerPaths) {
            if (largeLayers.containsKey(layer)) {
                files.addAll(largeLayers.get(layer));
            }
            else if (small.containsKey(layer)) {
                files.addAll(layerFiles(new ByteArrayInputStream(small.get(layer))));
            }
            else {
                throw new IllegalStateException(tarball + " lacks its layer " + layer);
            }
        }
        return new ImageTarball(imageName, JSON.readTree(small.get(configPath)).path("config"), files);
    }

    /** The file paths of a layer (a tar, gzipped or not), without a leading ./ or /. */
    private static Set<String> layerFiles(InputStream layer) throws IOException {
        BufferedInputStream in = new BufferedInputStream(layer);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        Set<String> files = new HashSet<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(gzip ? new GzipCompressorInputStream(in) : in);
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (!entry.isDirectory()) {
                files.add(entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
            }
        }
        return files;
    }

    private static byte[] blob(Map<String, byte[]> small, String digest) {
        byte[] bytes = small.get(blobPath(digest));
        if (bytes == null) {
            throw new IllegalStateException("no blob " + digest);
        }
        return bytes;
    }

    private static String blobPath(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }
}
