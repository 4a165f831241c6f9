"""`make load`: visitors read and register while the database restarts; check nothing is lost.

A private PostgreSQL 15 cluster on a free loopback port, the demo content plus
small sessions, gunicorn with the production settings; LOAD_USERS visitors for
LOAD_SECONDS, the database restarted at LOAD_RESTART_AT of the time. Writes
build/load.json and exits non-zero when a check fails.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import serve  # noqa: E402
from driver import DATABASE_KINDS, Recorder, Visitor, probe  # noqa: E402
from serve import BUILD, PY, Server, analyze, free_port, manage  # noqa: E402
from smtp_sink import SmtpSink  # noqa: E402

# The code that is served: the working tree, or a commit (LOAD_REF) exported apart
# so that edits in progress in the working tree do not change the run.
APP = ROOT
PG_BIN = Path(os.environ.get("LOAD_PG_BIN", "/usr/lib/postgresql/15/bin"))
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/13")
OK_STATUSES = {200, 302}


def setting(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


def log(message: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Cluster:
    """A throw-away PostgreSQL cluster of our own, never the machine's service."""

    def __init__(self) -> None:
        self.port = free_port()
        self.home = Path(tempfile.mkdtemp(prefix="coop-load-pg-"))
        self.data = self.home / "data"
        self.logfile = self.home / "postgres.log"
        # PostgreSQL refuses to run as root.
        self.user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.user:
            shutil.chown(self.home, "postgres", "postgres")
        self.started = False

    def pg(self, program: str, *args: str) -> None:
        result = subprocess.run(  # noqa: S603 (local tools, loopback only)
            [*self.user, str(PG_BIN / program), *args],
            capture_output=True,
            text=True,
            cwd=self.home,
        )
        if result.returncode:
            raise RuntimeError(f"{program} failed: {result.stderr or result.stdout}")

    def pg_ctl(self, action: str, *args: str) -> None:
        self.pg(
            "pg_ctl", action, "-D", str(self.data), "-l", str(self.logfile), "-w",
            "-t", "60", *args,
        )  # fmt: skip

    def start(self) -> str:
        self.pg(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.home}'\nmax_connections = 100\n"
                "log_min_messages = warning\n"
            )
        self.pg_ctl("start")
        self.started = True
        self.pg("createdb", "-h", "127.0.0.1", "-p", str(self.port), "coop_load")
        return f"postgres://postgres@127.0.0.1:{self.port}/coop_load"

    def restart(self) -> None:
        self.pg_ctl("restart", "-m", "fast")

    def remove(self) -> None:
        for mode in ("fast", "immediate") if self.started else ():
            try:
                self.pg_ctl("stop", "-m", mode)
                break
            except RuntimeError:
                # Already stopped (a Ctrl-C reaches postgres too) or stuck.
                continue
        if self.logfile.exists():
            BUILD.mkdir(exist_ok=True)
            shutil.copy(self.logfile, BUILD / "load-postgres.log")
        shutil.rmtree(self.home, ignore_errors=True)


def environment(database_url: str, smtp_port: int) -> dict[str, str]:
    return serve.environment(
        database_url,
        name="load",
        redis_url=REDIS_URL,
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(smtp_port),
        DJANGO_CACHE_PREFIX="coop-load",
        # Persistent connections: after the restart each worker holds a dead one,
        # which is the harder case for recovery.
        DJANGO_CONN_MAX_AGE=os.environ.get("LOAD_CONN_MAX_AGE", "60"),
    )


def django_side(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(  # noqa: S603
        [PY, str(APP / "load" / "django_side.py"), *args],
        cwd=APP,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"django_side {args[0]} failed:\n{result.stderr[-3000:]}")


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def analyse(recorder: Recorder, restart: dict, seconds: float) -> dict:
    """Return request statistics, the restart window and the recovery time."""
    samples = [s for s in recorder.samples if s.kind != "probe"]
    everything = recorder.samples
    begun, ended = restart.get("begun"), restart.get("ended")
    recovered = None
    if begun is not None and ended is not None:
        # The first request that needed the database and got its answer after
        # the database was back.
        good = [
            s.end
            for s in everything
            if s.kind in DATABASE_KINDS
            and s.status in OK_STATUSES
            and s.start >= begun
            and s.end >= ended
        ]
        recovered = min(good, default=None)
    window_end = recovered if recovered is not None else float("inf")

    def inside(sample) -> bool:
        return begun is not None and sample.end >= begun and sample.start <= window_end

    def failed(sample) -> bool:
        return sample.status == 0 or sample.status >= 500

    def unexpected(sample) -> bool:
        return sample.status not in OK_STATUSES

    kinds = {}
    for kind in sorted({s.kind for s in samples}):
        rows = [s for s in samples if s.kind == kind]
        times = [(s.end - s.start) * 1000 for s in rows if s.status]
        kinds[kind] = {
            "requests": len(rows),
            "p50_ms": round(percentile(times, 0.50), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "p99_ms": round(percentile(times, 0.99), 1),
            "failed_in_window": sum(1 for s in rows if failed(s) and inside(s)),
            "failed_outside": sum(1 for s in rows if failed(s) and not inside(s)),
            # Share of answers the anonymous page cache gave (X-Page-Cache: hit).
            "cache_hits": round(
                sum(1 for s in rows if s.cache == "hit") / max(1, len(rows)), 2
            ),
        }
    outside = [s for s in everything if unexpected(s) and not inside(s)]
    in_window = [s for s in everything if failed(s) and inside(s)]
    all_times = [(s.end - s.start) * 1000 for s in samples if s.status]
    return {
        "requests": len(samples),
        "requests_per_s": round(len(samples) / seconds, 1),
        "p50_ms": round(percentile(all_times, 0.50), 1),
        "p95_ms": round(percentile(all_times, 0.95), 1),
        "p99_ms": round(percentile(all_times, 0.99), 1),
        "kinds": kinds,
        "restart": {
            "begun_s": begun,
            "database_back_s": ended,
            "site_recovered_s": recovered,
            "recovery_after_database_s": (
                round(recovered - ended, 2) if recovered is not None else None
            ),
            "outage_s": round(recovered - begun, 2) if recovered is not None else None,
        },
        "failed_in_window": len(in_window),
        "failed_in_window_by_kind": {
            kind: sum(1 for s in in_window if s.kind == kind)
            for kind in sorted({s.kind for s in in_window})
        },
        "failures_in_window": [
            {
                "kind": s.kind,
                "path": s.path,
                "start_s": round(s.start, 3),
                "end_s": round(s.end, 3),
                "status": s.status,
                "error": s.error,
            }
            for s in in_window
        ],
        "unexpected_outside_window": [
            {
                "kind": s.kind,
                "path": s.path,
                "start_s": round(s.start, 3),
                "status": s.status,
                "error": s.error,
            }
            for s in outside
        ],
    }


def drive(server: Server, plan: dict, cluster: Cluster) -> tuple[Recorder, dict, float]:
    users = int(setting("LOAD_USERS", 20))
    seconds = setting("LOAD_SECONDS", 120)
    restart_at = setting("LOAD_RESTART_AT", 0.4)
    think = setting("LOAD_THINK", 0.5)
    started = time.monotonic()
    recorder = Recorder(started)
    deadline = started + seconds
    restart: dict = {}
    finished = threading.Event()

    def restarter() -> None:
        if finished.wait(seconds * restart_at):
            return
        restart["begun"] = time.monotonic() - started
        log("restarting the database (pg_ctl restart -m fast)")
        try:
            cluster.restart()
        except RuntimeError as error:
            restart["error"] = str(error)
        restart["ended"] = time.monotonic() - started
        log(f"database back after {restart['ended'] - restart['begun']:.2f} s")

    visitors = [
        Visitor(n, server.url(), plan, recorder, deadline, think, seed=n)
        for n in range(users)
    ]
    threads = [threading.Thread(target=v.run, daemon=True) for v in visitors]
    probe_path = next(s for s in plan["sessions"] if s["load"])["urls"]["ru"]
    threads.append(
        threading.Thread(
            target=probe,
            args=(server.url(), probe_path, recorder, deadline, finished.is_set),
            daemon=True,
        )
    )
    restart_thread = threading.Thread(target=restarter, daemon=True)
    log(f"{users} visitors for {seconds:.0f} s, database restart at {restart_at:.0%}")
    for thread in threads:
        thread.start()
    restart_thread.start()
    for thread in threads:
        thread.join()
    finished.set()
    restart_thread.join()
    return recorder, restart, time.monotonic() - started


def registration_checks(recorder: Recorder, database: dict) -> list[str]:
    problems = list(database["problems"])
    for attempt in recorder.attempts:
        label = (
            f"{attempt['intent']} {attempt['email']} on session {attempt['session']}"
        )
        if attempt["outcome"] == "refused" and not attempt.get("explained"):
            problems.append(f"refused without a message: {label}")
        if attempt["outcome"] == "refused" and attempt["intent"] == "fresh":
            problems.append(f"a new address was refused: {label}")
        if attempt["outcome"] == "succeeded" and attempt["intent"] in (
            "duplicate",
            "no consent",
            "bad phone",
        ):
            problems.append(f"accepted what must be refused: {label}")
        if attempt.get("result_http") == 200 and attempt.get("status") is None:
            problems.append(f"the result page does not say the status: {label}")
    return list(dict.fromkeys(problems))


def summary(report: dict) -> None:
    print(f"\n{'kind':18} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
          f" {'5xx/err in':>10} {'outside':>8} {'cached':>7}")  # fmt: skip
    for kind, row in report["kinds"].items():
        print(
            f"{kind:18} {row['requests']:8d} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f}"
            f" {row['p99_ms']:8.1f} {row['failed_in_window']:10d}"
            f" {row['failed_outside']:8d} {row['cache_hits']:7.0%}"
        )
    restart = report["restart"]
    print(
        f"\n{report['requests']} requests in {report['seconds']:.0f} s "
        f"({report['requests_per_s']} req/s) by {report['users']} visitors; "
        f"all kinds p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, "
        f"p99 {report['p99_ms']} ms"
    )
    print(
        f"database restart at {restart['begun_s']:.1f} s, back at "
        f"{restart['database_back_s']:.1f} s; site answered from the database again "
        f"{restart['recovery_after_database_s']} s later "
        f"(outage {restart['outage_s']} s)"
        if restart.get("site_recovered_s") is not None
        else f"database restart: {restart} — the site did not recover"
    )
    print(
        f"failed inside the restart window: {report['failed_in_window']} "
        f"{report['failed_in_window_by_kind']}; unexpected answers outside it: "
        f"{len(report['unexpected_outside_window'])}"
    )
    database = report["database"]
    print(
        f"registrations: {database['attempts']} attempts "
        f"({report['intents']}); rows {database['rows']}; e-mails {database['mails']}"
    )
    for session in database["sessions"]:
        print(
            f"  session {session['pk']}: capacity {session['capacity']}, confirmed "
            f"{session['confirmed']}, waiting {session['waitlisted']}, duplicate "
            f"e-mails {session['duplicate_emails']}"
        )
    print("\nchecks:")
    for check in report["checks"]:
        print(f"  [{'ok' if check['ok'] else 'FAILED'}] {check['check']}")
        for detail in check.get("details", [])[:10]:
            print(f"        {detail}")


def git(*args: str) -> bytes:
    command = ["git", "-C", str(ROOT), *args]
    return subprocess.run(command, capture_output=True, check=True).stdout  # noqa: S603


def export(ref: str) -> Path:
    """Return a directory holding the files of a commit, with the virtualenv."""
    target = Path(tempfile.mkdtemp(prefix="coop-load-src-"))
    archive = git("archive", "--format=tar", ref)
    subprocess.run(  # noqa: S603
        ["tar", "-x", "-C", str(target)],  # noqa: S607
        input=archive,
        check=True,
    )
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def _interrupt(*_args) -> None:
    raise KeyboardInterrupt


def main() -> int:
    BUILD.mkdir(exist_ok=True)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    cluster = Cluster()
    sink = SmtpSink()
    server = None
    global APP
    exported = None
    try:
        if os.environ.get("LOAD_REF"):
            APP = exported = export(os.environ["LOAD_REF"])
            revision = git("rev-parse", "--short", os.environ["LOAD_REF"]).decode()
            log(f"serving commit {revision.strip()} (exported to {APP})")
        log(f"private PostgreSQL cluster on 127.0.0.1:{cluster.port} ({cluster.home})")
        database_url = cluster.start()
        env = environment(database_url, sink.port)
        if serve.flush_cache(env):
            log(f"cache: {env['REDIS_URL']} (flushed)")
        for step in (
            ("migrate", "--noinput"),
            ("update_translation_fields",),
            ("set_translation_url_paths",),
            ("compile_translations",) if exported else (),
            ("collectstatic", "--noinput"),
        ):
            if not step:
                continue
            log(f"manage.py {' '.join(step)}")
            manage(env, *step, cwd=APP)
        bulk = str(int(setting("LOAD_BULK", 200)))
        log(f"seed_demo --bulk {bulk}")
        manage(env, "seed_demo", "--force", "--bulk", bulk, cwd=APP)
        plan_path = BUILD / "load-plan.json"
        django_side(env, "seed", str(plan_path))
        plan = json.loads(plan_path.read_text())
        plan["register_share"] = setting("LOAD_REGISTER_SHARE", 0.15)
        analyze(database_url, psql=str(PG_BIN / "psql"))
        workers = int(setting("LOAD_WORKERS", 2))
        server = Server(env, workers=workers, cwd=APP, log=BUILD / "load-gunicorn.log")
        log(f"gunicorn, {workers} workers, on {server.url()}")
        recorder, restart, seconds = drive(server, plan, cluster)
        server.stop()
        server = None
        results_path = BUILD / "load-attempts.json"
        results_path.write_text(
            json.dumps(
                {
                    "attempts": recorder.attempts,
                    "mails": sink.recipients,
                    "session_pks": [s["pk"] for s in plan["sessions"]],
                }
            )
        )
        verdict_path = BUILD / "load-database.json"
        django_side(env, "verify", str(results_path), str(verdict_path))
        database = json.loads(verdict_path.read_text())
        report = analyse(recorder, restart, seconds)
        intents: dict[str, dict[str, int]] = {}
        for attempt in recorder.attempts:
            row = intents.setdefault(attempt["intent"], {})
            row[attempt["outcome"]] = row.get(attempt["outcome"], 0) + 1
        problems = registration_checks(recorder, database)
        limit = setting("LOAD_RECOVERY_LIMIT", 5)
        recovery = report["restart"]["recovery_after_database_s"]
        checks = [
            {
                "check": "the database restarted mid-run",
                "ok": "ended" in restart and "error" not in restart,
                "details": [restart.get("error", "")] if "error" in restart else [],
            },
            {
                "check": f"the site recovered by itself within {limit:.0f} s of the "
                f"database (took {recovery} s)",
                "ok": recovery is not None and recovery <= limit,
            },
            {
                "check": "no 5xx, connection error or other unexpected answer outside "
                "the restart window",
                "ok": not report["unexpected_outside_window"],
                "details": [
                    f"{s['start_s']} s {s['kind']} {s['path']} -> "
                    f"{s['status'] or s['error']}"
                    for s in report["unexpected_outside_window"]
                ],
            },
            {
                "check": "registrations: none lost or duplicated, refusals left "
                "nothing, capacity kept, waiting list places contiguous, one e-mail "
                "each, failed requests left nothing or a complete registration",
                "ok": not problems,
                "details": problems,
            },
            {
                "check": "no public response contained the online joining link",
                "ok": not recorder.leaks,
                "details": sorted(set(recorder.leaks)),
            },
            {
                "check": "registrations were exercised (successes, waiting list, "
                "duplicates refused)",
                "ok": intents.get("fresh", {}).get("succeeded", 0) > 0
                and intents.get("duplicate", {}).get("refused", 0) > 0
                and any(a.get("status") == "waitlisted" for a in recorder.attempts),
            },
        ]
        report.update(
            users=int(setting("LOAD_USERS", 20)),
            seconds=round(seconds, 1),
            workers=workers,
            intents=intents,
            database=database,
            checks=checks,
        )
        (BUILD / "load.json").write_text(
            json.dumps(report, indent=2, ensure_ascii=False)
        )
        summary(report)
        print(f"written {BUILD / 'load.json'}")
        return 0 if all(check["ok"] for check in checks) else 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except RuntimeError as error:
        log(str(error))
        return 2
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if server is not None:
            server.stop()
        sink.stop()
        cluster.remove()
        if exported is not None:
            shutil.rmtree(exported, ignore_errors=True)
        log("cleaned up: gunicorn stopped, private cluster stopped and removed")


if __name__ == "__main__":
    sys.exit(main())
