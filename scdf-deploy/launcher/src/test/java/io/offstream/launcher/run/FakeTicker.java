package io.offstream.launcher.run;

/** Time that moves only when the code under test sleeps. */
final class FakeTicker implements Ticker {

    long now;

    long slept;

    @Override
    public long nowSeconds() {
        return now;
    }

    @Override
    public void sleepSeconds(long seconds) {
        now += seconds;
        slept += seconds;
    }
}
