"""Benchmark: the partner API in the real gunicorn server, driven by wrk over loopback.

Starts `service/server.py` (gunicorn, one worker per core, preloaded) on a
fresh SQLite store in a temporary folder, with one extra route, a hello-world,
as the floor: the most the same server can answer. Then, for a fixed time each,
wrk drives:

  floor     GET /bench/hello
  API floor GET /api/v1/bench-hello (hello behind the key check, limiter and API headers)
  cached    GET /api/v1/articles/<slug>/renditions/patient (already rendered)
  uncached  GET /api/v1/articles/<variant-n>/renditions/<audience>, every request
            a different article x audience, so each is a cache miss and a render

in interleaved rounds (the median round is shown, so load from elsewhere on the
machine hits every route alike), with gzip accepted as every browser does, and
prints requests/s, p50 and p99 latency, errors and the server's CPU time per
request, and cached as a share of the floor (target: 70% or more, no errors).
Needs Debian's wrk (apt-get install wrk).

    ./py bench/api.py [--seconds 10] [--connections 16]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.api_http import caller  # noqa: E402
from service.server import Server  # noqa: E402
from service.store import Store  # noqa: E402

ARTICLE = ROOT / "articles" / "ra-after-methotrexate.md"
AUDIENCES = ("clinician", "patient", "caregiver")
UNCACHED_SCRIPT = """
local started = 0
function setup(thread)
  thread:set("first", started)
  started = started + 1
end
local count = 0
local audiences = {"clinician", "patient", "caregiver"}
function request()
  local n = %(offset)d + first + %(threads)d * count
  count = count + 1
  local slug = "variant-" .. tostring(math.floor(n / 3) + 1)
  local path = "/api/v1/articles/" .. slug .. "/renditions/" .. audiences[n %% 3 + 1]
  return wrk.format("GET", path)
end
"""


class BenchServer(Server):
    """The production server with one more route, the floor to compare against."""

    def load(self) -> Any:
        app = super().load()
        app.add_url_rule("/bench/hello", "bench_hello", lambda: "hello")
        # The same hello inside the API blueprint ("api." endpoint): key check, rate limit,
        # RateLimit-*/CORS/language headers, as every API response pays them.
        app.add_url_rule("/api/v1/bench-hello", "api.bench_hello", _api_hello)
        return app


def _api_hello() -> str:
    caller()
    return "hello"


def serve(port: int, database_url: str, workers: int, threads: int = 4) -> None:
    BenchServer(
        {
            "bind": f"127.0.0.1:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "preload_app": True,
            "post_fork": _after_fork,
            "timeout": 120,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
        },
        {"DATABASE_URL": database_url, "IMPORT_EXAMPLES": False,
         "API_ANONYMOUS_LIMIT": "1000000/minute"},
    ).run()  # fmt: skip


def _after_fork(_server: Any, worker: Any) -> None:
    worker.app.callable.extensions["medrender.store"].dispose()


def prepare_store(folder: Path, variants: int) -> tuple[str, str]:
    """One article imported `variants` times, each with its own slug and text (its own hash)."""
    articles = folder / "articles"
    articles.mkdir()
    text = ARTICLE.read_text(encoding="utf-8")
    for n in range(variants):
        variant = text.replace("slug: ra-after-methotrexate", f"slug: variant-{n}", 1)
        (articles / f"variant-{n}.md").write_text(variant + f"\nVariant {n} of the bench.\n")
    url = f"sqlite:///{folder / 'bench.db'}"
    store = Store(url)
    store.migrate()
    store.import_folder(articles)
    _, secret = store.create_key("bench", "1000000/minute")
    store.dispose()
    return url, secret


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_ready(base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not become ready in time")


def server_cpu_seconds(master: int) -> float:
    """User + system CPU time of the gunicorn master and its workers so far (Linux /proc).

    CPU per request is what the server itself spends, whatever else the machine
    runs at the time: steadier than requests/s on a shared machine.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        if pid == master or int(fields[1]) == master:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def wrk(url: str, seconds: int, connections: int, threads: int, key: str,
        script: Path | None = None) -> dict[str, float]:  # fmt: skip
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "30s", "-H", f"Authorization: Bearer {key}",
               "-H", "Accept-Encoding: gzip"]  # fmt: skip
    if script:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> dict[str, float]:
    def latency(label: str) -> float:
        found = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not found:
            return float("nan")
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found[2]]
        return float(found[1]) * scale

    requests = re.search(r"^\s*(\d+) requests in", out, re.M)
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    errors = int(non_2xx[1]) if non_2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {
        "requests": float(requests[1]) if requests else 0.0,
        "rps": float(rate[1]) if rate else 0.0,
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": float(errors),
    }


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run with the median requests/s; errors are summed over all runs."""
    ordered = sorted(runs, key=lambda run: run["rps"])
    middle = dict(ordered[len(ordered) // 2])
    middle["errors"] = sum(run["errors"] for run in runs)
    middle["requests"] = sum(run["requests"] for run in runs)
    middle["cpu_ms"] = 1000 * sum(run.get("cpu", 0.0) for run in runs) / max(middle["requests"], 1)
    return middle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=4, help="per worker (medrender serve: 4)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each route, interleaved")
    parser.add_argument("--variants", type=int, default=800, help="articles for cache misses")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    folder = Path(tempfile.mkdtemp(prefix="medrender-bench-"))
    url, key = prepare_store(folder, args.variants)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, MEDRENDER_INSTANCE=str(folder))
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), url, str(args.workers), str(args.threads)],
        env=env,
    )
    try:
        wait_ready(base)
        cached = f"{base}/api/v1/articles/variant-0/renditions/patient"
        urllib.request.urlopen(
            urllib.request.Request(cached, headers={"Authorization": f"Bearer {key}"})
        ).read()
        threads = min(args.workers, args.connections)
        script = folder / "uncached.lua"
        print(f"gunicorn: {args.workers} workers x {args.threads} threads; wrk: {args.connections} "
              f"connections, {args.seconds}s each; key in every request")  # fmt: skip
        routes = {
            "floor (hello)": (f"{base}/bench/hello", args.connections, None),
            "API floor (hello)": (f"{base}/api/v1/bench-hello", args.connections, None),
            "cached rendition": (cached, args.connections, None),
            "uncached rendition": (base, threads, script),
        }
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in routes}
        for _ in range(args.rounds):
            # Each round's cache misses start where the last round's ended.
            done = sum(run["requests"] for run in runs["uncached rendition"])
            script.write_text(UNCACHED_SCRIPT % {"threads": threads, "offset": done + threads})
            for name, (url_, connections, lua) in routes.items():
                before = server_cpu_seconds(server.pid)
                run = wrk(url_, args.seconds, connections, threads, key, lua)
                run["cpu"] = server_cpu_seconds(server.pid) - before
                runs[name].append(run)
        rows = {name: median_run(found) for name, found in runs.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{'route':<20} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'requests':>9} {'errors':>7} "
          f"{'server CPU ms/req':>18}")  # fmt: skip
    for name, row in rows.items():
        print(f"{name:<20} {row['rps']:>9.1f} {row['p50']:>9.2f} {row['p99']:>9.2f} "
              f"{row['requests']:>9.0f} {row['errors']:>7.0f} {row['cpu_ms']:>18.3f}")  # fmt: skip
    share = rows["cached rendition"]["rps"] / rows["floor (hello)"]["rps"]
    api_share = rows["cached rendition"]["rps"] / rows["API floor (hello)"]["rps"]
    cpu_share = rows["floor (hello)"]["cpu_ms"] / rows["cached rendition"]["cpu_ms"]
    paired = sorted(
        cached["rps"] / floor["rps"]
        for cached, floor in zip(runs["cached rendition"], runs["floor (hello)"], strict=True)
    )
    renders = rows["uncached rendition"]["requests"]
    print(
        f"cached rendition at {share:.0%} of the floor (target 70%), {api_share:.0%} of the "
        f"API floor; {renders:.0f} of {args.variants * 3} distinct uncached renditions used"
    )
    print(
        f"round by round (floor and cached run seconds apart), cached at "
        f"{', '.join(f'{share_:.0%}' for share_ in paired)} of the floor: median "
        f"{paired[len(paired) // 2]:.0%}"
    )
    print(
        f"by server CPU per request (steadier on a busy machine), a cached rendition runs at "
        f"{cpu_share:.0%} of the floor's rate"
    )
    if renders > args.variants * 3:
        print("more uncached requests than variants, so some were cache hits: raise --variants")
    errors = sum(row["errors"] for row in rows.values())
    if share < 0.7 or errors:
        print("TARGET MISSED" if share < 0.7 else f"{errors:.0f} ERRORS")
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        main()
