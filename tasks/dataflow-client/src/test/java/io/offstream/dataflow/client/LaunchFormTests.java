package io.offstream.dataflow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchFormTests {

    @Test
    void propertiesAreJoinedWithCommasInTheirOrder() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("app.plan.offstream.run.key", "r1");
        properties.put("deployer.plan.memory", "2g");
        properties.put(LaunchRequest.PLATFORM_PROPERTY, "region-a");

        assertThat(LaunchForm.properties(properties))
                .isEqualTo("app.plan.offstream.run.key=r1,deployer.plan.memory=2g,spring.cloud.dataflow.task.platformName=region-a");
    }

    @Test
    void aPropertyValueMayHoldCommasThatDoNotLookLikeAnotherProperty() {
        assertThat(LaunchForm.properties(Map.of("app.plan.columns", "a,b=c,d")))
                .isEqualTo("app.plan.columns=a,b=c,d");
    }

    @Test
    void aPropertyValueThatScdfWouldSplitIsRefused() {
        assertThatThrownBy(() -> LaunchForm.properties(Map.of("app.plan.x", "1,app.other.y=2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app.plan.x");
    }

    @Test
    void aPropertyKeyScdfDoesNotTakeIsRefused() {
        assertThatThrownBy(() -> LaunchForm.properties(Map.of("offstream.run.key", "r1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offstream.run.key");
    }

    @Test
    void argumentsAreJoinedWithSpacesAndAValueWithASpaceIsQuoted() {
        assertThat(LaunchForm.arguments(List.of("--a=1", "--title=two words", "--b=2")))
                .isEqualTo("--a=1 --title=\"two words\" --b=2");
    }

    @Test
    void aValueWithSeveralSpacesIsKeptWholeOnlyAsTheFirstArgument() {
        assertThat(LaunchForm.arguments(List.of("--graph=a && b && c", "--b=2"))).isEqualTo("--graph=\"a && b && c\" --b=2");
        assertThatThrownBy(() -> LaunchForm.arguments(List.of("--b=2", "--graph=a && b && c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one space");
    }

    @Test
    void anArgumentThatIsNotKeyValueIsRefused() {
        assertThatThrownBy(() -> LaunchForm.arguments(List.of("--a=1", "--verbose")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verbose");
    }

    @Test
    void anArgumentWithASpaceAndAQuoteIsRefused() {
        assertThatThrownBy(() -> LaunchForm.arguments(List.of("--a=say \"hi\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'\"'");
    }

    @Test
    void theFormCarriesNameAndOmitsEmptyFields() {
        assertThat(LaunchForm.encode(LaunchRequest.of("run1"))).isEqualTo("name=run1");
        assertThat(LaunchForm.encode(new LaunchRequest("run1", Map.of("app.x.y", "a b"), List.of("--k=v w"))))
                .isEqualTo("name=run1&properties=app.x.y%3Da+b&arguments=--k%3D%22v+w%22");
    }
}
