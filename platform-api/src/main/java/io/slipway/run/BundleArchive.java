package io.slipway.run;

import io.slipway.api.FieldError;
import io.slipway.api.ProblemException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A code bundle's archive: tar, gzip-compressed tar or zip, told apart by its first bytes (not its name). Read
 * entry by entry with Apache Commons Compress; an entry must be a plain file or directory at a relative path
 * inside the bundle ({@code ..}, absolute paths and links are refused), and the bundle must stay within
 * {@link #MAX_ENTRIES} entries and {@code maxUnpackedBytes} unpacked, so that unpacking it can neither write
 * outside its directory nor fill the disk.
 */
final class BundleArchive {

    static final int MAX_ENTRIES = 20_000;
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[^/\\\\\u0000]+");

    /** The formats a bundle may have, as the Job's init container unpacks them. */
    enum Format {
        TAR("tar"), TAR_GZ("tar.gz"), ZIP("zip");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Format fromLabel(String label) {
            for (Format format : values()) {
                if (format.label.equals(label)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("Not a bundle format: " + label);
        }
    }

    /** What a checked bundle holds. */
    record Contents(Format format, int files, long unpackedBytes) {
    }

    private BundleArchive() {
    }

    /** Checks the whole archive at {@code file}; a 400 names what is wrong with it. */
    static Contents check(Path file, long maxUnpackedBytes) {
        Format format = detect(file).orElseThrow(() -> refused("not-an-archive", "A code bundle is a tar, tar.gz"
                + " or zip archive; these bytes are none of them."));
        try {
            return walk(format, file, maxUnpackedBytes, null);
        } catch (IOException e) {
            throw refused("unreadable-archive", "The " + format.label() + " archive cannot be read: "
                    + e.getMessage());
        }
    }

    /** Unpacks the bundle at {@code file} (checked again as it is read) into {@code directory}, which exists. */
    static void unpack(Format format, Path file, long maxUnpackedBytes, Path directory) throws IOException {
        walk(format, file, maxUnpackedBytes, directory);
    }

    private static Contents walk(Format format, Path file, long maxUnpackedBytes, Path into) throws IOException {
        Walk walk = new Walk(maxUnpackedBytes, into);
        if (format == Format.ZIP) {
            // the central directory, not the local headers: only it has the entries' Unix modes (links, scripts)
            try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
                var entries = zip.getEntries();
                while (entries.hasMoreElements()) {
                    ZipArchiveEntry entry = entries.nextElement();
                    try (InputStream content = zip.getInputStream(entry)) {
                        walk.visit(entry, content);
                    }
                }
            }
        } else {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(format == Format.TAR_GZ
                    ? new GzipCompressorInputStream(raw) : raw)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    walk.visit(entry, tar);
                }
            }
        }
        if (walk.files == 0) {
            throw refused("empty-bundle", "The code bundle holds no file.");
        }
        return new Contents(format, walk.files, walk.unpacked);
    }

    /** One pass over the entries: counted, checked and, when {@code into} is set, written. */
    private static final class Walk {
        private final long maxUnpackedBytes;
        private final Path into;
        private final byte[] buffer = new byte[64 * 1024];
        private int seen;
        private int files;
        private long unpacked;

        Walk(long maxUnpackedBytes, Path into) {
            this.maxUnpackedBytes = maxUnpackedBytes;
            this.into = into;
        }

        void visit(ArchiveEntry entry, InputStream content) throws IOException {
            if (++seen > MAX_ENTRIES) {
                throw refused("bundle-too-large", "A code bundle holds at most " + MAX_ENTRIES + " entries.");
            }
            String path = safePath(entry);
            if (entry.isDirectory()) {
                if (into != null) {
                    Files.createDirectories(into.resolve(path));
                }
                return;
            }
            files++;
            Path target = into == null ? null : into.resolve(path);
            if (target != null) {
                Files.createDirectories(target.getParent());
            }
            try (OutputStream out = target == null ? OutputStream.nullOutputStream() : Files.newOutputStream(target)) {
                int read;
                while ((read = content.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > maxUnpackedBytes) {
                        throw refused("bundle-too-large", "A code bundle unpacks to at most " + maxUnpackedBytes
                                + " bytes.");
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (target != null && executable(entry)) {
                target.toFile().setExecutable(true, true);
            }
        }
    }

    /** The entry's path, relative and inside the bundle; links and special files are refused. */
    private static String safePath(ArchiveEntry entry) {
        String name = entry.getName();
        if (entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink() || tar.isCharacterDevice()
                || tar.isBlockDevice() || tar.isFIFO() || !(tar.isFile() || tar.isDirectory()))) {
            throw refused("unsafe-entry", "'" + name + "' is a link or a special file; a code bundle holds plain"
                    + " files and directories only.");
        }
        if (entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink()) {
            throw refused("unsafe-entry", "'" + name + "' is a link; a code bundle holds plain files and"
                    + " directories only.");
        }
        String path = name.startsWith("./") ? name.substring(2) : name;
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (path.isEmpty() && entry.isDirectory()) {
            return ".";
        }
        if (path.isEmpty() || path.startsWith("/") || path.length() > 1024) {
            throw refused("unsafe-entry", "'" + name + "' is not a relative path inside the bundle.");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || !SAFE_SEGMENT.matcher(segment).matches()) {
                throw refused("unsafe-entry", "'" + name + "' is not a relative path inside the bundle.");
            }
        }
        return path;
    }

    /** Whether the archive marks the file executable by its owner (a script the run's command names). */
    private static boolean executable(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return (tar.getMode() & 0100) != 0;
        }
        return entry instanceof ZipArchiveEntry zip && (zip.getUnixMode() & 0100) != 0;
    }

    /** The archive format by its first bytes: zip's local header, gzip's magic, or tar's {@code ustar} at 257. */
    static Optional<Format> detect(Path file) {
        byte[] head = new byte[512];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Optional.of(Format.ZIP);
        }
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Optional.of(Format.TAR_GZ);
        }
        if (length >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
            return Optional.of(Format.TAR);
        }
        return Optional.empty();
    }

    private static ProblemException refused(String type, String detail) {
        return ProblemException.badRequest(type, detail, new FieldError("file", detail));
    }

}
