package io.offstream.contract.service;

import java.util.List;

/** A catalogue entry that cannot be used; the message names every problem found, one line. */
public class InvalidServiceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidServiceException(String service, List<String> problems) {
        super("Service '" + service + "' is not usable: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
