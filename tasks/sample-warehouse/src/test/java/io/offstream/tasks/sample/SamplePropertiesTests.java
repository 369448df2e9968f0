package io.offstream.tasks.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SamplePropertiesTests {

    @Test
    void theDatasetIsChosenInLowerCaseAsUsersTypeIt() {
        assertThat(bind(Map.of("offstream.sample.dataset", "orders")).getDataset()).isEqualTo(SampleDataset.ORDERS);
        assertThat(bind(Map.of("offstream.sample.dataset", "transactions")).getDataset()).isEqualTo(SampleDataset.TRANSACTIONS);
        assertThat(bind(Map.of("offstream.sample.days", "2")).getDataset()).isEqualTo(SampleDataset.TRANSACTIONS);
    }

    @Test
    void theDefaultPathIsTheDatasetsFolderUnderTheWarehouse() {
        SampleProperties options = bind(Map.of("offstream.sample.dataset", "orders"));
        assertThat(options.pathOrDefault()).isEqualTo("${offstream.home:${user.dir}}/.offstream/warehouse/orders");
        assertThat(new SampleProperties().pathOrDefault()).isEqualTo("${offstream.home:${user.dir}}/.offstream/warehouse/transactions");
        assertThat(bind(Map.of("offstream.sample.path", "/data/o")).pathOrDefault()).isEqualTo("/data/o");
    }

    @Test
    void aBlankPathIsRefused() {
        SampleProperties options = new SampleProperties();
        options.setPath(" ");
        assertThatIllegalArgumentException().isThrownBy(options::validate).withMessageContaining("offstream.sample.path");
    }

    private static SampleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("offstream.sample", SampleProperties.class);
    }
}
