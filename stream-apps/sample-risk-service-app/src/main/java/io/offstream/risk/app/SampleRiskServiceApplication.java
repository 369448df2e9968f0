package io.offstream.risk.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample risk service's real-time app: {@code POST /score} over the service bean (port 8082). */
@SpringBootApplication
public class SampleRiskServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleRiskServiceApplication.class, args);
    }
}
