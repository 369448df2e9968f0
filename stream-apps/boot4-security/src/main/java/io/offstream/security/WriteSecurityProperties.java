package io.offstream.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write ({@code offstream.security.*}): every POST, PUT, PATCH and DELETE, on the app's
 * API and its actuator endpoints, asks HTTP Basic with these credentials (GET and HEAD stay open).
 *
 * @param user the user name writes authenticate as
 * @param password its password; none means every write is refused (401). Hand it through a
 *        config tree ({@code --spring.config.import=optional:configtree:<dir>/} over a file named
 *        {@code offstream.security.password}) or the environment, never on a command line
 */
@ConfigurationProperties("offstream.security")
public record WriteSecurityProperties(@DefaultValue("offstream") String user, String password) {

    /** The property that holds the password, for messages. */
    public static final String PASSWORD_PROPERTY = "offstream.security.password";

    public WriteSecurityProperties {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("offstream.security.user must not be blank");
        }
    }

    /** Whether a password is set, so that writes can be made at all. */
    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "WriteSecurityProperties[user=" + user + ", password=" + (hasPassword() ? "(set)" : "(not set)") + "]";
    }
}
