package io.offstream.registry.model;

/** ACCEPTED (queued: with a region, or waiting for one) → LAUNCHED → DONE | FAILED. */
public enum DispatchState {
    ACCEPTED, LAUNCHED, DONE, FAILED;

    public boolean isEnded() {
        return this == DONE || this == FAILED;
    }
}
