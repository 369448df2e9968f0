/**
 * Proves that every released version of a record can read what all earlier versions wrote
 * (backward-transitive compatibility), so a reader on the current classes can decode any data
 * still on a topic or in a landed file. The build runs it; see
 * {@link io.offstream.schemas.build.SchemaHistoryBuildCheck}.
 */
package io.offstream.schemas.compatibility;
