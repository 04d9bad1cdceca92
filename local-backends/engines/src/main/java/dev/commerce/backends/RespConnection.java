package dev.commerce.backends;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Just enough of the Redis protocol to set engines up and check them (PING, CLUSTER MEET, CONFIG...).
 * Replies are flattened to text: arrays as newline-joined elements, nil as an empty string.
 */
final class RespConnection {

    private RespConnection() {
    }

    static String call(int port, Optional<String> password, String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LoopbackPorts.HOST, port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password.isPresent()) {
                write(out, "AUTH", password.get());
                read(in);
            }
            write(out, args);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void write(OutputStream out, String... args) throws IOException {
        StringBuilder frame = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            frame.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(InputStream in) throws IOException {
        int type = in.read();
        String line = readLine(in);
        return switch (type) {
            case '+', ':' -> line;
            case '-' -> throw new IllegalStateException("Redis error: " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield "";
                }
                byte[] data = in.readNBytes(length + 2);
                yield new String(data, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                StringBuilder joined = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    joined.append(i == 0 ? "" : "\n").append(read(in));
                }
                yield joined.toString();
            }
            default -> throw new IOException("Unexpected Redis reply type " + type);
        };
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("Connection closed");
            }
            line.write(b);
        }
        in.read(); // '\n'
        return line.toString(StandardCharsets.UTF_8);
    }
}
