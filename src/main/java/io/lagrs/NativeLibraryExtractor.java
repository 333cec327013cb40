package io.lagrs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scijava.nativelib.BaseJniExtractor;

/**
 * Extracts the native library from the classifier jar with native-lib-loader, into a directory
 * created fresh for this JVM under {@code -Dlagrs.tmpdir} (default {@code java.io.tmpdir}).
 * A directory per JVM means two JVMs starting at once never write or load each other's file.
 */
final class NativeLibraryExtractor extends BaseJniExtractor {
    private final File directory;

    private NativeLibraryExtractor(File directory) throws IOException {
        super(NativeLibraryExtractor.class);
        this.directory = directory;
    }

    static File extract(Platform platform, String libraryName) throws IOException {
        String base = System.getProperty(NativeLibrary.TMPDIR_PROPERTY,
                System.getProperty("java.io.tmpdir"));
        Path parent = Path.of(base);
        Files.createDirectories(parent);
        File directory = Files.createTempDirectory(parent,
                "lagrs-" + NativeLibrary.version() + "-").toFile();
        // Registered before the library file, so it is deleted after it at exit.
        directory.deleteOnExit();
        File extracted = new NativeLibraryExtractor(directory)
                .extractJni(platform.resourceFolder(), libraryName);
        if (extracted == null) {
            throw new IOException("native-lib-loader extracted nothing from " + platform.resourceFolder()
                    + " into " + directory);
        }
        return extracted;
    }

    @Override
    public File getJniDir() {
        return directory;
    }

    @Override
    public File getNativeDir() {
        return directory;
    }
}
