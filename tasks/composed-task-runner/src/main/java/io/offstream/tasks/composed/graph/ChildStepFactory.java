package io.offstream.tasks.composed.graph;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;

import io.offstream.tasks.composed.child.ChildTaskTasklet;

/** One step per child definition, named after it (so the dashboard lists the children as steps). */
public class ChildStepFactory {

    /**
     * A child's tasklet runs outside a transaction, so what it saves in its step (the launch id
     * before the launch, the execution id after) is committed at once: inside the step's
     * transaction it would be lost with a runner killed while the child runs, and launched twice.
     */
    private static final TransactionAttribute NO_TRANSACTION = new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED) {
        // as TaskletStep's own default: every exception ends the chunk, checked ones too (a stop's
        // JobInterruptedException would otherwise be swallowed and the tasklet called again and again)
        @Override
        public boolean rollbackOn(Throwable ex) {
            return true;
        }
    };

    private final StepBuilderFactory steps;

    private final ChildTaskTasklet.ChildTaskContext context;

    private final Map<String, Step> built = new HashMap<>();

    public ChildStepFactory(StepBuilderFactory steps, ChildTaskTasklet.ChildTaskContext context) {
        this.steps = steps;
        this.context = context;
    }

    Step stepFor(String childDefinitionName, TransitionTable transitions) {
        return built.computeIfAbsent(childDefinitionName, name -> {
            ChildTaskTasklet tasklet = new ChildTaskTasklet(name, transitions, context);
            return steps.get(name).tasklet(tasklet).listener(tasklet).transactionAttribute(NO_TRANSACTION).build();
        });
    }
}
