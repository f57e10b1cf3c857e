"""The room's server under load on the loopback interface: phones on websockets sending answers
at a steady rate, an operator acting once a second, and the time until every connection has the
new state. Bounded in phones, rate and time.

    .venv/bin/python tests/benchmarks/room_bench.py [--phones 300] [--rate 60] [--seconds 20]

Prints the answers sent and stored (read back from the SQLite file after the server stopped),
the operator-action-to-every-screen latency (p50, p95, p99; target p95 <= 200 ms) and the
server process's peak memory (target < 300 MB).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import socket as sockets_module
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kulturdialog.room.store import Store
from tests.editor.conftest import free_port

SECRET = "benchmark-secret-0123456789abcdef"
TASK = "benchmark-task"
KEY = "gathering:benchmark"
SCREENS = 10

SERVER = """
import sys
from pathlib import Path
from kulturdialog.room.app import room_app
from kulturdialog.room.channel import Channel, Task
from kulturdialog.room.serve import room_server
from kulturdialog.room.store import Store

folder, port = Path(sys.argv[1]), int(sys.argv[2])
tasks = {"TASK": Task("TASK", "Benchmark", "nb", 1, 3)}
channel = Channel(Store(folder / "room.sqlite"), "SECRET", tasks)
app = room_app(folder / "site", channel, f"http://127.0.0.1:{port}")
try:
    room_server(app, "127.0.0.1", port).run()
except KeyboardInterrupt:
    pass
""".replace("TASK", TASK).replace("SECRET", SECRET)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def open_socket(port: int) -> ClientConnection:
    origin = f"http://127.0.0.1:{port}"
    return await connect(
        f"ws://127.0.0.1:{port}/_room/live", origin=origin, max_queue=None, open_timeout=30
    )  # type: ignore[arg-type]


async def bench(port: int, phones: int, rate: float, seconds: float) -> dict[str, object]:
    sockets = [await open_socket(port) for _ in range(phones + SCREENS + 1)]
    operator, screens = sockets[0], sockets[1:]
    for socket in sockets:
        hello = {"type": "hello", "key": KEY}
        if socket is operator:
            hello["secret"] = SECRET
        await socket.send(json.dumps(hello))
        json.loads(await socket.recv())
    seen: dict[int, list[float]] = {}
    stored: set[str] = set()
    sent: list[str] = []
    refused: list[str] = []

    async def listen(socket: ClientConnection) -> None:
        async for raw in socket:
            message = json.loads(raw)
            if message["type"] == "state":
                seen.setdefault(message["seq"], []).append(time.perf_counter())
            elif message["type"] == "stored":
                stored.add(message["id"])
            elif message["type"] in ("refused", "busy"):
                refused.append(str(message))

    listeners = [asyncio.create_task(listen(socket)) for socket in sockets]
    actions: dict[int, float] = {}
    end = time.perf_counter() + seconds

    async def operate() -> None:
        seq = 0
        while time.perf_counter() < end:
            state = {"v": 1, "start": 570, "extra": {}, "at": seq + 1}
            actions[seq + 1] = time.perf_counter()
            message = {"type": "state", "secret": SECRET, "key": KEY, "base": seq, "state": state}
            await operator.send(json.dumps(message))
            seq += 1
            await asyncio.sleep(1.0)

    async def answer() -> None:
        count = 0
        start = time.perf_counter()
        while time.perf_counter() < end:
            phone = screens[SCREENS + count % phones]
            ident = f"bench-answer-{count:08}"
            answer = {"type": "answer", "id": ident, "phone": f"bench-phone-{count % phones:04}"}
            answer |= {"task": TASK, "group": 1 + count % 99}
            answer |= {"points": ["Mer samarbeid", "Felles møteplasser"], "comment": "Fra benken"}
            await phone.send(json.dumps(answer))
            sent.append(ident)
            count += 1
            await asyncio.sleep(max(0.0, start + count / rate - time.perf_counter()))

    await asyncio.gather(operate(), answer())
    deadline = time.perf_counter() + 15
    while len(stored) < len(sent) and time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(1.0)
    for task in listeners:
        task.cancel()
    for socket in sockets:
        await socket.close()
    receivers = len(sockets)
    latencies = [
        (max(seen[seq]) - at) * 1000
        for seq, at in actions.items()
        if len(seen.get(seq, [])) == receivers
    ]
    return {
        "sent": len(sent),
        "confirmed": len(stored),
        "refused": refused[:3],
        "actions": len(actions),
        "actions_everywhere": len(latencies),
        "receivers": receivers,
        "latencies": latencies,
    }


def wait_listening(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with sockets_module.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError("the room's server did not start")


def peak_memory(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--rate", type=float, default=60, help="answers a second, all phones")
    parser.add_argument("--seconds", type=float, default=20, help="at most 120")
    args = parser.parse_args()
    seconds = min(args.seconds, 120.0)
    phones = max(1, min(args.phones, 1000))
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / "site").mkdir()
        (folder / "site" / "index.html").write_text("<html><body></body></html>")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(folder), str(port)])
        try:
            wait_listening(port)
            result = asyncio.run(bench(port, phones, args.rate, seconds))
            memory = peak_memory(server.pid)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
        store = Store(folder / "room.sqlite")
        kept = len(store.answers())
        store.close()
    latencies = result["latencies"]
    assert isinstance(latencies, list)
    print(
        f"phones: {phones} (+{SCREENS} screens, 1 operator), {args.rate:g} answers/s, {seconds:g} s"
    )
    print(f"answers sent: {result['sent']}, confirmed: {result['confirmed']}, stored: {kept}")
    if result["refused"]:
        print(f"refused (first): {result['refused']}")
    print(
        f"operator actions: {result['actions']}, reached all {result['receivers']} connections: "
        f"{result['actions_everywhere']}"
    )
    if latencies:
        print(
            "action to every screen: "
            f"p50 {statistics.median(latencies):.1f} ms, "
            f"p95 {percentile(latencies, 0.95):.1f} ms, "
            f"p99 {percentile(latencies, 0.99):.1f} ms (target p95 <= 200 ms)"
        )
    print(f"server peak memory: {memory} MB (target < 300 MB)")


if __name__ == "__main__":
    main()
