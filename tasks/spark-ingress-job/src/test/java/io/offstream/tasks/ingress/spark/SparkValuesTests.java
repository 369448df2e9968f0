package io.offstream.tasks.ingress.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import scala.jdk.javaapi.CollectionConverters;

/** Spark's structs, arrays and maps become the plain maps and lists the coercer reads. */
class SparkValuesTests {

    @Test
    void structsBecomeMapsArraysListsAndMapsJavaMaps() {
        StructType addressType = new StructType().add("country", DataTypes.StringType).add("zone", DataTypes.IntegerType);
        Row address = new GenericRowWithSchema(new Object[] {"DE", 2}, addressType);
        Object seq = CollectionConverters.asScala(List.of(address, address)).toSeq();
        Object map = scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(Map.of("k", seq)));

        assertThat(SparkValues.toJava(address)).isEqualTo(Map.of("country", "DE", "zone", 2));
        assertThat(SparkValues.toJava(seq)).isEqualTo(List.of(Map.of("country", "DE", "zone", 2), Map.of("country", "DE", "zone", 2)));
        assertThat(SparkValues.toJava(map)).isEqualTo(Map.of("k", List.of(Map.of("country", "DE", "zone", 2),
                Map.of("country", "DE", "zone", 2))));
        assertThat(SparkValues.toJava("text")).isEqualTo("text");
    }
}
