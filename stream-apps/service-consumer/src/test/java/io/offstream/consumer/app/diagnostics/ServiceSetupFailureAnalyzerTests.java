package io.offstream.consumer.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;

import io.offstream.consumer.app.function.FunctionJarException;
import io.offstream.consumer.app.support.GreeterJar;
import io.offstream.consumer.app.support.TestCatalogue;
import io.offstream.contract.service.ServiceCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ServiceSetupFailureAnalyzerTests {

    private final ServiceSetupFailureAnalyzer analyzer = new ServiceSetupFailureAnalyzer();

    @Test
    void aBadCatalogueEntryIsReportedAsOneLineNamingEveryProblem(@TempDir Path dir) {
        new TestCatalogue(dir).entry("broken", """
                name: broken
                key: [name]
                invoke: {function: f, http: {url: "http://localhost:1/x"}}
                consumer: {max-in-flight: 0}
                """, GreeterJar.REQUEST, GreeterJar.RESPONSE);
        Throwable invalid = catchThrowable(() -> ServiceCatalogue.at(dir.toUri()).load("broken"));

        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("serviceDefinition", "failed", invalid));

        assertThat(analysis.getDescription()).startsWith("Service 'broken' is not usable: ")
                .contains("exactly one of function and http").contains("consumer.max-in-flight must be at least 1")
                .doesNotContain("\n");
        assertThat(analysis.getAction()).contains("offstream.services.location");
    }

    @Test
    void aFunctionThatCannotBeHostedIsReportedWithWhatToFix() {
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("serviceBinding", "failed",
                new FunctionJarException("the function jar /x.jar (invoke.jar) does not exist; build or copy it there")));

        assertThat(analysis.getDescription()).isEqualTo("The service's function cannot be hosted: the function jar /x.jar"
                + " (invoke.jar) does not exist; build or copy it there");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("port in use"))).isNull();
    }
}
