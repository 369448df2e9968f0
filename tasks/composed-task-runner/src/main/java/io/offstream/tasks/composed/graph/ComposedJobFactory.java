package io.offstream.tasks.composed.graph;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.State;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.job.flow.support.StateTransition;
import org.springframework.batch.core.job.flow.support.state.DecisionState;
import org.springframework.batch.core.job.flow.support.state.EndState;
import org.springframework.batch.core.job.flow.support.state.FlowState;
import org.springframework.batch.core.job.flow.support.state.SplitState;
import org.springframework.batch.core.job.flow.support.state.StepState;
import org.springframework.cloud.dataflow.core.dsl.LabelledTaskNode;
import org.springframework.cloud.dataflow.core.dsl.SplitNode;
import org.springframework.cloud.dataflow.core.dsl.TaskAppNode;
import org.springframework.cloud.dataflow.core.dsl.TaskNode;
import org.springframework.cloud.dataflow.core.dsl.TaskParser;
import org.springframework.cloud.dataflow.core.dsl.TransitionNode;
import org.springframework.core.task.TaskExecutor;

/**
 * Compiles a composed task graph (SCDF's task DSL over child definition names) into one Spring
 * Batch flow job.
 *
 * <p>Each child becomes its step followed by a decision: the transition its outcome takes, else
 * the next element of the sequence when it succeeded, else failure. A split runs its branches
 * as parallel flows on a bounded executor and continues only when all of them completed. A
 * transition's target (a child or a labelled sequence) runs and then ends that path, as in
 * SCDF: {@code a 'FAILED'->b && c} runs b and ends when a fails, c otherwise.
 */
public class ComposedJobFactory {

    private final JobBuilderFactory jobs;

    private final ChildStepFactory steps;

    private final TaskExecutor splitExecutor;

    public ComposedJobFactory(JobBuilderFactory jobs, ChildStepFactory steps, TaskExecutor splitExecutor) {
        this.jobs = jobs;
        this.steps = steps;
        this.splitExecutor = splitExecutor;
    }

    /** Parses the graph, refusing one that is not valid DSL with the parser's message. */
    public static TaskNode parse(String composedTaskName, String graph) {
        return new TaskParser(composedTaskName, graph, true, true).parse();
    }

    public Job create(String jobName, String graph) {
        TaskNode root = parse(jobName, graph);
        Flow main = new Compilation(root).sequence(root.getStart(), jobName);
        return jobs.get(jobName).start(main).end().build();
    }

    /** One compilation: state names are made unique with a counter. */
    private final class Compilation {

        private final TaskNode root;

        private int counter;

        Compilation(TaskNode root) {
            this.root = root;
        }

        SimpleFlow sequence(LabelledTaskNode node, String name) {
            List<LabelledTaskNode> elements = node.isFlow() ? node.getSeries() : List.of(node);
            State completed = new EndState(FlowExecutionStatus.COMPLETED, name + "#completed");
            State failed = new EndState(FlowExecutionStatus.FAILED, "FAILED", name + "#failed");
            List<StateTransition> transitions = new ArrayList<>();
            State next = completed;
            // Built back to front so each element knows where it continues; its transitions are
            // put first, because SimpleFlow starts at the first transition's state.
            for (int i = elements.size() - 1; i >= 0; i--) {
                List<StateTransition> own = new ArrayList<>();
                next = element(elements.get(i), next, completed, failed, name, own);
                transitions.addAll(0, own);
            }
            transitions.add(StateTransition.createEndStateTransition(completed));
            transitions.add(StateTransition.createEndStateTransition(failed));
            SimpleFlow flow = new SimpleFlow(name);
            flow.setStateTransitions(transitions);
            return flow;
        }

        private State element(LabelledTaskNode node, State continuation, State completed, State failed, String flowName,
                List<StateTransition> out) {
            if (node.isSplit()) {
                return split((SplitNode) node, continuation, failed, flowName, out);
            }
            if (node.isTaskApp()) {
                return child((TaskAppNode) node, continuation, completed, failed, flowName, out);
            }
            // A nested flow as one element: run it, then continue.
            FlowState nested = new FlowState(sequence(node, unique(flowName + ".flow")), unique(flowName + ".flow-state"));
            out.add(StateTransition.createStateTransition(nested, "COMPLETED", continuation.getName()));
            out.add(StateTransition.createStateTransition(nested, "*", failed.getName()));
            return nested;
        }

        private State child(TaskAppNode node, State continuation, State completed, State failed, String flowName,
                List<StateTransition> out) {
            TransitionTable table = TransitionTable.of(node);
            StepState step = new StepState(unique(flowName + ":" + node.getName()), steps.stepFor(node.getName(), table));
            DecisionState route = new DecisionState(new ChildOutcomeDecider(table), step.getName() + "#route");
            out.add(StateTransition.createStateTransition(step, "*", route.getName()));
            List<TransitionNode> transitions = table.transitions();
            for (int i = 0; i < transitions.size(); i++) {
                State target = target(transitions.get(i), completed, failed, flowName, out);
                out.add(StateTransition.createStateTransition(route, ChildOutcomeDecider.routeOf(i), target.getName()));
            }
            out.add(StateTransition.createStateTransition(route, ChildOutcomeDecider.NEXT, continuation.getName()));
            out.add(StateTransition.createStateTransition(route, ChildOutcomeDecider.UNHANDLED, failed.getName()));
            return step;
        }

        private State target(TransitionNode transition, State completed, State failed, String flowName, List<StateTransition> out) {
            if (transition.isEndTransition()) {
                return completed;
            }
            if (transition.isFailTransition()) {
                return failed;
            }
            LabelledTaskNode targetNode = transition.isTargetApp() ? transition.getTargetApp()
                    : root.getSequenceWithLabel(transition.getTargetLabel());
            if (targetNode == null) {
                throw new IllegalArgumentException("Transition target ':" + transition.getTargetLabel() + "' names no labelled sequence");
            }
            String name = unique(flowName + "->" + (transition.isTargetApp() ? transition.getTargetApp().getName() : transition.getTargetLabel()));
            FlowState path = new FlowState(sequence(targetNode, name), name + "#state");
            out.add(StateTransition.createStateTransition(path, "COMPLETED", completed.getName()));
            out.add(StateTransition.createStateTransition(path, "*", failed.getName()));
            return path;
        }

        private State split(SplitNode node, State continuation, State failed, String flowName, List<StateTransition> out) {
            List<Flow> branches = new ArrayList<>();
            for (LabelledTaskNode branch : node.getSeries()) {
                branches.add(sequence(branch, unique(flowName + ".branch")));
            }
            SplitState split = new SplitState(branches, unique(flowName + ".split"));
            split.setTaskExecutor(splitExecutor);
            out.add(StateTransition.createStateTransition(split, "COMPLETED", continuation.getName()));
            out.add(StateTransition.createStateTransition(split, "*", failed.getName()));
            return split;
        }

        private String unique(String name) {
            return name + "." + (counter++);
        }
    }
}
