"""Replays review histories through the reference FSRS scheduler (the `fsrs` package on
PyPI), set as mlquiz sets ts-fsrs: default parameters, 90% retention, whole days (no
learning or relearning steps), no fuzz. Prints each question's final memory state and due
time as JSON, for the test to hold the FSRS state that `export --with-progress` carries
against it.

usage: fsrs_replay.py < {"question": [["2026-11-01T09:00:00.000Z", 3], ...], ...}
"""
import json
import sys
from datetime import datetime

from fsrs import Card, Rating, Scheduler


def main() -> None:
    histories = json.load(sys.stdin)
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    out = {}
    for question, reviews in histories.items():
        card = Card()
        for at, rating in reviews:
            when = datetime.fromisoformat(at.replace("Z", "+00:00"))
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=when)
        out[question] = {"s": card.stability, "d": card.difficulty, "due": card.due.isoformat()}
    print(json.dumps(out))


main()
