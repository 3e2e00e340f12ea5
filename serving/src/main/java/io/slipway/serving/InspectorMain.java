package io.slipway.serving;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The inspector process: loads one model with {@link OnnxInspector} and prints what it found as one line on
 * standard output, {@value #REPLY_PREFIX} followed by JSON ({@code {"inputs":[...],"outputs":[...]}} with exit
 * code {@value #EXIT_SIGNATURE}, or {@code {"reason":"model-not-onnx","message":"..."}} with exit code
 * {@value #EXIT_UNLOADABLE}). Its one argument is the model file; standard input carries the name to call it in
 * messages (UTF-8). {@link IsolatedOnnxInspector} starts it; it is not meant to be run by hand.
 */
public final class InspectorMain {

    /** What starts the reply line, so that anything else a library prints on standard output is ignored. */
    static final String REPLY_PREFIX = "slipway-inspection ";
    /** The model loaded; the reply is its signature. */
    static final int EXIT_SIGNATURE = 0;
    /** The model cannot be loaded; the reply says why. */
    static final int EXIT_UNLOADABLE = 2;
    /** Wrong arguments. */
    static final int EXIT_USAGE = 64;
    private static final int MAX_NAME_BYTES = 4096;

    private InspectorMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
        if (args.length != 1) {
            System.err.println("usage: InspectorMain <model file>  (the name for messages on standard input)");
            System.exit(EXIT_USAGE);
        }
        Path model = Path.of(args[0]);
        String name = displayName(System.in).orElse(args[0]);
        int exit;
        try {
            ModelSignature signature = new OnnxInspector().inspect(model, name);
            out.println(REPLY_PREFIX + signatureJson(signature));
            exit = EXIT_SIGNATURE;
        } catch (UnloadableModelException e) {
            out.println(REPLY_PREFIX + "{\"reason\":" + string(e.reason().code()) + ",\"message\":"
                    + string(e.getMessage()) + "}");
            exit = EXIT_UNLOADABLE;
        }
        out.flush();
        System.exit(exit);
    }

    private static Optional<String> displayName(InputStream in) {
        try {
            String name = new String(in.readNBytes(MAX_NAME_BYTES), StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String signatureJson(ModelSignature signature) {
        return "{\"inputs\":" + specs(signature.inputs()) + ",\"outputs\":" + specs(signature.outputs()) + "}";
    }

    private static String specs(List<TensorSpec> specs) {
        StringBuilder json = new StringBuilder("[");
        for (TensorSpec spec : specs) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"name\":").append(string(spec.name()))
                    .append(",\"elementType\":").append(string(spec.elementType()))
                    .append(",\"shape\":[")
                    .append(String.join(",", spec.shape().stream().map(String::valueOf).toList())).append("]}");
        }
        return json.append(']').toString();
    }

    /** A JSON string in plain ASCII: every other character escaped, so no locale can garble it. */
    static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
