package dev.commerce.localstack;

import java.util.List;

/** Options of {@code local-stack run}. */
record StackOptions(String mediaStore, boolean seed, boolean freePorts) {

    static StackOptions parse(List<String> args) {
        String mediaStore = "s3";
        boolean seed = true;
        boolean freePorts = false;
        for (String arg : args) {
            if (arg.startsWith("--media-store=")) {
                mediaStore = arg.substring("--media-store=".length());
                if (!mediaStore.equals("s3") && !mediaStore.equals("efs")) {
                    throw new IllegalArgumentException("--media-store must be s3 or efs");
                }
            } else if (arg.equals("--no-seed")) {
                seed = false;
            } else if (arg.equals("--free-ports")) {
                freePorts = true;
            } else {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new StackOptions(mediaStore, seed, freePorts);
    }

    ServicePorts ports() {
        return freePorts ? ServicePorts.free() : ServicePorts.documented();
    }
}
