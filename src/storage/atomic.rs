//! Atomic, durable file replacement.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// How the names of temporary files begin, so leftovers can be recognised.
pub(crate) const TEMP_PREFIX: &str = ".duban-saving-";

/// Replaces the file at `path` with `contents`, all or nothing.
///
/// The bytes go to a temporary file in the same folder, which is synced and then
/// renamed over the old file; the folder is synced last so the rename itself
/// survives a power cut. At every moment the path holds either the old file or
/// the new one, never a truncated mix.
///
/// A symbolic link is followed: the file it points to is replaced, and the
/// link stays (someone keeps the state in a synced folder, say).
pub(crate) fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    let linked = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = match linked {
        true => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    };
    let path = target.as_path();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)?;
    // The temporary file is private to its owner; the file it replaces keeps
    // whatever permissions its owner gave it (a folder shared with colleagues).
    if let Ok(old) = std::fs::metadata(path) {
        temp.as_file().set_permissions(old.permissions())?;
    } else {
        set_new_file_mode(temp.as_file())?;
    }
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// A new file is readable by everyone and writable by its owner, as files
/// made by editors are, rather than the temporary file's owner-only mode.
#[cfg(unix)]
fn set_new_file_mode(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_mode(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a folder as a file to sync it; the rename is durable
    // once the file system's journal commits it.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        write(&path, b"old").unwrap();
        write(&path, "新的".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "新的");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("synced");
        std::fs::create_dir(&real).unwrap();
        let target = real.join("state.ron");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("state.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();

        write(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }
}
