package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.api.ProblemException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleArchiveTest {

    private static final long MAX = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aTarGzOfCodeIsCheckedByItsBytesAndUnpacksWithItsExecutableScript() throws IOException {
        Path bundle = dir.resolve("named-anything.bin");
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(bundle)))) {
            directory(tar, "src/");
            file(tar, "src/train.py", "print('training')\n", 0644);
            file(tar, "./run.sh", "#!/bin/sh\npython src/train.py\n", 0755);
        }

        BundleArchive.Contents contents = BundleArchive.check(bundle, MAX);
        Path into = Files.createDirectory(dir.resolve("code"));
        BundleArchive.unpack(contents.format(), bundle, MAX, into);

        assertThat(contents.format()).isEqualTo(BundleArchive.Format.TAR_GZ);
        assertThat(contents.files()).isEqualTo(2);
        assertThat(Files.readString(into.resolve("src/train.py"))).isEqualTo("print('training')\n");
        assertThat(Files.isExecutable(into.resolve("run.sh"))).isTrue();
        assertThat(Files.isExecutable(into.resolve("src/train.py"))).isFalse();
    }

    @Test
    void aZipIsABundleToo() throws IOException {
        Path bundle = dir.resolve("code.zip");
        try (var zip = new ZipArchiveOutputStream(Files.newOutputStream(bundle))) {
            zip.putArchiveEntry(new ZipArchiveEntry("train.py"));
            zip.write("print(1)\n".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }

        assertThat(BundleArchive.check(bundle, MAX)).isEqualTo(new BundleArchive.Contents(BundleArchive.Format.ZIP, 1, 9));

        Path link = dir.resolve("link.zip");
        try (var zip = new ZipArchiveOutputStream(Files.newOutputStream(link))) {
            ZipArchiveEntry entry = new ZipArchiveEntry("data");
            entry.setUnixMode(0120777);
            zip.putArchiveEntry(entry);
            zip.write("/home".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        assertRefused(link, "is a link");
    }

    @Test
    void entriesThatWouldLandOutsideTheBundleAreRefused() throws IOException {
        assertRefused(tarWith("../../etc/cron.d/evil"), "not a relative path inside the bundle");
        assertRefused(tarWith("/etc/passwd"), "not a relative path inside the bundle");
        assertRefused(tarWith("src/../../escape.py"), "not a relative path inside the bundle");
        Path link = dir.resolve("link.tar");
        try (var tar = new TarArchiveOutputStream(Files.newOutputStream(link))) {
            TarArchiveEntry entry = new TarArchiveEntry("data", TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName("/home");
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        assertRefused(link, "is a link or a special file");
    }

    @Test
    void aBundleThatUnpacksPastTheLimitOrIsNoArchiveIsRefused() throws IOException {
        Path big = dir.resolve("big.tar");
        try (var tar = new TarArchiveOutputStream(Files.newOutputStream(big))) {
            file(tar, "weights.bin", "x".repeat(4096), 0644);
        }
        assertThatThrownBy(() -> BundleArchive.check(big, 1000)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("unpacks to at most 1000 bytes");

        Path text = Files.writeString(dir.resolve("train.py"), "print('not an archive')\n");
        assertRefused(text, "tar, tar.gz or zip archive");
        Path empty = dir.resolve("empty.tar");
        try (var tar = new TarArchiveOutputStream(Files.newOutputStream(empty))) {
            directory(tar, "src/");
        }
        assertRefused(empty, "holds no file");
    }

    private Path tarWith(String name) throws IOException {
        Path tar = dir.resolve("t" + System.nanoTime() + ".tar");
        try (var out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            file(out, name, "x", 0644);
        }
        return tar;
    }

    private static void assertRefused(Path bundle, String why) {
        assertThatThrownBy(() -> BundleArchive.check(bundle, MAX)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(400)).hasMessageContaining(why);
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        ((OutputStream) tar).write(bytes);
        tar.closeArchiveEntry();
    }
}
