package dev.commerce.backends;

import java.nio.file.Path;

/** A real POSIX directory standing in for an EFS access-point mount. */
public final class EfsDirectory implements Engine {

    private final WorkDir workDir = WorkDir.create("efs");

    @Override
    public void start() {
        // the directory exists from construction
    }

    @Override
    public void stop() {
        // nothing runs; data stays until close
    }

    @Override
    public boolean isRunning() {
        return root().toFile().isDirectory();
    }

    @Override
    public void close() {
        workDir.close();
    }

    public Path root() {
        return workDir.path();
    }

    @Override
    public String describe() {
        return "EFS directory " + root();
    }
}
