"""`make bench`: seed bulk data, serve with gunicorn, measure, write build/bench.json."""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
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


def environment(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="bench-" + "x" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_BENCHMARK_VIEWS="1",
        DJANGO_MEDIA_ROOT=str(BUILD / "bench-media"),
        DATABASE_URL=database_url,
        DJANGO_CONN_MAX_AGE="60",
    )
    if answers(6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/14"
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def shell(env: dict[str, str], code: str) -> str:
    return manage(env, "shell", "-c", code)


class Server:
    """gunicorn with the production settings, two workers, on a loopback port."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "config.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url("/bench/hello/"), timeout=2).read()
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        sys.exit("gunicorn did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_peak_kib(self) -> int:
        children = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        peaks = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)))
        return max(peaks, default=0)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def fetch(url: str, cookie: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", "sessionid=bench-uncached")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wrk(url: str, seconds: int, uncached: bool) -> dict[str, float]:
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url]
    if uncached:
        # A session cookie keeps the request out of the anonymous page cache.
        command[1:1] = ["-H", "Cookie: sessionid=bench-uncached"]
    output = subprocess.run(command, capture_output=True, text=True).stdout

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def targets(env: dict[str, str]) -> dict[str, str]:
    """Return the URLs to measure, found in the seeded database."""
    code = r"""
import json
from django.utils import translation
from home.models import CalendarPage, NewsIndexPage, NewsPage
from wagtail.models import Page
translation.activate("ru")
index = NewsIndexPage.objects.live().first()
count = NewsPage.objects.live().child_of(index).count()
last = max(1, -(-count // 10))
paths = {
    "home": "/ru/",
    "news index p1": index.url,
    "news index last": f"{index.url}?page={last}",
    "news article": NewsPage.objects.live().order_by("-date").first().url,
    "stock listing (20)": f"/bench/stock-listing/?parent={index.pk}",
    "full .ics feed": "/ru/calendar.ics",
    "filtered .ics": "/ru/calendar.ics?kind=session",
}
calendar = CalendarPage.objects.live().first()
if calendar:
    paths["calendar month"] = calendar.url + "?month=2017-07"
try:
    from memoranda.models import MemorandumIndexPage
    register = MemorandumIndexPage.objects.live().first()
    if register:
        paths["memoranda filtered"] = register.url + "?region=azerbaijan"
except ImportError:
    pass
try:
    from cooperation.models import VisitPage
    visit = VisitPage.objects.live().first()
    if visit:
        paths["event page"] = visit.url
except ImportError:
    pass
print(json.dumps(paths))
"""
    return json.loads(shell(env, code).strip().splitlines()[-1])


def ics_overhead(env: dict[str, str]) -> dict[str, float]:
    """Time the full feed view against icalendar alone on the same events."""
    code = r"""
import json, time, statistics
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from cooperation.calendar import build_calendar
from home import calendar as items
from home.calendar_views import public_feed
translation.activate("ru")
factory = RequestFactory()
events = [item.event for item in items.collect()]
full, alone = [], []
for _ in range(5):
    cache.clear()
    start = time.perf_counter()
    public_feed(factory.get("/ru/calendar.ics", HTTP_HOST="127.0.0.1"))
    full.append(time.perf_counter() - start)
    start = time.perf_counter()
    build_calendar(events, name="x", language="ru").to_ical()
    alone.append(time.perf_counter() - start)
print(json.dumps({"events": len(events), "view_s": statistics.median(full),
                  "icalendar_s": statistics.median(alone)}))
"""
    result = json.loads(shell(env, code).strip().splitlines()[-1])
    result["ratio"] = (
        result["view_s"] / result["icalendar_s"] if result["icalendar_s"] else 0
    )
    return result


def query_counts(server: Server, paths: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, path in paths.items():
        _status, headers, _body = fetch(server.url(path), cookie=True)
        counts[name] = int(headers.get("X-Queries", "-1"))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bulk", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing (make bench installs it with apt)")
    BUILD.mkdir(exist_ok=True)
    if answers(5432):
        database_url = "postgres://postgres@127.0.0.1:5432/coop_bench"
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-c",
                "CREATE DATABASE coop_bench",
            ],
            capture_output=True,
        )
    else:
        database_url = f"sqlite:///{BUILD / 'bench.sqlite3'}"
    env = environment(database_url)
    print(f"database: {database_url.split('@')[-1]}")
    manage(env, "migrate", "--noinput")
    manage(env, "update_translation_fields")
    manage(env, "set_translation_url_paths")
    manage(env, "compile_translations")
    manage(env, "collectstatic", "--noinput")

    print("seeding 100 items per type ...")
    manage(env, "seed_demo", "--force", "--bulk", "100")
    server = Server(env)
    paths = targets(env)
    small = query_counts(server, paths)
    server.stop()

    print(f"seeding {args.bulk} items per type (this takes a while) ...")
    manage(env, "seed_demo", "--force", "--bulk", str(args.bulk))
    server = Server(env)
    paths = {"baseline hello": "/bench/hello/", **targets(env)}
    large = query_counts(server, paths)
    results: dict[str, dict] = {}
    for round_number in range(args.rounds):
        for name, path in paths.items():
            for mode in ("uncached", "cached"):
                if name == "baseline hello" and mode == "cached":
                    continue
                if mode == "cached":
                    fetch(server.url(path))  # warm the cache
                sample = wrk(
                    server.url(path), args.seconds, uncached=mode == "uncached"
                )
                results.setdefault(f"{name} [{mode}]", {"samples": []})[
                    "samples"
                ].append(sample)
        print(f"round {round_number + 1}/{args.rounds} done")
    peak = server.worker_peak_kib()
    server.stop()
    overhead = ics_overhead(env)

    table = []
    for key, value in results.items():
        samples = value["samples"]
        name = key.split(" [")[0]
        table.append(
            {
                "url": key,
                "rps": statistics.median(s["rps"] for s in samples),
                "p50_ms": statistics.median(s["p50_ms"] for s in samples),
                "p99_ms": statistics.median(s["p99_ms"] for s in samples),
                "non_2xx": sum(s["non_2xx"] for s in samples),
                "queries_100": small.get(name),
                "queries_full": large.get(name),
            }
        )
    baseline = next(row["rps"] for row in table if row["url"].startswith("baseline"))
    report = {
        "bulk": args.bulk,
        "database": "postgresql" if "postgres" in database_url else "sqlite",
        "worker_peak_rss_mib": round(peak / 1024, 1),
        "ics": overhead,
        "baseline_rps": baseline,
        "rows": table,
    }
    (BUILD / "bench.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(
        f"\n{'URL':42} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'q@100':>6} {'q@full':>7}"
    )
    for row in table:
        print(
            f"{row['url']:42} {row['rps']:9.1f} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f}"
            f" {row['queries_100']!s:>6} {row['queries_full']!s:>7}"
        )
    print(f"\nworker peak RSS: {report['worker_peak_rss_mib']} MiB")
    print(
        f".ics of {overhead['events']} events: view {overhead['view_s'] * 1000:.0f} ms, "
        f"icalendar alone {overhead['icalendar_s'] * 1000:.0f} ms, "
        f"ratio {overhead['ratio']:.2f} (target <= 1.5)"
    )
    print(f"written {BUILD / 'bench.json'}")


if __name__ == "__main__":
    main()
