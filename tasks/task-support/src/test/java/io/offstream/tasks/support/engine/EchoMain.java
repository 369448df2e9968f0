package io.offstream.tasks.support.engine;

/** A tiny engine stand-in for tests: prints its arguments and a system property, exits with the last argument. */
public final class EchoMain {

    private EchoMain() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            System.out.println("arg " + arg);
        }
        System.out.println("conf " + System.getProperty("spark.master"));
        System.exit(Integer.parseInt(args[args.length - 1]));
    }
}
