package io.offstream.consumer.app.support;

import java.nio.file.Path;
import java.util.Map;

import io.offstream.schemas.sample.Transaction;
import org.apache.avro.generic.GenericRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A tiny service as a function jar: request {@code Greeting}, response {@code Reply}, in both forms
 * of {@code invoke.function} (the class {@code com.example.greet.Greeter}, and the bean
 * {@code greeter} of its auto-configurations), plus a few functions that do not fit, for the errors.
 */
public final class GreeterJar {

    public static final String REQUEST = """
            {"type": "record", "name": "Greeting", "namespace": "com.example.greet", "fields": [
              {"name": "name", "type": "string"},
              {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}}]}""";

    public static final String RESPONSE = """
            {"type": "record", "name": "Reply", "namespace": "com.example.greet", "fields": [
              {"name": "name", "type": "string"},
              {"name": "text", "type": "string"},
              {"name": "doubled", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}}]}""";

    private static final String REPLIES = """
            package com.example.greet;

            import java.math.BigDecimal;
            import org.apache.avro.Schema;
            import org.apache.avro.generic.GenericData;
            import org.apache.avro.generic.GenericRecord;

            /** Only the jar has this class. */
            public final class Replies {
                static final Schema REPLY = new Schema.Parser().parse(%s);

                public static GenericRecord reply(String word, GenericRecord greeting) {
                    GenericData.Record reply = new GenericData.Record(REPLY);
                    reply.put("name", greeting.get("name").toString());
                    reply.put("text", word + " " + greeting.get("name"));
                    reply.put("doubled", ((BigDecimal) greeting.get("amount")).multiply(BigDecimal.valueOf(2)));
                    return reply;
                }
            }
            """.formatted(javaString(RESPONSE));

    private static final String GREETER = """
            package com.example.greet;

            import java.util.function.Function;
            import org.apache.avro.generic.GenericRecord;

            public class Greeter implements Function<GenericRecord, GenericRecord> {
                @Override
                public GenericRecord apply(GenericRecord greeting) {
                    return Replies.reply("hello", greeting);
                }
            }
            """;

    private static final String WORDS_CONFIGURATION = """
            package com.example.greet;

            import java.util.function.Supplier;
            import org.springframework.boot.autoconfigure.AutoConfiguration;
            import org.springframework.context.annotation.Bean;
            import org.springframework.core.env.Environment;

            @AutoConfiguration
            public class WordsAutoConfiguration {
                /** From the consumer's environment: the child context shares it. */
                @Bean
                Supplier<String> words(Environment environment) {
                    return () -> environment.getProperty("greeter.word", "hello");
                }
            }
            """;

    private static final String GREETER_CONFIGURATION = """
            package com.example.greet;

            import java.util.function.Function;
            import java.util.function.Supplier;
            import org.apache.avro.generic.GenericRecord;
            import org.springframework.boot.autoconfigure.AutoConfiguration;
            import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
            import org.springframework.context.annotation.Bean;

            /** Listed before WordsAutoConfiguration in the imports file, but ordered after it (as Boot does). */
            @AutoConfiguration(after = WordsAutoConfiguration.class)
            public class GreeterAutoConfiguration {
                @Bean
                @ConditionalOnBean(name = "words")
                Function<GenericRecord, GenericRecord> greeter(Supplier<String> words) {
                    return greeting -> Replies.reply(words.get(), greeting);
                }
            }
            """;

    private static final String TRANSACTION_ECHO = """
            package com.example.greet;

            import java.util.function.Function;
            import io.offstream.schemas.sample.Transaction;
            import org.apache.avro.generic.GenericRecord;

            /** Declares the sample's generated request class: it cannot take Greeting records. */
            public class TransactionEcho implements Function<Transaction, GenericRecord> {
                @Override
                public GenericRecord apply(Transaction transaction) {
                    return transaction;
                }
            }
            """;

    private static final String SHOUTER = """
            package com.example.greet;

            import java.util.function.Function;
            import org.apache.avro.generic.GenericRecord;

            /** Returns text, not a record. */
            public class Shouter implements Function<GenericRecord, Object> {
                @Override
                public Object apply(GenericRecord greeting) {
                    return "HELLO";
                }
            }
            """;

    private GreeterJar() {
    }

    public static Path build(Path dir) {
        return FunctionJars.build(dir.resolve("greeter-function.jar"),
                Map.of("com.example.greet.Replies", REPLIES, "com.example.greet.Greeter", GREETER,
                        "com.example.greet.WordsAutoConfiguration", WORDS_CONFIGURATION,
                        "com.example.greet.GreeterAutoConfiguration", GREETER_CONFIGURATION,
                        "com.example.greet.TransactionEcho", TRANSACTION_ECHO, "com.example.greet.Shouter", SHOUTER),
                Map.of("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                        "# listed out of order on purpose\ncom.example.greet.GreeterAutoConfiguration\ncom.example.greet.WordsAutoConfiguration\n"),
                GenericRecord.class, Bean.class, Environment.class, Autowired.class, AutoConfiguration.class,
                ConditionalOnBean.class, SpringApplication.class, Nullable.class, Transaction.class);
    }

    private static String javaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
