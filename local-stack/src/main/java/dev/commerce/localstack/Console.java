package dev.commerce.localstack;

import java.time.Duration;

/** Progress lines of the stack on standard output. */
public class Console {

    public void step(String message) {
        System.out.println("==> " + message);
    }

    public synchronized void ready(String what, Duration took) {
        System.out.printf("    %-58s ready in %5.1f s%n", what, took.toMillis() / 1000.0);
    }

    public void info(String message) {
        System.out.println("    " + message);
    }
}
