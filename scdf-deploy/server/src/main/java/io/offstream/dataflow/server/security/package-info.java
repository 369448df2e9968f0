/**
 * The server's security: SCDF 2.11.5's own OAuth2 / OpenID Connect configuration
 * (spring-cloud-common-security-config), switched on by {@code spring.security.oauth2.*}
 * properties (scdf-deploy/SECURITY.md), plus the rules for Offstream's own endpoints.
 */
package io.offstream.dataflow.server.security;
