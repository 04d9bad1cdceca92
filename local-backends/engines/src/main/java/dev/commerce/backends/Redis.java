package dev.commerce.backends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real {@code redis-server}: the one on PATH when there is one, otherwise the binary this build carries.
 * Nothing is persisted; the port is kept across {@link #restart()}.
 */
public final class Redis implements Engine {

    private final int port;
    private final Optional<String> password;
    private final WorkDir workDir;
    private final ChildProcess process;

    public Redis() {
        this(LoopbackPorts.freePort(), Optional.empty(), List.of());
    }

    /**
     * @param password  when present, clients must AUTH with it (as with ElastiCache AUTH)
     * @param extraArgs further {@code redis-server} arguments, e.g. {@code --cluster-enabled yes}
     */
    public Redis(int port, Optional<String> password, List<String> extraArgs) {
        this.port = port;
        this.password = password;
        this.workDir = WorkDir.create("redis");
        List<String> command = new ArrayList<>(List.of(RedisBinary.path().toString(),
                "--port", Integer.toString(port), "--bind", LoopbackPorts.HOST,
                "--save", "", "--appendonly", "no", "--dir", workDir.path().toString()));
        password.ifPresent(p -> command.addAll(List.of("--requirepass", p)));
        command.addAll(extraArgs);
        this.process = new ChildProcess("redis-" + port, command, Map.of(), workDir);
    }

    @Override
    public void start() {
        process.start(Duration.ofSeconds(20), port, this::answersPing);
    }

    private boolean answersPing() {
        try {
            return "PONG".equals(command("PING"));
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Sends one command and returns the reply as text (for setup and checks, not for application code). */
    public String command(String... args) {
        return RespConnection.call(port, password, args);
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
        workDir.close();
    }

    public int port() {
        return port;
    }

    public Optional<String> password() {
        return password;
    }

    public String url() {
        return "redis://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public String describe() {
        return "redis-server on " + LoopbackPorts.HOST + ":" + port;
    }
}
