package io.slipway.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist} zip, resolved by Maven
 * when slipway-devstack is built) and its unpacked copy under the cache directory.
 */
final class KeycloakDistribution {

    /** System property that overrides the distribution zip's path. */
    static final String ZIP_PROPERTY = "slipway.keycloak.dist.zip";

    private static final String BUILD_PROPERTIES = "devstack.properties";

    private final String version;
    private final Path zip;

    private KeycloakDistribution(String version, Path zip) {
        this.version = version;
        this.zip = zip;
    }

    /** The distribution this module was built against (override the zip with -D{@value #ZIP_PROPERTY}). */
    static KeycloakDistribution fromBuild() {
        Properties build = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                throw new DevServiceException(BUILD_PROPERTIES + " is missing from slipway-devstack; rebuild it with Maven.");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = build.getProperty("keycloak.version");
        String zip = System.getProperty(ZIP_PROPERTY, build.getProperty("keycloak.dist.zip", ""));
        if (version == null || version.startsWith("${") || zip.isBlank() || zip.startsWith("${")) {
            throw new DevServiceException(BUILD_PROPERTIES + " was not filtered by Maven (keycloak.version=" + version
                    + ", keycloak.dist.zip=" + zip + "); build slipway-devstack with ./mvnw, or set -D" + ZIP_PROPERTY + ".");
        }
        return new KeycloakDistribution(version, Path.of(zip));
    }

    String version() {
        return version;
    }

    /**
     * The Keycloak home directory {@code cacheDir/keycloak-<version>}, unpacked from the zip on first
     * use. Unpacking goes to a temporary sibling directory that is renamed into place, so a crash or a
     * concurrent start never leaves a half-unpacked home behind.
     */
    Path unpackedInto(Path cacheDir) {
        Path home = cacheDir.resolve("keycloak-" + version);
        if (isComplete(home)) {
            return home;
        }
        if (!Files.isRegularFile(zip)) {
            throw new DevServiceException("Keycloak distribution " + zip + " does not exist; run ./mvnw -pl devstack -am install"
                    + " to download org.keycloak:keycloak-quarkus-dist:" + version + ":zip.");
        }
        Path staging = null;
        try {
            Files.createDirectories(cacheDir);
            staging = Files.createTempDirectory(cacheDir, ".keycloak-" + version + "-");
            unzip(zip, staging);
            makeScriptsExecutable(staging.resolve("bin"));
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (!isComplete(staging)) {
                throw new DevServiceException(zip + " does not look like a Keycloak distribution (no bin/kc.sh, lib/quarkus-run.jar).");
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                if (!isComplete(home)) {
                    throw new DevServiceException(home + " exists but is not a complete Keycloak distribution; delete it.", e);
                }
            }
            return home;
        } catch (IOException e) {
            throw new DevServiceException("Cannot unpack " + zip + " into " + home, e);
        } finally {
            if (staging != null) {
                deleteRecursively(staging);
            }
        }
    }

    private static boolean isComplete(Path home) {
        return Files.isExecutable(home.resolve("bin/kc.sh")) && Files.isRegularFile(home.resolve("lib/quarkus-run.jar"));
    }

    /** Unpacks the zip, dropping its single top-level directory ({@code keycloak-<version>/}). */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path destination = target.resolve(name.substring(slash + 1)).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Zip entry escapes the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = zipFile.getInputStream(entry)) {
                        Files.copy(in, destination);
                    }
                }
            }
        }
    }

    private static void makeScriptsExecutable(Path bin) throws IOException {
        if (!Files.isDirectory(bin)) {
            return;
        }
        try (Stream<Path> scripts = Files.list(bin)) {
            for (Path script : scripts.filter(p -> p.getFileName().toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover staging directory is harmless
        }
    }
}
