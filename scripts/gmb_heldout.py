#!/usr/bin/env python3
"""Writes the documents the name model is not trained on (every Nth document of the
annotated sentences, as `corpus-explorer train-tagger --hold-back-every N` leaves out) as
text files plus a gold file in the format of the shared scorer, so the engine can be
measured on news it never saw:

  scripts/gmb_heldout.py gmb-train.conll OUT_DIR --every 10
  corpus-explorer export OUT_DIR/docs -o heldout.json
  score.py --gold OUT_DIR/gold.json --texts OUT_DIR/docs --app heldout.json
"""
import argparse
import json
import os

KIND = {"per": "person", "org": "organisation", "geo": "place", "gpe": "place",
        "tim": "date", "art": "other", "eve": "other", "nat": "other"}
LEFT = {".", ",", ";", ":", "!", "?", ")", "]", "%", "...", "…", "/", "n't"}
RIGHT = {"(", "[", "$", "/", "#"}


def attaches_left(tok):
    return tok in LEFT or (tok[:1] in ("'", "’") and len(tok) <= 4 and tok != "'")


def read_docs(path):
    docs, doc, sent = [], None, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if doc is not None:
                if sent:
                    doc[1].append(sent)
                docs.append(doc)
            doc, sent = (line.split(maxsplit=1)[1].strip(), []), []
        elif not line.strip():
            if sent and doc is not None:
                doc[1].append(sent)
            sent = []
        else:
            sent.append(line.split("\t"))
    if doc is not None:
        if sent:
            doc[1].append(sent)
        docs.append(doc)
    return docs


def render(sentences):
    text, spans = "", []
    for sent in sentences:
        if text:
            text += "\n"
        quote_open, glue_next, open_span = False, True, None
        for tok, pos, tag in sent:
            is_quote = tok == '"'
            if not glue_next and not (attaches_left(tok) or (is_quote and quote_open)):
                text += " "
            start = len(text)
            text += tok
            glue_next = tok in RIGHT or (is_quote and not quote_open)
            if is_quote:
                quote_open = not quote_open
            bio, _, kind = tag.partition("-")
            if open_span and not (bio == "I" and open_span["tag"] == kind):
                spans.append(open_span)
                open_span = None
            if bio in ("B", "I") and open_span is None:
                open_span = {"start": start, "tag": kind, "pos": []}
            if open_span:
                open_span["end"] = len(text)
                open_span["pos"].append(pos)
        if open_span:
            spans.append(open_span)
    for s in spans:
        s["kind"] = KIND[s["tag"]]
        s["text"] = text[s["start"]:s["end"]]
    return text, spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("conll")
    ap.add_argument("out")
    ap.add_argument("--every", type=int, default=10)
    args = ap.parse_args()
    os.makedirs(os.path.join(args.out, "docs"), exist_ok=True)
    gold = {"docs": {}}
    for i, (doc_id, sentences) in enumerate(read_docs(args.conll)):
        if i % args.every != args.every - 1:
            continue
        text, spans = render(sentences)
        name = f"{doc_id}.txt"
        with open(os.path.join(args.out, "docs", name), "w", encoding="utf-8") as f:
            f.write(text)
        gold["docs"][name] = {"chars": len(text), "spans": spans}
    with open(os.path.join(args.out, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f)
    print(f"{len(gold['docs'])} documents held back")


if __name__ == "__main__":
    main()
