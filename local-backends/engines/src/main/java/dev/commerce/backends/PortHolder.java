package dev.commerce.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Which process listens on a TCP port of this machine, read from {@code /proc} (Linux): the listening socket's
 * inode from {@code /proc/net/tcp} and {@code tcp6}, then the process whose open files include that socket. This is
 * how a start makes sure that what answers on a port is the process it started, not one that was there before.
 * Where {@code /proc} is missing, whether a port is taken is still known, but not by whom.
 */
public final class PortHolder {

    private static final Logger LOG = Logger.getLogger(PortHolder.class);
    private static final List<Path> SOCKET_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";
    private static final boolean READABLE = Files.isReadable(SOCKET_TABLES.get(0));
    private static volatile boolean warned;

    private PortHolder() {
    }

    /** Whether a process listens on {@code port}, on any local address. */
    public static boolean isTaken(int port) {
        return READABLE ? !listeningInodes(port).isEmpty() : !canBind(port);
    }

    /** Whether the socket listening on {@code port} belongs to {@code process} or one of its descendants. */
    public static boolean isHeldBy(int port, ProcessHandle process) {
        if (!READABLE) {
            if (!warned) {
                warned = true;
                LOG.warn("No /proc on this system: the process answering on a port cannot be checked");
            }
            return isTaken(port);
        }
        Set<String> sockets = listeningInodes(port);
        return !sockets.isEmpty() && Stream.concat(Stream.of(process), process.descendants())
                .anyMatch(candidate -> holdsAny(candidate.pid(), sockets));
    }

    /**
     * Fails with {@link PortTakenException} when a process listens on {@code port} and it is neither {@code process}
     * nor one of its descendants; returns whether {@code process} is the one listening.
     */
    public static boolean checkHeldBy(int port, ProcessHandle process, String what) {
        if (!isTaken(port)) {
            return false;
        }
        if (isHeldBy(port, process)) {
            return true;
        }
        throw new PortTakenException(port, "Port " + port + " is answered by " + describeHolder(port) + ", not by the "
                + what + " started as pid " + process.pid() + "; refusing to use it");
    }

    /** The process listening on {@code port}, when there is one and it can be seen (it may be another user's). */
    public static Optional<ProcessHandle> holder(int port) {
        Set<String> sockets = READABLE ? listeningInodes(port) : Set.of();
        if (sockets.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.map(dir -> dir.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> holdsAny(pid, sockets))
                    .findFirst()
                    .flatMap(ProcessHandle::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The process listening on {@code port} for messages, e.g. {@code "pid 4242 (java -jar app.jar)"}. */
    public static String describeHolder(int port) {
        return holder(port).map(PortHolder::describe).orElse("another process");
    }

    private static String describe(ProcessHandle process) {
        Optional<String> command = process.info().commandLine();
        return "pid " + process.pid() + command.map(line -> " (" + abbreviate(line) + ")").orElse("");
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    /** Inodes of the sockets listening on {@code port}. */
    private static Set<String> listeningInodes(int port) {
        String portSuffix = ":" + String.format(Locale.ROOT, "%04X", port);
        Set<String> inodes = new HashSet<>();
        for (Path table : SOCKET_TABLES) {
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(portSuffix) && fields[3].equals(LISTEN)) {
                        inodes.add(fields[9]);
                    }
                }
            } catch (IOException noIpv6) {
                // tcp6 is absent where IPv6 is off
            }
        }
        return inodes;
    }

    private static boolean holdsAny(long pid, Set<String> inodes) {
        try (Stream<Path> files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return files.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException closed) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException goneOrNotOurs) {
            return false;
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
