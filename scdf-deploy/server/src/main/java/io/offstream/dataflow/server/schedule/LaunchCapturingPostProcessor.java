package io.offstream.dataflow.server.schedule;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.dataflow.server.service.SchedulerService;

/**
 * Wraps SCDF's {@link SchedulerService} bean in a {@link LaunchCapturingSchedulerService}.
 *
 * <p>Decorating the bean SCDF builds (rather than declaring a replacement) keeps SCDF's own
 * service, with its sixteen collaborators, exactly as SCDF wires it, whatever order the
 * configurations are read in.
 */
public class LaunchCapturingPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<LocalLauncherSchedulers> local;

    private final ObjectProvider<SchedulerProperties> properties;

    public LaunchCapturingPostProcessor(ObjectProvider<LocalLauncherSchedulers> local,
            ObjectProvider<SchedulerProperties> properties) {
        this.local = local;
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SchedulerService scdf && !(bean instanceof LaunchCapturingSchedulerService)) {
            return new LaunchCapturingSchedulerService(scdf, local.getObject(), properties.getObject());
        }
        return bean;
    }
}
