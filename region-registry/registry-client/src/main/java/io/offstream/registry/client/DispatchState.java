package io.offstream.registry.client;

/** Where a dispatch is: accepted (queued, with or without a region), launched, or ended. */
public enum DispatchState {
    ACCEPTED, LAUNCHED, DONE, FAILED;

    public boolean isEnded() {
        return this == DONE || this == FAILED;
    }
}
