#if canImport(Glibc)
import Glibc
#endif

/// Tunes glibc's allocator for a process that builds large tensors once each (a photo, its feature
/// maps) instead of reusing them.
///
/// Profiling a lesson that calls `conv2d` on a 3 × 224 × 224 photo (perf, `benchmarks/figures.sh`)
/// shows no copies in the interpreter: the call costs about twice the kernel alone because each
/// result is fresh memory, and glibc serves blocks over 128 KiB with their own `mmap`, so every
/// 4 KiB page of a 6.4 MB feature map is a separate page fault that the kernel must zero (≈1,700
/// faults per convolution). `apply()` makes such blocks come from the heap, grows the heap in
/// 256 MiB steps of address space (no memory is touched until used), never trims it, and asks for
/// transparent huge pages on that region, so a feature map costs a handful of 2 MiB faults and
/// freed tensors are reused. Equivalent to `GLIBC_TUNABLES=glibc.malloc.hugetlb=1:…mmap_threshold
/// =32Mi:top_pad=256Mi:trim_threshold=1Gi:arena_max=1`, applied from inside the process. Call once, early, on
/// the main thread; a no-op off glibc, or when `LESSONBUILD_MALLOC_DEFAULTS` is set (the benchmark
/// compares both).
public enum AllocatorTuning {
    public static func apply() {
        #if canImport(Glibc)
        guard getenv("LESSONBUILD_MALLOC_DEFAULTS") == nil else { return }
        // mallopt(3) is declared in <malloc.h>, which Glibc's module map leaves out: look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }  // nil is RTLD_DEFAULT
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let (trimThreshold, topPad, mmapThreshold, arenaMax): (Int32, Int32, Int32, Int32) = (-1, -2, -3, -8)  // M_… of <malloc.h>
        // Lessons are evaluated on libdispatch's worker threads: keep them on the main arena, the one tuned here.
        _ = mallopt(arenaMax, 1)
        _ = mallopt(mmapThreshold, 32 << 20)  // glibc's maximum
        _ = mallopt(trimThreshold, 1 << 30)
        _ = mallopt(topPad, 256 << 20)
        // The heap now grows by a whole step at its next extension (a probe forces it if nothing
        // has yet); advise huge pages from the probe, where the free top of the heap starts, to
        // the break. Blocks carved from that region later are backed by 2 MiB pages.
        guard let probe = malloc(16 << 20) else { return }
        free(probe)
        guard let top = sbrk(0) else { return }
        let start = (Int(bitPattern: probe) + (2 << 20) - 1) & ~((2 << 20) - 1)
        let end = Int(bitPattern: top) & ~((2 << 20) - 1)
        guard end > start, let region = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(region, end - start, MADV_HUGEPAGE)
        #endif
    }
}
