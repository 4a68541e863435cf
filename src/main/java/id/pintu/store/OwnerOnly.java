package id.pintu.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder and files that hold what families wrote (the H2 store, the office's key file) are
 * for the service's own user only: the folder 0700, the files 0600. Created so, and tightened
 * at every start when an older version or a copy left them open. Nothing on a file system
 * without POSIX permissions.
 */
public final class OwnerOnly {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates {@code dir} owner-only when it is missing (its parents as the system makes them); true when it made it. */
  public static boolean createFolder(Path dir) throws IOException {
    Path d = dir.toAbsolutePath();
    if (Files.isDirectory(d)) return false;
    if (d.getParent() != null) Files.createDirectories(d.getParent());
    try {
      Files.createDirectory(d, PosixFilePermissions.asFileAttribute(FOLDER));
    } catch (UnsupportedOperationException notPosix) {
      Files.createDirectories(d);
    } catch (FileAlreadyExistsException raced) {
      return false; // made meanwhile (another node)
    }
    return true;
  }

  /**
   * Creates the store's folder owner-only, or tightens it when it exists and holds nothing but
   * the store's files (names starting with {@code prefix}): a folder shared with other things
   * (the working directory, a home, /tmp) is left as it is, with a warning.
   */
  public static void folder(Path dir, String prefix) throws IOException {
    Path d = dir.toAbsolutePath();
    if (createFolder(d)) return;
    Set<PosixFilePermission> now = permissions(d);
    if (now == null || now.equals(FOLDER)) return;
    List<String> others = othersIn(d, prefix);
    if (!others.isEmpty()) {
      LOG.warn("the store's folder {} is open to other users and holds other files too ({}): left as it is; give the store a folder "
          + "of its own, or chmod 700 it", d, String.join(", ", others.subList(0, Math.min(3, others.size()))));
      return;
    }
    tighten(d, FOLDER);
  }

  /** Makes this one file 0600 if it is not. */
  public static void file(Path file) throws IOException {
    Set<PosixFilePermission> now = permissions(file);
    if (now != null && !now.equals(FILE)) tighten(file, FILE);
  }

  /** Makes every file in {@code dir} whose name starts with {@code prefix} 0600. */
  public static void files(Path dir, String prefix) throws IOException {
    try (DirectoryStream<Path> in = Files.newDirectoryStream(dir.toAbsolutePath(), prefix + "*")) {
      for (Path f : in) {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
        file(f);
      }
    }
  }

  /** A new file with owner-only permissions; false when it exists already. */
  public static boolean createFile(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException exists) {
      return false;
    }
    return true;
  }

  private static Set<PosixFilePermission> permissions(Path p) throws IOException {
    try {
      return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException notPosix) {
      return null;
    }
  }

  private static void tighten(Path p, Set<PosixFilePermission> to) {
    try {
      Files.setPosixFilePermissions(p, to);
      LOG.info("made {} owner-only ({})", p, PosixFilePermissions.toString(to));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      LOG.warn("could not make {} owner-only ({}): run chmod {} on it as its owner", p, e.toString(), to.equals(FOLDER) ? "700" : "600");
    }
  }

  private static List<String> othersIn(Path dir, String prefix) throws IOException {
    List<String> others = new ArrayList<>();
    try (DirectoryStream<Path> in = Files.newDirectoryStream(dir)) {
      for (Path p : in) {
        String name = p.getFileName().toString();
        if (!name.startsWith(prefix)) others.add(name);
      }
    }
    return others;
  }
}
