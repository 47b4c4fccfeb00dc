"""Imports an .apkg with Anki's own library into a fresh collection and prints what Anki made
of it as JSON: notes (guid, note type, fields, tags, deck), cards (days until due, interval,
reps, lapses, FSRS memory state, front and back as Anki renders them) and the number of revlog rows of each note.

usage: anki_import.py PACKAGE [PACKAGE...]   (each imported in turn into the same collection)
"""
import json
import os
import sys
import tempfile

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def main() -> None:
    col = Collection(os.path.join(tempfile.mkdtemp(prefix="mlq-oracle-"), "collection.anki2"))
    logs = []
    for package in sys.argv[1:]:
        options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, merge_notetypes=True)
        out = col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))
        logs.append({"new": len(out.log.new), "updated": len(out.log.updated), "duplicate": len(out.log.duplicate)})
    notes = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        cards = []
        for card in note.cards():
            ms = card.memory_state
            cards.append(
                {
                    "deck": col.decks.name(card.did),
                    "type": card.type,
                    "queue": card.queue,
                    "days_until_due": card.due - col.sched.today if card.type == 2 else None,
                    "ivl": card.ivl,
                    "reps": card.reps,
                    "lapses": card.lapses,
                    "memory": {"s": ms.stability, "d": ms.difficulty} if ms else None,
                    "revlog": col.db.scalar("select count() from revlog where cid = ?", card.id),
                    # The card as Anki renders it from the note type's templates.
                    "front": card.question(),
                    "back": card.answer(),
                }
            )
        notes.append(
            {
                "guid": note.guid,
                "model": note.note_type()["name"],
                "fields": dict(note.items()),
                "tags": note.tags,
                "cards": cards,
            }
        )
    print(json.dumps({"logs": logs, "notes": notes, "revlog": col.db.scalar("select count() from revlog")}))
    col.close()


main()
