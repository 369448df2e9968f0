package io.offstream.tasks.ingress.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The engine job keeps Spring off its classpath (ARCHITECTURE: Spark, Kafka and Spring never share one). */
class EngineClasspathTests {

    @Test
    void hasNoSpringOnItsClasspath() {
        assertThatThrownBy(() -> Class.forName("org.springframework.core.SpringVersion")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.springframework.boot.SpringApplication")).isInstanceOf(ClassNotFoundException.class);
    }
}
