package io.offstream.dataflow.server.schedule;

import org.springframework.cloud.deployer.spi.scheduler.CreateScheduleException;

/**
 * A cron expression that cannot be scheduled, with a message that says what is wrong with it.
 *
 * <p>It is a {@link CreateScheduleException} because SCDF's REST layer answers that exception
 * (and so this one) with HTTP 400 and its message; any other runtime exception would be a 500.
 * The message is the problem alone, without the "Failed to create schedule" prefix that
 * {@code CreateScheduleException} puts in front of a schedule name.
 */
public class InvalidCronExpressionException extends CreateScheduleException {

    private final String problem;

    public InvalidCronExpressionException(String problem) {
        super(problem, null);
        this.problem = problem;
    }

    @Override
    public String getMessage() {
        return problem;
    }
}
