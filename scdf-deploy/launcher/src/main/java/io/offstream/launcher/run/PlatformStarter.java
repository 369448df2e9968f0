package io.offstream.launcher.run;

/** Brings the local platform up if it is not (idempotent), or fails with the reason already printed. */
@FunctionalInterface
public interface PlatformStarter {

    void up();
}
