package dev.commerce.localstack;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point: {@code run} (default) starts the whole system until Ctrl-C; {@code token} prints a bearer token
 * signed with the local key pair that dev mode and the stack trust.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> new StackRunner(StackOptions.parse(rest)).runUntilInterrupted();
            case "token" -> System.out.println(LocalTokens.fromArgs(rest));
            default -> {
                System.err.println("""
                        usage: local-stack run [--media-store=s3|efs] [--no-seed] [--free-ports]
                               local-stack token [--sub=alice] [--role=customer|admin|service] [--hours=12]""");
                System.exit(2);
            }
        }
    }
}
