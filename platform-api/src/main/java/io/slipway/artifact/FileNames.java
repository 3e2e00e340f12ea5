package io.slipway.artifact;

/** Client-supplied file names, made harmless: they are shown and offered on download, never used as paths. */
public final class FileNames {

    private FileNames() {
    }

    /** Keeps the last path segment; drops control characters (NUL included) and quotes; at most 255 chars. */
    public static String sanitize(String name) {
        String lastSegment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = lastSegment.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"' && c != '\'' && c != ';')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        if (clean.equals(".") || clean.equals("..")) {
            clean = "";
        }
        return clean.length() > 255 ? clean.substring(0, 255) : clean;
    }
}
