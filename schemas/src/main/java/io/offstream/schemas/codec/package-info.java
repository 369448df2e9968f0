/**
 * Avro single-object encoding of Offstream records, the value format of every Offstream topic:
 * <pre>
 * C3 01 | fingerprint: 8 bytes, little-endian CRC-64-AVRO of the writer's schema | Avro binary body
 * </pre>
 * Encoders write any released version; decoders read every released version (looked up by the
 * fingerprint in {@link io.offstream.schemas.codec.HistorySchemaStore}) and resolve it into the
 * current one. Every decoding failure is a {@link io.offstream.schemas.codec.MessageDecodingException},
 * which callers route to the run's dead-letter topic.
 */
package io.offstream.schemas.codec;
