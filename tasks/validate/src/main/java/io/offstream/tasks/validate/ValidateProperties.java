package io.offstream.tasks.validate;

import javax.validation.constraints.DecimalMax;
import javax.validation.constraints.DecimalMin;
import javax.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How strict validation is ({@code offstream.validate.*}).
 *
 * @param toleratedLoss   the fraction of source rows that may go unexplained (0 = none, the default;
 *                        duplicates and unexpected keys are never tolerated)
 * @param keysToName      how many missing, duplicated or unexpected keys the report names
 */
@ConfigurationProperties("offstream.validate")
@ConstructorBinding
@Validated
public record ValidateProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0") double toleratedLoss,
        @Min(1) @DefaultValue("20") int keysToName) {
}
