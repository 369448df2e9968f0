package io.offstream.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Secure by default: GET and HEAD are open (health, info, prometheus, listings), every other
 * method needs HTTP Basic as {@code offstream.security.user}/{@code offstream.security.password}
 * or, when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is
 * set, a bearer JWT that the issuer signed. Without a password (and without a JWT issuer) no
 * write can be made, and the app says so once at start. Placed before Boot's own security
 * auto-configurations, so Boot neither adds its default chain nor generates a password.
 */
@AutoConfiguration(before = { UserDetailsServiceAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(WriteSecurityProperties.class)
public class WriteSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WriteSecurityAutoConfiguration.class);

    static final String JWT_ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    static final String JWT_JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    @Bean
    SecurityFilterChain offstreamWriteSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // an error page rendered for a request that was already let through
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("offstream"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // CSRF protects a browser session's cookie from being replayed by another site; these
                // APIs keep no session and take credentials on every request (Basic or bearer), which
                // a forged cross-site request cannot attach, so a CSRF token would only break clients.
                .csrf(csrf -> csrf.disable());
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        }
        return http.build();
    }

    @Bean
    UserDetailsService offstreamWriteUsers(WriteSecurityProperties properties, PasswordEncoder offstreamPasswordEncoder,
            Environment environment) {
        if (!properties.hasPassword()) {
            boolean jwt = environment.containsProperty(JWT_ISSUER_URI) || environment.containsProperty(JWT_JWK_SET_URI);
            log.warn("Writes (POST, PUT, PATCH, DELETE) {} until {} is set", jwt
                    ? "accept a bearer JWT only, HTTP Basic is refused with 401,"
                    : "are disabled: refused with 401", WriteSecurityProperties.PASSWORD_PROPERTY);
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(properties.user())
                .password(offstreamPasswordEncoder.encode(properties.password()))
                .roles("WRITER")
                .build());
    }

    @Bean
    PasswordEncoder offstreamPasswordEncoder() {
        return new DigestPasswordEncoder();
    }
}
