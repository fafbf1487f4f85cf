"""The politeness scheduler: limits hold, a busy host is not starved, cancellation leaks nothing."""

from __future__ import annotations

import asyncio
import random

import pytest

from sources.net.slots import HostSlots


async def _hold(slots: HostSlots, host: str, started: list[str], gate: asyncio.Event) -> None:
    async with slots.slot(host):
        started.append(host)
        await gate.wait()


def test_a_freed_slot_goes_to_the_host_with_the_longest_queue() -> None:
    async def scenario() -> list[str]:
        slots = HostSlots(total=2, per_host=2)
        started: list[str] = []
        gates = {name: asyncio.Event() for name in ("b1", "b2", "q1", "q2", "q3", "b3", "b4", "b5")}
        tasks = []
        for name, gate in gates.items():
            host = "busy" if name.startswith("b") else name
            tasks.append(asyncio.create_task(_hold(slots, host, started, gate)))
            await asyncio.sleep(0)
        assert started == ["busy", "busy"]  # both slots taken; the rest wait in arrival order
        gates["b1"].set()
        await asyncio.sleep(0.01)
        # A queue-order scheduler would start q1 here; the busy host has three waiting.
        assert started[2] == "busy"
        for gate in gates.values():
            gate.set()
        await asyncio.gather(*tasks)
        assert slots.in_use == 0
        return started

    started = asyncio.run(scenario())
    assert sorted(started) == sorted(["busy"] * 5 + ["q1", "q2", "q3"])


def test_limits_hold_under_a_random_workload() -> None:
    async def scenario() -> int:
        slots = HostSlots(total=5, per_host=2)
        peak = 0
        rng = random.Random(7)

        async def request(host: str) -> None:
            nonlocal peak
            async with slots.slot(host):
                peak = max(peak, slots.in_use)
                assert slots.in_use <= 5
                assert slots.active(host) <= 2
                await asyncio.sleep(rng.random() / 500)

        hosts = [f"h{rng.randrange(8)}" for _ in range(200)]
        await asyncio.gather(*(request(h) for h in hosts))
        assert slots.in_use == 0
        return peak

    assert asyncio.run(scenario()) == 5


def test_cancelled_waiters_give_their_place_and_slots_back() -> None:
    async def scenario() -> None:
        slots = HostSlots(total=1, per_host=1)
        started: list[str] = []
        first_gate, never = asyncio.Event(), asyncio.Event()
        first = asyncio.create_task(_hold(slots, "a", started, first_gate))
        await asyncio.sleep(0)
        queued = asyncio.create_task(_hold(slots, "b", started, never))
        later = asyncio.create_task(_hold(slots, "c", started, first_gate))
        await asyncio.sleep(0)
        queued.cancel()
        first_gate.set()
        await asyncio.gather(first, later)
        with pytest.raises(asyncio.CancelledError):
            await queued
        assert started == ["a", "c"]
        assert slots.in_use == 0

        # Cancelled just as its slot arrived: the slot is passed on, not lost.
        gate = asyncio.Event()
        holder = asyncio.create_task(_hold(slots, "a", started, gate))
        await asyncio.sleep(0)
        unlucky = asyncio.create_task(_hold(slots, "b", started, never))
        await asyncio.sleep(0)
        gate.set()
        await holder  # its release hands the slot to "b"'s waiter...
        unlucky.cancel()  # ...which is cancelled before it runs
        with pytest.raises(asyncio.CancelledError):
            await unlucky
        assert slots.in_use == 0
        async with slots.slot("d"):
            assert slots.in_use == 1

    asyncio.run(scenario())


def test_limits_below_one_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        HostSlots(total=0, per_host=1)
