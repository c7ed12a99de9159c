/// The small Python program each listing runs under, in both modes: `PYTHON -I -S -c SCRIPT PYTHON
/// MEMORY CPU` in the listing's folder. It
///
/// 1. closes every descriptor above 2 (whatever reached it, the listing gets only stdin, stdout, stderr);
/// 2. becomes a child subreaper (`prctl(PR_SET_CHILD_SUBREAPER)`), so a descendant that leaves its
///    parent, even through `setsid()` and a double fork, is re-parented to it rather than to init;
/// 3. forks `PYTHON listing.py` with `RLIMIT_AS` = MEMORY bytes, `RLIMIT_CPU` = CPU seconds (0: none)
///    and no core files, and waits for it, reaping the adopted orphans as they end;
/// 4. when the listing ends, or on `SIGTERM` (the timeout), kills every process it still has
///    below it (`SIGKILL`, over `/proc/*/stat` parent ids, until none is left), then exits as the
///    listing did: the same status, or the same signal.
///
/// Without a sandbox this is what keeps a listing's descendants from outliving `verify`; a listing
/// that kills the supervisor itself (it runs as the same user) can still leave orphans, which only
/// the sandbox's PID namespace prevents. Under bubblewrap it applies the resource limits.
enum ListingSupervisor {
    static func arguments(python: String, memoryLimit: Int, cpuLimit: Int) -> [String] {
        ["-I", "-S", "-c", script, python, String(max(0, memoryLimit)), String(max(0, cpuLimit))]
    }

    static let script = #"""
        import os, resource, signal, sys
        python, memory, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        os.closerange(3, 1 << 20)
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
        except Exception:
            pass
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

        def children():
            me, found = os.getpid(), []
            for name in os.listdir("/proc"):
                if name.isdigit():
                    try:
                        with open("/proc/" + name + "/stat", "rb") as stat:
                            fields = stat.read().rsplit(b")", 1)[1].split()
                    except (OSError, IndexError):
                        continue
                    if int(fields[1]) == me:
                        found.append(int(name))
            return found

        def kill_all():
            for _ in range(100000):
                found = children()
                if not found:
                    return
                for pid in found:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                for pid in found:
                    try:
                        os.waitpid(pid, 0)
                    except ChildProcessError:
                        pass

        def stop(signum, frame):
            kill_all()
            os._exit(128 + signum)

        signal.signal(signal.SIGTERM, stop)
        listing = os.fork()
        if listing == 0:
            try:
                for name in ("SIGTERM", "SIGPIPE", "SIGXFSZ"):
                    signal.signal(getattr(signal, name), signal.SIG_DFL)
                for limit, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, cpu)):
                    if value > 0:
                        hard = resource.getrlimit(limit)[1]
                        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
                        resource.setrlimit(limit, (value, hard))
                os.execv(python, [python, "listing.py"])
            except BaseException as error:
                os.write(2, ("cannot run " + python + ": " + str(error) + "\n").encode())
            os._exit(127)
        while True:
            try:
                pid, status = os.waitpid(-1, 0)
            except ChildProcessError:
                status = 127 << 8
                break
            if pid == listing:
                break
        kill_all()
        if os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            try:
                signal.signal(number, signal.SIG_DFL)
            except (OSError, ValueError):
                pass
            os.kill(os.getpid(), number)
            os._exit(128 + number)
        os._exit(os.WEXITSTATUS(status))
        """#
}
