//! Reading one file from disk so that no file can block a run or leak another file's content:
//! a FIFO, socket or device is refused before it is opened, a symbolic link is followed only
//! when its target lies inside a folder the caller allows, and no more than the size limit is
//! ever read.
//!
//! The type is checked twice: from the path before opening (so a device is never opened in the
//! ordinary case), and from the opened handle (so a file replaced by a FIFO between listing and
//! reading is still refused). Opening uses `O_NONBLOCK` on unix because opening a FIFO for
//! reading blocks in `open` itself until a writer appears; on regular files the flag changes
//! nothing.

use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use docrules_model::diagnostic::Diagnostic;

use crate::decode::MAX_FILE_BYTES;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// Larger than the limit, said from its metadata: nothing was read.
    #[error("file is {len} bytes, more than the {limit} bytes docrules reads; file skipped")]
    TooLarge {
        /// Its size.
        len: u64,
        /// The limit.
        limit: u64,
    },
    /// A FIFO, socket or device: reading it could block or never end.
    #[error("`{name}` is {kind}, not a regular file; file skipped")]
    NotRegular {
        /// The file name as given.
        name: String,
        /// What it is (`a FIFO`, `a character device`, …).
        kind: &'static str,
    },
    /// A symbolic link leading out of the folders allowed.
    #[error("symbolic link to `{target}`, outside `{within}`; not followed")]
    LinkOutside {
        /// Where it leads.
        target: String,
        /// The folder it should stay in.
        within: String,
    },
    /// The file system said no.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

impl Refusal {
    /// The diagnostic code: one per kind of refusal.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::TooLarge { .. } => "file-too-large",
            Refusal::NotRegular { .. } => "not-a-file",
            Refusal::LinkOutside { .. } => "link-outside-corpus",
            Refusal::Io(_) => "unreadable-file",
        }
    }

    /// The refusal as an error about `shown` (the path as printed).
    pub fn diagnostic(&self, shown: &str) -> Diagnostic {
        Diagnostic::error(self.code(), shown, self.to_string())
    }
}

/// What a non-regular file is, for messages.
fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    "not a regular file"
}

/// Refuses anything but a regular file, `meta` being `path`'s metadata.
pub fn check_regular(path: &Path, meta: &Metadata) -> Result<(), Refusal> {
    if meta.is_file() {
        return Ok(());
    }
    Err(Refusal::NotRegular {
        name: path.display().to_string(),
        kind: kind(meta),
    })
}

/// Opens `path` for reading without blocking on a FIFO.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a regular file of at most `limit` bytes (following symbolic links: see
/// [`check_link`] to bound where they lead).
pub fn read_regular_up_to(path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    check_regular(path, &std::fs::metadata(path)?)?;
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    check_regular(path, &meta)?;
    if meta.len() > limit {
        return Err(Refusal::TooLarge {
            len: meta.len(),
            limit,
        });
    }
    // The file may grow while it is read: never read more than one byte past the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge {
            len: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// [`read_regular_up_to`] with the limit on markdown files, [`MAX_FILE_BYTES`].
pub fn read_regular(path: &Path) -> Result<Vec<u8>, Refusal> {
    read_regular_up_to(path, MAX_FILE_BYTES as u64)
}

/// When `path` is a symbolic link, whether it leads inside one of `within` (folders, compared
/// after resolving links); `Ok` for anything else. A link that leads nowhere is an I/O error.
pub fn check_link(path: &Path, within: &[&Path]) -> Result<(), Refusal> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.file_type().is_symlink() {
        return Ok(());
    }
    let target = std::fs::canonicalize(path)?;
    let inside = within
        .iter()
        .any(|dir| std::fs::canonicalize(dir).is_ok_and(|dir: PathBuf| target.starts_with(&dir)));
    if inside {
        return Ok(());
    }
    Err(Refusal::LinkOutside {
        target: target.display().to_string(),
        within: within
            .first()
            .map_or_else(String::new, |d| d.display().to_string()),
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.md");
        mkfifo(&fifo);
        let refusal = read_regular(&fifo).unwrap_err();
        assert_eq!(refusal.code(), "not-a-file");
        assert!(refusal.to_string().contains("a FIFO"), "{refusal}");
    }

    #[test]
    fn a_device_is_refused() {
        let refusal = read_regular(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(refusal.code(), "not-a-file");
        assert!(
            refusal.to_string().contains("character device"),
            "{refusal}"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_regular_up_to(&path, 10).unwrap(), b"0123456789");
        let refusal = read_regular_up_to(&path, 9).unwrap_err();
        assert_eq!(refusal.code(), "file-too-large");
    }

    #[test]
    fn a_link_is_followed_only_inside_the_folders_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("in.md");
        std::fs::write(&inside, "# In\n").unwrap();
        let good = dir.path().join("good.md");
        std::os::unix::fs::symlink(&inside, &good).unwrap();
        let bad = dir.path().join("bad.md");
        std::os::unix::fs::symlink("/etc/passwd", &bad).unwrap();
        assert!(check_link(&good, &[dir.path()]).is_ok());
        assert!(check_link(&inside, &[]).is_ok());
        let refusal = check_link(&bad, &[dir.path()]).unwrap_err();
        assert_eq!(refusal.code(), "link-outside-corpus");
    }
}
