/**
 * The check the build runs after compiling (exec-maven-plugin, phase {@code process-classes}, so
 * {@code -DskipTests} does not skip it): the history's layout, its compatibility, its types, and
 * that the generated classes are the highest released versions. Not for run-time use.
 */
package io.offstream.schemas.build;
