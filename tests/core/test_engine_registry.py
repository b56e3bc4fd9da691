"""The engine table's prices: only an engine that charges per minute costs the user anything."""

from __future__ import annotations

from kzdesk.core import cost, engine_registry


def test_speechkit_costs_its_billed_minutes_at_the_users_price() -> None:
    speechkit = engine_registry.info(engine_registry.SPEECHKIT)
    assert speechkit.cost(60_000, 2.0) == 2.0
    assert speechkit.cost(3_000, 2.0) == 0.5  # billed as 15 s
    assert speechkit.cost(60_000, 2.0, channels=3) == 4.0  # channels are billed in pairs
    assert speechkit.billed_seconds is cost.billed_seconds
    assert speechkit.cost(60_000, 0.0) is None  # no price set: no estimate


def test_engines_on_this_computer_or_an_own_server_cost_nothing_per_minute() -> None:
    for name in ("whisper", "server"):
        assert engine_registry.info(name).billed_seconds is None
        assert engine_registry.info(name).cost(3_600_000, 2.0) is None
    assert engine_registry.info("made-up").cost(60_000, 2.0) is None  # a newer kzdesk's engine


def test_a_mixed_queue_counts_only_the_minutes_that_are_charged() -> None:
    jobs = [
        ("speechkit", 120_000),
        ("whisper", 600_000),
        ("server", 600_000),
        ("speechkit", 60_000),
    ]
    total = sum(engine_registry.info(e).cost(ms, 1.5) or 0.0 for e, ms in jobs)
    assert total == 4.5
