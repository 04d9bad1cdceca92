package dev.commerce.localstack;

/** Progress lines of the stack on standard output. */
public class Console {

    public void step(String message) {
        System.out.println("==> " + message);
    }

    public synchronized void ready(String what, long beginNanos) {
        System.out.printf("    %-58s ready in %5.1f s%n", what, (System.nanoTime() - beginNanos) / 1e9);
    }

    public void info(String message) {
        System.out.println("    " + message);
    }
}
