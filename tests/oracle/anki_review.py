"""Plays a person who practises in Anki: imports an mlquiz .apkg into a fresh collection, adds
a note of their own, answers cards through Anki's scheduler and enters two earlier reviews in
the revlog as a sync would, then exports the collection as .colpkg and as .apkg. Prints the
reviews made, as JSON, for the test to find again in `mlquiz import-anki`. LEGACY.apkg is
the same deck exported for older Anki versions (collection.anki21, schema 11).

usage: anki_review.py MLQUIZ.apkg OUT.colpkg OUT.apkg LEGACY.apkg
"""
import json
import os
import sys
import tempfile
import time

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

DAY_MS = 86_400_000


def main() -> None:
    package, colpkg, apkg, legacy = sys.argv[1:5]
    col = Collection(os.path.join(tempfile.mkdtemp(prefix="mlq-oracle-"), "collection.anki2"))
    options = ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))

    # A note of the person's own, reviewed too: its review must not come into mlquiz.
    basic = col.models.by_name("Basic")
    own = col.new_note(basic)
    own["Front"], own["Back"] = "What is a p-value?", "P(data at least this extreme | H0)"
    col.add_note(own, col.decks.id("Own notes"))

    made = []
    col.decks.select(col.decks.id("mlquiz"))
    for ease in (3, 1, 4):
        card = col.sched.getCard()
        assert card is not None, "no card to study"
        card.start_timer()
        time.sleep(0.01)
        col.sched.answerCard(card, ease)
        row = col.db.first("select id, ease, time from revlog where cid = ? order by id desc limit 1", card.id)
        made.append({"guid": card.note().guid, "id": row[0], "ease": row[1], "time": row[2]})

    # Two earlier reviews of another mlquiz note, as another device would have synced them,
    # and one manual reschedule (ease 0), which records no answer.
    notes = [col.get_note(n) for n in col.find_notes("\"note:mlquiz question\"")]
    other = next(n for n in notes if n.guid not in {m["guid"] for m in made})
    cid = other.cards()[0].id
    now = int(time.time() * 1000)
    for days, ease, taken in ((3, 2, 41_000), (1, 3, 17_500)):
        rid = now - days * DAY_MS
        col.db.execute("insert into revlog values (?, ?, -1, ?, 1, 0, 2500, ?, 1)", rid, cid, ease, taken)
        made.append({"guid": other.guid, "id": rid, "ease": ease, "time": taken})
    col.db.execute("insert into revlog values (?, ?, -1, 0, 5, 1, 2500, 0, 4)", now - 2 * DAY_MS, cid)
    own_card = own.cards()[0]
    col.db.execute("insert into revlog values (?, ?, -1, 3, 1, 0, 2500, 9000, 0)", now - DAY_MS + 7, own_card.id)

    for path, old in ((apkg, False), (legacy, True)):
        col.export_anki_package(
            out_path=path,
            options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=False, legacy=old),
            limit=None,
        )
    # Exporting the whole collection closes it.
    col.export_collection_package(colpkg, include_media=False, legacy=False)
    print(json.dumps(made))


main()
