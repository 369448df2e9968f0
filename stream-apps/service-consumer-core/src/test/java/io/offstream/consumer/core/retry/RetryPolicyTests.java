package io.offstream.consumer.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    @Test
    void backsOffExponentiallyUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofMillis(350));
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(policy.allowsAnotherAfter(4)).isTrue();
        assertThat(policy.allowsAnotherAfter(5)).isFalse();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, 0.5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifiesTimeoutsAndIoAsTransientAndBadInputAsPermanent() {
        ExceptionClassifier classifier = ExceptionClassifier.defaults();
        assertThat(classifier.isTransient(new HttpTimeoutException("slow"))).isTrue();
        assertThat(classifier.isTransient(new UncheckedIOException(new IOException("reset")))).isTrue();
        assertThat(classifier.isTransient(new TransientServiceException("503"))).isTrue();
        assertThat(classifier.isTransient(new IllegalArgumentException("bad currency"))).isFalse();
        // what a service's own infrastructure throws: a database's transient errors, a reset connection
        assertThat(classifier.isTransient(new IllegalStateException("lookup failed",
                new java.sql.SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(classifier.isTransient(new java.sql.SQLTimeoutException("statement timeout"))).isTrue();
        assertThat(classifier.isTransient(new RuntimeException(new java.net.SocketException("Connection reset")))).isTrue();
        assertThat(classifier.isTransient(new java.sql.SQLSyntaxErrorException("bad SQL"))).isFalse();
        assertThat(ExceptionClassifier.unwrap(new CompletionException(new IllegalStateException("x"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
