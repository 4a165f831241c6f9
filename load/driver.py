"""Simulated visitors: mixed public reading and registrations, every request recorded."""

import dataclasses
import random
import re
import threading
import time
from collections.abc import Callable

import requests

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RESULT = re.compile(
    r'class="training-result training-(confirmed|waitlisted)"[^>]*>(.*?)</p>', re.S
)
READ_WEIGHTS = {
    "home": 3,
    "news index": 2,
    "news article": 2,
    "events": 2,
    "event": 2,
    "register": 2,
    "register filtered": 1,
    "calendar": 2,
    "calendar agenda": 1,
    ".ics feed": 1,
    ".ics filtered": 1,
    ".ics event": 1,
    "session page": 3,
}
# What a registration tries: most are new, some repeat an address on purpose.
INTENTS = {"fresh": 60, "duplicate": 15, "twin": 10, "no consent": 8, "bad phone": 7}
# Kinds that cannot be answered from the page cache, so they need the database.
DATABASE_KINDS = {"session page", "registration", "registered page", "probe"}


@dataclasses.dataclass
class Sample:
    kind: str
    method: str
    path: str
    start: float
    end: float
    status: int
    error: str = ""
    cache: str = ""


class Recorder:
    """Collect samples and registration attempts from every thread."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.lock = threading.Lock()
        self.samples: list[Sample] = []
        self.attempts: list[dict] = []
        self.leaks: list[str] = []
        self.succeeded: dict[int, list[str]] = {}

    def sample(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)

    def attempt(self, attempt: dict) -> None:
        with self.lock:
            self.attempts.append(attempt)
            if attempt["outcome"] == "succeeded":
                self.succeeded.setdefault(attempt["session"], []).append(
                    attempt["email"]
                )


class Visitor:
    """One visitor with its own cookies, reading and registering until the deadline."""

    def __init__(
        self,
        number: int,
        base: str,
        plan: dict,
        recorder: Recorder,
        deadline: float,
        think: float,
        seed: int,
    ) -> None:
        self.number = number
        self.base = base
        self.plan = plan
        self.recorder = recorder
        self.deadline = deadline
        self.think = think
        self.random = random.Random(seed)  # noqa: S311 (not for security)
        self.http = requests.Session()
        self.counter = 0
        self.name = f"Load Visitor {number}"

    def call(
        self, kind: str, method: str, path: str, **kwargs
    ) -> requests.Response | None:
        start = time.monotonic() - self.recorder.started
        response = None
        try:
            response = self.http.request(
                method,
                self.base + path,
                timeout=(5, 60),
                allow_redirects=False,
                **kwargs,
            )
            status, error = response.status_code, ""
        except requests.RequestException as exc:
            status, error = 0, type(exc).__name__
        end = time.monotonic() - self.recorder.started
        cache = response.headers.get("X-Page-Cache", "") if response is not None else ""
        self.recorder.sample(
            Sample(kind, method, path, start, end, status, error, cache)
        )
        if response is not None and self.plan["secret"] in response.text:
            with self.recorder.lock:
                self.recorder.leaks.append(path)
        return response

    def run(self) -> None:
        kinds, weights = zip(*READ_WEIGHTS.items(), strict=True)
        while time.monotonic() < self.deadline:
            if self.random.random() < self.plan.get("register_share", 0.15):
                self.register()
            else:
                kind = self.random.choices(kinds, weights)[0]
                language = self.random.choice(("ru", "az", "en"))
                if kind == "session page":
                    session = self.random.choice(self.plan["sessions"])
                    path = session["urls"][language]
                else:
                    path = self.plan["reads"][kind][language]
                self.call(kind, "GET", path)
            time.sleep(self.random.uniform(0, self.think))

    def _session(self) -> dict:
        small = [s for s in self.plan["sessions"] if s["load"]]
        if self.random.random() < 0.85:
            return self.random.choice(small)
        return self.random.choice(self.plan["sessions"])

    def register(self) -> None:
        session = self._session()
        language = self.random.choice(("ru", "az", "en"))
        intents, weights = zip(*INTENTS.items(), strict=True)
        intent = self.random.choices(intents, weights)[0]
        self.counter += 1
        email = f"load-u{self.number}-{self.counter}-s{session['pk']}@example.org"
        if intent == "duplicate":
            with self.recorder.lock:
                taken = list(self.recorder.succeeded.get(session["pk"], []))
            if not taken:
                intent = "fresh"
            else:
                email = self.random.choice(taken)
                if self.random.random() < 0.5:
                    email = email.upper()
        if intent == "twin":
            # The same address sent twice at once, as from a double click.
            other = Visitor(
                self.number + 1000,
                self.base,
                self.plan,
                self.recorder,
                self.deadline,
                self.think,
                self.random.random(),
            )
            other.name = self.name
            thread = threading.Thread(
                target=other.attempt, args=(session, language, intent, email)
            )
            thread.start()
            self.attempt(session, language, intent, email)
            thread.join()
        else:
            self.attempt(session, language, intent, email)

    def attempt(
        self, session: dict, language: str, intent: str, email: str, tries: int = 0
    ) -> None:
        path = session["urls"][language]
        record = {
            "session": session["pk"],
            "language": language,
            "intent": intent,
            "email": email,
            "name": self.name,
            "organisation": "Load test",
            "posted": False,
        }
        failed = None
        page = self.call("session page", "GET", path)
        token = CSRF_FIELD.search(page.text) if page is not None else None
        if page is None or page.status_code != 200 or token is None:
            failed = "form"
        else:
            cookie = page.cookies.get("csrftoken") or self.http.cookies.get(
                "csrftoken", ""
            )
            data = {
                "csrfmiddlewaretoken": token.group(1),
                "name": record["name"],
                "email": email,
                "organisation": record["organisation"],
                "phone": "+7 8422 00-00-00" if intent != "bad phone" else "call me",
                "language": language,
            }
            if intent != "no consent":
                data["consent"] = "on"
            record["posted"] = True
            response = self.call(
                "registration",
                "POST",
                path + "register/",
                data=data,
                cookies={"csrftoken": cookie},
                headers={"Referer": self.base + path},
            )
            location = response.headers.get("Location", "") if response else ""
            if response is not None and response.status_code == 302:
                if "/registered/" not in location:
                    failed = f"redirect to {location}"
                else:
                    record.update(outcome="succeeded", status=None, position=None)
                    record["token"] = location.rstrip("/").rsplit("/", 1)[-1]
                    self._read_result(record, location)
            elif response is not None and response.status_code == 200:
                record["outcome"] = "refused"
                # The form must say what is wrong.
                record["explained"] = "has-error" in response.text or (
                    "form-errors" in response.text
                )
            else:
                failed = (
                    str(response.status_code) if response is not None else "no answer"
                )
        if failed:
            record.update(outcome="failed", failure=failed)
        record["at"] = time.monotonic() - self.recorder.started
        self.recorder.attempt(record)
        if failed and tries < 8 and time.monotonic() < self.deadline:
            # A patient visitor tries again a moment later.
            time.sleep(1)
            self.attempt(session, language, "retry", email, tries + 1)

    def _read_result(self, record: dict, location: str) -> None:
        path = location.split(self.base, 1)[-1]
        response = self.call("registered page", "GET", path)
        record["result_http"] = response.status_code if response is not None else 0
        if response is None or response.status_code != 200:
            return
        match = RESULT.search(response.text)
        if match:
            record["status"] = match.group(1)
            if match.group(1) == "waitlisted":
                number = re.search(r"\d+", match.group(2))
                record["position"] = int(number.group()) if number else None


def probe(
    base: str, path: str, recorder: Recorder, deadline: float, stop: Callable
) -> None:
    """Ask for a page that needs the database five times a second."""
    http = requests.Session()
    while time.monotonic() < deadline and not stop():
        start = time.monotonic() - recorder.started
        try:
            status, error = http.get(base + path, timeout=(5, 60)).status_code, ""
        except requests.RequestException as exc:
            status, error = 0, type(exc).__name__
        end = time.monotonic() - recorder.started
        recorder.sample(Sample("probe", "GET", path, start, end, status, error))
        time.sleep(0.2)
