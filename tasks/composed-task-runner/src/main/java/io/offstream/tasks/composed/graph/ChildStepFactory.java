package io.offstream.tasks.composed.graph;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;

import io.offstream.tasks.composed.child.ChildTaskTasklet;

/** One step per child definition, named after it (so the dashboard lists the children as steps). */
public class ChildStepFactory {

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
            return steps.get(name).tasklet(tasklet).listener(tasklet).build();
        });
    }
}
