"""Run pip-audit on the pinned requirements and judge the result.

Fails on any known vulnerability. A package the vulnerability service could not
look up is not silently "clean": it is listed, and the run fails when
AUDIT_STRICT=1 (set it where the service is reachable, e.g. a release pipeline).
On these build machines the registry mirror answers no per-version queries
(PyPI's /pypi/<name>/<version>/json gives 404) and OSV is not reachable, so
the default prints what could not be checked instead of failing CI for a
network limit it cannot fix.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def audit(requirements: str, service: str) -> dict | None:
    completed = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            str(PIP_AUDIT),
            "--requirement",
            requirements,
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--vulnerability-service",
            service,
            "--format",
            "json",
            "--timeout",
            "20",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(completed.stdout)
    except json.JSONDecodeError:
        print(
            f"pip-audit ({service}) gave no report: {completed.stderr.strip()[-300:]}"
        )
        return None


def main() -> int:
    strict = os.environ.get("AUDIT_STRICT") == "1"
    failed = False
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        report = None
        for service in ("pypi", "osv"):
            answer = audit(requirements, service)
            if answer is not None:
                report = answer
                if any("skip_reason" not in dep for dep in answer["dependencies"]):
                    break
        if report is None:
            print(f"{requirements}: no vulnerability service answered")
            failed |= strict
            continue
        deps = report["dependencies"]
        vulnerable = [dep for dep in deps if dep.get("vulns")]
        skipped = [dep for dep in deps if "skip_reason" in dep]
        checked = len(deps) - len(skipped)
        print(
            f"{requirements}: {checked} of {len(deps)} packages checked, "
            f"{len(vulnerable)} with known vulnerabilities, {len(skipped)} not checked"
        )
        for dep in vulnerable:
            for vuln in dep["vulns"]:
                fixes = ", ".join(vuln.get("fix_versions", [])) or "no fix"
                print(
                    f"  VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} ({fixes})"
                )
        if skipped:
            names = ", ".join(f"{dep['name']}" for dep in skipped)
            print(f"  not checked (service could not look them up): {names}")
        failed |= bool(vulnerable) or (strict and bool(skipped))
    if failed:
        print("pip-audit: FAILED")
        return 1
    if strict:
        print("pip-audit: no known vulnerability")
    else:
        print(
            "pip-audit: no known vulnerability among the packages it could check; "
            "packages listed as not checked need AUDIT_STRICT=1 where the service "
            "is reachable"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
