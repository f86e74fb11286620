"""The store under a killed writer and under two processes writing at once (real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from privacy_hygiene.store import Store, clock

# Opens the store after a "go" line on stdin, writes answers (every fifth together with a
# snapshot, in one batch) and prints the index of each write only after set_answer returned.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from privacy_hygiene.store import Snapshot, Store, clock

    path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    sys.stdin.readline()
    store = Store(path)
    for index in range(count):
        item = f"{tag}.{index}"
        if index % 5 == 0:
            with store.batch():
                store.set_answer(item, "pass", note="n" * 300)
                store.add_snapshot(Snapshot(clock.now(), float(index % 100), 0.5, "fair", {1: 1.0}, {item: "pass"}))
        else:
            store.set_answer(item, "partial" if index % 2 else "fail")
        print(index, flush=True)
    """
)


def _start(path: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def test_killed_writer_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    writer = _start(path, "killed", 100_000)
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write("go\n")
    writer.stdin.flush()
    acknowledged = []
    for line in writer.stdout:
        acknowledged.append(int(line))
        if len(acknowledged) >= 120:
            break
    writer.send_signal(signal.SIGKILL)  # mid-loop: very likely inside a transaction
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    with Store(path) as store:  # reopens cleanly (WAL recovery), no StateError
        answers = store.answers()
        missing = [index for index in acknowledged if f"killed.{index}" not in answers]
        assert missing == []
        # what was saved is whole: every batch's answer has its snapshot beside it
        snapshot_items = {item for snap in store.snapshots() for item in snap.states}
        batched = {item for item in answers if int(item.split(".")[1]) % 5 == 0}
        assert batched == snapshot_items
        # and the store keeps working after the crash
        store.set_answer("after.crash", "pass")
        assert store.answer("after.crash") is not None


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "state.sqlite3"  # both processes create and migrate it together
    count = 120
    writers = [_start(path, tag, count) for tag in ("alpha", "beta")]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert out.split() == [str(index) for index in range(count)]
    with Store(path) as store:
        answers = store.answers()
        for tag in ("alpha", "beta"):
            assert {f"{tag}.{index}" for index in range(count)} <= set(answers)
        assert len(store.answer_history()) == 2 * count
        assert len(store.snapshots()) == 2 * (count // 5)


def test_clock_can_be_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.NOW_ENV, "2027-01-31")
    assert clock.to_text(clock.now()) == "2027-01-31T00:00:00.000000+00:00"
    monkeypatch.setenv(clock.NOW_ENV, "2027-01-31T08:30:00+08:00")
    assert clock.now().hour == 0 and clock.now().minute == 30
    monkeypatch.delenv(clock.NOW_ENV)
    assert clock.now().year >= 2026 and clock.now().tzinfo is not None


# Saves one answer, then opens a batch, writes inside it, says so and waits (on stdin) to be killed.
HALF_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from privacy_hygiene.store import Snapshot, Store, clock

    store = Store(Path(sys.argv[1]))
    store.set_answer("p01.saved", "pass")
    print("saved", flush=True)
    with store.batch():
        store.set_answer("p01.half", "pass")
        store.add_snapshot(Snapshot(clock.now(), 1.0, 1.0, "fair"))
        print("inside", flush=True)
        sys.stdin.readline()
    """
)


def test_kill_inside_a_transaction_leaves_no_half_write(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", HALF_WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "saved"
    assert writer.stdout.readline().strip() == "inside"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    with Store(path) as store:
        assert store.answer("p01.saved") is not None
        assert store.answer("p01.half") is None and store.snapshots() == []
        store.set_answer("p01.after", "fail")  # the lock died with the process
