/**
 * The released versions of every Offstream record, as one immutable catalogue.
 *
 * <p>Readers of Offstream topics must decode data written by any released version, so every
 * version stays in the jar under {@code offstream/schemas/<Record>/v<N>.avsc}; this package finds
 * and parses them, in the jar ({@link io.offstream.schemas.history.SchemaHistory#fromClasspath()})
 * or in a source folder ({@link io.offstream.schemas.history.SchemaHistory#fromDirectory}).
 */
package io.offstream.schemas.history;
