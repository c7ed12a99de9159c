"""Starting and stopping `lessonbuild serve` for the tests and the latency benchmark.

A copy of lessons/ goes to a temporary folder; the server builds it into site/ there, listens on
a free port of 127.0.0.1 (`--port 0`, the port is read from the line it prints) and is stopped
with SIGINT, which must end it cleanly (exit status 0) within a few seconds.
"""
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Server:
    def __init__(self, binary, lessons=os.path.join(ROOT, "lessons"), timeout=60):
        self.folder = tempfile.mkdtemp(prefix="lessonbuild-serve-")
        self.lessons = os.path.join(self.folder, "lessons")
        shutil.copytree(lessons, self.lessons)
        self.site = os.path.join(self.folder, "site")
        self.lines = []
        self.errors = []
        self.process = subprocess.Popen([binary, "serve", "lessons", "--port", "0", "--out", "site"], cwd=self.folder,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = None
        started = threading.Event()

        def read_out():
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                if "Serving " in line and " at http://" in line:
                    self.url = line.split(" at ", 1)[1].split(" ", 1)[0]
                    started.set()
            started.set()

        def read_err():
            for line in self.process.stderr:
                self.errors.append(line.rstrip("\n"))

        threading.Thread(target=read_out, daemon=True).start()
        threading.Thread(target=read_err, daemon=True).start()
        if not started.wait(timeout) or self.url is None:
            self.stop()
            raise SystemExit(f"FAIL: lessonbuild serve did not start: {self.lines} {self.errors}")
        self.host, self.port = self.url[len("http://"):].rstrip("/").split(":")
        self.port = int(self.port)

    def path(self, *parts):
        return os.path.join(self.folder, *parts)

    def stop(self, timeout=10):
        """SIGINT; returns the exit status (None when it had to be killed)."""
        status = None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                status = self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        else:
            status = self.process.returncode
        shutil.rmtree(self.folder, ignore_errors=True)
        return status


def save(path, text):
    """Writes `text` the way an editor's plain save does (truncate, write, close)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def chromium(width=1200, height=900):
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)


def wait_for(condition, timeout=10, step=0.02):
    """Polls `condition` until it returns something truthy; returns it, or None after `timeout` s.

    An element that the live reload replaced between finding and reading it is not an answer yet:
    the poll goes on."""
    try:
        from selenium.common.exceptions import StaleElementReferenceException
    except ImportError:  # --http-only runs without selenium
        StaleElementReferenceException = LookupError
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            value = condition()
        except StaleElementReferenceException:
            value = None
        if value:
            return value
        time.sleep(step)
    return None
