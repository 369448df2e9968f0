package io.offstream.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Keeps the one configured password as its SHA-256 digest and compares digests in constant time.
 * Enough for a password that lives in the app's configuration anyway, and cheap on every write,
 * unlike BCrypt (tens of milliseconds per request for a dispatcher that writes in a loop).
 */
final class DigestPasswordEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawPassword) {
        return HexFormat.of().formatHex(digest(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.length() != 64) {
            return false;
        }
        return MessageDigest.isEqual(digest(rawPassword), HexFormat.of().parseHex(encodedPassword));
    }

    private static byte[] digest(CharSequence value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
