package dev.commerce.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class WorkDirTest {

    @Test
    void closingAWorkDirectoryStopsWhatRunsInItAndRemovesIt() throws Exception {
        WorkDir dir = WorkDir.create("close-test");
        Files.writeString(dir.path().resolve("data"), "x");
        Process sleeper = new ProcessBuilder("sleep", "300").directory(dir.path().toFile()).start();
        assertThat(WorkDir.heldBy(ProcessHandle.current().pid())).contains(dir.path());

        dir.close();

        assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).as("the process in the directory ended").isTrue();
        assertThat(dir.path()).doesNotExist();
        assertThat(WorkDir.heldBy(ProcessHandle.current().pid())).doesNotContain(dir.path());
    }

    @Test
    void sweepReclaimsTheDirectoryOfAGoneOwnerAndKillsWhatIgnoresSigterm() throws Exception {
        Path stale = Files.createTempDirectory(WorkDir.root(), "stale-").toRealPath();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(stale.resolve(".owner"), gone.pid() + " 0\n");
        Process stubborn = new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; sleep 300 & wait")
                .directory(stale.toFile()).start();
        assertThat(Leftovers.processesIn(List.of(stale))).isNotEmpty();

        WorkDir.sweep();

        assertThat(stubborn.waitFor(30, TimeUnit.SECONDS)).as("the process ignoring SIGTERM ended").isTrue();
        Leftovers.awaitNoneOf(List.of(stale));
    }

    @Test
    void sweepLeavesTheDirectoriesOfLiveOwnersAlone() {
        WorkDir mine = WorkDir.create("live-owner");
        try {
            WorkDir.sweep();
            assertThat(mine.path()).isDirectory();
        } finally {
            mine.close();
        }
    }

    @Test
    void theLeashRefusesAnythingButAWorkDirectory() throws Exception {
        Path outside = Files.createTempDirectory("not-a-work-dir");
        try {
            Process leash = new ProcessBuilder("/bin/sh", leashScript(), outside.toString())
                    .redirectInput(new File("/dev/null")).start();
            assertThat(leash.waitFor()).isEqualTo(2);
            assertThat(outside).isDirectory();
        } finally {
            Files.delete(outside);
        }
    }

    private static String leashScript() throws Exception {
        try (var scripts = Files.list(WorkDir.root())) {
            return scripts.filter(path -> path.getFileName().toString().matches("leash-.*\\.sh")).findFirst()
                    .orElseThrow().toString();
        }
    }
}
