package io.offstream.dataflow.server.launch;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.core.TaskPlatform;
import org.springframework.stereotype.Component;

/** Puts every task platform's launchers behind a {@link SecretSafeTaskLauncher} as SCDF builds them. */
@Component
public class SecretSafeLaunchers implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof TaskPlatform platform) {
            for (Launcher launcher : platform.getLaunchers()) {
                if (launcher.getTaskLauncher() != null && !(launcher.getTaskLauncher() instanceof SecretSafeTaskLauncher)) {
                    launcher.setTaskLauncher(new SecretSafeTaskLauncher(launcher.getTaskLauncher()));
                }
            }
        }
        return bean;
    }
}
