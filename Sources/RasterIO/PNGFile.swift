#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a PNG file from disk with plain POSIX calls (no Foundation), refusing directories,
/// missing files and files larger than `maxBytes` before reading them.
public enum PNGFile {
    /// 256 MiB: far more than any lesson picture needs.
    public static let maxBytes = 1 << 28

    public static func read(path: String, mode: RasterMode) throws(RasterError) -> Raster {
        try PNGDecoder.decode(try bytes(atPath: path), mode: mode)
    }

    /// The file's bytes; messages name it `displayName` (the path as the author wrote it), default `path`.
    public static func bytes(atPath path: String, displayName: String? = nil, maxBytes: Int = maxBytes) throws(RasterError) -> [UInt8] {
        let name = displayName ?? path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw RasterError("cannot read image '\(name)': \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw RasterError("cannot read image '\(name)': it is a directory or not a regular file")
        }
        guard Int(info.st_size) <= maxBytes else {
            throw RasterError("image '\(name)' is larger than \(maxBytes) bytes")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw RasterError("cannot read image '\(name)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw RasterError("cannot read image '\(name)': the file ended early") }
            offset += count
        }
        return bytes
    }
}
