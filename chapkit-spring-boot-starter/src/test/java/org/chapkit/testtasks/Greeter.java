package org.chapkit.testtasks;

import org.chapkit.task.TaskInjectable;

/** A user bean marked injectable: task parameters of this type receive the bean. */
@TaskInjectable
public class Greeter {

    /** Greets {@code name}. */
    public String greet(String name) {
        return "Hello, " + name + "!";
    }
}
