package io.offstream.tasks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.offstream.contract.service.DatasetFit;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;

/** The orders dataset against the pricing service's catalogue entry, as plan and ingress will see them. */
class OrdersFitThePricingServiceTests {

    private static final Path CATALOGUE = Path.of("../../schemas/services");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    private static ServiceDefinition pricing;

    @BeforeAll
    static void loadTheCatalogueEntry() {
        // load runs every check that needs no warehouse: descriptor, schema histories, fields named
        pricing = ServiceCatalogue.local(CATALOGUE.toAbsolutePath().normalize().toUri()).load("pricing");
    }

    @Test
    void theCatalogueEntryLoadsWithARequestHistory() {
        assertThat(pricing.request().versions()).hasSize(2);
        assertThat(pricing.descriptor().key()).containsExactly("order_id", "line_no");
        assertThat(pricing.descriptor().columnOf("line_no")).isEqualTo("line_number");
    }

    @Test
    void everyRequestFieldHasAColumnOfACoercibleType() {
        assertThat(DatasetFit.problems(pricing, WarehouseColumns.of(WarehouseSchema.ORDERS))).isEmpty();
    }

    @Test
    void aDatasetWithoutAMappedColumnWouldNotFit() {
        var columns = new java.util.LinkedHashMap<>(WarehouseColumns.of(WarehouseSchema.ORDERS));
        columns.remove("line_number");
        assertThat(DatasetFit.problems(pricing, columns)).singleElement().asString().contains("line_number");
    }

    @Test
    void goodRowsBreakNoRuleAndEachBadRowBreaksExactlyTheOneItsKindNames() {
        OrdersDay day = OrdersDay.generate(42, DAY, 6_000, 0.08);
        PricingRowCheck check = new PricingRowCheck(pricing.descriptor(), pricing.requestSchema());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < day.rows().size(); i++) {
            var row = day.rows().get(i);
            List<PricingRowCheck.Violation> found = new java.util.ArrayList<>(check.violations(row, DAY));
            boolean fresh = keys.add(OrdersDay.keyOf(row));
            OrdersBadRowKind kind = day.kinds().get(i);
            if (kind == null) {
                assertThat(found).as("row %d", i).isEmpty();
                assertThat(fresh).as("row %d key", i).isTrue();
            } else if (kind == OrdersBadRowKind.DUPLICATE_KEY) {
                assertThat(found).as("row %d", i).isEmpty();
                assertThat(fresh).as("row %d repeats a key", i).isFalse();
            } else {
                assertThat(found).as("row %d (%s)", i, kind)
                        .containsExactly(new PricingRowCheck.Violation(kind.reason(), kind.fields().get(0)));
                assertThat(fresh).as("row %d key", i).isTrue();
            }
        }
    }

    @Test
    void everyKindNamesRequestFields() {
        for (OrdersBadRowKind kind : OrdersBadRowKind.values()) {
            assertThat(kind.fields()).allSatisfy(field -> assertThat(pricing.requestSchema().getField(field)).isNotNull());
        }
        assertThat(OrdersBadRowKind.DUPLICATE_KEY.fields()).isEqualTo(pricing.descriptor().key());
    }
}
