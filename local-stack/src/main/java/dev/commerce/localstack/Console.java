package dev.commerce.localstack;

/** Progress lines of the stack on standard output. */
final class Console {

    void step(String message) {
        System.out.println("==> " + message);
    }

    synchronized void ready(String what, long beginNanos) {
        System.out.printf("    %-58s ready in %5.1f s%n", what, (System.nanoTime() - beginNanos) / 1e9);
    }

    void info(String message) {
        System.out.println("    " + message);
    }
}
