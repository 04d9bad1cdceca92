package dev.commerce.localstack;

import java.nio.file.Path;
import java.util.Map;

/** One service of the stack: its packaged application, port and configuration. */
public record ServiceSpec(String name, int port, Map<String, String> environment, Map<String, String> systemProperties) {

    public Path application(Path repositoryRoot) {
        return application(repositoryRoot, name);
    }

    static Path application(Path repositoryRoot, String service) {
        return repositoryRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
