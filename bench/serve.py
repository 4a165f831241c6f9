"""Serve the project with gunicorn and the production settings (make bench, make load)."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
PY = str(ROOT / ".venv" / "bin" / "python")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def environment(
    database_url: str, *, name: str, redis_url: str, **settings: str
) -> dict[str, str]:
    """Return the environment of a throw-away production deployment on loopback."""
    env = dict(os.environ)
    # Only the run's own Redis database: it is flushed before the run.
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=f"{name}-" + "x" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_MEDIA_ROOT=str(BUILD / f"{name}-media"),
        DATABASE_URL=database_url,
        DJANGO_CONN_MAX_AGE="60",
    )
    env.update(settings)
    if answers(6379):
        env["REDIS_URL"] = redis_url
    return env


def flush_cache(env: dict[str, str]) -> bool:
    """Empty the run's Redis database: nothing cached for an earlier run may answer."""
    if not env.get("REDIS_URL"):
        return False
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    return True


def manage(env: dict[str, str], *args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run(  # noqa: S603
        [PY, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}"
        )
    return result.stdout


def analyze(database_url: str, psql: str = "psql") -> None:
    """Refresh the planner's statistics after a bulk load, as autovacuum would."""
    if database_url.startswith("postgres"):
        subprocess.run(  # noqa: S603
            [psql, database_url, "-c", "ANALYZE"], capture_output=True, check=True
        )


class Server:
    """gunicorn with the given environment on a free loopback port."""

    def __init__(
        self,
        env: dict[str, str],
        *,
        workers: int = 2,
        cwd: Path = ROOT,
        ready: str = "/ru/",
        log: Path | None = None,
    ) -> None:
        self.port = free_port()
        self.log = log.open("w") if log else None
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "config.wsgi:application",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT if self.log else None,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url(ready), timeout=5).read()  # noqa: S310
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(
            "gunicorn did not start" + (f"; see {log.relative_to(ROOT)}" if log else "")
        )

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_peak_kib(self) -> int:
        children = subprocess.run(  # noqa: S603
            ["pgrep", "-P", str(self.process.pid)],  # noqa: S607
            capture_output=True,
            text=True,
        ).stdout.split()
        peaks = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)))
        return max(peaks, default=0)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log:
            self.log.close()
